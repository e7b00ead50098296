// The inventory around one sync (SEMANTICS 6): before anything is applied, read the parent,
// refuse objects that belong to another ApplySet (unless force-adopt), label the members and plan
// the prunes; write the parent before the applies (kinds and namespaces only ever added, so a
// crash mid-sync never leaves a member no inventory knows) and again after the sync (narrowed to
// what is live once it succeeded).
import { foreignOwners } from '../cluster/inventory/owners.js';
import { listMembers, readInventory, writeInventory, type InventoryState } from '../cluster/inventory/inventory.js';
import type { ClusterPort } from '../cluster/port.js';
import { groupKind } from '../cluster/inventory/applyset.js';
import { objectLabel } from '../model/object-ref.js';
import { labelMembers, memberScope } from '../plan/membership.js';
import { KEEP_MESSAGES, planPrune, type PruneTask } from '../plan/prune-plan.js';
import type { Plan } from '../plan/types.js';
import type { SyncOutcome, TaskFailure } from './events.js';

export interface InventoryOptions {
  /** prune: true / --prune. */
  prune: boolean;
  /** prune-confirm: true / --confirm-prune. */
  confirmPrune: boolean;
  /** force-adopt: true / --force-adopt. */
  forceAdopt: boolean;
}

export interface PreparedInventory {
  stage: InventoryStage;
  /** The plan with members labelled and prune tasks placed (what the sync reports and runs). */
  plan: Plan;
  /** The labelled plan without prune tasks (what is validated and dry-run). */
  applyPlan: Plan;
  /** Objects of another ApplySet, refused at their file and line. */
  refusals: TaskFailure[];
  /** Adoptions allowed by force-adopt, as warnings. */
  adopted: string[];
}

export class InventoryStage {
  private constructor(
    private readonly cluster: ClusterPort,
    readonly state: InventoryState,
    private readonly scope: { groupKinds: string[]; namespaces: string[] },
    readonly pruneTasks: PruneTask[],
  ) {}

  /** Written at least once during this sync (before the applies, or before a later step when the namespace came with the manifests). */
  written = false;

  static async prepare(cluster: ClusterPort, plan: Plan, opts: InventoryOptions): Promise<PreparedInventory> {
    const state = await readInventory(cluster, plan.app, plan.namespace);
    const applyPlan = labelMembers(plan, state.id);
    const members = applyPlan.steps.flatMap((s) => s.tasks).filter((t) => !t.hook && t.name);
    const foreign = await foreignOwners(
      cluster,
      members.map((t) => ({ apiVersion: t.apiVersion, kind: t.kind, namespace: t.namespace, name: t.name!, task: t })),
      state.id,
    );
    const describe = (f: (typeof foreign)[number]) =>
      `${objectLabel(f.ref)} belongs to another ApplySet (applyset.kubernetes.io/part-of=${f.ownerId}${f.ownerParent ? `, parent ${f.ownerParent}` : ''})`;
    const refusals: TaskFailure[] = opts.forceAdopt
      ? []
      : foreign.map((f) => ({
          taskId: f.ref.task.id,
          phase: f.ref.task.phase,
          wave: f.ref.task.wave,
          kind: f.ref.kind,
          namespace: f.ref.namespace,
          name: f.ref.name,
          source: f.ref.task.source,
          reason: 'Adoption',
          message: `${describe(f)}; wavesync does not take it over: remove it from the other app, or set force-adopt: true (--force-adopt)`,
          logTail: [],
        }));
    const adopted = opts.forceAdopt ? foreign.map((f) => `adopting ${describe(f)} (force-adopt)`) : [];
    const { plan: withPrunes, tasks } = planPrune(applyPlan, state.exists ? await listMembers(cluster, state) : [], {
      prune: opts.prune,
      confirm: opts.confirmPrune,
    });
    const stage = new InventoryStage(cluster, state, memberScope(applyPlan), tasks);
    return { stage, plan: withPrunes, applyPlan, refusals, adopted };
  }

  /** Kinds and namespaces of the old members and the new ones: written before anything is applied. false: the namespace is not there yet. */
  async writeBefore(): Promise<boolean> {
    const gks = [...this.state.groupKinds, ...this.scope.groupKinds];
    const nss = [...this.state.additionalNamespaces, ...this.scope.namespaces];
    this.written = (await writeInventory(this.cluster, this.state, gks, nss)) || this.written;
    return this.written;
  }

  /**
   * After the sync: when it succeeded, the parent names only what is live (the manifests' members
   * and the ones kept or not pruned); otherwise it keeps the union written before.
   */
  async writeAfter(outcome: SyncOutcome, data?: Record<string, string>): Promise<void> {
    if (outcome !== 'Succeeded') {
      if (data) await writeInventory(this.cluster, this.state, this.state.groupKinds, this.state.additionalNamespaces, data);
      return;
    }
    const kept = this.pruneTasks.filter((t) => t.keep !== null);
    const gks = [...this.scope.groupKinds, ...kept.map((t) => groupKind(t.apiVersion, t.kind))];
    const nss = [...this.scope.namespaces, ...kept.flatMap((t) => (t.namespace ? [t.namespace] : []))];
    await writeInventory(this.cluster, this.state, gks, nss, data ?? this.state.data);
  }

  keepMessage(t: PruneTask): string | null {
    return t.keep ? KEEP_MESSAGES[t.keep] : null;
  }
}
