// The runtime state of one task inside a step: what it does, where it is in its lifecycle, which
// live object is ours. Pure bookkeeping; the step's other files do the I/O.
import type { HealthStatus } from '../health/types.js';
import type { K8sObject } from '../manifests/types.js';
import type { ObjectRef } from '../model/object-ref.js';
import type { Task } from '../plan/types.js';
import type { TaskState } from './events.js';
import type { HookLogs } from './hook-logs.js';
import { objectKey } from './object-feed.js';
import { actionOf, checkTransition, isFinal, type TaskAction } from './task-lifecycle.js';

export class TaskTracker {
  readonly key: string;
  readonly action: TaskAction;
  uid: string | null = null;
  minGeneration = 0;
  private current: TaskState = 'Pending';
  health: HealthStatus | null = null;
  message = '';
  /** Set while the tracker is finishing (collecting logs, applying delete policies). */
  finishing = false;
  deletedByUs = false;
  logs: HookLogs | null = null;
  /** When each stuck container state was first seen, for fail-fast thresholds. */
  readonly firstSeen = new Map<string, number>();
  /** When a pod-creation failure no retry fixes was first seen (key: workload uid). */
  readonly createFailSeen = new Map<string, number>();

  constructor(
    readonly task: Task,
    readonly liveName: string,
  ) {
    this.key = objectKey(task.group, task.kind, task.namespace, liveName);
    this.action = actionOf(task);
  }

  get state(): TaskState {
    return this.current;
  }

  /** Move along the action's lifecycle (task-lifecycle.ts); any other move throws. */
  moveTo(next: TaskState): void {
    checkTransition(this.action, this.current, next, `${this.task.kind} ${this.liveName}`);
    this.current = next;
  }

  get ref(): ObjectRef {
    return { apiVersion: this.task.apiVersion, kind: this.task.kind, namespace: this.task.namespace, name: this.liveName };
  }

  /** In a final state: one its lifecycle has no move out of. */
  get done(): boolean {
    return isFinal(this.action, this.current);
  }

  get applied(): boolean {
    return this.uid !== null;
  }

  /** Is this event about the object we applied (not an older one of the same name)? */
  owns(obj: K8sObject): boolean {
    if (!this.uid || obj.metadata.uid !== this.uid) return false;
    return Number(obj.metadata.generation ?? 0) >= this.minGeneration;
  }
}
