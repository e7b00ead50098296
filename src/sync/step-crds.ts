// CRDs of a step and the kinds they define (SEMANTICS 3.3): such a kind is left alone (no watch,
// no get, no delete) until its CRD is Established and discovery serves it (crd-establish.ts).
import { awaitEstablished, awaitServed, crdDefines, kindKey } from './crd-establish.js';
import type { RunContext } from './run-context.js';
import type { StepTasks } from './step-tasks.js';
import type { TaskTracker } from './task-tracker.js';

export class StepCrds {
  /** group/kind → the CRD trackers of this step that define it. */
  private readonly crdOf = new Map<string, TaskTracker[]>();

  constructor(trackers: TaskTracker[]) {
    for (const t of trackers) {
      const defined = crdDefines(t.task);
      if (defined) this.crdOf.set(defined, [...(this.crdOf.get(defined) ?? []), t]);
    }
  }

  /** Is this task's kind defined by a CRD of this step (so not to be asked about yet)? */
  deferred(t: TaskTracker): boolean {
    return this.crdOf.has(kindKey(t.task.group, t.task.kind));
  }

  /**
   * Kinds the step uses at once that discovery does not serve yet: validation resolved every kind
   * not defined by a CRD of this sync, so these come from a CRD an earlier step established a
   * moment ago, and discovery may lag behind Established. Waits (briefly) for them; false, with
   * the failure on the task, when one is still not served.
   */
  async served(ctx: RunContext, tasks: StepTasks, now: TaskTracker[]): Promise<boolean> {
    // Each kind once (a step of 1,000 ConfigMaps asks discovery one question, not 1,000).
    const kinds = new Map(now.map((t) => [`${t.task.apiVersion}/${t.task.kind}`, { apiVersion: t.task.apiVersion, kind: t.task.kind }]));
    const unserved = [];
    for (const k of kinds.values()) if (!(await ctx.cluster.resolve(k.apiVersion, k.kind))) unserved.push(k);
    if (unserved.length === 0) return true;
    const missing = await awaitServed(ctx.cluster, unserved, { now: ctx.now, deadline: ctx.deadline, signal: ctx.cancel });
    if (!missing) return true;
    if (!ctx.cancel.aborted) notServed(tasks, now, missing);
    return false;
  }

  /**
   * Before the first run of a kind that a CRD of this step defines: that CRD Established, then
   * discovery serving the kind. false when the run cannot go ahead (the failure is already on the
   * CRD or the run's task).
   */
  async ready(ctx: RunContext, tasks: StepTasks, run: TaskTracker[]): Promise<boolean> {
    const first = run[0];
    for (const crd of this.crdOf.get(kindKey(first.task.group, first.task.kind)) ?? []) {
      if (!crd.applied) {
        tasks.fail(first, 'Apply', `not applied: its CustomResourceDefinition ${crd.liveName} was not applied`);
        return false;
      }
      const problem = await awaitEstablished({
        cluster: ctx.cluster,
        feed: ctx.feed,
        name: crd.liveName,
        feedKey: crd.key,
        now: ctx.now,
        deadline: ctx.deadline,
        signal: ctx.cancel,
        report: (message) => ctx.bus.emit({ type: 'info', at: ctx.now(), message }),
      });
      if (problem) {
        if (ctx.cancel.aborted) return false;
        tasks.fail(crd, /not accepted/.test(problem) ? 'Degraded' : 'Timeout', problem);
        return false;
      }
    }
    const kinds = [...new Map(run.map((t) => [`${t.task.apiVersion}/${t.task.kind}`, { apiVersion: t.task.apiVersion, kind: t.task.kind }])).values()];
    const missing = await awaitServed(ctx.cluster, kinds, { now: ctx.now, deadline: ctx.deadline, signal: ctx.cancel });
    if (missing) {
      if (ctx.cancel.aborted) return false;
      notServed(tasks, run, missing);
      return false;
    }
    return true;
  }
}

function notServed(tasks: StepTasks, among: TaskTracker[], missing: { apiVersion: string; kind: string }): void {
  const t = among.find((x) => x.task.apiVersion === missing.apiVersion && x.task.kind === missing.kind) ?? among[0];
  tasks.fail(
    t,
    'Apply',
    `kind ${missing.kind} in ${missing.apiVersion} is not served, though its CustomResourceDefinition is Established: check that the CRD has version ${missing.apiVersion.split('/').pop()} with served: true`,
  );
}
