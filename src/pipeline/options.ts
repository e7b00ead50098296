// What every mode of the pipeline is given: one options object, built by an entry point (the
// action's inputs, the CLI's flags) and read by nothing else.
import type { KubeConfig } from '../cluster/kubeconfig-model.js';
import type { Problem } from '../model/problems.js';
import type { Plan } from '../plan/types.js';
import type { CheckoutOptions } from '../source/checkout.js';
import type { RenderOptions } from '../source/render.js';
import type { EventBus, SyncMode, SyncResult } from '../sync/events.js';

export interface SourceOptions {
  /** Paths, directories or globs. */
  manifests: string[];
  /** Repository root: sources are reported relative to it. */
  root: string;
  /** Where relative manifest paths start (default: root). */
  cwd?: string;
  app: string;
  namespace: string;
  revision: string | null;
  /** Problems the entry point found already (inputs a mode cannot honour): reported with the rest. */
  problems?: Problem[];
  // --- source: checkout, rendering and image overrides (issue 11) ---
  /** Fetch this repository first: manifests, values files and reported sources are then relative to it, and the revision is its commit. */
  checkout?: CheckoutOptions;
  /** Renderer settings; absent: plain YAML. kubeVersion is filled in from the cluster when there is one. */
  render?: RenderOptions;
  /** Image overrides, one per entry; label names them in problems ("input images", "--image"). */
  images?: { lines: string[]; label: string };
}

export interface ClusterOptions {
  /** A kubeconfig file; else KUBECONFIG, then ~/.kube/config. */
  path?: string;
  /** Kubeconfig contents (the action's input): written to a 0600 file in tempDir for the run. */
  text?: string;
  tempDir?: string;
  context?: string;
  env: Record<string, string | undefined>;
  /** Names the source in a problem: "input kubeconfig", "wavesync sync". */
  label: string;
}

/** The app's lifecycle around a sync (SEMANTICS 6, 8): inventory, pruning, the lock, retries. */
export interface LifecycleOptions {
  prune: boolean;
  /** Prune=confirm objects may be pruned by this run. */
  confirmPrune: boolean;
  /** Take over objects labelled for another ApplySet. */
  forceAdopt: boolean;
  /** Who holds the lock: the workflow run's URL, or user@host and PID. */
  holder: string;
  lockTimeoutMs: number;
  /** Failed syncs are tried again this many times (validation failures never). */
  retries: number;
  /** The pause before the first retry; it doubles each time, at most 3 minutes (Argo CD's policy). */
  retryBackoffMs: number;
  /** After a failed sync, sync the last successful release again (on-failure: rollback). */
  rollbackOnFailure: boolean;
  /** History entries kept (and release Secrets with them). */
  historyLimit: number;
}

export interface SyncOptions extends SourceOptions {
  mode: Extract<SyncMode, 'sync' | 'dry-run'>;
  cluster: ClusterOptions;
  timeoutMs: number;
  waveDelayMs: number;
  failFastAfterMs: number;
  createNamespace: boolean;
  /** Custom CEL health rules: a file (CLI) or inline YAML (action). */
  healthChecks: { file?: string; text?: string; root?: string };
  /** Absent: no inventory, no lock, one attempt (the engine alone, as in tests of it). */
  lifecycle?: LifecycleOptions;
  /** mode rollback: sync a stored release instead of the manifests (`to`: "v3" or a revision; default the previous one). */
  rollback?: { to?: string };
}

/** mode delete: the app torn down from its inventory; manifests (optional) give its delete hooks. */
export interface DeleteOptions extends SourceOptions {
  cluster: ClusterOptions;
  timeoutMs: number;
  holder: string;
  lockTimeoutMs: number;
}

/** Everything one run ends with, for the entry point to turn into outputs or an exit code. */
export interface PipelineResult {
  plan: Plan;
  /** Problems found before anything was applied (manifests, inputs, kubeconfig, health rules). */
  problems: Problem[];
  /** The engine's result; null when the run stopped at the problems above (or in mode plan). */
  result: SyncResult | null;
  /** Earlier attempts that failed and were retried (retries), oldest first. */
  attempts?: SyncResult[];
}

/** A consumer of the run's events, started before the first event and finished after the last. */
export interface Reporter {
  /** Never throws: reporting does not change the outcome. */
  finish(run: PipelineResult): Promise<void>;
}

export interface ReportContext {
  /** The cluster's API server, when there is one (reporters show only its host). */
  server: string | null;
}

export type ReporterFactory = (bus: EventBus, ctx: ReportContext) => Reporter;

export interface SyncHooks {
  reporter?: ReporterFactory;
  /** Called with the loaded kubeconfig before anything may print (the action masks credentials). */
  onKubeconfig?: (kc: KubeConfig) => void;
  /** SIGINT/SIGTERM received: the sync is being cancelled. */
  onSignal?: (name: string) => void;
  /** Something to tell before the sync's own output starts (waiting for the lock). */
  onNotice?: (message: string) => void;
  /** A resource could not be released (never changes the outcome). */
  onReleaseFailure?: (message: string) => void;
}
