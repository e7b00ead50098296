export const id = 397;
export const ids = [397];
export const modules = {

/***/ 6397:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  deleteCommand: () => (/* reexport */ deleteCommand),
  diffCommand: () => (/* reexport */ diffCommand),
  historyCommand: () => (/* reexport */ historyCommand),
  rollbackCommand: () => (/* reexport */ rollbackCommand),
  syncCommand: () => (/* reexport */ syncCommand)
});

// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(8522);
;// CONCATENATED MODULE: ./src/cluster/history/releases.ts
// Release history (as Helm keeps it): each successful sync's exact plan, gzip-compressed, in its
// own Secret `wavesync-<app>-v<N>`, so a rollback re-applies what was last healthy without
// fetching or rendering anything. A Secret holds at most 1 MiB: a bigger release is not stored.

const RELEASE_APP_LABEL = 'wavesync.io/app';
const RELEASE_NUMBER_LABEL = 'wavesync.io/release';
/** The API server refuses a Secret whose data exceeds 1 MiB; keep room for the rest of the object. */
const RELEASE_MAX_BYTES = 1024 * 1024 - 8 * 1024;
function releaseName(app, n) {
    return `wavesync-${app}-v${n}`;
}
/** Stores one release; too big: not stored, with the reason in words. */
async function storeRelease(cluster, app, namespace, n, content) {
    const zipped = (0,external_node_zlib_.gzipSync)(Buffer.from(JSON.stringify(content), 'utf8'));
    if (zipped.length > RELEASE_MAX_BYTES)
        return {
            stored: false,
            bytes: zipped.length,
            message: `release v${n} is too big to keep for rollback: ${Math.ceil(zipped.length / 1024)} KiB compressed, more than a Secret can hold (1 MiB); it is in the history without its manifests, and a rollback cannot return to it`,
        };
    const secret = {
        apiVersion: 'v1',
        kind: 'Secret',
        metadata: { name: releaseName(app, n), namespace, labels: { [RELEASE_APP_LABEL]: app, [RELEASE_NUMBER_LABEL]: String(n) } },
        type: 'wavesync.io/release.v1',
        data: { release: zipped.toString('base64') },
    };
    await cluster.apply(secret);
    return { stored: true, bytes: zipped.length };
}
async function loadRelease(cluster, app, namespace, n) {
    const live = await cluster.get({ apiVersion: 'v1', kind: 'Secret', namespace, name: releaseName(app, n) });
    const data = live?.data?.release;
    if (!data)
        return null;
    return JSON.parse((0,external_node_zlib_.gunzipSync)(Buffer.from(data, 'base64')).toString('utf8'));
}
/** Deletes the app's release Secrets whose numbers are not kept. */
async function pruneReleases(cluster, app, namespace, keep) {
    const all = await cluster.list('v1', 'Secret', namespace, { labelSelector: `${RELEASE_APP_LABEL}=${app}` });
    for (const s of all) {
        const n = Number(s.metadata.labels?.[RELEASE_NUMBER_LABEL]);
        if (!keep.has(n))
            await cluster.delete({ apiVersion: 'v1', kind: 'Secret', namespace, name: s.metadata.name });
    }
}

// EXTERNAL MODULE: ./src/model/problems.ts
var model_problems = __webpack_require__(9437);
// EXTERNAL MODULE: ./src/manifests/types.ts
var types = __webpack_require__(5771);
;// CONCATENATED MODULE: ./src/model/tooling.ts
// wavesync's name and version as other tools read them (the ApplySet tooling annotation, history).
// A unit test keeps the version equal to package.json's.
const TOOL_NAME = 'wavesync';
const TOOL_VERSION = '0.1.0';
const TOOLING = `${TOOL_NAME}/${TOOL_VERSION}`;

;// CONCATENATED MODULE: ./src/cluster/port.ts
/** An API error from the server, with the HTTP status and the server's message. */
class ApiError extends Error {
    status;
    reason;
    body;
    constructor(status, message, reason, body) {
        super(message);
        this.status = status;
        this.reason = reason;
        this.body = body;
        this.name = 'ApiError';
    }
}
/**
 * True when a request never reached the API server (refused, no such host, TLS refused). The
 * adapter throws these as ClusterConnectionError; they are the run's environment failing, not a
 * problem of one object, so callers let them end the run with one message.
 */
function isUnreachable(err) {
    return err instanceof Error && err.name === 'ClusterConnectionError';
}
function refOf(obj) {
    return {
        apiVersion: obj.apiVersion,
        kind: obj.kind,
        namespace: obj.metadata.namespace ?? null,
        name: obj.metadata.name ?? '',
    };
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/model/applyset-keys.ts
// kubectl's ApplySet label and annotation keys (KEP-3659), shared by the planner and the inventory.
const APPLYSET_ID_LABEL = 'applyset.kubernetes.io/id';
const PART_OF_LABEL = 'applyset.kubernetes.io/part-of';
const TOOLING_ANNOTATION = 'applyset.kubernetes.io/tooling';
const GROUP_KINDS_ANNOTATION = 'applyset.kubernetes.io/contains-group-kinds';
const NAMESPACES_ANNOTATION = 'applyset.kubernetes.io/additional-namespaces';

;// CONCATENATED MODULE: ./src/cluster/inventory/applyset.ts
// kubectl's ApplySet layout (KEP-3659), so `kubectl` can read wavesync's inventory: the parent's
// id label, the members' part-of label and the annotations listing where members may live.



/** The parent Secret of an app's inventory. */
function parentName(app) {
    return `wavesync-${app}`;
}
/**
 * The id kubectl computes and checks for a parent: "applyset-" + unpadded base64url of the
 * SHA-256 of "<name>.<namespace>.<kind>.<group>" + "-v1" (the parent is a core Secret: group "").
 */
function applysetId(name, namespace, kind = 'Secret', group = '') {
    const hash = (0,external_node_crypto_.createHash)('sha256').update([name, namespace, kind, group].join('.')).digest('base64url');
    return `applyset-${hash}-v1`;
}
/** A kind as the contains-group-kinds annotation spells it: "Deployment.apps", "ConfigMap" for core. */
function groupKind(apiVersion, kind) {
    const group = (0,types/* groupOf */.F)(apiVersion);
    return group ? `${kind}.${group}` : kind;
}
/** "Deployment.apps" \u2192 { kind, group }. */
function splitGroupKind(gk) {
    const dot = gk.indexOf('.');
    return dot < 0 ? { kind: gk, group: '' } : { kind: gk.slice(0, dot), group: gk.slice(dot + 1) };
}
/** A comma-separated annotation value \u2192 its sorted, distinct entries. */
function parseList(value) {
    return sortedSet((value ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean));
}
function formatList(values) {
    return sortedSet(values).join(',');
}
function sortedSet(values) {
    return [...new Set(values)].sort();
}

;// CONCATENATED MODULE: ./src/cluster/inventory/inventory.ts




class InventoryError extends Error {
    name = 'InventoryError';
}
const secretRef = (app, namespace) => ({ apiVersion: 'v1', kind: 'Secret', namespace, name: parentName(app) });
async function readInventory(cluster, app, namespace) {
    const id = applysetId(parentName(app), namespace);
    const live = await cluster.get(secretRef(app, namespace));
    if (!live)
        return { app, namespace, id, exists: false, groupKinds: [], additionalNamespaces: [], data: {} };
    const where = `Secret ${namespace}/${parentName(app)}`;
    const tooling = live.metadata.annotations?.[TOOLING_ANNOTATION] ?? '';
    if (tooling.split('/')[0] !== TOOL_NAME)
        throw new InventoryError(`${where} exists but is not a wavesync inventory (${TOOLING_ANNOTATION}: "${tooling}"); rename the app or remove that Secret`);
    const labelled = live.metadata.labels?.[APPLYSET_ID_LABEL];
    if (labelled !== id)
        throw new InventoryError(`${where} has ${APPLYSET_ID_LABEL}="${labelled ?? ''}", expected "${id}"; it was not written by wavesync for this app`);
    const ann = live.metadata.annotations ?? {};
    return {
        app,
        namespace,
        id,
        exists: true,
        groupKinds: parseList(ann[GROUP_KINDS_ANNOTATION]),
        additionalNamespaces: parseList(ann[NAMESPACES_ANNOTATION]).filter((n) => n !== namespace),
        data: live.data ?? {},
    };
}
/**
 * Writes the parent (server-side apply): these kinds and namespaces, plus data keys to set. A
 * namespace that does not exist yet (the manifests create it) is reported as false, not thrown.
 */
async function writeInventory(cluster, state, groupKinds, namespaces, data = state.data) {
    const parent = {
        apiVersion: 'v1',
        kind: 'Secret',
        metadata: {
            name: parentName(state.app),
            namespace: state.namespace,
            labels: { [APPLYSET_ID_LABEL]: state.id },
            annotations: {
                [TOOLING_ANNOTATION]: TOOLING,
                [GROUP_KINDS_ANNOTATION]: formatList(groupKinds),
                [NAMESPACES_ANNOTATION]: formatList([...namespaces].filter((n) => n && n !== state.namespace)),
            },
        },
        type: 'Opaque',
        data,
    };
    try {
        await cluster.apply(parent);
    }
    catch (err) {
        if (err instanceof ApiError && err.status === 404 && /namespace/i.test(err.message))
            return false;
        throw err;
    }
    state.exists = true;
    state.groupKinds = parseList(parent.metadata.annotations[GROUP_KINDS_ANNOTATION]);
    state.additionalNamespaces = parseList(parent.metadata.annotations[NAMESPACES_ANNOTATION]);
    state.data = data;
    return true;
}
async function deleteInventory(cluster, state) {
    return cluster.delete(secretRef(state.app, state.namespace));
}
/** Every live object labelled as a member, in every kind and namespace the parent names. */
async function listMembers(cluster, state) {
    const selector = `${PART_OF_LABEL}=${state.id}`;
    const out = [];
    for (const gk of state.groupKinds) {
        const { kind, group } = splitGroupKind(gk);
        const apiVersion = await cluster.preferredVersion(group);
        const info = apiVersion ? await cluster.resolve(apiVersion, kind) : null;
        if (!apiVersion || !info)
            continue; // the kind is no longer served: nothing of it can be live
        const namespaces = info.namespaced ? [state.namespace, ...state.additionalNamespaces] : [null];
        for (const ns of namespaces)
            out.push(...(await cluster.list(apiVersion, kind, ns, { labelSelector: selector })));
    }
    return out;
}
/** Identity of an object across API versions: group, kind, namespace, name. */
function identity(o) {
    return `${(0,types/* groupOf */.F)(o.apiVersion)}/${o.kind}/${o.namespace ?? ''}/${o.name ?? ''}`;
}
function identityOf(o) {
    return identity({ apiVersion: o.apiVersion, kind: o.kind, namespace: o.metadata.namespace ?? null, name: o.metadata.name ?? null });
}

;// CONCATENATED MODULE: ./src/plan/hook-name.ts
/** Job names end up in a label value, so 63 characters is the limit that matters. */
const MAX_NAME = 63;
/**
 * @param revision commit SHA (or any ref); only [a-z0-9] are kept and the first 7 used. When there is
 *   no revision the segment is left out: `<generateName><phase>-<unixtime>`.
 * @param unixtime seconds since the epoch, taken once at the start of the sync.
 */
function hookName(generateName, revision, phase, unixtime) {
    const rev7 = (revision ?? '')
        .toLowerCase()
        .replace(/[^a-z0-9]/g, '')
        .slice(0, 7);
    const suffix = `${rev7 ? `${rev7}-` : ''}${phase}-${Math.floor(unixtime)}`.toLowerCase();
    const prefix = generateName.toLowerCase().slice(0, Math.max(0, MAX_NAME - suffix.length));
    return `${prefix}${suffix}`;
}

// EXTERNAL MODULE: ./src/plan/kind-order.ts
var kind_order = __webpack_require__(948);
// EXTERNAL MODULE: ./src/manifests/annotation-keys.ts
var annotation_keys = __webpack_require__(2750);
// EXTERNAL MODULE: ./src/manifests/sync-wave.ts
var sync_wave = __webpack_require__(1533);
;// CONCATENATED MODULE: ./src/model/live-source.ts
const LIVE_SOURCE = { file: '(in the cluster)', line: 0 };
function isLiveSource(s) {
    return s.line === 0 && s.file === LIVE_SOURCE.file;
}

;// CONCATENATED MODULE: ./src/plan/prune-plan.ts
// Which inventory members leave the cluster, and where in the plan (SEMANTICS 6): members no
// longer in the manifests, pruned in the Sync phase with their waves mirrored (the highest wave of
// the live objects goes first, as Argo CD swaps prune waves), each wave's prunes before that
// step's applies; PruneLast=true ones in a step of their own after the last one. Pure.




const KEEP_MESSAGES = {
    'Prune=false': 'kept: Prune=false on the live object (no longer in the manifests)',
    'Prune=confirm': 'kept: Prune=confirm on the live object and the run did not confirm (prune-confirm: true, --confirm-prune)',
    'prune-off': 'would prune: no longer in the manifests (prune is off)',
};
const key = (group, kind, ns, name) => `${group}/${kind}/${ns ?? ''}/${name ?? ''}`;
function isPruneTask(t) {
    return t.action === 'prune';
}
/** The plan with a prune task for every member that left the manifests. */
function planPrune(plan, members, opts) {
    const wanted = new Set([...plan.steps, ...plan.syncFail, ...plan.preDelete, ...plan.postDelete].flatMap((s) => s.tasks).map((t) => key(t.group, t.kind, t.namespace, t.name)));
    const gone = members
        .filter((o) => !wanted.has(key((0,types/* groupOf */.F)(o.apiVersion), o.kind, o.metadata.namespace ?? null, o.metadata.name ?? null)))
        .sort((a, b) => key((0,types/* groupOf */.F)(a.apiVersion), a.kind, a.metadata.namespace ?? null, a.metadata.name ?? null).localeCompare(key((0,types/* groupOf */.F)(b.apiVersion), b.kind, b.metadata.namespace ?? null, b.metadata.name ?? null)));
    if (gone.length === 0)
        return { plan, tasks: [] };
    const tasks = gone.map((o) => pruneTask(o, opts));
    const last = tasks.filter((t) => t.syncOptions.includes('PruneLast=true'));
    mirrorWaves(tasks.filter((t) => !last.includes(t)));
    const syncWaves = [...plan.steps.filter((s) => s.phase === 'Sync').map((s) => s.wave), ...tasks.filter((t) => !last.includes(t)).map((t) => t.wave)];
    const lastWave = (syncWaves.length ? Math.max(...syncWaves) : 0) + 1;
    for (const t of last)
        t.wave = lastWave;
    return { plan: withPruneTasks(plan, tasks), tasks };
}
/** The plan with these prune tasks placed (the engine places them again into the validated plan). */
function withPruneTasks(plan, tasks) {
    return tasks.length ? { ...plan, steps: insertIntoSteps(plan.steps, tasks) } : plan;
}
/** A task for a live object (no manifest): its wave and sync options read from its annotations. */
function liveTask(o, idPrefix) {
    const ann = o.metadata.annotations ?? {};
    const group = (0,types/* groupOf */.F)(o.apiVersion);
    return {
        id: `${idPrefix}/${key(group, o.kind, o.metadata.namespace ?? null, o.metadata.name ?? null)}`,
        phase: 'Sync',
        wave: (0,sync_wave/* parseWave */.F)(String(ann[annotation_keys/* ARGO_SYNC_WAVE */._T] ?? '0')) ?? 0,
        apiVersion: o.apiVersion,
        kind: o.kind,
        group,
        name: o.metadata.name ?? null,
        generateName: null,
        namespace: o.metadata.namespace ?? null,
        hook: false,
        deletePolicies: [],
        syncOptions: ann[annotation_keys/* ARGO_SYNC_OPTIONS */.DE] ? (0,annotation_keys/* splitList */.ry)(String(ann[annotation_keys/* ARGO_SYNC_OPTIONS */.DE])) : [],
        source: LIVE_SOURCE,
        object: o,
    };
}
function pruneTask(o, opts) {
    const base = liveTask(o, 'prune');
    const syncOptions = base.syncOptions;
    const keep = syncOptions.includes('Prune=false')
        ? 'Prune=false'
        : !opts.prune
            ? 'prune-off'
            : syncOptions.includes('Prune=confirm') && !opts.confirm
                ? 'Prune=confirm'
                : null;
    return { ...base, action: 'prune', keep };
}
/** Argo CD's symmetric swap: the lowest prune wave takes the highest's place and so on inwards. */
function mirrorWaves(tasks) {
    const waves = [...new Set(tasks.map((t) => t.wave))].sort((a, b) => a - b);
    const mirror = new Map(waves.map((w, i) => [w, waves[waves.length - 1 - i]]));
    for (const t of tasks)
        t.wave = mirror.get(t.wave);
}
/** Prune tasks go first in the Sync step of their wave; a wave without one gets a step of its own. */
function insertIntoSteps(steps, tasks) {
    const out = steps.map((s) => ({ ...s, tasks: [...s.tasks] }));
    const byWave = new Map();
    for (const t of tasks)
        byWave.set(t.wave, [...(byWave.get(t.wave) ?? []), t]);
    for (const [wave, group] of [...byWave].sort((a, b) => a[0] - b[0])) {
        const existing = out.find((s) => s.phase === 'Sync' && s.wave === wave);
        if (existing) {
            existing.tasks = [...group, ...existing.tasks];
            continue;
        }
        // Before the first later Sync step, else before PostSync, else at the end.
        const at = out.findIndex((s) => (s.phase === 'Sync' && s.wave > wave) || s.phase === 'PostSync');
        out.splice(at < 0 ? out.length : at, 0, { phase: 'Sync', wave, tasks: group });
    }
    return out;
}

// EXTERNAL MODULE: ./src/plan/sort-key.ts
var sort_key = __webpack_require__(9861);
;// CONCATENATED MODULE: ./src/plan/delete-plan.ts



const KEEP_ON_DELETE = 'kept: Delete=false on the live object';
function isDeleteTask(t) {
    return t.action === 'delete';
}
function planDelete(members) {
    const tasks = members.map((o) => {
        const base = liveTask(o, 'delete');
        return { ...base, action: 'delete', keep: base.syncOptions.includes('Delete=false') };
    });
    tasks.sort((a, b) => b.wave - a.wave ||
        (0,kind_order/* kindRank */.x)(b.kind) - (0,kind_order/* kindRank */.x)(a.kind) ||
        (0,sort_key/* compareBytes */.Xo)(a.kind, b.kind) ||
        (0,sort_key/* compareBytes */.Xo)(a.namespace ?? '', b.namespace ?? '') ||
        (0,sort_key/* compareBytes */.Xo)(a.name ?? '', b.name ?? ''));
    const steps = [];
    for (const t of tasks) {
        const last = steps.at(-1);
        if (last && last.wave === t.wave)
            last.tasks.push(t);
        else
            steps.push({ phase: 'Sync', wave: t.wave, tasks: [t] });
    }
    return steps;
}
/** Consecutive tasks of one kind: deleted together, each run awaited before the next. */
function kindRunsOf(tasks) {
    const runs = [];
    for (const t of tasks) {
        const last = runs.at(-1);
        if (last && last[0].kind === t.kind && last[0].group === t.group)
            last.push(t);
        else
            runs.push([t]);
    }
    return runs;
}

;// CONCATENATED MODULE: ./src/model/sleep.ts
// The one pause: resolves after ms, or at once when the signal aborts (callers check the signal).
function sleep(ms, signal) {
    return new Promise((resolve) => {
        if (ms <= 0 || signal?.aborted)
            return resolve();
        const t = setTimeout(done, ms);
        function done() {
            clearTimeout(t);
            signal?.removeEventListener('abort', done);
            resolve();
        }
        signal?.addEventListener('abort', done, { once: true });
    });
}

;// CONCATENATED MODULE: ./src/model/field-manager.ts
// The field manager of every write wavesync makes. The client-side-apply migration moves
// `kubectl apply`'s ownership to this exact name, so there must be only one.
const FIELD_MANAGER = 'wavesync';

;// CONCATENATED MODULE: ./src/sync/csa-migration.ts

const CSA_MANAGERS = new Set(['kubectl-client-side-apply', 'before-first-apply']);
function mergeFields(a, b) {
    const out = { ...a };
    for (const [k, v] of Object.entries(b)) {
        const cur = out[k];
        out[k] = cur && typeof cur === 'object' && v && typeof v === 'object' ? mergeFields(cur, v) : v;
    }
    return out;
}
/** Whether client-side apply still owns fields of this object (its managedFields are then needed). */
function ownedByClientSideApply(o) {
    const entries = (o.metadata.managedFields ?? []);
    return entries.some((e) => CSA_MANAGERS.has(e.manager ?? '') && !e.subresource);
}
/** The managedFields after moving client-side-apply ownership to wavesync, or null when nothing to move. */
function migratedManagedFields(live) {
    const entries = (live.metadata.managedFields ?? []);
    const csa = entries.filter((e) => CSA_MANAGERS.has(e.manager ?? '') && !e.subresource);
    if (csa.length === 0)
        return null;
    const ours = entries.find((e) => e.manager === FIELD_MANAGER && e.operation === 'Apply' && !e.subresource);
    let fields = ours?.fieldsV1 ?? {};
    for (const e of csa)
        fields = mergeFields(fields, e.fieldsV1 ?? {});
    const rest = entries.filter((e) => e !== ours && !csa.includes(e));
    return [
        ...rest,
        { manager: FIELD_MANAGER, operation: 'Apply', apiVersion: live.apiVersion, fieldsType: 'FieldsV1', fieldsV1: fields, time: new Date().toISOString() },
    ];
}
async function migrateClientSideApply(cluster, live) {
    const managedFields = migratedManagedFields(live);
    if (!managedFields)
        return false;
    // A PUT that carries resourceVersion fails on a concurrent change instead of losing it.
    const body = structuredClone(live);
    body.metadata.managedFields = managedFields;
    await cluster.replace(body);
    return true;
}

;// CONCATENATED MODULE: ./src/sync/object-feed.ts


const objectKey = (group, kind, namespace, name) => `${group}/${kind}/${namespace ?? ''}/${name}`;
const keyOfObject = (o) => objectKey((0,types/* groupOf */.F)(o.apiVersion), o.kind, o.metadata.namespace, o.metadata.name ?? '');
const bucketOf = (o) => objectKey((0,types/* groupOf */.F)(o.apiVersion), o.kind, o.metadata.namespace, '');
// managedFields are half of a Pod's or a Deployment's JSON and only the client-side-apply migration
// reads them (e2e/sync/client-side-apply.test.ts). The feed keeps each object until its next
// update, long enough to be promoted to V8's old generation: copies without them leave half the
// garbage behind.
function slim(o) {
    if (!o.metadata.managedFields || ownedByClientSideApply(o))
        return o;
    const metadata = { ...o.metadata };
    delete metadata.managedFields;
    return { ...o, metadata };
}
class ObjectFeed {
    cluster;
    watches = new Map();
    objects = new Map();
    /** The same objects by (kind, namespace): the gate asks for a namespace's pods on every event. */
    buckets = new Map();
    listeners = new Set();
    constructor(cluster) {
        this.cluster = cluster;
    }
    /** Start watching a kind in a namespace (once); resolves when existing objects are known. */
    async ensure(apiVersion, kind, namespace) {
        const key = `${(0,types/* groupOf */.F)(apiVersion)}/${kind}/${namespace ?? '*'}`;
        let w = this.watches.get(key);
        if (!w) {
            w = this.cluster.watch(apiVersion, kind, namespace, (e) => this.onEvent(e));
            this.watches.set(key, w);
            w.catch(() => this.watches.delete(key));
        }
        await w;
    }
    latest(key) {
        return this.objects.get(key);
    }
    /** Objects of a kind in a namespace, from the watch cache. */
    all(group, kind, namespace) {
        const bucket = this.buckets.get(objectKey(group, kind, namespace, ''));
        return bucket ? [...bucket.values()] : [];
    }
    set(key, full) {
        const o = slim(full);
        this.objects.set(key, o);
        const b = bucketOf(o);
        let bucket = this.buckets.get(b);
        if (!bucket)
            this.buckets.set(b, (bucket = new Map()));
        bucket.set(key, o);
    }
    delete(key, o) {
        this.objects.delete(key);
        this.buckets.get(bucketOf(o))?.delete(key);
    }
    /** Record an object we wrote ourselves, so the gate sees it even before the watch does. */
    remember(o) {
        const key = keyOfObject(o);
        const cur = this.objects.get(key);
        if (cur && cur.metadata.uid === o.metadata.uid && Number(cur.metadata.resourceVersion) > Number(o.metadata.resourceVersion))
            return;
        this.set(key, o);
    }
    onChange(listener) {
        this.listeners.add(listener);
        return () => this.listeners.delete(listener);
    }
    onEvent(e) {
        const key = keyOfObject(e.object);
        if (e.type === 'DELETED') {
            const cur = this.objects.get(key);
            if (!cur || cur.metadata.uid === e.object.metadata.uid)
                this.delete(key, e.object);
        }
        else {
            this.set(key, e.object);
        }
        for (const l of [...this.listeners])
            l(e);
    }
    async close() {
        const subs = await Promise.allSettled([...this.watches.values()]);
        for (const s of subs)
            if (s.status === 'fulfilled')
                s.value();
        this.watches.clear();
        this.listeners.clear();
    }
}

;// CONCATENATED MODULE: ./src/sync/concurrency.ts
// Bounded parallelism for applies and dry runs.
/** Run fn over items with at most `limit` in flight; resolves when all have settled. */
async function mapLimit(items, limit, fn) {
    const results = new Array(items.length);
    let next = 0;
    const worker = async () => {
        while (next < items.length) {
            const i = next++;
            results[i] = await fn(items[i], i);
        }
    };
    await Promise.all(Array.from({ length: Math.min(Math.max(1, limit), items.length) }, worker));
    return results;
}

;// CONCATENATED MODULE: ./src/sync/options.ts
/**
 * Parallel applies (and dry runs) in flight. The API server answers hundreds at once; 4 left a
 * 1,000-object wave waiting on round trips (issue 13's benchmark).
 */
const DEFAULT_CONCURRENCY = 32;
const SYNC_FAIL_TIMEOUT_CAP_MS = 5 * 60_000;
const LOG_TAIL_LINES = 50;

// EXTERNAL MODULE: ./src/plan/namespaces.ts
var namespaces = __webpack_require__(3719);
;// CONCATENATED MODULE: ./src/sync/live-object.ts
function liveObjectFor(task, liveName) {
    // Only metadata changes: the rest stays shared with the plan (read-only), so a value a YAML alias
    // repeats across objects is not copied per task.
    const obj = { ...task.object, metadata: { ...task.object.metadata } };
    obj.metadata.name = liveName;
    delete obj.metadata.generateName;
    if (task.namespace)
        obj.metadata.namespace = task.namespace;
    else
        delete obj.metadata.namespace;
    return obj;
}

;// CONCATENATED MODULE: ./src/cluster/retry.ts
// Retrying calls to the API server: 429 (honouring Retry-After), 5xx and dropped connections, with
// capped exponential backoff and full jitter. Client errors (4xx) are the caller's to handle.

const RETRY_DEFAULTS = { maxAttempts: 8, baseMs: 200, capMs: 10_000, throttledBudgetMs: 120_000 };
const RETRY_STATUSES = new Set([429, 500, 502, 503, 504]);
const SAFE_STATUSES = new Set([429, 503]);
const CONNECTION_CODES = new Set([
    'ECONNRESET',
    'ECONNREFUSED',
    'ETIMEDOUT',
    'EPIPE',
    'EAI_AGAIN',
    'UND_ERR_SOCKET',
    'UND_ERR_CONNECT_TIMEOUT',
    'UND_ERR_HEADERS_TIMEOUT',
    'UND_ERR_CLOSED',
    // The connection pool was retired under the request (transport.ts): it may have been sent.
    'UND_ERR_DESTROYED',
    // The answer was cut off mid-body: the request may have had its effect (not safe-only).
    'UND_ERR_RES_CONTENT_LENGTH_MISMATCH',
]);
const SAFE_CONNECTION_CODES = new Set(['ECONNREFUSED', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT']);
const CONNECTION_MESSAGES = ['socket hang up', 'fetch failed', 'other side closed'];
function asRecord(x) {
    return typeof x === 'object' && x !== null ? x : null;
}
/** The HTTP status an error carries, whatever library produced it. */
function statusOf(err) {
    const e = asRecord(err);
    if (!e)
        return undefined;
    for (const key of ['status', 'statusCode', 'code']) {
        const v = e[key];
        if (typeof v === 'number' && v >= 100 && v < 600)
            return v;
    }
    return undefined;
}
/** Error codes of the error and its causes (undici wraps the socket error in `cause`). */
function codesOf(err) {
    const codes = [];
    const messages = [];
    let e = asRecord(err);
    for (let depth = 0; e && depth < 5; depth++) {
        if (typeof e.code === 'string')
            codes.push(e.code);
        if (typeof e.message === 'string')
            messages.push(e.message.toLowerCase());
        e = asRecord(e.cause);
    }
    return { codes, messages };
}
function isAbort(err) {
    const e = asRecord(err);
    return e?.name === 'AbortError' || e?.name === 'TimeoutError';
}
/** Whether an error is a dropped or refused connection rather than an answer from the server. */
function isConnectionError(err, safeOnly = false) {
    if (isAbort(err))
        return false;
    const { codes, messages } = codesOf(err);
    const known = safeOnly ? SAFE_CONNECTION_CODES : CONNECTION_CODES;
    if (codes.some((c) => known.has(c)))
        return true;
    // "fetch failed" without a known code can mean the request was sent: only retry it when allowed.
    return !safeOnly && messages.some((m) => CONNECTION_MESSAGES.some((s) => m.includes(s)));
}
/**
 * Retry-After as milliseconds: delta-seconds or an HTTP date (relative to `now`).
 * undefined when absent or unparseable.
 */
function parseRetryAfter(value, now = Date.now()) {
    if (value == null)
        return undefined;
    const v = value.trim();
    if (v === '')
        return undefined;
    if (/^\d+$/.test(v))
        return Number(v) * 1000;
    // An HTTP date always names its weekday and month; this keeps "-1" from parsing as a year.
    if (!/[a-z]/i.test(v))
        return undefined;
    const date = Date.parse(v);
    if (Number.isNaN(date))
        return undefined;
    return Math.max(0, date - now);
}
function retryAfterOf(err) {
    const e = asRecord(err);
    if (!e)
        return undefined;
    if (typeof e.retryAfter === 'string')
        return e.retryAfter;
    const headers = asRecord(e.headers);
    if (headers) {
        const get = headers.get;
        if (typeof get === 'function')
            return get.call(headers, 'retry-after') ?? undefined;
        const v = headers['retry-after'] ?? headers['Retry-After'];
        if (typeof v === 'string')
            return v;
    }
    return undefined;
}
/** Whether to retry an error, and how long the server asked us to wait. */
function classifyError(err, safeOnly = false, now = Date.now()) {
    if (isAbort(err))
        return { retry: false };
    // A failure that no retry can mend (no such host, a certificate refused) ends at once.
    if (asRecord(err)?.permanent === true)
        return { retry: false };
    const status = statusOf(err);
    if (status !== undefined) {
        const retryable = safeOnly ? SAFE_STATUSES : RETRY_STATUSES;
        if (!retryable.has(status))
            return { retry: false };
        return { retry: true, afterMs: parseRetryAfter(retryAfterOf(err), now) };
    }
    return isConnectionError(err, safeOnly) ? { retry: true } : { retry: false };
}
/** Full jitter: a random delay between 0 and min(cap, base * 2^(attempt-1)). attempt starts at 1. */
function backoffDelay(attempt, baseMs, capMs, random = Math.random) {
    const ceiling = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt - 1));
    return Math.floor(random() * ceiling);
}
function abortError(signal) {
    const reason = signal?.reason;
    if (reason instanceof Error)
        return reason;
    const err = new Error('The operation was aborted');
    err.name = 'AbortError';
    return err;
}
/** The shared sleep, rejecting when the signal aborts (a retry loop must stop, not go on). */
async function retry_sleep(ms, signal) {
    if (signal?.aborted)
        throw abortError(signal);
    await sleep(ms, signal);
    if (signal?.aborted)
        throw abortError(signal);
}
/** Run fn, retrying transient failures. The last error is rethrown when retries are exhausted. */
async function withRetry(fn, opts = {}) {
    const maxAttempts = opts.maxAttempts ?? RETRY_DEFAULTS.maxAttempts;
    const baseMs = opts.baseMs ?? RETRY_DEFAULTS.baseMs;
    const capMs = opts.capMs ?? RETRY_DEFAULTS.capMs;
    const wait = opts.sleep ?? retry_sleep;
    const now = opts.now ?? Date.now;
    const started = now();
    for (let attempt = 1;; attempt++) {
        if (opts.signal?.aborted)
            throw abortError(opts.signal);
        try {
            return await fn(attempt);
        }
        catch (err) {
            if (opts.signal?.aborted)
                throw abortError(opts.signal);
            const decision = classifyError(err, opts.safeOnly, now());
            if (!decision.retry)
                throw err;
            const throttled = statusOf(err) === 429 && now() - started < (opts.throttledBudgetMs ?? RETRY_DEFAULTS.throttledBudgetMs);
            if (attempt >= maxAttempts && !throttled)
                throw err;
            // The server's Retry-After wins over our backoff, but never beyond the cap.
            let delay = decision.afterMs !== undefined ? Math.min(decision.afterMs, capMs) : backoffDelay(attempt, baseMs, capMs, opts.random);
            if (opts.deadlineMs !== undefined) {
                const left = started + opts.deadlineMs - now();
                if (left <= 0 || delay > left)
                    throw err;
                delay = Math.min(delay, left);
            }
            opts.onRetry?.(err, attempt, delay);
            await wait(delay, opts.signal);
        }
    }
}

// EXTERNAL MODULE: ./src/model/object-ref.ts
var object_ref = __webpack_require__(7270);
;// CONCATENATED MODULE: ./src/cluster/wait.ts


class WaitTimeoutError extends Error {
    constructor(message) {
        super(message);
        this.name = 'TimeoutError';
    }
}
function uidOf(obj) {
    return typeof obj.metadata.uid === 'string' ? obj.metadata.uid : undefined;
}
/** Resolves once the object no longer exists. */
async function waitGone(cluster, ref, opts = {}) {
    const { signal, timeoutMs, uid } = opts;
    if (signal?.aborted)
        throw abortError(signal);
    let finish;
    const done = new Promise((resolve, reject) => {
        let settled = false;
        finish = (err) => {
            if (settled)
                return;
            settled = true;
            if (err)
                reject(err);
            else
                resolve();
        };
    });
    const isIt = (o) => o.metadata.name === ref.name && (ref.namespace === null || (o.metadata.namespace ?? null) === ref.namespace);
    const otherIncarnation = (o) => uid !== undefined && uidOf(o) !== uid;
    const onEvent = (e) => {
        if (!isIt(e.object))
            return;
        if (e.type === 'DELETED' ? !otherIncarnation(e.object) : otherIncarnation(e.object))
            finish();
    };
    const timer = timeoutMs === undefined
        ? undefined
        : setTimeout(() => finish(new WaitTimeoutError(`timed out after ${timeoutMs}ms waiting for ${(0,object_ref/* objectLabel */.u)(ref)} to be deleted`)), timeoutMs);
    const onAbort = () => finish(abortError(signal));
    signal?.addEventListener('abort', onAbort, { once: true });
    const subscription = cluster.watch(ref.apiVersion, ref.kind, ref.namespace, onEvent);
    subscription
        .then(async () => {
        const live = await cluster.get(ref);
        if (!live || otherIncarnation(live))
            finish();
    })
        .catch((err) => finish(err instanceof Error ? err : new Error(String(err))));
    try {
        await done;
    }
    finally {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        // The watch may still be starting when we stop waiting; unsubscribe whenever it is up.
        subscription.then((unsubscribe) => unsubscribe()).catch(() => { });
    }
}

;// CONCATENATED MODULE: ./src/sync/apply-task.ts
// How one object is applied (SEMANTICS 3a): server-side apply by default, Replace=true as a PUT,
// Force=true with Replace as delete-and-recreate when the server refuses an immutable change.




const isImmutableError = (err) => err instanceof ApiError && (err.status === 422 || err.status === 409) && /immutable|may not change|cannot be changed/i.test(err.message);
/**
 * Replace=true asks for a PUT. So does Validate=false: server-side apply refuses unknown fields
 * whatever fieldValidation says, while a PUT with fieldValidation=Ignore drops them, as asked.
 */
function usesReplace(task) {
    return task.syncOptions.includes('Replace=true') || task.syncOptions.includes('Validate=false');
}
async function applyTask(cluster, task, liveName, prior, signal) {
    const obj = liveObjectFor(task, liveName);
    const fieldValidation = task.syncOptions.includes('Validate=false') ? 'Ignore' : 'Strict';
    const opts = { fieldValidation };
    if (usesReplace(task)) {
        try {
            const live = await cluster.replace(obj, opts);
            return { live, action: prior ? 'replaced' : 'created' };
        }
        catch (err) {
            if (!task.syncOptions.includes('Force=true') || !isImmutableError(err))
                throw err;
            await cluster.delete(refOf(obj), 'Foreground');
            await waitGone(cluster, refOf(obj), { signal });
            const live = await cluster.create(obj, opts);
            return { live, action: 'recreated' };
        }
    }
    if (prior)
        await migrateClientSideApply(cluster, prior);
    const live = await cluster.apply(obj, opts);
    const action = !prior ? 'created' : prior.metadata.resourceVersion === live.metadata.resourceVersion ? 'unchanged' : 'configured';
    return { live, action };
}

;// CONCATENATED MODULE: ./src/model/label-selector.ts
// The one label-selector matcher. A metav1.LabelSelector object ({matchLabels, matchExpressions})
// and the `labelSelector` query string ("a=b,c!=d,e in (x,y),!f") are both judged here.
/** An empty or absent selector object selects nothing (never what a workload means). */
function selectorMatches(sel, labels = {}) {
    if (!sel || !(sel.matchLabels || sel.matchExpressions))
        return false;
    for (const [k, v] of Object.entries(sel.matchLabels ?? {}))
        if (labels[k] !== v)
            return false;
    return (sel.matchExpressions ?? []).every((e) => requirementMatches(e.key, e.operator, e.values ?? [], labels));
}
/** A selector string; an empty one selects everything, as the API server does. */
function selectorStringMatches(selector, labels = {}) {
    if (!selector?.trim())
        return true;
    return splitTerms(selector).every((term) => termMatches(term.trim(), labels));
}
function requirementMatches(key, operator, values, labels) {
    const has = Object.hasOwn(labels, key);
    const inValues = has && values.includes(labels[key]);
    switch (operator) {
        case 'In':
            return inValues;
        case 'NotIn':
            return !inValues;
        case 'Exists':
            return has;
        case 'DoesNotExist':
            return !has;
        default:
            return false;
    }
}
/** Commas inside "in (a,b)" do not split terms. */
function splitTerms(selector) {
    const terms = [];
    let depth = 0;
    let current = '';
    for (const ch of selector) {
        if (ch === '(')
            depth++;
        if (ch === ')')
            depth--;
        if (ch === ',' && depth === 0) {
            terms.push(current);
            current = '';
        }
        else
            current += ch;
    }
    terms.push(current);
    return terms.filter((t) => t.trim() !== '');
}
function termMatches(term, labels) {
    const set = /^(\S+)\s+(in|notin)\s+\(([^)]*)\)$/.exec(term);
    if (set)
        return requirementMatches(set[1], set[2] === 'in' ? 'In' : 'NotIn', set[3].split(',').map((v) => v.trim()), labels);
    if (term.startsWith('!'))
        return requirementMatches(term.slice(1).trim(), 'DoesNotExist', [], labels);
    const eq = /^([^!=]+?)\s*(==|=|!=)\s*(.*)$/.exec(term);
    if (!eq)
        return requirementMatches(term, 'Exists', [], labels);
    const matches = labels[eq[1]] === eq[3].trim();
    return eq[2] === '!=' ? !matches : matches;
}

;// CONCATENATED MODULE: ./src/sync/pods.ts

const WORKLOADS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'Pod']);
/** Whether the gate should look at this object's pods (fail fast, hook logs). */
function hasPods(o) {
    return WORKLOADS.has(o.kind) && (o.apiVersion === 'v1' || o.apiVersion.startsWith('apps/') || o.apiVersion.startsWith('batch/'));
}
/**
 * The pods of the workload's current revision. During a rollout, pods of the previous revision may
 * still be crash-looping (that is often why one deploys): they must not fail the fix.
 * Deployments: pods of the ReplicaSet at the Deployment's revision; StatefulSets: pods at
 * status.updateRevision. Until the current revision is known, no pod is judged.
 */
function podsOf(workload, pods, replicaSets = []) {
    if (workload.kind === 'Pod')
        return pods.filter((p) => p.metadata.uid === workload.metadata.uid);
    if (workload.kind === 'Job') {
        const uid = workload.metadata.uid;
        return pods.filter((p) => (p.metadata.ownerReferences ?? []).some((r) => r.uid === uid));
    }
    const sel = workload.spec?.selector;
    const selected = pods.filter((p) => selectorMatches(sel, p.metadata.labels));
    // Until the controller has seen this generation, its revision markers still name the old one.
    const observed = Number(workload.status?.observedGeneration ?? 0);
    if ((workload.kind === 'Deployment' || workload.kind === 'StatefulSet') && observed < Number(workload.metadata.generation ?? 0))
        return [];
    if (workload.kind === 'Deployment') {
        const hash = currentTemplateHash(workload, replicaSets);
        return hash ? selected.filter((p) => p.metadata.labels?.['pod-template-hash'] === hash) : [];
    }
    if (workload.kind === 'StatefulSet') {
        const revision = workload.status?.updateRevision;
        return revision ? selected.filter((p) => p.metadata.labels?.['controller-revision-hash'] === revision) : [];
    }
    return selected;
}
const REVISION = 'deployment.kubernetes.io/revision';
/** pod-template-hash of the Deployment's current ReplicaSet (same owner, same revision). */
function currentTemplateHash(deployment, replicaSets) {
    const revision = deployment.metadata.annotations?.[REVISION];
    if (!revision)
        return null;
    const current = replicaSets.find((rs) => (rs.metadata.ownerReferences ?? []).some((r) => r.uid === deployment.metadata.uid) &&
        rs.metadata.annotations?.[REVISION] === revision);
    return current?.metadata.labels?.['pod-template-hash'] ?? null;
}

;// CONCATENATED MODULE: ./src/sync/permissions.ts





const resourceName = (c) => `${c.resource}${c.subresource ? `/${c.subresource}` : ''}${c.group ? ` (API group ${c.group})` : ''}`;
/** The verbs a sync uses for one task, on its own resource and on what its health reads. */
function needsOf(t, info) {
    const ns = info.namespaced ? t.namespace : null;
    const on = (verbs, group, resource, subresource) => verbs.map((verb) => ({ verb, group, resource, subresource, namespace: ns, task: t }));
    // A member being pruned: deleted, then watched until it is gone.
    if (isPruneTask(t))
        return on(['get', 'list', 'watch', 'delete'], info.group, info.plural);
    // get: the live copy before an apply; list and watch: the shared watch that gates on health;
    // server-side apply is a patch, and a create when the object does not exist yet.
    const own = ['get', 'list', 'watch', ...(usesReplace(t) ? ['update', 'create'] : ['patch', 'create'])];
    if (t.syncOptions.includes('Force=true'))
        own.push('delete', 'create');
    if (t.hook && t.deletePolicies.length > 0)
        own.push('delete');
    const out = on([...new Set(own)], info.group, info.plural);
    if (ns && hasPods(t)) {
        out.push(...on(['list', 'watch'], '', 'pods'), ...on(['list'], '', 'events'));
        if (t.kind === 'Deployment')
            out.push(...on(['list', 'watch'], 'apps', 'replicasets'));
        if (t.hook)
            out.push(...on(['get'], '', 'pods', 'log'));
    }
    return out;
}
/**
 * Ask the server, once per (verb, resource, namespace), whether the kubeconfig's user may; return
 * one error per refused resource and the ids of the tasks it concerns (not worth a dry run).
 */
async function checkPermissions(cluster, tasks) {
    const errors = [];
    const refused = new Set();
    if (!cluster.canI)
        return { errors, refused };
    const first = new Map();
    const users = new Map();
    for (const { task, info } of tasks) {
        for (const n of needsOf(task, info)) {
            const key = `${n.verb} ${n.group}/${n.resource}/${n.subresource ?? ''} ${n.namespace ?? ''}`;
            if (!first.has(key))
                first.set(key, n);
            users.set(key, [...(users.get(key) ?? []), task]);
        }
    }
    const denied = [];
    await mapLimit([...first.entries()], 8, async ([key, n]) => {
        if (await cluster.canI(n))
            return;
        denied.push(n);
        // Every object needing it is refused: its own dry run would only say the same again.
        for (const t of users.get(key) ?? [])
            refused.add(t.id);
    });
    // One error per resource and namespace, with every verb it lacks, at the first object needing it.
    const byResource = new Map();
    for (const n of denied) {
        const key = `${n.group}/${n.resource}/${n.subresource ?? ''} ${n.namespace ?? ''}`;
        byResource.set(key, [...(byResource.get(key) ?? []), n]);
    }
    for (const needs of byResource.values()) {
        const n = needs[0];
        const verbs = [...new Set(needs.map((x) => x.verb))];
        const where = n.namespace ? ` in namespace ${n.namespace}` : ' (cluster-wide)';
        // A member being pruned has no manifest line: say where it is instead.
        const live = isLiveSource(n.task.source);
        errors.push({
            source: live ? null : n.task.source,
            message: `${n.task.kind} ${live ? `${n.task.namespace ? `${n.task.namespace}/` : ''}${n.task.name} (to be pruned: no longer in the manifests)` : (n.task.name ?? n.task.generateName ?? '')}: the kubeconfig's user may not ${verbs.join(', ')} ${resourceName(n)}${where}, which this sync needs (RBAC; docs/rbac.yaml lists what wavesync needs)`,
        });
    }
    return { errors, refused };
}

;// CONCATENATED MODULE: ./src/sync/validate.ts
// Validation before change (SEMANTICS 7.2, 7.3): resolve every kind through discovery, settle
// namespaces, then dry-run every object server-side. Nothing in the cluster changes here, except
// the app namespace when create-namespace asks for it.







const allSteps = (p) => [...p.steps, ...p.syncFail, ...p.preDelete, ...p.postDelete];
function withNamespace(task, namespace) {
    // Only metadata changes; nested values stay shared (Task.object is read-only).
    const object = { ...task.object, metadata: { ...task.object.metadata } };
    if (namespace)
        object.metadata.namespace = namespace;
    else
        delete object.metadata.namespace;
    return { ...task, namespace, object };
}
/** Resolve kinds and namespaces. Tasks whose kind the server does not know yet are marked for no dry run. */
async function resolveTasks(cluster, plan, errors, noDryRun) {
    const crds = (0,namespaces/* crdScopes */.F)(allSteps(plan).flatMap((s) => s.tasks));
    const cache = new Map();
    const resolve = (t) => {
        const key = `${t.apiVersion}/${t.kind}`;
        if (!cache.has(key))
            cache.set(key, cluster.resolve(t.apiVersion, t.kind));
        return cache.get(key);
    };
    const fix = async (t) => {
        let info;
        try {
            info = await resolve(t);
        }
        catch (err) {
            // An unreachable server is not this object's problem: one message for the run, not one per line.
            if (isUnreachable(err))
                throw err;
            // Discovery refused or failed after its retries: an error at this object's line, not a crash.
            errors.push({ source: t.source, message: `${t.kind} (apiVersion ${t.apiVersion}): discovery failed: ${describeApiError(err)}` });
            noDryRun.add(t.id);
            return t;
        }
        if (info)
            return withNamespace(t, info.namespaced ? (t.namespace ?? plan.namespace) : null);
        noDryRun.add(t.id);
        const crdScope = crds.get(`${t.group}/${t.kind}`);
        if (crdScope !== undefined)
            return withNamespace(t, crdScope === 'Namespaced' ? (t.namespace ?? plan.namespace) : null);
        if (t.syncOptions.includes('SkipDryRunOnMissingResource=true'))
            return t;
        errors.push({
            source: t.source,
            message: `unknown kind ${t.kind} (apiVersion ${t.apiVersion}): the cluster does not serve it. Add its CustomResourceDefinition to the manifests, fix the apiVersion, or set argocd.argoproj.io/sync-options: SkipDryRunOnMissingResource=true`,
        });
        return t;
    };
    const fixSteps = (steps) => Promise.all(steps.map(async (s) => ({ ...s, tasks: await Promise.all(s.tasks.map(fix)) })));
    return {
        ...plan,
        steps: await fixSteps(plan.steps),
        syncFail: await fixSteps(plan.syncFail),
        preDelete: await fixSteps(plan.preDelete),
        postDelete: await fixSteps(plan.postDelete),
    };
}
/**
 * Namespaces that the sync itself creates (a Namespace in the manifests, or `also`: the app
 * namespace under create-namespace) and that do not exist yet: objects in them cannot be dry-run.
 */
async function namespacesToCreate(cluster, plan, errors, also) {
    const out = new Set();
    const named = plan.steps.flatMap((s) => s.tasks).filter((t) => t.kind === 'Namespace' && t.group === '' && t.name);
    const candidates = [...named.map((t) => ({ name: t.name, source: t.source })), ...also.map((name) => ({ name, source: null }))];
    for (const c of candidates) {
        if (out.has(c.name))
            continue;
        try {
            const live = await cluster.get({ apiVersion: 'v1', kind: 'Namespace', namespace: null, name: c.name });
            if (!live)
                out.add(c.name);
        }
        catch (err) {
            errors.push({ source: c.source, message: `Namespace ${c.name}: could not read it: ${describeApiError(err)}` });
        }
    }
    return out;
}
function describeApiError(err) {
    if (err instanceof ApiError)
        return err.message;
    return err instanceof Error ? err.message : String(err);
}
async function ensureNamespace(cluster, name) {
    const live = await cluster.get({ apiVersion: 'v1', kind: 'Namespace', namespace: null, name });
    if (live)
        return false;
    await cluster.apply({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
    return true;
}
/**
 * The name an object is dry-run under. A BeforeHookCreation hook is deleted and created anew, so
 * it is dry-run as a new object, not as a change to the previous run's (a Job's pod template is
 * immutable: a new image for a migration Job must not fail validation).
 */
function dryRunName(t) {
    if (!t.name)
        return `${t.generateName ?? 'hook-'}dryrun`;
    if (t.hook && t.deletePolicies.includes('BeforeHookCreation'))
        return `${t.name.slice(0, 55)}-dryrun`;
    return t.name;
}
async function validateAgainstCluster(cluster, plan, opts) {
    const errors = [];
    const dryRuns = new Map();
    const noDryRun = new Set();
    // Unknown kinds are reported together with every dry-run error of the other objects.
    const resolved = await resolveTasks(cluster, plan, errors, noDryRun);
    if (opts.checkAccess) {
        // A refused verb is said once, at its object's line; that object's dry run would only repeat it.
        const syncing = [...resolved.steps, ...resolved.syncFail, ...(opts.pruning?.length ? [{ tasks: opts.pruning }] : [])]
            .flatMap((s) => s.tasks)
            .filter((t) => !noDryRun.has(t.id));
        const withInfo = await Promise.all(syncing.map(async (task) => ({ task, info: await cluster.resolve(task.apiVersion, task.kind) })));
        const access = await checkPermissions(cluster, withInfo.flatMap((x) => (x.info ? [{ task: x.task, info: x.info }] : [])));
        errors.push(...access.errors);
        for (const id of access.refused)
            noDryRun.add(id);
    }
    const creating = await namespacesToCreate(cluster, resolved, errors, opts.createsNamespaces ?? []);
    const tasks = allSteps(resolved).flatMap((s) => s.tasks);
    const seen = new Set();
    const toDryRun = tasks.filter((t) => {
        if (noDryRun.has(t.id) || (t.namespace && creating.has(t.namespace)))
            return false;
        // A hook in two phases is the same object: one dry run is enough.
        const key = `${t.group}/${t.kind}/${t.namespace ?? ''}/${t.name ?? t.generateName}`;
        if (seen.has(key))
            return false;
        seen.add(key);
        return true;
    });
    await mapLimit(toDryRun, DEFAULT_CONCURRENCY, async (t) => {
        if (opts.signal?.aborted)
            return;
        const obj = liveObjectFor(t, dryRunName(t));
        const fieldValidation = t.syncOptions.includes('Validate=false') ? 'Ignore' : 'Strict';
        try {
            const answer = usesReplace(t)
                ? await cluster.replace(obj, { dryRun: true, fieldValidation })
                : await cluster.apply(obj, { dryRun: true, fieldValidation });
            dryRuns.set(t.id, answer);
        }
        catch (err) {
            errors.push({ source: t.source, message: `${t.kind} ${t.name ?? obj.metadata.name}: dry run failed: ${describeApiError(err)}` });
        }
    });
    errors.sort((a, b) => (a.source?.file ?? '').localeCompare(b.source?.file ?? '') || (a.source?.line ?? 0) - (b.source?.line ?? 0));
    return { plan: resolved, errors, dryRuns, missingNamespaces: creating };
}

;// CONCATENATED MODULE: ./src/sync/hook-cleanup.ts

/** How long a hook's log streams may take to deliver their last lines before it is deleted. */
const HOOK_LOG_SETTLE_MS = 5_000;
class HookCleanup {
    hooks = [];
    /** Remember a finished hook whose delete policy matches how it finished. */
    add(task, liveName, outcome, logs) {
        const policy = outcome === 'Succeeded' ? 'HookSucceeded' : 'HookFailed';
        if (task.hook && task.deletePolicies.includes(policy))
            this.hooks.push({ task, liveName, outcome, logs });
    }
    /** The hooks this sync's outcome deletes: succeeded ones only when the sync succeeded. */
    due(result) {
        return this.hooks.filter((h) => h.outcome === 'Failed' || result === 'Succeeded');
    }
    async run(cluster, bus, result, now) {
        const due = this.due(result);
        await Promise.all(due.map((h) => h.logs?.settle(HOOK_LOG_SETTLE_MS)));
        for (const h of due) {
            h.logs?.stop();
            const why = h.outcome === 'Succeeded' ? 'HookSucceeded' : 'HookFailed';
            try {
                await cluster.delete({ apiVersion: h.task.apiVersion, kind: h.task.kind, namespace: h.task.namespace, name: h.liveName }, 'Background');
                bus.emit({ type: 'hook-deleted', at: now(), taskId: h.task.id, kind: h.task.kind, liveName: h.liveName, why });
            }
            catch (err) {
                bus.emit({
                    type: 'warning',
                    at: now(),
                    message: `could not delete hook ${h.task.kind} ${h.liveName} (${why}): ${describeApiError(err)}`,
                    source: h.task.source,
                });
            }
        }
    }
}

;// CONCATENATED MODULE: ./src/sync/result-builder.ts
const isSyncFail = (phase) => phase === 'SyncFail';
class ResultBuilder {
    plan = null;
    mode = 'sync';
    server = null;
    startedAt = 0;
    steps = new Map();
    tasks = new Map();
    failures = [];
    syncFailFailures = [];
    listener = (e) => this.apply(e);
    stepKey = (phase, wave) => `${phase}/${wave}`;
    initSteps(steps) {
        for (const s of steps) {
            this.steps.set(this.stepKey(s.phase, s.wave), {
                phase: s.phase,
                wave: s.wave,
                state: 'Pending',
                startedAt: null,
                finishedAt: null,
                tasks: s.tasks.map((t) => this.initTask(t)),
            });
        }
    }
    initTask(t) {
        const r = {
            taskId: t.id,
            kind: t.kind,
            namespace: t.namespace,
            name: t.name,
            hook: t.hook,
            source: t.source,
            state: 'Pending',
            health: null,
            message: '',
            action: null,
            startedAt: null,
            finishedAt: null,
        };
        this.tasks.set(t.id, r);
        return r;
    }
    apply(e) {
        switch (e.type) {
            case 'sync-started':
                this.plan = e.plan;
                this.mode = e.mode;
                this.server = e.server;
                this.startedAt = e.at;
                this.initSteps(e.mode === 'delete' ? [...e.plan.preDelete, ...e.plan.steps, ...e.plan.postDelete] : e.plan.steps);
                this.initSteps(e.plan.syncFail);
                break;
            case 'step-started': {
                const s = this.steps.get(this.stepKey(e.phase, e.wave));
                if (s)
                    Object.assign(s, { state: 'Running', startedAt: e.at });
                this.current = s ?? this.current;
                break;
            }
            case 'step-finished': {
                const s = this.steps.get(this.stepKey(e.phase, e.wave));
                if (s)
                    Object.assign(s, { state: e.state, finishedAt: e.at });
                break;
            }
            case 'task-started': {
                const t = this.tasks.get(e.taskId);
                if (t)
                    Object.assign(t, { state: 'Applying', startedAt: e.at, name: e.liveName ?? t.name, namespace: e.task.namespace });
                break;
            }
            case 'task-applied': {
                const t = this.tasks.get(e.taskId);
                if (t)
                    Object.assign(t, { state: t.hook ? 'Running' : 'Applied', action: e.action, name: e.liveName });
                break;
            }
            case 'planned-change': {
                const t = this.tasks.get(e.taskId);
                const action = { create: 'created', update: 'configured', unchanged: 'unchanged' };
                if (t)
                    Object.assign(t, { action: action[e.change], message: e.fields.length ? `would change ${e.fields.join(', ')}` : `would be ${action[e.change]}` });
                break;
            }
            case 'task-health': {
                const t = this.tasks.get(e.taskId);
                if (t)
                    Object.assign(t, { health: e.health, message: e.message });
                break;
            }
            case 'task-finished': {
                const t = this.tasks.get(e.taskId);
                if (t)
                    Object.assign(t, { state: e.state, message: e.message || t.message, finishedAt: e.at });
                if (e.failure)
                    (isSyncFail(e.failure.phase) ? this.syncFailFailures : this.failures).push(e.failure);
                break;
            }
            default:
                break;
        }
    }
    /** The step that started last, if any. */
    current = null;
    /** Every step so far, sync steps then SyncFail steps, as live objects (read, do not change). */
    snapshot() {
        const all = [...this.steps.values()];
        return { plan: this.plan, steps: [...all.filter((s) => !isSyncFail(s.phase)), ...all.filter((s) => isSyncFail(s.phase))], current: this.current };
    }
    /** One task as it stands (its live name once it has one). */
    task(taskId) {
        return this.tasks.get(taskId);
    }
    /** The first task failure of the sync (not of SyncFail), if any. */
    firstFailure() {
        return this.failures[0];
    }
    build(outcome, reason, message, at) {
        const all = [...this.steps.values()];
        return {
            app: this.plan?.app ?? '',
            revision: this.plan?.revision ?? null,
            mode: this.mode,
            result: outcome,
            reason,
            message,
            failedPhase: this.failures[0]?.phase ?? null,
            failures: [...this.failures],
            syncFailFailures: [...this.syncFailFailures],
            steps: all.filter((s) => !isSyncFail(s.phase)),
            syncFailSteps: all.filter((s) => isSyncFail(s.phase)),
            startedAt: this.startedAt,
            finishedAt: at,
            durationMs: at - this.startedAt,
            server: this.server,
        };
    }
}

;// CONCATENATED MODULE: ./src/sync/task-lifecycle.ts
/** A move not listed here (including any move out of a final state) is illegal. */
const LIFECYCLES = {
    // A plain resource: applied, then Healthy (Succeeded) or not.
    apply: {
        Pending: ['Applying', 'Failed', 'Cancelled'],
        Applying: ['Applied', 'Failed', 'Cancelled'],
        Applied: ['Succeeded', 'Failed', 'Cancelled'],
    },
    // A hook: created, then it runs to completion (Succeeded) or not.
    hook: {
        Pending: ['Applying', 'Failed', 'Cancelled'],
        Applying: ['Running', 'Failed', 'Cancelled'],
        Running: ['Succeeded', 'Failed', 'Cancelled'],
    },
    // A member that left the manifests (remove-task.ts): deleted and awaited until gone, or kept
    // (Skipped: Prune=false, Prune=confirm, prune off).
    prune: {
        Pending: ['Applying', 'Skipped', 'Cancelled'],
        Applying: ['Succeeded', 'Failed', 'Cancelled'],
    },
    // A member of an app being deleted (remove-task.ts): the same moves; Skipped is Delete=false.
    delete: {
        Pending: ['Applying', 'Skipped', 'Cancelled'],
        Applying: ['Succeeded', 'Failed', 'Cancelled'],
    },
};
function actionOf(task) {
    const declared = task.action;
    if (declared === 'prune' || declared === 'delete')
        return declared;
    return task.hook ? 'hook' : 'apply';
}
/** A state with no move out: Succeeded, Failed, Cancelled. */
function isFinal(action, state) {
    return !LIFECYCLES[action][state]?.length;
}
/** Throws when `from \u2192 to` is not in the action's table. */
function checkTransition(action, from, to, what) {
    if (!(LIFECYCLES[action][from] ?? []).includes(to))
        throw new Error(`task ${what} (${action}): ${from} \u2192 ${to} is not a valid transition`);
}

;// CONCATENATED MODULE: ./src/sync/remove-task.ts
// The prune and delete task actions (SEMANTICS 5, 6): a live object is deleted (foreground, so
// what it owns goes first) and awaited until gone, or kept and reported (Skipped) with the reason.
// Each task moves only along its action's table (task-lifecycle.ts): Pending \u2192 Applying \u2192
// Succeeded | Failed | Cancelled, or Pending \u2192 Skipped | Cancelled.




/** Runs the removals of one step in parallel; resolves to the first failure's reason, or null. */
async function runRemovals(ctx, items, onChanged) {
    let failed = null;
    const end = (task, state, message, reason) => {
        const failure = reason
            ? {
                taskId: task.id,
                phase: task.phase,
                wave: task.wave,
                kind: task.kind,
                namespace: task.namespace,
                name: task.name,
                source: task.source,
                reason,
                message,
                logTail: [],
            }
            : undefined;
        if (reason)
            failed ??= reason;
        ctx.bus.emit({ type: 'task-finished', at: ctx.now(), taskId: task.id, state, message, failure });
    };
    await mapLimit(items, 8, async (item) => {
        const { task, keepMessage, action } = item;
        const kind = action === 'pruned' ? 'prune' : 'delete';
        let state = 'Pending';
        const move = (to) => {
            checkTransition(kind, state, to, `${task.kind} ${task.name ?? ''}`);
            state = to;
        };
        const finish = (t, to, message, reason) => {
            move(to);
            end(t, to, message, reason);
        };
        if (keepMessage !== null)
            return finish(task, 'Skipped', keepMessage);
        if (ctx.cancel.aborted)
            return finish(task, 'Cancelled', 'not started: the sync was cancelled');
        const ref = { apiVersion: task.apiVersion, kind: task.kind, namespace: task.namespace, name: task.name ?? '' };
        move('Applying');
        ctx.bus.emit({ type: 'task-started', at: ctx.now(), taskId: task.id, task, liveName: ref.name });
        try {
            const live = await ctx.cluster.get(ref);
            if (live) {
                await ctx.cluster.delete(ref, 'Foreground');
                onChanged();
                ctx.bus.emit({ type: 'task-applied', at: ctx.now(), taskId: task.id, action, liveName: ref.name });
                const uid = typeof live.metadata.uid === 'string' ? live.metadata.uid : undefined;
                await waitGone(ctx.cluster, ref, { uid, signal: ctx.cancel, timeoutMs: Math.max(1, ctx.deadline - ctx.now()) });
            }
            finish(task, 'Succeeded', live ? `${action}: gone` : `already gone`);
        }
        catch (err) {
            if (ctx.cancel.aborted)
                return finish(task, 'Cancelled', 'cancelled while waiting for it to be gone');
            if (err instanceof WaitTimeoutError)
                return finish(task, 'Failed', `${action === 'pruned' ? 'pruning' : 'deleting'}: ${err.message}`, 'Timeout');
            finish(task, 'Failed', `could not delete it: ${describeApiError(err)}`, 'Apply');
        }
    });
    return failed;
}

;// CONCATENATED MODULE: ./src/sync/hook-logs.ts


/** A stream quiet this long after the hook finished is taken as done. */
const QUIET_MS = 750;
const STARTED_PHASES = new Set(['Running', 'Succeeded', 'Failed']);
class HookLogs {
    cluster;
    namespace;
    onLine;
    streams = new Map();
    lines = [];
    abort = new AbortController();
    lastLineAt = 0;
    constructor(cluster, namespace, onLine) {
        this.cluster = cluster;
        this.namespace = namespace;
        this.onLine = onLine;
    }
    /** Start following each started pod's containers, once per pod. */
    observe(pods) {
        for (const pod of pods) {
            const name = pod.metadata.name ?? '';
            const phase = pod.status?.phase ?? '';
            if (this.streams.has(name) || !STARTED_PHASES.has(phase))
                continue;
            const containers = (pod.spec?.containers ?? []).map((c) => c.name);
            const follow = Promise.all(containers.map((c) => this.cluster
                .podLogs(this.namespace, name, { container: c, follow: true, signal: this.abort.signal }, (line) => this.add(name, containers.length > 1 ? `[${c}] ${line}` : line))
                .catch(() => undefined))).then(() => undefined);
            this.streams.set(name, follow);
        }
    }
    add(pod, line) {
        this.lastLineAt = Date.now();
        this.lines.push(line);
        if (this.lines.length > LOG_TAIL_LINES)
            this.lines.shift();
        this.onLine(pod, line);
    }
    tail() {
        return [...this.lines];
    }
    /**
     * Let running streams deliver their last lines, at most ms. Streams of finished containers end
     * by themselves; one that stays open (some log servers keep a follow open) is cut once it has
     * been quiet for a moment.
     */
    async settle(ms) {
        const start = Date.now();
        const ended = Promise.all(this.streams.values()).then(() => true);
        while (Date.now() - start < ms && !this.abort.signal.aborted) {
            if (Date.now() - Math.max(this.lastLineAt, start) >= QUIET_MS)
                return;
            if (await Promise.race([ended, sleep(100).then(() => false)]))
                return;
        }
    }
    stop() {
        this.abort.abort();
    }
}

;// CONCATENATED MODULE: ./src/sync/hook-lifecycle.ts




/** BeforeHookCreation: the previous hook of that name goes, and is gone, before this one is created. */
async function deleteBeforeCreation(ctx, tasks, trackers) {
    tasks.stage = 'BeforeHookCreation';
    const hooks = trackers.filter((t) => !t.done && t.action === 'hook' && t.task.deletePolicies.includes('BeforeHookCreation'));
    await Promise.all(hooks.map(async (t) => {
        const ref = t.ref;
        try {
            const live = ctx.feed.latest(t.key) ?? (await ctx.cluster.get(ref));
            if (!live)
                return;
            ctx.bus.emit({ type: 'hook-deleted', at: ctx.now(), taskId: t.task.id, kind: t.task.kind, liveName: t.liveName, why: 'BeforeHookCreation' });
            await ctx.cluster.delete(ref, 'Foreground');
            await waitGone(ctx.cluster, ref, { signal: ctx.cancel, timeoutMs: Math.max(0, ctx.deadline - ctx.now()) });
        }
        catch (err) {
            if (ctx.cancel.aborted)
                tasks.finish(t, 'Cancelled', 'cancelled while deleting the previous hook');
            else
                tasks.fail(t, 'Apply', `could not delete the previous ${t.task.kind} ${t.liveName} (BeforeHookCreation): ${describeApiError(err)}`);
        }
    }));
}
/** A hook just created that runs pods: follow their container logs. */
function followLogs(ctx, t) {
    if (t.action !== 'hook' || !hasPods(t.task) || !t.task.namespace)
        return;
    t.logs = new HookLogs(ctx.cluster, t.task.namespace, (pod, line) => ctx.bus.emit({ type: 'hook-log', at: ctx.now(), taskId: t.task.id, hookName: t.liveName, pod, line }));
}
/** Start streams for the hook's own pods (owned by it, or the hook itself). */
function observeHookPods(t, pods) {
    t.logs?.observe(pods.filter((p) => (p.metadata.ownerReferences ?? []).some((r) => r.uid === t.uid) || p.metadata.uid === t.uid));
}
/**
 * A hook finished (its failed logs already settled): a hook that succeeded keeps streaming in the
 * background until the sync ends, so it does not hold the gate; delete policies act at sync end.
 */
function handOverHook(ctx, t, state) {
    let streaming = null;
    if (t.logs && state !== 'Failed') {
        streaming = t.logs;
        ctx.lingeringLogs.push(t.logs);
        t.logs = null;
    }
    t.logs?.stop();
    ctx.hookCleanup.add(t.task, t.liveName, state, streaming);
}
/** Cancellation or timeout while the hook runs: it is deleted (resources stay). */
async function deleteRunningHook(ctx, t, why) {
    t.deletedByUs = true;
    ctx.bus.emit({ type: 'hook-deleted', at: ctx.now(), taskId: t.task.id, kind: t.task.kind, liveName: t.liveName, why });
    await ctx.cluster.delete(t.ref, 'Background');
}

;// CONCATENATED MODULE: ./src/sync/step-watches.ts


async function startWatches(ctx, tasks, trackers) {
    tasks.stage = 'watch';
    const wants = new Map();
    const want = (apiVersion, kind, namespace, t) => {
        const k = `${apiVersion}/${kind}/${namespace ?? ''}`;
        const w = wants.get(k) ?? { apiVersion, kind, namespace, for: [] };
        w.for.push(t);
        wants.set(k, w);
    };
    for (const t of trackers) {
        want(t.task.apiVersion, t.task.kind, t.task.namespace, t);
        if (hasPods(t.task) && t.task.namespace)
            want('v1', 'Pod', t.task.namespace, t);
        if (t.task.kind === 'Deployment' && t.task.namespace)
            want('apps/v1', 'ReplicaSet', t.task.namespace, t);
    }
    await Promise.all([...wants.values()].map(async (w) => {
        try {
            await ctx.feed.ensure(w.apiVersion, w.kind, w.namespace);
        }
        catch (err) {
            const first = w.for.find((t) => !t.done);
            if (first)
                tasks.fail(first, 'Apply', `could not watch ${w.kind} (${w.apiVersion})${w.namespace ? ` in ${w.namespace}` : ''}: ${describeApiError(err)}`);
        }
    }));
}

;// CONCATENATED MODULE: ./src/sync/apply-runs.ts






/** Consecutive tasks of the same kind: applied in parallel, runs one after another. */
function kindRuns(tasks) {
    const runs = [];
    for (const t of tasks) {
        const last = runs.at(-1);
        if (last && last[0].kind === t.kind && last[0].group === t.group)
            last.push(t);
        else
            runs.push([t]);
    }
    return runs;
}
/** Applies every run; `evaluate` gives the gate its first look at each applied object. */
async function applyRuns(ctx, tasks, crds, evaluate) {
    const byTask = new Map(tasks.all.map((t) => [t.task.id, t]));
    for (const run of kindRuns(tasks.all.map((t) => t.task))) {
        if (tasks.failed || ctx.cancel.aborted || ctx.now() >= ctx.deadline)
            break;
        const trackers = run.map((task) => byTask.get(task.id));
        if (crds.deferred(trackers[0])) {
            if (!(await crds.ready(ctx, tasks, trackers)))
                break;
            await startWatches(ctx, tasks, trackers);
            await deleteBeforeCreation(ctx, tasks, trackers);
            if (tasks.failed)
                break;
        }
        tasks.stage = 'apply';
        await mapLimit(trackers, ctx.opts.concurrency ?? DEFAULT_CONCURRENCY, (t) => applyOne(ctx, tasks, t, evaluate));
        if (run.some((t) => t.kind === 'CustomResourceDefinition'))
            ctx.cluster.invalidateDiscovery();
    }
    for (const t of tasks.all)
        if (!t.applied && !t.done)
            tasks.finish(t, 'Cancelled', 'not applied: an earlier task of this step failed or the sync stopped');
}
async function applyOne(ctx, tasks, t, evaluate) {
    if (tasks.failed || ctx.cancel.aborted || t.done)
        return;
    t.moveTo('Applying');
    ctx.bus.emit({ type: 'task-started', at: ctx.now(), taskId: t.task.id, task: t.task, liveName: t.liveName });
    try {
        const prior = ctx.feed.latest(t.key) ?? null;
        const { live, action } = await applyTask(ctx.cluster, t.task, t.liveName, prior, ctx.cancel);
        ctx.appliedAnything = true;
        t.uid = live.metadata.uid ?? null;
        t.minGeneration = Number(live.metadata.generation ?? 0);
        t.moveTo(t.action === 'hook' ? 'Running' : 'Applied');
        ctx.feed.remember(live);
        ctx.bus.emit({ type: 'task-applied', at: ctx.now(), taskId: t.task.id, action, liveName: t.liveName });
        followLogs(ctx, t);
        evaluate(t, ctx.feed.latest(t.key) ?? live);
    }
    catch (err) {
        tasks.fail(t, 'Apply', `apply failed: ${describeApiError(err)}`);
    }
}

;// CONCATENATED MODULE: ./src/sync/namespace-events.ts
const EVENTS_REFRESH_MS = 5_000;
class NamespaceEvents {
    ctx;
    podEvents = new Map();
    warningEvents = new Map();
    constructor(ctx) {
        this.ctx = ctx;
    }
    pods(ns) {
        return this.podEvents.get(ns)?.events ?? [];
    }
    warnings(ns) {
        return this.warningEvents.get(ns)?.events ?? [];
    }
    /** Events of pods that look stuck, so a fail-fast report can quote them. */
    async refreshPodEvents(trackers) {
        // Only where a container has been seen stuck: listing every Event of a namespace on every
        // gate loop would load the API server for messages nobody reads.
        const namespaces = new Set(trackers.filter((t) => !t.done && t.firstSeen.size > 0 && t.task.namespace).map((t) => t.task.namespace));
        for (const ns of namespaces) {
            const cached = this.podEvents.get(ns);
            if (cached && this.ctx.now() - cached.at < EVENTS_REFRESH_MS)
                continue;
            this.podEvents.set(ns, { at: this.ctx.now(), events: cached?.events ?? [] });
            try {
                this.podEvents.set(ns, { at: this.ctx.now(), events: await this.ctx.cluster.list('v1', 'Event', ns) });
            }
            catch {
                // events only enrich a failure message
            }
        }
    }
    /** Warning events of namespaces where an applied task waits, so its message can say why. */
    async refreshWarnings(trackers, force) {
        const namespaces = new Set(trackers.filter((t) => !t.done && t.applied && t.task.namespace).map((t) => t.task.namespace));
        await Promise.all([...namespaces].map(async (ns) => {
            const cached = this.warningEvents.get(ns);
            if (!force && cached && this.ctx.now() - cached.at < EVENTS_REFRESH_MS)
                return;
            this.warningEvents.set(ns, { at: this.ctx.now(), events: cached?.events ?? [] });
            try {
                const events = await this.ctx.cluster.list('v1', 'Event', ns, { fieldSelector: 'type=Warning' });
                this.warningEvents.set(ns, { at: this.ctx.now(), events });
            }
            catch {
                // events only explain a wait
            }
        }));
    }
}

;// CONCATENATED MODULE: ./src/sync/stop-running.ts
// Timeout or cancellation inside a step: every unfinished task stops (Failed with reason Timeout,
// or Cancelled), quoting its last status; hooks that run are deleted, applied resources stay.

async function stopRunning(ctx, tasks, kind) {
    await Promise.all(tasks.open().map(async (t) => {
        if (t.action === 'hook' && t.applied) {
            try {
                await deleteRunningHook(ctx, t, kind === 'Failed' ? 'sync timed out' : 'sync cancelled');
            }
            catch {
                // best effort: the sync is ending either way
            }
        }
        const last = t.message ? ` (last status: ${t.message})` : '';
        if (kind === 'Failed')
            tasks.fail(t, 'Timeout', `not ${t.action === 'hook' ? 'complete' : 'Healthy'} before the sync's timeout${last}`);
        else
            tasks.finish(t, 'Cancelled', `cancelled${last}`);
    }));
    if (kind === 'Failed')
        tasks.failed ??= 'Timeout';
}

;// CONCATENATED MODULE: ./src/sync/owner-index.ts



const ownerRefs = (o) => (o?.metadata.ownerReferences ?? []);
/** The open, applied tasks whose verdict may change with this Pod or ReplicaSet. */
function affectedBy(obj, tasks, feed) {
    const ns = obj.metadata.namespace ?? null;
    // The object itself and its owners, and for a pod the owners of its ReplicaSet.
    const uids = new Set();
    if (typeof obj.metadata.uid === 'string')
        uids.add(obj.metadata.uid);
    for (const r of ownerRefs(obj)) {
        if (r.uid)
            uids.add(r.uid);
        if (obj.kind === 'Pod' && r.kind === 'ReplicaSet' && r.name)
            for (const up of ownerRefs(feed.latest(objectKey('apps', 'ReplicaSet', ns, r.name))))
                if (up.uid)
                    uids.add(up.uid);
    }
    const out = [];
    for (const t of tasks) {
        if (t.done || t.finishing || !t.uid || t.task.namespace !== ns)
            continue;
        if (uids.has(t.uid))
            out.push(t);
        else if (obj.kind === 'Pod' && selects(t, feed, obj))
            out.push(t);
    }
    return out;
}
/** A workload that picks its pods by selector (podsOf): its live selector matches the pod's labels. */
function selects(t, feed, pod) {
    if (t.task.kind === 'Job' || t.task.kind === 'Pod' || !hasPods(t.task))
        return false;
    const live = feed.latest(t.key);
    return selectorMatches(live?.spec?.selector, pod.metadata.labels);
}

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./src/health/cel-expr.ts
const OBJECT_VARIABLE = 'self';
// @bufbuild/cel (with the protobuf runtime it builds descriptors with when it loads) is its own
// chunk, loaded only when health checks are configured: every start would otherwise pay for it.
let cel;
let env;
let loading;
/** Loads the CEL engine; compileExpr needs it first. */
function loadCelEngine() {
    return (loading ??= Promise.all([Promise.all(/* import() */[__webpack_require__.e(192), __webpack_require__.e(277)]).then(__webpack_require__.bind(__webpack_require__, 6277)), Promise.all(/* import() */[__webpack_require__.e(192), __webpack_require__.e(27)]).then(__webpack_require__.bind(__webpack_require__, 6027))]).then(([m, ext]) => {
        env = m.celEnv({ funcs: ext.strings });
        cel = m;
    }));
}
const celEngineLoaded = () => cel !== undefined;
// Identifiers CEL itself defines (type names used as values, e.g. `type(x) == string`).
const BUILTIN_IDENTS = new Set(['int', 'uint', 'double', 'bool', 'string', 'bytes', 'list', 'map', 'null_type', 'type', 'dyn']);
/** Names used as variables that are neither `self`, a macro's loop variable nor a CEL builtin. */
function unknownIdents(node, scope, out) {
    if (!node)
        return;
    const v = node.exprKind.value;
    switch (node.exprKind.case) {
        case 'identExpr': {
            const name = v.name;
            if (!scope.has(name) && !BUILTIN_IDENTS.has(name))
                out.add(name);
            return;
        }
        case 'selectExpr':
            return unknownIdents(v?.operand, scope, out);
        case 'callExpr':
            unknownIdents(v?.target, scope, out);
            for (const a of v?.args ?? [])
                unknownIdents(a, scope, out);
            return;
        case 'listExpr':
            for (const e of v?.elements ?? [])
                unknownIdents(e, scope, out);
            return;
        case 'structExpr':
            for (const e of v?.entries ?? []) {
                if (e.keyKind.case === 'mapKey')
                    unknownIdents(e.keyKind.value, scope, out);
                unknownIdents(e.value, scope, out);
            }
            return;
        case 'comprehensionExpr': {
            const c = v;
            unknownIdents(c.iterRange, scope, out);
            unknownIdents(c.accuInit, scope, out);
            const inner = new Set(scope);
            for (const name of [c.iterVar, c.iterVar2, c.accuVar])
                if (typeof name === 'string' && name)
                    inner.add(name);
            for (const key of ['loopCondition', 'loopStep', 'result'])
                unknownIdents(c[key], inner, out);
            return;
        }
        default:
            return;
    }
}
/** JSON numbers that are integers become CEL ints (as Kubernetes' CEL does), so `replicas + 1` works. */
function toCelInput(value) {
    if (typeof value === 'number')
        return Number.isInteger(value) ? BigInt(value) : value;
    if (Array.isArray(value))
        return value.map(toCelInput);
    if (value !== null && typeof value === 'object') {
        const out = {};
        for (const [k, v] of Object.entries(value))
            if (v !== undefined)
                out[k] = toCelInput(v);
        return out;
    }
    return value;
}
/** Compile an expression, or explain why it cannot be (syntax error with column, unknown variable). */
function compileExpr(text) {
    if (!cel)
        throw new Error('the CEL engine is not loaded (await loadCelEngine() first)');
    const { isCelError, parse, plan } = cel;
    let parsed;
    try {
        parsed = parse(text);
    }
    catch (e) {
        const message = e instanceof Error ? e.message : String(e);
        return { error: `invalid CEL: ${message.replace(/^<input>:/, 'at ')}` };
    }
    const unknown = new Set();
    unknownIdents(parsed.expr, new Set([OBJECT_VARIABLE]), unknown);
    if (unknown.size > 0) {
        return { error: `unknown variable ${[...unknown].map((n) => `'${n}'`).join(', ')}: the object is bound as '${OBJECT_VARIABLE}'` };
    }
    const program = plan(env, parsed);
    return {
        text,
        evaluate(obj) {
            try {
                const out = program({ [OBJECT_VARIABLE]: toCelInput(obj) });
                return isCelError(out) ? { error: out.message } : { value: out };
            }
            catch (e) {
                return { error: e instanceof Error ? e.message : String(e) };
            }
        },
    };
}

;// CONCATENATED MODULE: ./src/health/cel-rules.ts

const CEL_KEYS = ['healthy', 'degraded', 'progressing', 'message'];
/** Compile an entry's expressions; each failure names its key (the caller adds file:line). */
function compileCelRule(head, texts) {
    const errors = [];
    const compiled = {};
    for (const key of CEL_KEYS) {
        const value = texts[key];
        if (!value)
            continue;
        const c = compileExpr(value.text);
        if ('error' in c)
            errors.push({ line: value.line, message: `${key}: ${c.error}` });
        else
            compiled[key] = c;
    }
    if (errors.length > 0 || !compiled.healthy)
        return { errors };
    const rule = { engine: 'cel', ...head, healthy: compiled.healthy };
    if (compiled.degraded)
        rule.degraded = compiled.degraded;
    if (compiled.progressing)
        rule.progressing = compiled.progressing;
    if (compiled.message)
        rule.message = compiled.message;
    return { rule, errors };
}
function where(rule) {
    return `${rule.source.file}:${rule.source.line}`;
}
/** Evaluate a rule: degraded, then healthy, then progressing; none true \u2192 Progressing. */
function evaluateCelRule(rule, obj) {
    const order = [
        ['degraded', 'Degraded'],
        ['healthy', 'Healthy'],
        ['progressing', 'Progressing'],
    ];
    for (const [key, status] of order) {
        const expr = rule[key];
        if (!expr)
            continue;
        const out = expr.evaluate(obj);
        if ('error' in out) {
            return { status: 'Progressing', message: `health check ${where(rule)}: ${key}: ${out.error}` };
        }
        if (typeof out.value !== 'boolean') {
            return { status: 'Progressing', message: `health check ${where(rule)}: ${key} gave ${typeof out.value}, expected true or false` };
        }
        if (out.value)
            return { status, message: userMessage(rule, obj) ?? `${key} (health check ${where(rule)})` };
    }
    return { status: 'Progressing', message: userMessage(rule, obj) ?? `waiting for healthy (health check ${where(rule)})` };
}
function userMessage(rule, obj) {
    if (!rule.message)
        return undefined;
    const out = rule.message.evaluate(obj);
    return 'value' in out && typeof out.value === 'string' && out.value !== '' ? out.value : undefined;
}

;// CONCATENATED MODULE: ./src/health/types.ts
const HEALTH_STATUSES = ['Healthy', 'Progressing', 'Suspended', 'Degraded', 'Missing', 'Unknown'];

// EXTERNAL MODULE: external "node:v8"
var external_node_v8_ = __webpack_require__(8877);
;// CONCATENATED MODULE: ./src/health/lua/sandbox.ts

// fengari (about 630 KB with its dependencies) is its own chunk, loaded only when a Lua rule is
// configured: every start would otherwise compile it (issue 13: start-up).
let lua;
let lauxlib;
let lualib;
let to_luastring;
let sandbox_loading;
/** Loads the Lua engine; LuaScript needs it first. */
function loadLuaEngine() {
    return (sandbox_loading ??= __webpack_require__.e(/* import() */ 484).then(__webpack_require__.t.bind(__webpack_require__, 2413, 19)).then((m) => {
        const f = (m.default ?? m);
        ({ lua, lauxlib, lualib, to_luastring } = f);
    }));
}
const luaEngineLoaded = () => lua !== undefined;
const DEFAULT_LIMITS = { instructions: 1_000_000, memoryBytes: 64 * 1024 * 1024 };
const HOOK_EVERY = 1000;
const LIBS = [
    ['_G', 'luaopen_base'],
    ['string', 'luaopen_string'],
    ['table', 'luaopen_table'],
    ['math', 'luaopen_math'],
    ['utf8', 'luaopen_utf8'],
    ['os', 'luaopen_os'],
];
const REMOVED = ['dofile', 'loadfile', 'load', 'require', 'collectgarbage', 'print'];
// string.rep can build a huge string in one instruction, before the hook can look at the heap.
const PRELUDE = `local rep, limit = string.rep, ...
string.rep = function(s, n, sep)
  if type(n) == "number" and n > 0 and (#tostring(s) + #tostring(sep or "")) * n > limit then error("string.rep result too large", 2) end
  return rep(s, n, sep)
end
string.dump = nil
os = { time = os.time, clock = os.clock, date = os.date, difftime = os.difftime }`;
function pushJson(L, value, depth = 0) {
    if (depth > 64 || value === null || value === undefined)
        return lua.lua_pushnil(L);
    switch (typeof value) {
        case 'boolean':
            return lua.lua_pushboolean(L, value);
        case 'number':
            return Number.isInteger(value) ? lua.lua_pushinteger(L, value) : lua.lua_pushnumber(L, value);
        case 'string':
            return lua.lua_pushstring(L, to_luastring(value));
        case 'object': {
            if (Array.isArray(value)) {
                lua.lua_createtable(L, value.length, 0);
                value.forEach((v, i) => {
                    pushJson(L, v, depth + 1);
                    lua.lua_seti(L, -2, i + 1);
                });
                return;
            }
            const entries = Object.entries(value);
            lua.lua_createtable(L, 0, entries.length);
            for (const [k, v] of entries) {
                if (v === undefined || v === null)
                    continue;
                pushJson(L, v, depth + 1);
                lua.lua_setfield(L, -2, to_luastring(k));
            }
            return;
        }
        default:
            return lua.lua_pushnil(L);
    }
}
function stringField(L, idx, key) {
    const t = lua.lua_getfield(L, idx, to_luastring(key));
    const out = t === lua.LUA_TSTRING || t === lua.LUA_TNUMBER ? lua.lua_tojsstring(L, -1) : undefined;
    lua.lua_pop(L, 1);
    return out;
}
/** "chunk:12: attempt to index a nil value" \u2192 line 12 and the message after it. */
function splitError(raw, chunk) {
    const m = raw.match(/^(?:.*?):(\d+): (.*)$/s);
    if (m && raw.startsWith(chunk))
        return { error: m[2], line: Number(m[1]) };
    return { error: raw };
}
/** A compiled script in its own VM, ready to run against many objects. */
class LuaScript {
    L;
    fnRef;
    limits;
    chunk;
    budget = 0;
    heapStart = 0;
    constructor(L, fnRef, limits, chunk) {
        this.L = L;
        this.fnRef = fnRef;
        this.limits = limits;
        this.chunk = chunk;
    }
    /** Compile a script; a syntax error comes back with the script's line. */
    static compile(source, limits = DEFAULT_LIMITS) {
        if (!luaEngineLoaded())
            throw new Error('the Lua engine is not loaded (await loadLuaEngine() first)');
        const chunk = 'script';
        const L = lauxlib.luaL_newstate();
        for (const [name, open] of LIBS) {
            lauxlib.luaL_requiref(L, to_luastring(name), lualib[open], 1);
            lua.lua_pop(L, 1);
        }
        for (const name of REMOVED) {
            lua.lua_pushnil(L);
            lua.lua_setglobal(L, to_luastring(name));
        }
        lauxlib.luaL_loadbuffer(L, to_luastring(PRELUDE), null, to_luastring('=prelude'));
        lua.lua_pushinteger(L, Math.floor(limits.memoryBytes / 4));
        if (lua.lua_pcall(L, 1, 0, 0) !== lua.LUA_OK)
            throw new Error(`Lua sandbox prelude: ${lua.lua_tojsstring(L, -1)}`);
        if (lauxlib.luaL_loadbuffer(L, to_luastring(source), null, to_luastring(`=${chunk}`)) !== lua.LUA_OK) {
            return splitError(lua.lua_tojsstring(L, -1), chunk);
        }
        const ref = lauxlib.luaL_ref(L, lua.LUA_REGISTRYINDEX);
        const script = new LuaScript(L, ref, limits, chunk);
        lua.lua_sethook(L, (state) => script.onHook(state), lua.LUA_MASKCOUNT, HOOK_EVERY);
        return script;
    }
    onHook(L) {
        this.budget -= HOOK_EVERY;
        if (this.budget < 0)
            lauxlib.luaL_error(L, to_luastring(`instruction limit exceeded (${this.limits.instructions}); the script may loop forever`));
        if ((0,external_node_v8_.getHeapStatistics)().used_heap_size - this.heapStart > this.limits.memoryBytes) {
            lauxlib.luaL_error(L, to_luastring(`memory limit exceeded (${Math.round(this.limits.memoryBytes / 1048576)} MiB)`));
        }
    }
    /**
     * Run against one object. Each run gets a fresh global table (reads fall through to the
     * libraries), so nothing a script sets outlives the object it judged; `obj` is the object and
     * the verdict is the returned table, or the global `hs` when the script returns nothing.
     */
    run(obj) {
        const L = this.L;
        this.budget = this.limits.instructions;
        this.heapStart = (0,external_node_v8_.getHeapStatistics)().used_heap_size;
        lua.lua_settop(L, 0);
        lua.lua_createtable(L, 0, 2); // 1: this run's globals
        pushJson(L, obj);
        lua.lua_setfield(L, 1, to_luastring('obj'));
        lua.lua_createtable(L, 0, 1);
        lua.lua_pushglobaltable(L);
        lua.lua_setfield(L, -2, to_luastring('__index'));
        lua.lua_setmetatable(L, 1);
        lua.lua_rawgeti(L, lua.LUA_REGISTRYINDEX, this.fnRef); // 2: the compiled chunk
        lua.lua_pushvalue(L, 1);
        lua.lua_setupvalue(L, 2, 1); // the chunk's _ENV
        let status;
        try {
            status = lua.lua_pcall(L, 0, 1, 0);
        }
        catch (e) {
            // A JavaScript failure inside the VM (a stack overflow of the host) must not crash a sync.
            lua.lua_settop(L, 0);
            return { error: `the Lua VM failed: ${e instanceof Error ? e.message : String(e)}` };
        }
        if (status !== lua.LUA_OK) {
            const raw = lua.lua_type(L, -1) === lua.LUA_TSTRING ? lua.lua_tojsstring(L, -1) : 'error object is not a string';
            lua.lua_settop(L, 0);
            return splitError(raw, this.chunk);
        }
        if (lua.lua_type(L, -1) !== lua.LUA_TTABLE) {
            lua.lua_settop(L, 1);
            lua.lua_getfield(L, 1, to_luastring('hs'));
            if (lua.lua_type(L, -1) !== lua.LUA_TTABLE) {
                lua.lua_settop(L, 0);
                return { error: 'the script returned no health table (expected `return hs` with hs.status and hs.message)' };
            }
        }
        const value = { status: stringField(L, -1, 'status'), message: stringField(L, -1, 'message') };
        lua.lua_settop(L, 0);
        return { value };
    }
}

;// CONCATENATED MODULE: ./src/health/lua-rules.ts
// One Argo CD Lua health script: a `lua:` entry of the health-checks file, or a
// resource.customizations.health.<group_kind> key of an argocd-cm ConfigMap. The script sees the
// live object as the global `obj` and returns a table `hs` with hs.status (Healthy, Progressing,
// Degraded, Suspended, Missing, Unknown) and hs.message, as in Argo CD.



function glob(pattern) {
    return new RegExp(`^${pattern
        .split('*')
        .map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
        .join('.*')}$`);
}
function luaRuleMatches(rule, obj) {
    const group = (0,types/* groupOf */.F)(obj.apiVersion);
    if (!rule.group.includes('*') && !rule.kind.includes('*'))
        return rule.group === group && rule.kind === obj.kind;
    return glob(rule.group).test(group) && glob(rule.kind).test(obj.kind);
}
/** "file:line" of a script line, counting from the script's first line in its file. */
function scriptLine(rule, line) {
    if (line === undefined)
        return `${rule.scriptAt.file}:${rule.scriptAt.line}`;
    return `${rule.scriptAt.file}:${rule.scriptAt.line + line - 1}`;
}
function label(group, kind) {
    return group ? `${group}/${kind}` : kind;
}
/** Compile a script; a syntax error is reported at the script's own line in its file. */
function compileLuaRule(head, text, limits) {
    const compiled = LuaScript.compile(text, limits);
    if ('error' in compiled) {
        const at = scriptLine(head, compiled.line);
        const [file, line] = [at.slice(0, at.lastIndexOf(':')), Number(at.slice(at.lastIndexOf(':') + 1))];
        return {
            error: {
                source: { file, line },
                message: `Lua health script for ${label(head.group, head.kind)}${compiled.line ? ` (script line ${compiled.line})` : ''}: ${compiled.error}`,
            },
        };
    }
    return { rule: { engine: 'lua', ...head, script: compiled } };
}
const LIMIT_ERROR = /limit exceeded|too large/;
/** Run the script. A script error never throws: it is the verdict's message, naming kind and line. */
function evaluateLuaRule(rule, obj) {
    const out = rule.script.run(obj);
    const kind = label(rule.group, rule.kind).replace(/\*/g, obj.kind);
    if ('error' in out) {
        // A runaway script will not behave better next time; any other error may be a field not set yet.
        const status = LIMIT_ERROR.test(out.error) ? 'Degraded' : 'Unknown';
        const line = out.line ? ` line ${out.line}` : '';
        return { status, message: `Lua health script for ${obj.kind} (${scriptLine(rule, out.line)}, script${line || ' run'}) failed: ${out.error}` };
    }
    const status = out.value.status;
    if (!status || !HEALTH_STATUSES.includes(status)) {
        return {
            status: 'Unknown',
            message: `Lua health script for ${kind} (${rule.source.file}:${rule.source.line}) set hs.status to ${status === undefined ? 'nothing' : `'${status}'`}; expected one of ${HEALTH_STATUSES.join(', ')}`,
        };
    }
    return { status: status, message: out.value.message ?? '' };
}

;// CONCATENATED MODULE: ./src/health/argocd-cm.ts
// Lua health scripts from an argocd-cm ConfigMap, as teams keep them in Argo CD:
//   data:
//     resource.customizations.health.argoproj.io_Rollout: |     (one key per group_kind; '*' allowed)
//       hs = {} ...
//     resource.customizations: |                                 (the older form, one YAML block)
//       cert-manager.io/Certificate:
//         health.lua: |
//           hs = {} ...
// Other keys of the ConfigMap (diffing, actions, ...) are none of a deploy gate's business and are skipped.

const SPLIT_PREFIX = 'resource.customizations.health.';
const LEGACY_KEY = 'resource.customizations';
/** The first line of a scalar's text: the line after `|` / `>` for block scalars. */
function textLine(node, lines) {
    const line = node.range ? lines.linePos(node.range[0]).line : 1;
    return (0,dist/* isScalar */.jn)(node) && (node.type === dist/* Scalar */.X5.BLOCK_LITERAL || node.type === dist/* Scalar */.X5.BLOCK_FOLDED) ? line + 1 : line;
}
/** "argoproj.io_Rollout" \u2192 group argoproj.io, kind Rollout; "Service" or "_Service" \u2192 core. */
function argocd_cm_splitGroupKind(key) {
    const at = key.lastIndexOf('_');
    return at < 0 ? { group: '', kind: key } : { group: key.slice(0, at), kind: key.slice(at + 1) };
}
/** True when the document is a ConfigMap (the caller then reads it as argocd-cm). */
function isConfigMap(root) {
    return (0,dist/* isMap */.jh)(root) && root.get('kind') === 'ConfigMap';
}
function luaEntriesFromConfigMap(root, file, lines) {
    const entries = [];
    const errors = [];
    const data = root.get('data', true);
    const at = (node) => ({ file, line: node?.range ? lines.linePos(node.range[0]).line : 1 });
    if (!(0,dist/* isMap */.jh)(data)) {
        errors.push({ source: at(root), message: 'an argocd-cm ConfigMap needs a data map with resource.customizations.health.<group_kind> keys' });
        return { entries, errors };
    }
    for (const pair of data.items) {
        const key = (0,dist/* isScalar */.jn)(pair.key) ? String(pair.key.value) : '';
        const value = pair.value;
        if (key.startsWith(SPLIT_PREFIX)) {
            if (!(0,dist/* isScalar */.jn)(value) || typeof value.value !== 'string') {
                errors.push({ source: at(pair.key), message: `${key} must be a Lua script (a string)` });
                continue;
            }
            const { group, kind } = argocd_cm_splitGroupKind(key.slice(SPLIT_PREFIX.length));
            entries.push({ group, kind, source: at(pair.key), scriptAt: { file, line: textLine(value, lines) }, script: value.value });
        }
        else if (key === LEGACY_KEY && (0,dist/* isScalar */.jn)(value) && typeof value.value === 'string') {
            legacy(value.value, textLine(value, lines) - 1, file, entries, errors);
        }
    }
    return { entries, errors };
}
/** The older `resource.customizations` block: "group/Kind: {health.lua: script}", lines offset into the file. */
function legacy(text, offset, file, entries, errors) {
    const lines = new dist/* LineCounter */.HN();
    const doc = (0,dist/* parseDocument */.Tp)(text, { lineCounter: lines });
    const line = (node) => offset + (node?.range ? lines.linePos(node.range[0]).line : 1);
    if (doc.errors.length > 0 || !(0,dist/* isMap */.jh)(doc.contents)) {
        errors.push({ source: { file, line: offset + 1 }, message: `${LEGACY_KEY} must be a YAML map of group/Kind to customizations` });
        return;
    }
    for (const pair of doc.contents.items) {
        const groupKind = (0,dist/* isScalar */.jn)(pair.key) ? String(pair.key.value) : '';
        if (!(0,dist/* isMap */.jh)(pair.value))
            continue;
        const script = pair.value.get('health.lua', true);
        if (!(0,dist/* isScalar */.jn)(script) || typeof script.value !== 'string')
            continue;
        const slash = groupKind.lastIndexOf('/');
        const group = slash < 0 ? '' : groupKind.slice(0, slash);
        const kind = groupKind.slice(slash + 1);
        const scriptLine = line(script) + (script.type === dist/* Scalar */.X5.BLOCK_LITERAL || script.type === dist/* Scalar */.X5.BLOCK_FOLDED ? 1 : 0);
        entries.push({ group, kind, source: { file, line: line(pair.key) }, scriptAt: { file, line: scriptLine }, script: script.value });
    }
}

;// CONCATENATED MODULE: ./src/health/health-checks.ts
// The `health-checks` input / `--health-checks FILE`: user health rules that win over the built-in
// ones. Either a YAML (or JSON) list of entries, each with apiVersion and kind and then
//   CEL:  healthy (required), degraded, progressing, message       (cel-rules.ts)
//   Lua:  lua: an Argo CD health script, inline or a path to a .lua file (lua-rules.ts)
// or an argocd-cm ConfigMap whose resource.customizations.health.* keys hold Lua scripts.
// Every problem is reported at its file:line; nothing throws.






const ACCEPTED_KEYS = ['apiVersion', 'kind', ...CEL_KEYS, 'lua'];
const CORE_VERSION = /^v\d+((alpha|beta)\d+)?$/;
const SHAPE = 'health checks must be a list of entries with apiVersion, kind and either healthy (CEL, plus optional degraded, progressing, message) or lua (an Argo CD health script), or an argocd-cm ConfigMap';
/** A `lua:` value that names a file rather than holding a script: one line ending in .lua. */
function isScriptPath(text) {
    return !text.includes('\n') && /\.lua$/.test(text.trim());
}
function parseHealthChecks(text, fileName, opts = {}) {
    const lines = new dist/* LineCounter */.HN();
    const doc = (0,dist/* parseDocument */.Tp)(text, { lineCounter: lines, prettyErrors: false });
    const errors = [];
    const at = (node) => ({ file: fileName, line: node?.range ? lines.linePos(node.range[0]).line : 1 });
    const fail = (node, message) => errors.push({ source: at(node), message });
    for (const e of doc.errors) {
        errors.push({ source: { file: fileName, line: lines.linePos(e.pos[0]).line }, message: `invalid YAML: ${e.message.split('\n')[0]}` });
    }
    if (errors.length > 0)
        return { rules: [], errors };
    const root = doc.contents;
    if (root === null || ((0,dist/* isScalar */.jn)(root) && (root.value === null || root.value === '')))
        return { rules: [], errors };
    const rules = [];
    if (isConfigMap(root)) {
        const found = luaEntriesFromConfigMap(root, fileName, lines);
        errors.push(...found.errors);
        for (const entry of found.entries) {
            const out = compileLuaRule(entry, entry.script);
            if ('error' in out)
                errors.push(out.error);
            else
                rules.push(out.rule);
        }
        return { rules, errors };
    }
    if (!(0,dist/* isSeq */.oP)(root)) {
        fail(root, SHAPE);
        return { rules: [], errors };
    }
    const seen = new Map();
    for (const item of root.items) {
        const entry = item;
        if (!(0,dist/* isMap */.jh)(entry)) {
            fail(entry, `each health check must be a mapping with keys ${ACCEPTED_KEYS.join(', ')}`);
            continue;
        }
        const values = new Map();
        let ok = true;
        for (const pair of entry.items) {
            const key = (0,dist/* isScalar */.jn)(pair.key) ? String(pair.key.value) : '';
            const keyNode = pair.key;
            if (!ACCEPTED_KEYS.includes(key)) {
                fail(keyNode, `unknown key '${key}' in a health check; accepted: ${ACCEPTED_KEYS.join(', ')}`);
                ok = false;
                continue;
            }
            const valueNode = (pair.value ?? keyNode);
            if (!(0,dist/* isScalar */.jn)(pair.value) || typeof pair.value.value !== 'string' || pair.value.value.trim() === '') {
                fail(valueNode, `'${key}' must be a non-empty string`);
                ok = false;
                continue;
            }
            values.set(key, { text: pair.value.value, node: valueNode });
        }
        if (!ok)
            continue;
        for (const required of ['apiVersion', 'kind']) {
            if (!values.has(required) && ok) {
                fail(entry, `health check without '${required}'; each entry needs apiVersion, kind and either healthy (CEL) or lua`);
                ok = false;
            }
        }
        const lua = values.get('lua');
        const celKeys = CEL_KEYS.filter((k) => values.has(k));
        if (ok && lua && celKeys.length > 0) {
            fail(entry, `a health check gives either lua or CEL expressions (${celKeys.join(', ')}), not both`);
            ok = false;
        }
        if (ok && !lua && !values.has('healthy')) {
            fail(entry, "health check without 'healthy'; each entry needs apiVersion, kind and either healthy (CEL) or lua");
            ok = false;
        }
        if (!ok)
            continue;
        const apiVersion = values.get('apiVersion');
        if (!apiVersion.text.includes('/') && !CORE_VERSION.test(apiVersion.text)) {
            fail(apiVersion.node, `apiVersion '${apiVersion.text}' must be group/version (example.com/v1) or a core version (v1)`);
            continue;
        }
        const kind = values.get('kind').text;
        const id = `${apiVersion.text} ${kind}`;
        const earlier = seen.get(id);
        if (earlier) {
            fail(entry, `a second health check for ${kind} (${apiVersion.text}); the first is at ${earlier.file}:${earlier.line}`);
            continue;
        }
        seen.set(id, at(entry));
        const head = { apiVersion: apiVersion.text, kind, source: at(entry) };
        if (lua) {
            const script = loadScript(lua.text, lua.node, lines, fileName, opts);
            if ('error' in script) {
                fail(lua.node, script.error);
                continue;
            }
            const out = compileLuaRule({ group: (0,types/* groupOf */.F)(apiVersion.text), kind, source: head.source, scriptAt: script.at }, script.text);
            if ('error' in out)
                errors.push(out.error);
            else
                rules.push(out.rule);
            continue;
        }
        const texts = {};
        for (const key of celKeys)
            texts[key] = { text: values.get(key).text, line: at(values.get(key).node).line };
        const out = compileCelRule(head, texts);
        for (const e of out.errors)
            errors.push({ source: { file: fileName, line: e.line }, message: e.message });
        if (out.rule)
            rules.push(out.rule);
    }
    return { rules, errors };
}
function loadScript(value, node, lines, fileName, opts) {
    if (!isScriptPath(value))
        return { text: value, at: { file: fileName, line: textLine(node, lines) } };
    const file = external_node_path_default().resolve(opts.baseDir ?? '.', value.trim());
    if (!opts.readFile)
        return { error: `lua: ${value.trim()}: script files are not read here; give the script inline` };
    try {
        return { text: opts.readFile(file), at: { file: value.trim(), line: 1 } };
    }
    catch {
        return { error: `lua: ${value.trim()}: file not found or not readable (paths are relative to ${opts.baseDir ?? 'the working directory'})` };
    }
}
/**
 * The rule for an object: a CEL rule for its exact apiVersion, else a CEL rule for its group and
 * kind (any version), else a Lua rule for its group and kind (exact before wildcard).
 */
function findHealthCheck(rules, obj) {
    if (rules.length === 0)
        return undefined;
    const group = (0,types/* groupOf */.F)(obj.apiVersion);
    const cel = rules.filter((r) => r.engine === 'cel' && r.kind === obj.kind && (0,types/* groupOf */.F)(r.apiVersion) === group);
    const exact = cel.find((r) => r.apiVersion === obj.apiVersion) ?? cel[0];
    if (exact)
        return exact;
    const lua = rules.filter((r) => r.engine === 'lua' && luaRuleMatches(r, obj));
    return lua.find((r) => !r.group.includes('*') && !r.kind.includes('*')) ?? lua[0];
}
function evaluateHealthCheck(rule, obj) {
    return rule.engine === 'cel' ? evaluateCelRule(rule, obj) : evaluateLuaRule(rule, obj);
}

;// CONCATENATED MODULE: ./src/health/fields.ts
// Small readers for the loosely typed JSON of live objects, so rules stay short and never throw.

function isRecord(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
/** The object's field at a path, or undefined when any step is missing. */
function field(obj, ...path) {
    let cur = obj;
    for (const key of path) {
        if (!isRecord(cur))
            return undefined;
        cur = cur[key];
    }
    return cur;
}
function num(obj, ...path) {
    const v = field(obj, ...path);
    return typeof v === 'number' ? v : undefined;
}
function str(obj, ...path) {
    const v = field(obj, ...path);
    return typeof v === 'string' ? v : undefined;
}
function conditionsOf(obj) {
    const list = field(obj, 'status', 'conditions');
    if (!Array.isArray(list))
        return [];
    return list.filter((c) => isRecord(c) && typeof c.type === 'string' && typeof c.status === 'string');
}
function condition(obj, type) {
    return conditionsOf(obj).find((c) => c.type === type);
}
/** "Reason: message" of a condition, skipping whichever part is empty. */
function describeCondition(c) {
    const parts = [c.reason, c.message].filter((p) => typeof p === 'string' && p !== '');
    return parts.length > 0 ? parts.join(': ') : `${c.type}=${c.status}`;
}
function result(status, message) {
    return { status, message };
}
/** True when the controller has not yet acted on the latest spec (metadata.generation). */
function generationPending(obj) {
    const generation = num(obj, 'metadata', 'generation');
    if (generation === undefined)
        return false;
    const observed = num(obj, 'status', 'observedGeneration') ?? 0;
    return observed < generation;
}
function generationMessage(obj) {
    const generation = num(obj, 'metadata', 'generation');
    return `waiting for the controller to observe generation ${generation ?? '?'}`;
}
/** "1 replica" / "2 replicas". */
function plural(n, word) {
    return `${n} ${word}${n === 1 ? '' : 's'}`;
}
/** True when the object is of this API group (apiVersion's prefix) and kind. */
function isKind(obj, group, kind) {
    return obj.kind === kind && (0,types/* groupOf */.F)(obj.apiVersion) === group;
}

;// CONCATENATED MODULE: ./src/health/deletion.ts

function pendingDeletion(obj) {
    if (!str(obj, 'metadata', 'deletionTimestamp'))
        return null;
    const list = field(obj, 'metadata', 'finalizers');
    const finalizers = Array.isArray(list) ? list.filter((f) => typeof f === 'string') : [];
    return result('Progressing', finalizers.length > 0 ? `pending deletion; blocked by finalizers: ${finalizers.join(', ')}` : 'pending deletion');
}

;// CONCATENATED MODULE: ./src/health/crds/conditions.ts

/**
 * The common "Ready" reading: True \u2192 Healthy; False \u2192 Degraded (or Progressing for the transient
 * reasons given); Unknown or missing \u2192 Progressing with `waiting`.
 */
function byReady(obj, waiting, opts = {}) {
    const type = opts.type ?? 'Ready';
    const c = condition(obj, type);
    if (!c)
        return result('Progressing', waiting);
    if (c.status === 'True')
        return result('Healthy', c.message || `${type.toLowerCase()}`);
    if (c.status === 'False' && !(c.reason && opts.transient?.includes(c.reason)))
        return result('Degraded', describeCondition(c));
    return result('Progressing', c.message || c.reason ? describeCondition(c) : waiting);
}
/** The status a word in status.<key> maps to, from a small table of the family's own words. */
function byWord(obj, key, table, fallback = 'Progressing') {
    const word = str(obj, 'status', key) ?? '';
    const status = table[word] ?? fallback;
    const message = str(obj, 'status', 'message') ?? str(obj, 'status', 'reason');
    const text = word ? `${key} ${word}` : `no ${key} yet`;
    return result(status, message ? `${text}: ${message}` : text);
}
/** Progressing when status.observedGeneration is a number older than metadata.generation. */
function staleGeneration(obj) {
    const generation = num(obj, 'metadata', 'generation');
    const observed = num(obj, 'status', 'observedGeneration');
    if (generation === undefined || observed === undefined || observed >= generation)
        return null;
    return result('Progressing', `waiting for the controller to observe generation ${generation}`);
}

;// CONCATENATED MODULE: ./src/health/crds/argo.ts


function rolloutReplicas(obj) {
    const replicas = num(obj, 'spec', 'replicas') ?? 1;
    const updated = num(obj, 'status', 'updatedReplicas') ?? 0;
    const total = num(obj, 'status', 'replicas') ?? 0;
    const available = num(obj, 'status', 'availableReplicas') ?? 0;
    if (updated < replicas)
        return result('Progressing', `rollout in progress: ${updated} of ${replicas} replicas updated`);
    if (total > updated)
        return result('Progressing', `rollout in progress: ${total - updated} old replicas pending termination`);
    if (available < updated)
        return result('Progressing', `rollout in progress: ${available} of ${updated} updated replicas available`);
    return null;
}
/** Rollout: aborted or invalid \u2192 Degraded; paused \u2192 Suspended; then the replica counts and the stable hash. */
const rollout = (obj) => {
    const invalid = condition(obj, 'InvalidSpec');
    if (invalid?.status === 'True')
        return result('Degraded', `invalid spec: ${describeCondition(invalid)}`);
    if (field(obj, 'status', 'abort') === true)
        return result('Degraded', `rollout aborted${str(obj, 'status', 'message') ? `: ${str(obj, 'status', 'message')}` : ''}`);
    const progressing = condition(obj, 'Progressing');
    if (progressing?.reason === 'ProgressDeadlineExceeded')
        return result('Degraded', `progress deadline exceeded: ${describeCondition(progressing)}`);
    // observedGeneration is a number in current releases and a hash string in old ones.
    const generation = num(obj, 'metadata', 'generation');
    const observed = field(obj, 'status', 'observedGeneration');
    if (generation !== undefined && (typeof observed === 'number' || /^\d+$/.test(String(observed ?? ''))) && Number(observed) < generation) {
        return result('Progressing', `waiting for the controller to observe generation ${generation}`);
    }
    // A Rollout that references a Deployment (workloadRef) also tracks that workload's generation.
    const workload = str(obj, 'metadata', 'annotations', 'rollout.argoproj.io/workload-generation');
    const workloadObserved = str(obj, 'status', 'workloadObservedGeneration');
    if (workload && workloadObserved && Number(workloadObserved) < Number(workload)) {
        return result('Progressing', `waiting for the controller to observe the referenced workload's generation ${workload}`);
    }
    if (field(obj, 'spec', 'paused') === true)
        return result('Suspended', 'rollout paused (spec.paused)');
    const pauses = field(obj, 'status', 'pauseConditions');
    if (Array.isArray(pauses) && pauses.length > 0) {
        const reasons = pauses
            .map((p) => str(p, 'reason'))
            .filter(Boolean)
            .join(', ');
        return result('Suspended', `rollout paused${reasons ? `: ${reasons}` : ''}`);
    }
    const phase = str(obj, 'status', 'phase');
    if (phase === 'Degraded')
        return result('Degraded', `rollout degraded${str(obj, 'status', 'message') ? `: ${str(obj, 'status', 'message')}` : ''}`);
    if (phase === 'Paused')
        return result('Suspended', `rollout paused${str(obj, 'status', 'message') ? `: ${str(obj, 'status', 'message')}` : ''}`);
    const counts = rolloutReplicas(obj);
    if (counts)
        return counts;
    const current = str(obj, 'status', 'currentPodHash');
    if (field(obj, 'spec', 'strategy', 'blueGreen') !== undefined) {
        const active = str(obj, 'status', 'blueGreen', 'activeSelector');
        if (current && active !== current)
            return result('Progressing', 'the active service does not yet serve the current pod spec');
        return result('Healthy', 'the active service serves the current pod spec');
    }
    if (field(obj, 'spec', 'strategy', 'canary') !== undefined) {
        const stable = str(obj, 'status', 'stableRS') ?? str(obj, 'status', 'canary', 'stableRS');
        if (current && stable && stable !== current)
            return result('Progressing', 'canary in progress: the stable set is not yet the current pod spec');
        return result('Healthy', 'the stable set runs the current pod spec');
    }
    return result('Degraded', 'rollout spec has no strategy (blueGreen or canary)');
};
const WORKFLOW = { '': 'Progressing', Pending: 'Progressing', Running: 'Progressing', Succeeded: 'Healthy', Failed: 'Degraded', Error: 'Degraded' };
const ANALYSIS = {
    '': 'Progressing',
    Pending: 'Progressing',
    Running: 'Progressing',
    Successful: 'Healthy',
    Failed: 'Degraded',
    Error: 'Degraded',
    Inconclusive: 'Unknown',
};
const argoRules = {
    'argoproj.io/Rollout': rollout,
    'argoproj.io/Workflow': (obj) => byWord(obj, 'phase', WORKFLOW, 'Unknown'),
    'argoproj.io/AnalysisRun': (obj) => byWord(obj, 'phase', ANALYSIS, 'Unknown'),
    'argoproj.io/Experiment': (obj) => byWord(obj, 'phase', ANALYSIS, 'Unknown'),
};

;// CONCATENATED MODULE: ./src/health/crds/cert-manager.ts


/** A Certificate being issued reads Ready=False; the Issuing condition says it is on its way. */
const certificate = (obj) => {
    const ready = condition(obj, 'Ready');
    const issuing = condition(obj, 'Issuing');
    if (ready?.status === 'True')
        return result('Healthy', ready.message || 'certificate issued');
    if (issuing?.status === 'True')
        return result('Progressing', `issuing: ${describeCondition(issuing)}`);
    // cert-manager may say Ready=False "Issuing..." a moment before it adds the Issuing condition.
    if (ready?.status === 'False' && (ready.reason === 'Issuing' || /^Issuing certificate/.test(ready.message ?? ''))) {
        return result('Progressing', `issuing: ${describeCondition(ready)}`);
    }
    if (ready?.status === 'False')
        return result('Degraded', describeCondition(ready));
    return result('Progressing', ready ? describeCondition(ready) : 'waiting for the certificate');
};
/** A request waits for approval and issuance (Ready=False reason Pending); Failed or Denied is final. */
const request = (obj) => {
    const denied = condition(obj, 'Denied');
    if (denied?.status === 'True')
        return result('Degraded', `denied: ${describeCondition(denied)}`);
    return byReady(obj, 'waiting for the certificate request', { transient: ['Pending'] });
};
const ACME = {
    valid: 'Healthy',
    ready: 'Progressing',
    pending: 'Progressing',
    processing: 'Progressing',
    '': 'Progressing',
    errored: 'Degraded',
    invalid: 'Degraded',
    expired: 'Degraded',
};
const certManagerRules = {
    'cert-manager.io/Certificate': certificate,
    'cert-manager.io/CertificateRequest': request,
    'cert-manager.io/Issuer': (obj) => byReady(obj, 'initializing the issuer'),
    'cert-manager.io/ClusterIssuer': (obj) => byReady(obj, 'initializing the issuer'),
    'acme.cert-manager.io/Order': (obj) => byWord(obj, 'state', ACME),
    'acme.cert-manager.io/Challenge': (obj) => byWord(obj, 'state', ACME),
};

;// CONCATENATED MODULE: ./src/health/crds/flux.ts

const STILL_WORKING = new Set(['Progressing', 'DependencyNotReady', 'ReconciliationInProgress']);
function flux(obj) {
    if (field(obj, 'spec', 'suspend') === true)
        return result('Suspended', 'reconciliation suspended (spec.suspend: true)');
    // An OCI HelmRepository is only a URL for HelmReleases to pull from: Flux never reconciles it.
    if (obj.kind === 'HelmRepository' && field(obj, 'spec', 'type') === 'oci')
        return result('Healthy', 'OCI Helm repositories report no status');
    const generation = num(obj, 'metadata', 'generation');
    const ready = condition(obj, 'Ready');
    const observed = num(obj, 'status', 'observedGeneration') ?? (typeof ready?.observedGeneration === 'number' ? ready.observedGeneration : undefined);
    if (generation !== undefined && observed !== undefined && observed < generation) {
        return result('Progressing', `waiting for the controller to observe generation ${generation}`);
    }
    const stalled = condition(obj, 'Stalled');
    if (stalled?.status === 'True')
        return result('Degraded', `stalled: ${describeCondition(stalled)}`);
    const r = condition(obj, 'Ready');
    if (r?.status === 'False' && !(r.reason && STILL_WORKING.has(r.reason)))
        return result('Degraded', describeCondition(r));
    const reconciling = condition(obj, 'Reconciling');
    if (reconciling?.status === 'True')
        return result('Progressing', `reconciling: ${describeCondition(reconciling)}`);
    if (!r)
        return result('Progressing', 'waiting for the first reconciliation');
    if (r.status === 'True')
        return result('Healthy', describeCondition(r));
    return result('Progressing', describeCondition(r));
}
const fluxGroupRule = {
    matches: (group) => group.endsWith('.toolkit.fluxcd.io'),
    rule: flux,
};

;// CONCATENATED MODULE: ./src/health/crds/crossplane.ts

/** A condition that is False (or True for the negative ones) and never clears without a change. */
const FAILURE_TYPES = new Set(['Synced', 'Healthy', 'Installed', 'LastAsyncOperation']);
const NEGATIVE_TYPES = new Set(['Stalled', 'Failed']);
/** Conditions that are False or Unknown while the object is still being brought up. */
const WAITING_TYPES = new Set(['Ready', 'Established', 'Offered', 'Responsive', 'Active']);
/** Kinds that hold configuration only and never get conditions: Healthy once they exist. */
const CONFIG_ONLY = /(Config|ConfigUsage|Usage)$|^Composition(Revision)?$/;
function crossplane(obj) {
    const conditions = conditionsOf(obj);
    if (conditions.length === 0 && !CONFIG_ONLY.test(obj.kind)) {
        return result('Progressing', `waiting for the ${obj.kind} to be reconciled (no conditions yet)`);
    }
    for (const c of conditions) {
        if ((FAILURE_TYPES.has(c.type) && c.status === 'False') || (NEGATIVE_TYPES.has(c.type) && c.status === 'True')) {
            return result('Degraded', `${c.type}: ${describeCondition(c)}`);
        }
    }
    for (const c of conditions) {
        if (WAITING_TYPES.has(c.type) && c.status !== 'True')
            return result('Progressing', `${c.type}: ${describeCondition(c)}`);
    }
    const users = field(obj, 'status', 'users');
    if (typeof users === 'number' && users > 0)
        return result('Healthy', `in use by ${users}`);
    return result('Healthy', conditions.length > 0 ? 'up to date' : 'created');
}
const crossplaneGroupRule = {
    matches: (group) => group === 'crossplane.io' || group.endsWith('.crossplane.io') || group.endsWith('.upbound.io'),
    rule: crossplane,
};

;// CONCATENATED MODULE: ./src/health/crds/keda.ts


const PAUSE_ANNOTATIONS = [
    'autoscaling.keda.sh/paused',
    'autoscaling.keda.sh/paused-replicas',
    'autoscaling.keda.sh/paused-scale-in',
    'autoscaling.keda.sh/paused-scale-out',
];
const scaled = (obj) => {
    const paused = condition(obj, 'Paused');
    const annotations = field(obj, 'metadata', 'annotations');
    const pausedBy = PAUSE_ANNOTATIONS.find((a) => annotations?.[a] !== undefined && annotations[a] !== 'false');
    if (paused?.status === 'True' || pausedBy)
        return result('Suspended', `${obj.kind} is paused${pausedBy ? ` (${pausedBy})` : ''}`);
    // Ready=Unknown with an error reason (PartialTriggerError): some triggers cannot work as written.
    const ready = condition(obj, 'Ready');
    if (ready?.status === 'Unknown' && /Error$/.test(ready.reason ?? ''))
        return result('Degraded', describeCondition(ready));
    const fallback = condition(obj, 'Fallback');
    if (fallback?.status === 'True')
        return result('Degraded', `a trigger is falling back: ${describeCondition(fallback)}`);
    return byReady(obj, `waiting for the ${obj.kind} to be ready`);
};
const kedaRules = {
    'keda.sh/ScaledObject': scaled,
    'keda.sh/ScaledJob': scaled,
    'keda.sh/TriggerAuthentication': () => result('Healthy', 'created'),
    'keda.sh/ClusterTriggerAuthentication': () => result('Healthy', 'created'),
};

;// CONCATENATED MODULE: ./src/health/crds/external-secrets.ts


/** refreshPolicy OnChange: a refresh newer than the last Ready transition has not produced a sync yet. */
function refreshPending(obj) {
    if (str(obj, 'spec', 'refreshPolicy') !== 'OnChange')
        return null;
    const refreshed = Date.parse(str(obj, 'status', 'refreshTime') ?? '');
    const readySince = Date.parse(condition(obj, 'Ready')?.lastTransitionTime ?? '');
    if (Number.isNaN(refreshed) || Number.isNaN(readySince) || refreshed <= readySince)
        return null;
    return result('Progressing', 'waiting for the secret to be synced after a refresh');
}
const ready = (waiting) => (obj) => staleGeneration(obj) ?? refreshPending(obj) ?? byReady(obj, waiting);
const externalSecretsRules = {
    'external-secrets.io/ExternalSecret': ready('waiting for the secret to be synced'),
    'external-secrets.io/ClusterExternalSecret': ready('waiting for the secrets to be synced'),
    'external-secrets.io/PushSecret': ready('waiting for the secret to be pushed'),
    'external-secrets.io/SecretStore': ready('waiting for the store to be validated'),
    'external-secrets.io/ClusterSecretStore': ready('waiting for the store to be validated'),
};

;// CONCATENATED MODULE: ./src/health/crds/sealed-secrets.ts

const sealedSecretsRules = {
    'bitnami.com/SealedSecret': (obj) => staleGeneration(obj) ?? byReady(obj, 'waiting for the sealed secret to be decrypted', { type: 'Synced' }),
};

;// CONCATENATED MODULE: ./src/health/crds/strimzi.ts


const strimzi_STILL_WORKING = new Set(['Creating', 'Updating', 'RollingUpdate', 'Reconciling', 'Pending', 'InProgress']);
function strimzi(obj) {
    const stale = staleGeneration(obj);
    if (stale)
        return stale;
    if (conditionsOf(obj).length === 0)
        return result('Progressing', `waiting for the ${obj.kind} to be reconciled`);
    const ready = condition(obj, 'Ready');
    if (ready?.status === 'True')
        return result('Healthy', ready.message || 'ready');
    const notReady = condition(obj, 'NotReady');
    const failing = notReady?.status === 'True' ? notReady : ready?.status === 'False' ? ready : undefined;
    if (failing) {
        if (failing.reason && strimzi_STILL_WORKING.has(failing.reason))
            return result('Progressing', describeCondition(failing));
        return result('Degraded', describeCondition(failing));
    }
    return result('Progressing', `waiting for the ${obj.kind} to be ready`);
}
const strimziGroupRule = {
    matches: (group) => group === 'kafka.strimzi.io' || group === 'core.strimzi.io',
    rule: strimzi,
};

;// CONCATENATED MODULE: ./src/health/crds/prometheus-operator.ts


const workload = (obj) => {
    if (field(obj, 'spec', 'paused') === true)
        return result('Suspended', `${obj.kind} reconciliation paused (spec.paused)`);
    const stale = staleGeneration(obj);
    if (stale)
        return stale;
    const reconciled = condition(obj, 'Reconciled');
    if (reconciled?.status === 'False')
        return result('Degraded', `not reconciled: ${describeCondition(reconciled)}`);
    const available = condition(obj, 'Available');
    if (!available)
        return result('Progressing', `waiting for the ${obj.kind} to report availability`);
    if (available.status === 'True')
        return result('Healthy', available.message || 'all instances available');
    if (available.status === 'False')
        return result('Degraded', describeCondition(available));
    return result('Progressing', describeCondition(available));
};
const prometheusRules = Object.fromEntries(['Prometheus', 'Alertmanager', 'ThanosRuler', 'PrometheusAgent'].map((kind) => [`monitoring.coreos.com/${kind}`, workload]));

;// CONCATENATED MODULE: ./src/health/crds/knative.ts

const knativeGroupRule = {
    matches: (group) => group.endsWith('.knative.dev'),
    rule: (obj) => staleGeneration(obj) ?? byReady(obj, `waiting for the ${obj.kind} to be ready`),
};

;// CONCATENATED MODULE: ./src/health/crds/istio.ts


const OPERATOR = {
    HEALTHY: 'Healthy',
    RECONCILING: 'Progressing',
    UPDATING: 'Progressing',
    NONE: 'Progressing',
    ERROR: 'Degraded',
    ACTION_REQUIRED: 'Degraded',
};
function istio(obj) {
    if (obj.kind === 'IstioOperator') {
        const word = str(obj, 'status', 'status') ?? 'NONE';
        const message = str(obj, 'status', 'message');
        return result(OPERATOR[word] ?? 'Progressing', `IstioOperator ${word}${message ? `: ${message}` : ''}`);
    }
    if (obj.apiVersion.startsWith('sailoperator.io/'))
        return byReady(obj, `waiting for the ${obj.kind} to be ready`);
    const messages = field(obj, 'status', 'validationMessages');
    const errors = Array.isArray(messages) ? messages.filter((m) => str(m, 'level') === 'ERROR') : [];
    if (errors.length > 0) {
        const first = errors[0];
        return result('Degraded', `istio analysis: ${str(first, 'type', 'code') ?? 'error'} ${str(first, 'documentationUrl') ?? ''}`.trim());
    }
    const reconciled = condition(obj, 'Reconciled');
    if (reconciled && reconciled.status !== 'True')
        return result('Progressing', `not yet reconciled by istiod: ${describeCondition(reconciled)}`);
    return result('Healthy', reconciled ? 'reconciled by istiod' : 'created');
}
const istioGroupRule = {
    matches: (group) => group.endsWith('.istio.io') || group === 'sailoperator.io',
    rule: istio,
};

;// CONCATENATED MODULE: ./src/health/crds/kyverno.ts


const policy = (obj) => {
    if (!condition(obj, 'Ready') && typeof field(obj, 'status', 'ready') === 'boolean') {
        return field(obj, 'status', 'ready') === true ? result('Healthy', 'policy ready') : result('Progressing', 'policy not ready yet');
    }
    const verdict = byReady(obj, `waiting for the ${obj.kind} to become ready`);
    return verdict.status === 'Degraded' ? result('Degraded', `policy is not ready: ${verdict.message}`) : verdict;
};
const kyvernoRules = {
    'kyverno.io/ClusterPolicy': policy,
    'kyverno.io/Policy': policy,
    'policies.kyverno.io/ValidatingPolicy': policy,
    'policies.kyverno.io/MutatingPolicy': policy,
    'policies.kyverno.io/GeneratingPolicy': policy,
    'policies.kyverno.io/ImageValidatingPolicy': policy,
};

;// CONCATENATED MODULE: ./src/health/crds/velero.ts


const RUN = {
    '': 'Progressing',
    New: 'Progressing',
    Queued: 'Progressing',
    ReadyToStart: 'Progressing',
    InProgress: 'Progressing',
    WaitingForPluginOperations: 'Progressing',
    WaitingForPluginOperationsPartiallyFailed: 'Progressing',
    Finalizing: 'Progressing',
    FinalizingPartiallyFailed: 'Progressing',
    Deleting: 'Progressing',
    Completed: 'Healthy',
    PartiallyFailed: 'Degraded',
    Failed: 'Degraded',
    FailedValidation: 'Degraded',
};
/** A failure names its reason (failureReason or the first validation error). */
const byPhase = (table) => (obj) => {
    const verdict = byWord(obj, 'phase', table, 'Unknown');
    if (verdict.status !== 'Degraded')
        return verdict;
    const errors = field(obj, 'status', 'validationErrors');
    const why = str(obj, 'status', 'failureReason') ?? (Array.isArray(errors) && typeof errors[0] === 'string' ? errors[0] : undefined);
    return why ? result('Degraded', `${verdict.message}: ${why}`) : verdict;
};
const veleroRules = {
    'velero.io/Backup': byPhase(RUN),
    'velero.io/Restore': byPhase(RUN),
    'velero.io/Schedule': byPhase({ '': 'Progressing', New: 'Progressing', Enabled: 'Healthy', FailedValidation: 'Degraded' }),
    'velero.io/BackupStorageLocation': (obj) => byWord(obj, 'phase', { '': 'Progressing', Available: 'Healthy', Unavailable: 'Degraded' }, 'Unknown'),
    'velero.io/VolumeSnapshotLocation': (obj) => byWord(obj, 'phase', { '': 'Healthy', Available: 'Healthy', Unavailable: 'Degraded' }, 'Unknown'),
};

;// CONCATENATED MODULE: ./src/health/crds/cluster-api.ts


const MOVING = ['RollingOut', 'ScalingUp', 'ScalingDown', 'Remediating'];
function failure(obj) {
    const reason = str(obj, 'status', 'failureReason');
    const message = str(obj, 'status', 'failureMessage');
    if (reason || message)
        return result('Degraded', [reason, message].filter(Boolean).join(': '));
    const ready = condition(obj, 'Ready');
    if (ready?.status === 'False' && ready.severity === 'Error')
        return result('Degraded', describeCondition(ready));
    if (str(obj, 'status', 'phase') === 'Failed')
        return result('Degraded', `${obj.kind} failed`);
    return null;
}
function moving(obj) {
    for (const type of MOVING) {
        const c = condition(obj, type);
        if (c?.status === 'True')
            return result('Progressing', c.message?.trim() || `${obj.kind} ${type}`);
    }
    const topology = condition(obj, 'TopologyReconciled');
    if (topology?.status === 'False')
        return result('Progressing', topology.message?.trim() || describeCondition(topology));
    return null;
}
const common = (done) => (obj) => {
    if (field(obj, 'spec', 'paused') === true)
        return result('Suspended', `${obj.kind} is paused`);
    return failure(obj) ?? staleGeneration(obj) ?? moving(obj) ?? done(obj);
};
const cluster = common((obj) => {
    const phase = str(obj, 'status', 'phase');
    if (phase === 'Provisioned') {
        const ready = condition(obj, 'Ready') ?? condition(obj, 'Available');
        if (ready && ready.status !== 'True')
            return result('Progressing', describeCondition(ready));
        return result('Healthy', 'cluster provisioned and running');
    }
    return result('Progressing', phase ? `waiting for the cluster: phase ${phase}` : 'waiting for the cluster');
});
const machine = common((obj) => {
    const phase = str(obj, 'status', 'phase');
    if (phase === 'Running')
        return result('Healthy', 'machine running');
    const ready = condition(obj, 'Ready');
    return result('Progressing', ready?.message || `waiting for the machine${phase ? `: phase ${phase}` : ''}`);
});
const machineSet = common((obj) => {
    const phase = str(obj, 'status', 'phase');
    if (phase === 'ScalingUp')
        return result('Progressing', 'spawning machines');
    if (phase === 'ScalingDown')
        return result('Progressing', 'stopping machines');
    if (phase === 'Running' || (phase === undefined && field(obj, 'status') !== undefined && condition(obj, 'Available')?.status === 'True'))
        return result('Healthy', 'machines running');
    return result('Progressing', phase ? `waiting for the machines: phase ${phase}` : 'waiting for the machines');
});
const clusterApiRules = {
    'cluster.x-k8s.io/Cluster': cluster,
    'cluster.x-k8s.io/Machine': machine,
    'cluster.x-k8s.io/MachineDeployment': machineSet,
    'cluster.x-k8s.io/MachineSet': machineSet,
};

;// CONCATENATED MODULE: ./src/health/crds/index.ts
// Rules for the custom resources teams deploy most, one file per family. A family lists its rules
// by "group/Kind"; a few families (Crossplane) also judge every kind of a group suffix.















const BY_KIND = new Map([argoRules, certManagerRules, kedaRules, externalSecretsRules, sealedSecretsRules, prometheusRules, kyvernoRules, veleroRules, clusterApiRules].flatMap((family) => Object.entries(family)));
const BY_GROUP = [fluxGroupRule, crossplaneGroupRule, strimziGroupRule, knativeGroupRule, istioGroupRule];
/** The family rule for a custom resource, if wavesync ships one. */
function familyRuleFor(obj) {
    const group = (0,types/* groupOf */.F)(obj.apiVersion);
    return BY_KIND.get(`${group}/${obj.kind}`) ?? BY_GROUP.find((g) => g.matches(group, obj.kind))?.rule;
}
/** Every "group/Kind" with a rule of its own (for the README and the tests). */
function familyKinds() {
    return [...BY_KIND.keys()].sort();
}

;// CONCATENATED MODULE: ./src/health/deployment.ts

const deploymentHealth = (obj) => {
    if (!isKind(obj, 'apps', 'Deployment'))
        return null;
    if (field(obj, 'spec', 'paused') === true)
        return result('Suspended', 'Deployment is paused');
    if (generationPending(obj))
        return result('Progressing', generationMessage(obj));
    const progressing = condition(obj, 'Progressing');
    if (progressing?.reason === 'ProgressDeadlineExceeded') {
        return result('Degraded', describeCondition(progressing));
    }
    const desired = num(obj, 'spec', 'replicas') ?? 1;
    const current = num(obj, 'status', 'replicas') ?? 0;
    const updated = num(obj, 'status', 'updatedReplicas') ?? 0;
    const available = num(obj, 'status', 'availableReplicas') ?? 0;
    // Quota or admission refusals show up here while the rollout is stuck.
    const failure = condition(obj, 'ReplicaFailure');
    const why = failure?.status === 'True' ? ` (${describeCondition(failure)})` : '';
    if (updated < desired) {
        return result('Progressing', `waiting for rollout: ${updated} of ${plural(desired, 'replica')} updated${why}`);
    }
    if (current > updated) {
        const old = current - updated;
        return result('Progressing', `waiting for rollout: ${plural(old, 'old replica')} pending termination${why}`);
    }
    if (available < updated) {
        return result('Progressing', `waiting for rollout: ${available} of ${plural(updated, 'updated replica')} available${why}`);
    }
    return result('Healthy', `${available} of ${plural(desired, 'replica')} available`);
};

;// CONCATENATED MODULE: ./src/health/statefulset.ts

const statefulSetHealth = (obj) => {
    if (!isKind(obj, 'apps', 'StatefulSet'))
        return null;
    if (generationPending(obj))
        return result('Progressing', generationMessage(obj));
    const desired = num(obj, 'spec', 'replicas') ?? 1;
    const ready = num(obj, 'status', 'readyReplicas') ?? 0;
    const updated = num(obj, 'status', 'updatedReplicas') ?? 0;
    if (ready < desired) {
        return result('Progressing', `waiting for rollout: ${ready} of ${plural(desired, 'replica')} ready`);
    }
    const strategy = str(obj, 'spec', 'updateStrategy', 'type') ?? 'RollingUpdate';
    if (strategy === 'OnDelete') {
        return result('Healthy', `${ready} of ${plural(desired, 'replica')} ready (OnDelete: pods update when deleted)`);
    }
    const partition = num(obj, 'spec', 'updateStrategy', 'rollingUpdate', 'partition') ?? 0;
    if (partition > 0) {
        const target = Math.max(desired - partition, 0);
        if (updated < target) {
            return result('Progressing', `waiting for partitioned rollout: ${updated} of ${plural(target, 'replica')} above partition ${partition} updated`);
        }
        return result('Healthy', `partitioned rollout complete: ${updated} of ${plural(desired, 'replica')} updated`);
    }
    const updateRevision = str(obj, 'status', 'updateRevision');
    const currentRevision = str(obj, 'status', 'currentRevision');
    if (updateRevision !== currentRevision) {
        return result('Progressing', `waiting for rollout: ${updated} of ${plural(desired, 'replica')} at revision ${updateRevision ?? '?'}`);
    }
    return result('Healthy', `${ready} of ${plural(desired, 'replica')} ready at revision ${currentRevision ?? '?'}`);
};

;// CONCATENATED MODULE: ./src/health/daemonset.ts

const daemonSetHealth = (obj) => {
    if (!isKind(obj, 'apps', 'DaemonSet'))
        return null;
    if (generationPending(obj))
        return result('Progressing', generationMessage(obj));
    if (str(obj, 'spec', 'updateStrategy', 'type') === 'OnDelete') {
        return result('Healthy', 'OnDelete: pods update when deleted');
    }
    const desired = num(obj, 'status', 'desiredNumberScheduled') ?? 0;
    const updated = num(obj, 'status', 'updatedNumberScheduled') ?? 0;
    const available = num(obj, 'status', 'numberAvailable') ?? 0;
    if (updated < desired) {
        return result('Progressing', `waiting for rollout: ${updated} of ${plural(desired, 'pod')} updated`);
    }
    if (available < desired) {
        return result('Progressing', `waiting for rollout: ${available} of ${plural(desired, 'updated pod')} available`);
    }
    return result('Healthy', `${available} of ${plural(desired, 'pod')} available`);
};

;// CONCATENATED MODULE: ./src/health/replicaset.ts

const replicaSetHealth = (obj) => {
    if (!isKind(obj, 'apps', 'ReplicaSet'))
        return null;
    if (generationPending(obj))
        return result('Progressing', generationMessage(obj));
    const failure = condition(obj, 'ReplicaFailure');
    if (failure?.status === 'True')
        return result('Degraded', describeCondition(failure));
    const desired = num(obj, 'spec', 'replicas') ?? 1;
    const available = num(obj, 'status', 'availableReplicas') ?? 0;
    if (available < desired) {
        return result('Progressing', `${available} of ${plural(desired, 'replica')} available`);
    }
    return result('Healthy', `${available} of ${plural(desired, 'replica')} available`);
};

;// CONCATENATED MODULE: ./src/health/containers.ts
// Container statuses of a pod, init containers first (they run first), and what their states say.

function termination(state) {
    if (!isRecord(state))
        return undefined;
    const t = state.terminated;
    if (!isRecord(t))
        return undefined;
    const code = typeof t.exitCode === 'number' ? `exit code ${t.exitCode}` : 'terminated';
    const reason = typeof t.reason === 'string' ? ` (${t.reason})` : '';
    const message = typeof t.message === 'string' && t.message !== '' ? `: ${t.message.trim()}` : '';
    return `${code}${reason}${message}`;
}
function view(s, init) {
    return {
        name: typeof s.name === 'string' ? s.name : '?',
        init,
        ready: s.ready === true,
        restartCount: typeof s.restartCount === 'number' ? s.restartCount : 0,
        waitingReason: str(s, 'state', 'waiting', 'reason'),
        waitingMessage: str(s, 'state', 'waiting', 'message'),
        lastTermination: termination(s.lastState),
        termination: termination(s.state),
        running: isRecord(field(s, 'state', 'running')),
    };
}
function containersOf(pod) {
    const out = [];
    for (const [key, init] of [
        ['initContainerStatuses', true],
        ['containerStatuses', false],
    ]) {
        const list = field(pod, 'status', key);
        if (!Array.isArray(list))
            continue;
        for (const s of list)
            if (isRecord(s))
                out.push(view(s, init));
    }
    return out;
}
/** Waiting reasons that mean the container cannot start without a change: `*BackOff`, `Err*`, `*Error`. */
function isFailingWaitReason(reason) {
    if (!reason)
        return false;
    return reason.endsWith('BackOff') || reason.startsWith('Err') || reason.endsWith('Error') || reason === 'InvalidImageName';
}
/** "container app: CrashLoopBackOff: back-off 40s ... (last: exit code 1 (Error))". */
function describeWaiting(c) {
    const kind = c.init ? 'init container' : 'container';
    const message = c.waitingMessage ? `: ${c.waitingMessage}` : '';
    const last = c.lastTermination ? ` (last ${c.lastTermination})` : '';
    return `${kind} ${c.name}: ${c.waitingReason ?? 'waiting'}${message}${last}`;
}

;// CONCATENATED MODULE: ./src/health/pod.ts


/** Argo CD's annotation: judge a pod meant to finish (OnFailure/Never) like a long-running one. */
const IGNORE_RESTART_POLICY = 'argocd.argoproj.io/ignore-restart-policy';
function longRunning(obj) {
    const policy = str(obj, 'spec', 'restartPolicy') ?? 'Always';
    return policy === 'Always' || str(obj, 'metadata', 'annotations', IGNORE_RESTART_POLICY) === 'true';
}
function pendingMessage(obj) {
    const waiting = containersOf(obj).find((c) => c.waitingReason && c.waitingReason !== 'PodInitializing' && c.waitingReason !== 'ContainerCreating');
    if (waiting)
        return `pod pending: ${describeWaiting(waiting)}`;
    const scheduled = condition(obj, 'PodScheduled');
    if (scheduled?.status === 'False')
        return `pod pending: not scheduled: ${describeCondition(scheduled)}`;
    return 'pod pending';
}
function failedMessage(obj) {
    const reason = str(obj, 'status', 'reason');
    const message = str(obj, 'status', 'message');
    const head = [reason, message].filter(Boolean).join(': ');
    const terminated = containersOf(obj).filter((c) => c.termination && !c.termination.startsWith('exit code 0'));
    const detail = terminated.map((c) => `container ${c.name} ${c.termination}`).join('; ');
    return `pod failed${head ? `: ${head}` : ''}${detail ? `${head ? '; ' : ': '}${detail}` : ''}`;
}
const podHealth = (obj) => {
    if (!isKind(obj, '', 'Pod'))
        return null;
    const phase = str(obj, 'status', 'phase') ?? 'Pending';
    switch (phase) {
        case 'Pending':
            return result('Progressing', pendingMessage(obj));
        case 'Succeeded':
            return result('Healthy', 'pod completed');
        case 'Failed':
            return result('Degraded', failedMessage(obj));
        case 'Running': {
            const always = longRunning(obj);
            if (always && condition(obj, 'Ready')?.status === 'True')
                return result('Healthy', 'pod running and ready');
            const failing = containersOf(obj).find((c) => isFailingWaitReason(c.waitingReason));
            if (!always) {
                // A crash loop under OnFailure may still end in success; fail-fast-after bounds the wait.
                const note = failing ? `; ${describeWaiting(failing)}` : '';
                return result('Progressing', `pod running until its containers complete${note}`);
            }
            if (failing)
                return result('Degraded', describeWaiting(failing));
            // Not ready after a container died once: the readiness it lost is not coming back by waiting.
            const died = containersOf(obj).find((c) => !c.init && c.lastTermination);
            if (died)
                return result('Degraded', `pod not ready; container ${died.name} restarted (last ${died.lastTermination})`);
            const notReady = containersOf(obj)
                .filter((c) => !c.ready)
                .map((c) => c.name);
            return result('Progressing', notReady.length > 0 ? `pod running, waiting for ${notReady.join(', ')} to be ready` : 'pod running');
        }
        default:
            return result('Unknown', `pod phase ${phase}${str(obj, 'status', 'message') ? `: ${str(obj, 'status', 'message')}` : ''}`);
    }
};

;// CONCATENATED MODULE: ./src/health/job.ts

/** "pods: 1 active, 0 succeeded, 2 failed". */
function jobPodCounts(obj) {
    const active = num(obj, 'status', 'active') ?? 0;
    const succeeded = num(obj, 'status', 'succeeded') ?? 0;
    const failed = num(obj, 'status', 'failed') ?? 0;
    return `pods: ${active} active, ${succeeded} succeeded, ${failed} failed`;
}
const jobHealth = (obj) => {
    if (!isKind(obj, 'batch', 'Job'))
        return null;
    const failed = condition(obj, 'Failed');
    if (failed?.status === 'True')
        return result('Degraded', `Job failed: ${describeCondition(failed)} (${jobPodCounts(obj)})`);
    if (condition(obj, 'Complete')?.status === 'True')
        return result('Healthy', `Job completed (${jobPodCounts(obj)})`);
    const suspended = condition(obj, 'Suspended');
    if (suspended?.status === 'True')
        return result('Suspended', `Job is suspended: ${describeCondition(suspended)}`);
    const target = condition(obj, 'FailureTarget');
    if (target?.status === 'True')
        return result('Progressing', `Job failing, waiting for its pods to stop: ${describeCondition(target)}`);
    return result('Progressing', `Job running (${jobPodCounts(obj)})`);
};

;// CONCATENATED MODULE: ./src/health/pvc.ts

const pvcHealth = (obj) => {
    if (!isKind(obj, '', 'PersistentVolumeClaim'))
        return null;
    const phase = str(obj, 'status', 'phase') ?? 'Pending';
    switch (phase) {
        case 'Bound':
            return result('Healthy', `bound to volume ${str(obj, 'spec', 'volumeName') ?? '?'}`);
        case 'Pending':
            // A WaitForFirstConsumer class binds only once a pod uses the claim: say so, it is the usual trap.
            return result('Progressing', 'waiting for the claim to be bound (a WaitForFirstConsumer storage class binds only when a pod uses it)');
        case 'Lost':
            return result('Degraded', `claim lost its volume ${str(obj, 'spec', 'volumeName') ?? ''}`.trim());
        default:
            return result('Unknown', `claim phase ${phase}`);
    }
};

;// CONCATENATED MODULE: ./src/health/service.ts

/** The addresses in status.loadBalancer.ingress ("1.2.3.4", "lb.example.com"). */
function loadBalancerAddresses(obj) {
    const ingress = field(obj, 'status', 'loadBalancer', 'ingress');
    if (!Array.isArray(ingress))
        return [];
    return ingress.filter(isRecord).map((i) => (typeof i.ip === 'string' ? i.ip : typeof i.hostname === 'string' ? i.hostname : '(address)'));
}
const serviceHealth = (obj) => {
    if (!isKind(obj, '', 'Service'))
        return null;
    const type = str(obj, 'spec', 'type') ?? 'ClusterIP';
    if (type !== 'LoadBalancer')
        return result('Healthy', `${type} service`);
    const addresses = loadBalancerAddresses(obj);
    if (addresses.length === 0)
        return result('Progressing', 'waiting for the load balancer to be assigned an address');
    return result('Healthy', `load balancer at ${addresses.join(', ')}`);
};

;// CONCATENATED MODULE: ./src/health/ingress.ts


const ingressHealth = (obj) => {
    if (!isKind(obj, 'networking.k8s.io', 'Ingress') && !isKind(obj, 'extensions', 'Ingress'))
        return null;
    const addresses = loadBalancerAddresses(obj);
    if (addresses.length === 0)
        return result('Progressing', 'waiting for the ingress controller to assign an address');
    return result('Healthy', `ingress at ${addresses.join(', ')}`);
};

;// CONCATENATED MODULE: ./src/health/crd.ts

const crdHealth = (obj) => {
    if (!isKind(obj, 'apiextensions.k8s.io', 'CustomResourceDefinition'))
        return null;
    if (conditionsOf(obj).length === 0)
        return result('Progressing', 'waiting for the definition to be established (no conditions yet)');
    const terminating = condition(obj, 'Terminating');
    if (terminating?.status === 'True')
        return result('Progressing', `definition being removed: ${describeCondition(terminating)}`);
    const names = condition(obj, 'NamesAccepted');
    if (names?.status === 'False')
        return result('Degraded', `names not accepted: ${describeCondition(names)}`);
    const established = condition(obj, 'Established');
    if (established?.status !== 'True') {
        // Established=False is a verdict (as in Argo CD), except for the API server's brief
        // "Installing" between accepting the names and serving the API; no condition yet still waits.
        if (established?.status === 'False' && established.reason !== 'Installing')
            return result('Degraded', `not established: ${describeCondition(established)}`);
        if (established)
            return result('Progressing', `waiting for the definition to be established: ${describeCondition(established)}`);
        return result('Progressing', 'waiting for the definition to be established');
    }
    const schema = condition(obj, 'NonStructuralSchema');
    if (schema?.status === 'True')
        return result('Degraded', `non-structural schema: ${describeCondition(schema)}`);
    return result('Healthy', 'established');
};

;// CONCATENATED MODULE: ./src/health/apiservice.ts

const apiServiceHealth = (obj) => {
    if (!isKind(obj, 'apiregistration.k8s.io', 'APIService'))
        return null;
    const available = condition(obj, 'Available');
    if (available?.status === 'True')
        return result('Healthy', 'available');
    return result('Progressing', available ? `not available: ${describeCondition(available)}` : 'waiting for the API service to be available');
};

;// CONCATENATED MODULE: ./src/health/hpa.ts

const V1_CONDITIONS = 'autoscaling.alpha.kubernetes.io/conditions';
function isFailingReason(reason) {
    if (!reason)
        return false;
    return (reason === 'FailedGetScale' ||
        reason === 'FailedUpdateScale' ||
        reason === 'InvalidSelector' ||
        (reason.startsWith('FailedGet') && reason.endsWith('Metric')));
}
function hpaConditions(obj) {
    const fromStatus = conditionsOf(obj);
    if (fromStatus.length > 0)
        return fromStatus;
    const raw = obj.metadata.annotations?.[V1_CONDITIONS];
    if (!raw)
        return [];
    try {
        const parsed = JSON.parse(raw);
        return Array.isArray(parsed) ? parsed.filter((c) => isRecord(c) && typeof c.type === 'string') : [];
    }
    catch {
        return [];
    }
}
const hpaHealth = (obj) => {
    if (!isKind(obj, 'autoscaling', 'HorizontalPodAutoscaler'))
        return null;
    const conditions = hpaConditions(obj);
    const failing = conditions.find((c) => c.status !== 'True' && isFailingReason(c.reason));
    if (failing)
        return result('Degraded', describeCondition(failing));
    const able = conditions.find((c) => c.type === 'AbleToScale');
    if (able?.status === 'True')
        return result('Healthy', describeCondition(able));
    return result('Progressing', able ? describeCondition(able) : 'waiting for the autoscaler to read its target');
};

;// CONCATENATED MODULE: ./src/health/phase-words.ts
const WORDS = {};
const put = (status, words) => words.forEach((w) => (WORDS[w.toLowerCase()] = status));
put('Degraded', [
    'Failed',
    'Failure',
    'Error',
    'Errored',
    'Degraded',
    'Unhealthy',
    'Invalid',
    'Rejected',
    'Crashed',
    'Aborted',
    'PartiallyFailed',
    'FailedValidation',
    'Unavailable',
    'Lost',
]);
put('Progressing', [
    'Pending',
    'Progressing',
    'Provisioning',
    'Creating',
    'Updating',
    'Upgrading',
    'Deploying',
    'Installing',
    'Initializing',
    'InProgress',
    'Reconciling',
    'Waiting',
    'New',
    'Scaling',
    'ScalingUp',
    'ScalingDown',
    'Starting',
    'Deleting',
    'Terminating',
    'NotReady',
    'Unknown',
]);
put('Healthy', [
    'Ready',
    'Healthy',
    'Succeeded',
    'Success',
    'Successful',
    'Available',
    'Active',
    'Bound',
    'Established',
    'Completed',
    'Complete',
    'Deployed',
    'Provisioned',
    'Running',
    'Synced',
    'Valid',
    'Enabled',
    'Online',
    'Done',
    'OK',
]);
put('Suspended', ['Paused', 'Suspended']);
/** The status a phase word means, or undefined for a word we do not know (the caller decides). */
function phaseStatus(word) {
    if (!word)
        return undefined;
    return WORDS[word.toLowerCase()] ?? WORDS[word.toLowerCase().replace(/[\s_-]/g, '')];
}
/** A failure spelled with a failure word inside: CreateFailed, SyncError, UpdateFailure. */
function isFailureWord(word) {
    return /(failed|failure|error|errored)$/i.test(word) || /^(failed|error)/i.test(word);
}

;// CONCATENATED MODULE: ./src/health/generic.ts


/**
 * Ready=False with one of these reasons will not fix itself without a change. Real controllers
 * spell failures as "...Failed" (Flux InstallFailed), "Failed..." (FailedCreate), "Err..."
 * (ErrProvisioning), "...Error" (Crossplane ReconcileError), "...Failure" or "Invalid..." (InvalidSpec).
 */
function isTerminalReason(reason) {
    if (!reason)
        return false;
    return /(Failed|Failure|Error|Errored|Terminal)$/.test(reason) || /^(Failed|Err|Invalid)/.test(reason);
}
/** Conditions whose True means failure: kstatus Stalled, Failed, and AWS ACK's ACK.Terminal. */
function failureCondition(obj) {
    return conditionsOf(obj).find((c) => c.status === 'True' && (c.type === 'Stalled' || c.type === 'Failed' || /(^|\.)Terminal$/.test(c.type)));
}
const GENERATION_CONDITIONS = ['Ready', 'Stalled', 'Reconciling'];
/** The generation the controller last acted on is older than the spec (object- or condition-level). */
function generic_staleGeneration(obj) {
    const generation = num(obj, 'metadata', 'generation');
    if (generation === undefined)
        return null;
    const observed = num(obj, 'status', 'observedGeneration');
    if (observed !== undefined && observed < generation)
        return `waiting for the controller to observe generation ${generation}`;
    for (const type of GENERATION_CONDITIONS) {
        const c = condition(obj, type);
        if (c && typeof c.observedGeneration === 'number' && c.observedGeneration < generation) {
            return `waiting for the controller to observe generation ${generation} (${type} is for ${c.observedGeneration})`;
        }
    }
    return null;
}
/** status.phase, .state or .status, else another status word field (Zalando's PostgresClusterStatus). */
function phaseWord(obj) {
    for (const key of ['phase', 'state', 'status']) {
        const word = str(obj, 'status', key);
        if (word)
            return { key, word };
    }
    const status = field(obj, 'status');
    const key = Object.keys(status).find((k) => /(Status|Phase|State)$/.test(k) && typeof status[k] === 'string');
    return key ? { key, word: status[key] } : undefined;
}
function withMessage(text, obj) {
    const message = str(obj, 'status', 'message') ?? str(obj, 'status', 'reason');
    return message ? `${text}: ${message}` : text;
}
function genericHealth(obj) {
    const stale = generic_staleGeneration(obj);
    if (stale)
        return result('Progressing', stale);
    if (field(obj, 'spec', 'suspend') === true)
        return result('Suspended', 'suspended (spec.suspend: true)');
    const status = field(obj, 'status');
    if (!isRecord(status) || Object.keys(status).length === 0)
        return result('Healthy', 'created');
    const failed = failureCondition(obj);
    if (failed)
        return result('Degraded', `${failed.type}: ${describeCondition(failed)}`);
    const ready = condition(obj, 'Ready');
    for (const c of [ready, condition(obj, 'Synced')]) {
        if (c?.status === 'False' && isTerminalReason(c.reason))
            return result('Degraded', `not ${c.type.toLowerCase()}: ${describeCondition(c)}`);
    }
    const reconciling = condition(obj, 'Reconciling');
    if (reconciling?.status === 'True')
        return result('Progressing', `reconciling: ${describeCondition(reconciling)}`);
    if (ready?.status === 'True')
        return result('Healthy', `ready${ready.message ? `: ${ready.message}` : ''}`);
    const available = condition(obj, 'Available');
    if (!ready && available?.status === 'True')
        return result('Healthy', `available${available.message ? `: ${available.message}` : ''}`);
    if (ready)
        return result('Progressing', `not ready yet: ${describeCondition(ready)}`);
    if (available)
        return result('Progressing', `not available yet: ${describeCondition(available)}`);
    const phase = phaseWord(obj);
    if (phase) {
        const verdict = phaseStatus(phase.word) ?? (isFailureWord(phase.word) ? 'Degraded' : undefined);
        if (verdict === 'Healthy' && field(obj, 'status', 'ready') === false)
            return result('Progressing', withMessage(`${phase.key} ${phase.word} but not ready`, obj));
        if (verdict)
            return result(verdict, withMessage(`${phase.key} ${phase.word}`, obj));
    }
    if (field(obj, 'status', 'ready') === false)
        return result('Progressing', withMessage('not ready (status.ready: false)', obj));
    // Conditions that say nothing about readiness: like kstatus, treat the object as current.
    return result('Healthy', conditionsOf(obj).length > 0 ? 'no condition reports a problem' : 'created');
}

;// CONCATENATED MODULE: ./src/health/assess.ts
// Which rule judges an object, in order: deletion in progress (any kind), a user's health check
// (CEL or Lua), the kind's own rule, a custom resource family's rule, then generic conditions.

















/** Kind rules by "group/Kind" (core group: "/Kind"). */
const KIND_RULES = new Map([
    ['apps/Deployment', deploymentHealth],
    ['apps/StatefulSet', statefulSetHealth],
    ['apps/DaemonSet', daemonSetHealth],
    ['apps/ReplicaSet', replicaSetHealth],
    ['/Pod', podHealth],
    ['batch/Job', jobHealth],
    ['/PersistentVolumeClaim', pvcHealth],
    ['/Service', serviceHealth],
    ['networking.k8s.io/Ingress', ingressHealth],
    ['extensions/Ingress', ingressHealth],
    ['apiextensions.k8s.io/CustomResourceDefinition', crdHealth],
    ['apiregistration.k8s.io/APIService', apiServiceHealth],
    ['autoscaling/HorizontalPodAutoscaler', hpaHealth],
]);
/** The kind's own rule (not the generic one), if it has one. */
function kindRuleFor(obj) {
    return KIND_RULES.get(`${(0,types/* groupOf */.F)(obj.apiVersion)}/${obj.kind}`);
}
/** The health of a live object; null (it vanished after apply) is Missing. */
function assessHealth(obj, customRules = []) {
    if (obj === null)
        return { status: 'Missing', message: 'the object no longer exists' };
    const deleting = pendingDeletion(obj);
    if (deleting)
        return deleting;
    const custom = findHealthCheck(customRules, obj);
    if (custom)
        return evaluateHealthCheck(custom, obj);
    return kindRuleFor(obj)?.(obj) ?? familyRuleFor(obj)?.(obj) ?? genericHealth(obj);
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
;// CONCATENATED MODULE: ./src/health/load-health-checks.ts
// Where the health checks come from: a file (`--health-checks FILE`), or the action's
// `health-checks` input, which holds either the YAML itself or, on one line, the path of a file in
// the workspace (a health-checks list or an argocd-cm ConfigMap). `lua:` paths are read relative
// to the file that names them (or the workspace for inline YAML).





const read = (file) => (0,external_node_fs_.readFileSync)(file, 'utf8');
/** Loads the CEL and Lua engines (chunks of their own); parseHealthChecks needs them first. */
async function loadRuleEngines() {
    await Promise.all([loadCelEngine(), loadLuaEngine()]);
}
/** One line, no YAML structure: a path such as `.github/argocd-cm.yaml`. */
function looksLikePath(text) {
    const t = text.trim();
    return t !== '' && !t.includes('\n') && !/[:{}[\]]|^- /.test(t);
}
async function loadHealthChecks(source) {
    const root = source.root ?? process.cwd();
    if (!source.file && !source.text)
        return { rules: [], errors: [] };
    // Any health checks may hold CEL or Lua rules; without them neither engine is ever loaded.
    await loadRuleEngines();
    let file = source.file;
    if (!file && source.text && looksLikePath(source.text))
        file = external_node_path_default().resolve(root, source.text.trim());
    if (file) {
        let text;
        try {
            text = read(file);
        }
        catch {
            const shown = source.file ?? source.text.trim();
            return { rules: [], errors: [{ source: null, message: `${shown}: health checks file not found or not readable` }] };
        }
        const shown = source.file ?? source.text.trim();
        return parseHealthChecks(text, shown, { readFile: read, baseDir: external_node_path_default().dirname(file) });
    }
    if (source.text)
        return parseHealthChecks(source.text, 'input health-checks', { readFile: read, baseDir: root });
    return { rules: [], errors: [] };
}

;// CONCATENATED MODULE: ./src/health/completion.ts
// When a hook is done: Jobs, Pods and Argo Workflows by their own terminal states; any other
// kind by its health (Healthy: succeeded, Degraded: failed). Kinds without a specific rule use the
// generic conditions, so an object with no status succeeds as soon as it exists.





function fromHealth(h) {
    const state = h.status === 'Healthy' ? 'Succeeded' : h.status === 'Degraded' ? 'Failed' : 'Running';
    return { state, message: h.message };
}
function podCompletion(obj) {
    // Only the phase is final for a pod: a crash-looping container may still recover.
    const phase = str(obj, 'status', 'phase');
    const health = podHealth(obj);
    if (phase === 'Succeeded' || phase === 'Failed')
        return fromHealth(health);
    return { state: 'Running', message: health.message };
}
function workflowCompletion(obj) {
    const phase = str(obj, 'status', 'phase') ?? 'Pending';
    const message = str(obj, 'status', 'message');
    const text = `workflow ${phase}${message ? `: ${message}` : ''}`;
    if (phase === 'Succeeded')
        return { state: 'Succeeded', message: text };
    if (phase === 'Failed' || phase === 'Error')
        return { state: 'Failed', message: text };
    return { state: 'Running', message: text };
}
/** Whether a hook has completed, and how. */
function hookCompletion(obj, customRules = []) {
    const custom = findHealthCheck(customRules, obj);
    if (custom)
        return fromHealth(evaluateHealthCheck(custom, obj));
    // Job: only Complete and Failed are final (FailureTarget / SuccessCriteriaMet come before them).
    if (isKind(obj, 'batch', 'Job'))
        return fromHealth(jobHealth(obj));
    if (isKind(obj, '', 'Pod'))
        return podCompletion(obj);
    if (isKind(obj, 'argoproj.io', 'Workflow'))
        return workflowCompletion(obj);
    return fromHealth(assessHealth(obj, customRules));
}

;// CONCATENATED MODULE: ./src/health/pod-cause.ts


const FAIL_FAST_REASONS = [
    'ImagePullBackOff',
    'ErrImagePull',
    'InvalidImageName',
    'CrashLoopBackOff',
    'CreateContainerConfigError',
    'CreateContainerError',
];
/**
 * Reasons that alternate for one problem share a family, so the clock does not restart when
 * ErrImagePull turns into ImagePullBackOff and back.
 */
const FAMILY = {
    ImagePullBackOff: 'image',
    ErrImagePull: 'image',
    InvalidImageName: 'image',
    CrashLoopBackOff: 'crash',
    CreateContainerConfigError: 'create',
    CreateContainerError: 'create',
};
function isFailFastReason(reason) {
    return FAIL_FAST_REASONS.includes(reason ?? '');
}
/** A crash-looping container runs briefly between back-offs; only a stable run ends the episode. */
function stillCrashLooping(c, pod, now, thresholdMs) {
    if (c.waitingReason === 'CrashLoopBackOff')
        return true;
    if (!c.running || !c.ready)
        return c.restartCount > 0;
    const startedAt = containerStartedAt(pod, c.name);
    return startedAt !== undefined && now - startedAt < thresholdMs;
}
function containerStartedAt(pod, name) {
    for (const key of ['initContainerStatuses', 'containerStatuses']) {
        const list = field(pod, 'status', key);
        if (!Array.isArray(list))
            continue;
        const s = list.find((x) => isRecord(x) && x.name === name);
        const t = str(s, 'state', 'running', 'startedAt');
        if (t)
            return Date.parse(t);
    }
    return undefined;
}
/**
 * The first container (pods in the given order, init containers first) waiting in a fail-fast
 * reason for at least failFastAfterMs, or null. Updates opts.firstSeen.
 */
function findPodCause(pods, opts) {
    const { now, failFastAfterMs, firstSeen } = opts;
    const live = new Set();
    let found = null;
    for (const pod of pods) {
        // A pod on its way out (an old replica) is not the rollout's problem.
        if (pod.metadata.deletionTimestamp)
            continue;
        const namespace = pod.metadata.namespace ?? '';
        const name = pod.metadata.name ?? '';
        for (const c of containersOf(pod)) {
            const prefix = `${namespace}/${name}/${c.name}/`;
            // Keep the crash-loop clock running between back-offs.
            const crashKey = `${prefix}crash`;
            if (firstSeen.has(crashKey) && stillCrashLooping(c, pod, now, failFastAfterMs))
                live.add(crashKey);
            if (!isFailFastReason(c.waitingReason))
                continue;
            const key = prefix + FAMILY[c.waitingReason];
            live.add(key);
            if (!firstSeen.has(key))
                firstSeen.set(key, now);
            const waitingMs = now - firstSeen.get(key);
            if (found || waitingMs < failFastAfterMs)
                continue;
            const message = [c.waitingMessage, c.lastTermination ? `last ${c.lastTermination}` : undefined].filter(Boolean).join('; ');
            found = { reason: c.waitingReason, namespace, pod: name, container: c.name, message, restartCount: c.restartCount, waitingMs };
        }
    }
    for (const key of [...firstSeen.keys()])
        if (!live.has(key))
            firstSeen.delete(key);
    return found;
}
function toPodEvent(e) {
    const last = str(e, 'lastTimestamp') ?? str(e, 'eventTime') ?? str(e, 'metadata', 'creationTimestamp') ?? '';
    return {
        type: str(e, 'type') ?? 'Normal',
        reason: str(e, 'reason') ?? '',
        message: (str(e, 'message') ?? '').replace(/\s+/g, ' ').trim(),
        count: num(e, 'count') ?? num(e, 'series', 'count') ?? 1,
        lastTimestamp: last,
    };
}
/** The events of one pod, oldest first. */
function eventsForPod(events, namespace, pod) {
    return events
        .filter((e) => str(e, 'involvedObject', 'kind') === 'Pod' && str(e, 'involvedObject', 'name') === pod)
        .filter((e) => (str(e, 'involvedObject', 'namespace') ?? namespace) === namespace)
        .map(toPodEvent)
        .sort((a, b) => a.lastTimestamp.localeCompare(b.lastTimestamp));
}
const MAX_MESSAGE = 240;
function clip(text) {
    return text.length > MAX_MESSAGE ? `${text.slice(0, MAX_MESSAGE - 1)}\u2026` : text;
}
/**
 * A short report: one headline, then the pod's last events, e.g.
 *   CrashLoopBackOff: pod shop/web-6d4b-x2x, container app (4 restarts, waiting 75s): back-off 40s ...
 *     Warning BackOff x12 (2024-05-01T10:00:00Z): Back-off restarting failed container app ...
 */
function formatPodCause(cause, events = [], maxEvents = 5) {
    const restarts = `${cause.restartCount} restart${cause.restartCount === 1 ? '' : 's'}`;
    const waited = `waiting ${Math.round(cause.waitingMs / 1000)}s`;
    const where = `pod ${cause.namespace ? `${cause.namespace}/` : ''}${cause.pod}, container ${cause.container}`;
    const lines = [`${cause.reason}: ${where} (${restarts}, ${waited})${cause.message ? `: ${clip(cause.message)}` : ''}`];
    for (const e of eventsForPod(events, cause.namespace, cause.pod).slice(-maxEvents)) {
        const count = e.count > 1 ? ` x${e.count}` : '';
        const when = e.lastTimestamp ? ` (${e.lastTimestamp})` : '';
        lines.push(`  ${e.type} ${e.reason}${count}${when}: ${clip(e.message)}`);
    }
    return lines.join('\n');
}

;// CONCATENATED MODULE: ./src/health/index.ts











;// CONCATENATED MODULE: ./src/sync/health-adapter.ts

function resourceHealth(obj, rules) {
    return assessHealth(obj, rules ?? []);
}
function hookState(obj, rules) {
    return hookCompletion(obj, rules ?? []);
}
/** A stuck container in the workload's pods, past the fail-fast threshold, as a message; else null. */
function stuckPodCause(workload, pods, events, now, failFastAfterMs, firstSeen) {
    const cause = findPodCause(pods, { now, failFastAfterMs, firstSeen });
    if (!cause)
        return null;
    return `${workload.kind} ${workload.metadata.name}: ${formatPodCause(cause, events)}`;
}

;// CONCATENATED MODULE: ./src/sync/warning-events.ts
/** The Warning reasons that explain a wait. */
const WAIT_REASONS = ['FailedCreate', 'FailedScheduling', 'FailedMount', 'FailedAttachVolume', 'ProvisioningFailed', 'Unhealthy'];
/**
 * FailedCreate messages that no retry fixes: a missing ServiceAccount, Secret or ConfigMap the pod
 * references, an exceeded quota, a pod refused by admission (forbidden).
 */
const UNFIXABLE_CREATE = [/\b(serviceaccount|secret|configmap)s? "[^"]*" not found/i, /exceeded quota/i, /\bforbidden\b/i];
const MAX_SHOWN = 3;
const warning_events_MAX_MESSAGE = 240;
const ownerUids = (o) => (o.metadata.ownerReferences ?? []).map((r) => r.uid);
/** The object's uid and those of what it owns: its ReplicaSets, and their pods or its own. */
function ownedUids(obj, pods, replicaSets) {
    const uids = new Set();
    if (typeof obj.metadata.uid === 'string')
        uids.add(obj.metadata.uid);
    for (const rs of replicaSets)
        if (ownerUids(rs).some((u) => u && uids.has(u)))
            uids.add(rs.metadata.uid);
    for (const p of pods)
        if (ownerUids(p).some((u) => u && uids.has(u)))
            uids.add(p.metadata.uid);
    return uids;
}
/** Warning events of the wait reasons about these objects, newest first, one per (reason, object). */
function warningsAbout(uids, events) {
    const byKey = new Map();
    for (const raw of events) {
        const e = raw;
        if (e.type !== 'Warning' || !WAIT_REASONS.includes(e.reason ?? ''))
            continue;
        const uid = e.involvedObject?.uid;
        if (!uid || !uids.has(uid))
            continue;
        const seen = {
            reason: e.reason,
            on: `${e.involvedObject?.kind ?? ''} ${e.involvedObject?.name ?? ''}`.trim(),
            uid,
            message: warning_events_clip((e.message ?? '').replace(/\s+/g, ' ').trim()),
            count: e.count ?? e.series?.count ?? 1,
            last: e.series?.lastObservedTime ?? e.lastTimestamp ?? e.eventTime ?? String(raw.metadata.creationTimestamp ?? ''),
        };
        const key = `${seen.reason}/${uid}`;
        const cur = byKey.get(key);
        if (!cur || cur.last <= seen.last)
            byKey.set(key, cur ? { ...seen, count: Math.max(seen.count, cur.count) } : seen);
    }
    return [...byKey.values()].sort((a, b) => b.last.localeCompare(a.last));
}
/** One line for a task's message, e.g. "Warning FailedCreate x4 on Job migrate: Error creating: ...". */
function formatWarnings(list) {
    return list.slice(0, MAX_SHOWN).map(formatWarning).join('; ');
}
function formatWarning(w) {
    return `Warning ${w.reason}${w.count > 1 ? ` x${w.count}` : ''} on ${w.on}: ${w.message}`;
}
/** A FailedCreate no retry fixes, about the workload or its ReplicaSets, or null. */
function unfixableCreate(list) {
    return list.find((w) => w.reason === 'FailedCreate' && UNFIXABLE_CREATE.some((re) => re.test(w.message))) ?? null;
}
function warning_events_clip(text) {
    return text.length > warning_events_MAX_MESSAGE ? `${text.slice(0, warning_events_MAX_MESSAGE - 1)}\u2026` : text;
}

;// CONCATENATED MODULE: ./src/sync/verdict.ts



/** What the gate concludes about a task from its live object and its pods. */
function verdictFor(t, input) {
    const { obj } = input;
    if (!obj)
        return { kind: 'failed', reason: 'Missing', health: 'Missing', message: `${t.task.kind} ${t.liveName} disappeared after it was applied` };
    const warnings = input.warnings?.length ? warningsAbout(ownedUids(obj, input.pods, input.replicaSets), input.warnings) : [];
    const stuck = () => {
        if (!hasPods(obj))
            return null;
        const pods = podsOf(obj, input.pods, input.replicaSets);
        return stuckPodCause(obj, pods, input.events, input.now, input.failFastAfterMs, t.firstSeen) ?? cannotCreatePods(t, obj, pods.length, warnings, input);
    };
    const why = (message) => (warnings.length ? `${message}; ${formatWarnings(warnings)}` : message);
    if (t.action === 'hook') {
        const hs = hookState(obj, input.rules);
        if (hs.state === 'Succeeded')
            return { kind: 'succeeded', health: 'Healthy', message: hs.message };
        if (hs.state === 'Failed')
            return { kind: 'failed', reason: 'HookFailed', health: 'Degraded', message: why(hs.message) };
        const cause = stuck();
        if (cause)
            return { kind: 'failed', reason: 'HookFailed', health: 'Degraded', message: cause };
        return { kind: 'wait', health: 'Progressing', message: why(hs.message) };
    }
    const h = resourceHealth(obj, input.rules);
    if (h.status === 'Healthy')
        return { kind: 'succeeded', health: h.status, message: h.message };
    if (h.status === 'Suspended')
        return { kind: 'succeeded', health: h.status, message: h.message };
    if (h.status === 'Degraded')
        return { kind: 'failed', reason: 'Degraded', health: h.status, message: h.message };
    if (h.status === 'Missing')
        return { kind: 'failed', reason: 'Missing', health: h.status, message: h.message };
    const cause = stuck();
    if (cause)
        return { kind: 'failed', reason: 'Degraded', health: 'Degraded', message: cause };
    return { kind: 'wait', health: h.status, message: why(h.message) };
}
/**
 * Pods that cannot even be created for a reason no retry fixes (a missing ServiceAccount, Secret or
 * ConfigMap, an exceeded quota): after fail-fast-after, as for image pull errors. Only while the
 * workload has no pod of its current revision, so a FailedCreate that was since fixed does not count.
 */
function cannotCreatePods(t, obj, currentPods, warnings, input) {
    const key = String(obj.metadata.uid ?? '');
    const w = currentPods === 0 ? unfixableCreate(warnings) : null;
    if (!w) {
        t.createFailSeen.delete(key);
        return null;
    }
    if (!t.createFailSeen.has(key))
        t.createFailSeen.set(key, input.now);
    if (input.now - t.createFailSeen.get(key) < input.failFastAfterMs)
        return null;
    return `${obj.kind} ${obj.metadata.name}: pods cannot be created: ${formatWarning(w)}`;
}

;// CONCATENATED MODULE: ./src/sync/health-gate.ts








const TICK_MS = 1_000;
/** A last look at Warning events before a timeout message is written, at most this long. */
const LAST_LOOK_MS = 3_000;
class HealthGate {
    ctx;
    tasks;
    events;
    constructor(ctx, tasks) {
        this.ctx = ctx;
        this.tasks = tasks;
        this.events = new NamespaceEvents(ctx);
    }
    /** Judge tasks as their objects change, and every second; returns the stop. */
    watch() {
        const stopFeed = this.ctx.feed.onChange((e) => this.onWatchEvent(e.type, e.object));
        const tick = setInterval(() => this.evaluateAll(), TICK_MS);
        return () => {
            clearInterval(tick);
            stopFeed();
        };
    }
    /**
     * Wait until every task is done. After a failure, running hooks may finish (one may be half-way
     * through a migration); resources still progressing are no longer awaited.
     */
    async wait() {
        const { ctx, tasks } = this;
        tasks.stage = 'health';
        for (;;) {
            const open = tasks.open();
            const waitingOn = tasks.failed ? open.filter((t) => t.action === 'hook' && t.applied) : open;
            if (tasks.failed)
                for (const t of open)
                    if (!waitingOn.includes(t) && !t.finishing)
                        tasks.finish(t, 'Cancelled', `not awaited: the step failed (${t.message || 'progressing'})`);
            if (waitingOn.length === 0 && !open.some((t) => t.finishing))
                return;
            if (ctx.cancel.aborted)
                return stopRunning(ctx, tasks, 'Cancelled');
            if (ctx.now() >= ctx.deadline) {
                // The timeout message quotes the latest status: one last look at the events first.
                await sleep(LAST_LOOK_MS, AbortSignal.any([ctx.cancel, signalWhen(this.events.refreshWarnings(tasks.all, true))]));
                this.evaluateAll();
                return stopRunning(ctx, tasks, 'Failed');
            }
            const findings = Promise.all([this.events.refreshPodEvents(tasks.all), this.events.refreshWarnings(tasks.all, false)]);
            await new Promise((resolve) => {
                const timer = setTimeout(resolve, Math.max(1, Math.min(ctx.deadline - ctx.now(), TICK_MS * 5)));
                const onAbort = () => resolve();
                ctx.cancel.addEventListener('abort', onAbort, { once: true });
                tasks.wake = () => {
                    clearTimeout(timer);
                    ctx.cancel.removeEventListener('abort', onAbort);
                    resolve();
                };
            });
            // The last task may just have finished: the gate opens now, not when a list of the
            // namespace's events (slow in a busy namespace) comes back; the lists catch their own errors.
            if (tasks.open().length > 0)
                await findings;
        }
    }
    onWatchEvent(type, obj) {
        // A pod or ReplicaSet change can change the verdict of the workloads it belongs to (fail fast,
        // current revision, warnings about what they own): only those are judged again, not every task.
        if (obj.kind === 'Pod' || obj.kind === 'ReplicaSet') {
            const batch = new Map();
            for (const t of affectedBy(obj, this.tasks.all, this.ctx.feed)) {
                const live = this.ctx.feed.latest(t.key);
                if (live && t.owns(live))
                    this.evaluate(t, live, batch);
            }
        }
        for (const t of this.tasks.all) {
            if (t.done || t.finishing || !t.applied || obj.metadata.name !== t.liveName || obj.kind !== t.task.kind)
                continue;
            if ((obj.metadata.namespace ?? null) !== t.task.namespace)
                continue;
            if (type === 'DELETED' && obj.metadata.uid === t.uid && !t.deletedByUs)
                this.conclude(t, verdictFor(t, this.verdictInput(undefined)));
            else if (t.owns(obj))
                this.evaluate(t, obj);
        }
    }
    /** Every open task, on the tick (fail-fast thresholds pass with time, not with events). */
    evaluateAll() {
        const batch = new Map();
        for (const t of this.tasks.all) {
            if (t.done || t.finishing || !t.applied)
                continue;
            const obj = this.ctx.feed.latest(t.key);
            if (obj && t.owns(obj))
                this.evaluate(t, obj, batch);
        }
    }
    /** Judge one task; `batch` shares the namespace's pods and ReplicaSets among tasks judged together. */
    evaluate(t, obj, batch) {
        if (t.done || t.finishing)
            return;
        try {
            const input = this.batchedInput(obj, batch);
            observeHookPods(t, input.pods);
            this.conclude(t, verdictFor(t, input));
        }
        catch (err) {
            this.tasks.fail(t, 'Apply', `health check stopped on an unexpected error: ${describeApiError(err)}`);
        }
    }
    batchedInput(obj, batch) {
        const ns = obj.metadata.namespace ?? '';
        const shared = batch?.get(ns);
        if (shared)
            return { ...shared, obj };
        const input = this.verdictInput(obj);
        batch?.set(ns, input);
        return input;
    }
    verdictInput(obj) {
        const ns = obj?.metadata.namespace;
        return {
            obj,
            pods: ns ? this.ctx.feed.all('', 'Pod', ns) : [],
            replicaSets: ns ? this.ctx.feed.all('apps', 'ReplicaSet', ns) : [],
            events: ns ? this.events.pods(ns) : [],
            warnings: ns ? this.events.warnings(ns) : [],
            now: this.ctx.now(),
            failFastAfterMs: this.ctx.opts.failFastAfterMs,
            rules: this.ctx.opts.healthRules,
        };
    }
    conclude(t, v) {
        const { ctx } = this;
        if (t.health !== v.health || t.message !== v.message) {
            t.health = v.health;
            t.message = v.message;
            ctx.bus.emit({ type: 'task-health', at: ctx.now(), taskId: t.task.id, health: v.health, message: v.message });
        }
        if (v.kind === 'succeeded') {
            if (v.health === 'Suspended')
                ctx.bus.emit({ type: 'warning', at: ctx.now(), message: `${t.task.kind} ${t.liveName} is Suspended: ${v.message}`, source: t.task.source });
            void this.complete(t, 'Succeeded', v.message);
        }
        else if (v.kind === 'failed') {
            void this.complete(t, 'Failed', v.message, v.reason);
        }
    }
    /** Finish a task; a hook that failed first gets its last log lines (they matter for the report). */
    async complete(t, state, message, reason) {
        if (t.finishing || t.done)
            return;
        t.finishing = true;
        if (state === 'Failed')
            this.tasks.failed ??= reason ?? 'Apply';
        try {
            if (t.logs && state === 'Failed')
                await t.logs.settle(HOOK_LOG_SETTLE_MS);
            if (t.action === 'hook')
                handOverHook(this.ctx, t, state);
        }
        catch (err) {
            this.ctx.bus.emit({ type: 'warning', at: this.ctx.now(), message: `${t.liveName}: ${describeApiError(err)}`, source: t.task.source });
        }
        finally {
            t.finishing = false;
            if (state === 'Failed')
                this.tasks.fail(t, reason ?? 'Apply', message);
            else
                this.tasks.finish(t, 'Succeeded', message);
        }
    }
}
/** A signal that aborts when the promise settles. */
function signalWhen(p) {
    const ac = new AbortController();
    void p.finally(() => ac.abort());
    return ac.signal;
}

;// CONCATENATED MODULE: ./src/sync/crd-establish.ts

/** The longest wait for one CRD to be Established (within the sync's own timeout). */
const CRD_ESTABLISH_TIMEOUT_MS = 120_000;
/** How often "waiting for CRD ..." is repeated while waiting. */
const CRD_WAIT_REPORT_MS = 10_000;
/** After Established, how long discovery may take to serve the kind. */
const CRD_SERVED_TIMEOUT_MS = 15_000;
const RECHECK_MS = 1_000;
const SERVED_POLL_MS = 200;
const kindKey = (group, kind) => `${group}/${kind}`;
/** group/kind defined by a CustomResourceDefinition task, or null. */
function crdDefines(t) {
    if (t.kind !== 'CustomResourceDefinition' || t.group !== 'apiextensions.k8s.io')
        return null;
    const spec = t.object.spec;
    if (typeof spec?.group !== 'string' || typeof spec.names?.kind !== 'string')
        return null;
    return kindKey(spec.group, spec.names.kind);
}
/** Established, refused (NamesAccepted=False: a name clash no wait fixes), or still installing. */
function crdReadiness(crd) {
    const conditions = (crd?.status?.conditions ?? []);
    const cond = (type) => conditions.find((c) => c.type === type);
    if (cond('Established')?.status === 'True')
        return { state: 'established', message: 'Established' };
    const names = cond('NamesAccepted');
    if (names?.status === 'False')
        return { state: 'refused', message: `NamesAccepted=False${names.reason ? ` (${names.reason})` : ''}${names.message ? `: ${names.message}` : ''}` };
    const est = cond('Established');
    const detail = est
        ? `Established=${est.status}${est.reason ? ` (${est.reason})` : ''}${est.message ? `: ${est.message}` : ''}`
        : 'no Established condition yet';
    return { state: 'waiting', message: detail };
}
/** Resolves null once Established, else the reason it is not (refused, timed out, cancelled). */
async function awaitEstablished(w) {
    const started = w.now();
    const until = Math.min(w.deadline, started + CRD_ESTABLISH_TIMEOUT_MS);
    const ref = { apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition', namespace: null, name: w.name };
    let lastReport = -Infinity;
    let lastGet = w.now();
    let latest = w.feed.latest(w.feedKey);
    for (;;) {
        const r = crdReadiness(latest);
        if (r.state === 'established')
            return null;
        if (r.state === 'refused')
            return `CustomResourceDefinition ${w.name} is not accepted: ${r.message}`;
        if (w.signal.aborted)
            return 'cancelled while waiting for the CRD to be established';
        if (w.now() >= until) {
            const waited = Math.round((w.now() - started) / 1000);
            return `CustomResourceDefinition ${w.name} was not established within ${waited}s (${r.message}); its custom resources were not applied`;
        }
        if (w.now() - lastReport >= CRD_WAIT_REPORT_MS) {
            w.report(`waiting for CRD ${w.name} to be established${lastReport > -Infinity ? ` (${Math.round((w.now() - started) / 1000)}s, ${r.message})` : ''}`);
            lastReport = w.now();
        }
        await nextChange(w, Math.min(RECHECK_MS, until - w.now()));
        latest = w.feed.latest(w.feedKey) ?? latest;
        // The watch is the fast path; a get now and then covers a watch that fell behind.
        if (w.now() - lastGet >= RECHECK_MS) {
            lastGet = w.now();
            latest = (await w.cluster.get(ref)) ?? latest;
        }
    }
}
/** After Established, discovery forgets what it knew and waits (briefly) until the kind is served. */
async function awaitServed(cluster, kinds, opts) {
    cluster.invalidateDiscovery();
    const until = Math.min(opts.deadline, opts.now() + CRD_SERVED_TIMEOUT_MS);
    for (const k of kinds) {
        for (;;) {
            if (await cluster.resolve(k.apiVersion, k.kind))
                break;
            if (opts.signal.aborted || opts.now() >= until)
                return k;
            await new Promise((r) => setTimeout(r, SERVED_POLL_MS));
            cluster.invalidateDiscovery();
        }
    }
    return null;
}
function nextChange(w, ms) {
    return new Promise((resolve) => {
        const done = () => {
            clearTimeout(timer);
            off();
            w.signal.removeEventListener('abort', done);
            resolve();
        };
        const timer = setTimeout(done, Math.max(1, ms));
        const off = w.feed.onChange((e) => {
            if (e.object.kind === 'CustomResourceDefinition' && e.object.metadata.name === w.name && (0,types/* groupOf */.F)(e.object.apiVersion) === 'apiextensions.k8s.io')
                done();
        });
        w.signal.addEventListener('abort', done, { once: true });
    });
}

;// CONCATENATED MODULE: ./src/sync/step-crds.ts
// CRDs of a step and the kinds they define (SEMANTICS 3.3): such a kind is left alone (no watch,
// no get, no delete) until its CRD is Established and discovery serves it (crd-establish.ts).

class StepCrds {
    /** group/kind \u2192 the CRD trackers of this step that define it. */
    crdOf = new Map();
    constructor(trackers) {
        for (const t of trackers) {
            const defined = crdDefines(t.task);
            if (defined)
                this.crdOf.set(defined, [...(this.crdOf.get(defined) ?? []), t]);
        }
    }
    /** Is this task's kind defined by a CRD of this step (so not to be asked about yet)? */
    deferred(t) {
        return this.crdOf.has(kindKey(t.task.group, t.task.kind));
    }
    /**
     * Kinds the step uses at once that discovery does not serve yet: validation resolved every kind
     * not defined by a CRD of this sync, so these come from a CRD an earlier step established a
     * moment ago, and discovery may lag behind Established. Waits (briefly) for them; false, with
     * the failure on the task, when one is still not served.
     */
    async served(ctx, tasks, now) {
        // Each kind once (a step of 1,000 ConfigMaps asks discovery one question, not 1,000).
        const kinds = new Map(now.map((t) => [`${t.task.apiVersion}/${t.task.kind}`, { apiVersion: t.task.apiVersion, kind: t.task.kind }]));
        const unserved = [];
        for (const k of kinds.values())
            if (!(await ctx.cluster.resolve(k.apiVersion, k.kind)))
                unserved.push(k);
        if (unserved.length === 0)
            return true;
        const missing = await awaitServed(ctx.cluster, unserved, { now: ctx.now, deadline: ctx.deadline, signal: ctx.cancel });
        if (!missing)
            return true;
        if (!ctx.cancel.aborted)
            notServed(tasks, now, missing);
        return false;
    }
    /**
     * Before the first run of a kind that a CRD of this step defines: that CRD Established, then
     * discovery serving the kind. false when the run cannot go ahead (the failure is already on the
     * CRD or the run's task).
     */
    async ready(ctx, tasks, run) {
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
                if (ctx.cancel.aborted)
                    return false;
                tasks.fail(crd, /not accepted/.test(problem) ? 'Degraded' : 'Timeout', problem);
                return false;
            }
        }
        const kinds = [...new Map(run.map((t) => [`${t.task.apiVersion}/${t.task.kind}`, { apiVersion: t.task.apiVersion, kind: t.task.kind }])).values()];
        const missing = await awaitServed(ctx.cluster, kinds, { now: ctx.now, deadline: ctx.deadline, signal: ctx.cancel });
        if (missing) {
            if (ctx.cancel.aborted)
                return false;
            notServed(tasks, run, missing);
            return false;
        }
        return true;
    }
}
function notServed(tasks, among, missing) {
    const t = among.find((x) => x.task.apiVersion === missing.apiVersion && x.task.kind === missing.kind) ?? among[0];
    tasks.fail(t, 'Apply', `kind ${missing.kind} in ${missing.apiVersion} is not served, though its CustomResourceDefinition is Established: check that the CRD has version ${missing.apiVersion.split('/').pop()} with served: true`);
}

;// CONCATENATED MODULE: ./src/sync/task-tracker.ts


class TaskTracker {
    task;
    liveName;
    key;
    action;
    uid = null;
    minGeneration = 0;
    current = 'Pending';
    health = null;
    message = '';
    /** Set while the tracker is finishing (collecting logs, applying delete policies). */
    finishing = false;
    deletedByUs = false;
    logs = null;
    /** When each stuck container state was first seen, for fail-fast thresholds. */
    firstSeen = new Map();
    /** When a pod-creation failure no retry fixes was first seen (key: workload uid). */
    createFailSeen = new Map();
    constructor(task, liveName) {
        this.task = task;
        this.liveName = liveName;
        this.key = objectKey(task.group, task.kind, task.namespace, liveName);
        this.action = actionOf(task);
    }
    get state() {
        return this.current;
    }
    /** Move along the action's lifecycle (task-lifecycle.ts); any other move throws. */
    moveTo(next) {
        checkTransition(this.action, this.current, next, `${this.task.kind} ${this.liveName}`);
        this.current = next;
    }
    get ref() {
        return { apiVersion: this.task.apiVersion, kind: this.task.kind, namespace: this.task.namespace, name: this.liveName };
    }
    /** In a final state: one its lifecycle has no move out of. */
    get done() {
        return isFinal(this.action, this.current);
    }
    get applied() {
        return this.uid !== null;
    }
    /** Is this event about the object we applied (not an older one of the same name)? */
    owns(obj) {
        if (!this.uid || obj.metadata.uid !== this.uid)
            return false;
        return Number(obj.metadata.generation ?? 0) >= this.minGeneration;
    }
}

;// CONCATENATED MODULE: ./src/sync/step-tasks.ts


const DURING = {
    watch: 'while watching',
    BeforeHookCreation: 'while deleting the previous hook',
    apply: 'while applying',
    health: 'while checking health',
};
class StepTasks {
    ctx;
    all;
    /** The step's failure reason: the first one wins. */
    failed = null;
    stage = 'watch';
    /** Called when a task finishes, so the gate looks again at once. */
    wake = () => { };
    constructor(ctx, step) {
        this.ctx = ctx;
        this.all = step.tasks.map((t) => new TaskTracker(t, ctx.liveName(t)));
    }
    open() {
        return this.all.filter((t) => !t.done);
    }
    /** Fails the step; the task too unless it has already finished (its first verdict stands). */
    fail(t, reason, message) {
        this.failed ??= reason;
        const failure = {
            taskId: t.task.id,
            phase: t.task.phase,
            wave: t.task.wave,
            kind: t.task.kind,
            namespace: t.task.namespace,
            name: t.liveName,
            source: t.task.source,
            reason,
            message,
            logTail: t.logs?.tail() ?? [],
        };
        this.finish(t, 'Failed', message, failure);
    }
    /** An error nobody expected: it goes on the first unfinished task, with its file and line. */
    failUnexpected(err) {
        const [first, ...rest] = this.open();
        if (first)
            this.fail(first, 'Apply', `unexpected error ${DURING[this.stage]}: ${describeApiError(err)}`);
        else
            this.failed ??= 'Apply';
        for (const t of rest)
            this.finish(t, 'Cancelled', 'not awaited: the step stopped on an unexpected error');
    }
    finish(t, state, message, failure) {
        if (t.done)
            return;
        t.moveTo(state);
        t.logs?.stop();
        this.ctx.bus.emit({ type: 'task-finished', at: this.ctx.now(), taskId: t.task.id, state, message, failure });
        this.wake();
    }
}

;// CONCATENATED MODULE: ./src/sync/step-runner.ts






async function runStep(ctx, step) {
    const tasks = new StepTasks(ctx, step);
    const crds = new StepCrds(tasks.all);
    const gate = new HealthGate(ctx, tasks);
    const stopWatching = gate.watch();
    try {
        // Kinds a CRD of this step defines wait for that CRD (apply-runs.ts).
        const now = tasks.all.filter((t) => !crds.deferred(t));
        // After a kind that never got served, applyRuns applies nothing and cancels the rest.
        if (await crds.served(ctx, tasks, now)) {
            await startWatches(ctx, tasks, now);
            await deleteBeforeCreation(ctx, tasks, now);
        }
        await applyRuns(ctx, tasks, crds, (t, obj) => gate.evaluate(t, obj));
        await gate.wait();
    }
    catch (err) {
        tasks.failUnexpected(err);
    }
    finally {
        stopWatching();
    }
    if (ctx.cancel.aborted && !tasks.failed)
        return { state: 'Cancelled', reason: 'Cancelled' };
    if (tasks.failed)
        return { state: 'Failed', reason: tasks.failed };
    return { state: 'Succeeded', reason: null };
}

;// CONCATENATED MODULE: ./src/sync/prune-step.ts
// One Sync step with prunes (SEMANTICS 6): the members of its wave that left the manifests are
// deleted and awaited first, then the step's applies and gate run (step-runner.ts). A prune that
// fails fails the step before anything of it is applied.



async function runStepWithPrunes(ctx, step) {
    const stage = ctx.inventory;
    // The parent could not be written before the applies when the manifests create its namespace.
    if (stage && !stage.written)
        await stage.writeBefore();
    const prunes = step.tasks.filter(isPruneTask);
    if (prunes.length > 0 && stage) {
        const items = prunes.map((task) => ({ task, keepMessage: stage.keepMessage(task), action: 'pruned' }));
        const failed = await runRemovals(ctx, items, () => (ctx.appliedAnything = true));
        if (failed)
            return { state: 'Failed', reason: failed };
        if (ctx.cancel.aborted)
            return { state: 'Cancelled', reason: 'Cancelled' };
    }
    const rest = prunes.length ? { ...step, tasks: step.tasks.filter((t) => !isPruneTask(t)) } : step;
    if (rest.tasks.length === 0)
        return { state: 'Succeeded', reason: null };
    return runStep(ctx, rest);
}

;// CONCATENATED MODULE: ./src/sync/dry-run-changes.ts
const VOLATILE_METADATA = new Set(['managedFields', 'resourceVersion', 'generation', 'uid', 'creationTimestamp', 'selfLink']);
const MAX_PATHS = 10;
function normalized(o) {
    const { status: _status, metadata, ...rest } = o;
    const meta = Object.fromEntries(Object.entries(metadata).filter(([k]) => !VOLATILE_METADATA.has(k)));
    return { ...rest, metadata: meta };
}
function diffPaths(a, b, path, out) {
    if (out.length >= MAX_PATHS)
        return;
    if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
        const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
        for (const k of [...keys].sort())
            diffPaths(a[k], b[k], path ? `${path}.${k}` : k, out);
        return;
    }
    if (JSON.stringify(a) !== JSON.stringify(b))
        out.push(path);
}
/** Compare the live object with the dry-run result: which fields the sync would change. */
function plannedChange(live, dryRun) {
    if (!live)
        return { change: 'create', fields: [] };
    if (!dryRun)
        return { change: 'update', fields: [] };
    const fields = [];
    diffPaths(normalized(live), normalized(dryRun), '', fields);
    return fields.length ? { change: 'update', fields } : { change: 'unchanged', fields: [] };
}

;// CONCATENATED MODULE: ./src/cluster/inventory/owners.ts


async function foreignOwners(cluster, refs, ownId) {
    const groups = new Map();
    for (const r of refs) {
        const key = `${r.apiVersion} ${r.kind} ${r.namespace ?? ''}`;
        groups.set(key, [...(groups.get(key) ?? []), r]);
    }
    const found = [];
    for (const group of groups.values()) {
        const { apiVersion, kind, namespace } = group[0];
        if (!(await cluster.resolve(apiVersion, kind)))
            continue; // a kind this sync creates: nothing live yet
        const labelled = await cluster.list(apiVersion, kind, namespace, { labelSelector: PART_OF_LABEL });
        const owners = new Map(labelled.map((o) => [
            identity({ apiVersion, kind, namespace: o.metadata.namespace ?? null, name: o.metadata.name }),
            o.metadata.labels?.[PART_OF_LABEL] ?? '',
        ]));
        for (const r of group) {
            const owner = owners.get(identity(r));
            if (owner && owner !== ownId)
                found.push({ ref: r, ownerId: owner, ownerParent: await parentOf(cluster, owner, r.namespace) });
        }
    }
    return found;
}
/** The parent carrying that id in the namespace, if it is a Secret there (wavesync's and kubectl's usual case). */
async function parentOf(cluster, id, namespace) {
    if (!namespace)
        return null;
    const parents = await cluster.list('v1', 'Secret', namespace, { labelSelector: `${APPLYSET_ID_LABEL}=${id}` });
    return parents[0] ? `Secret ${namespace}/${parents[0].metadata.name}` : null;
}

;// CONCATENATED MODULE: ./src/plan/membership.ts
// Every applied object that is not a hook is labelled as a member of the app's ApplySet, so the
// next sync (and kubectl) can find it. Hooks are never members: they are deleted by their policies.


function labelMembers(plan, applysetId) {
    const label = (t) => t.hook ? t : { ...t, object: { ...t.object, metadata: { ...t.object.metadata, labels: { ...(t.object.metadata.labels ?? {}), [PART_OF_LABEL]: applysetId } } } };
    const steps = (list) => list.map((s) => ({ ...s, tasks: s.tasks.map(label) }));
    return { ...plan, steps: steps(plan.steps) };
}
/** The kinds ("Deployment.apps") and namespaces the plan's members live in. */
function memberScope(plan) {
    const members = plan.steps.flatMap((s) => s.tasks).filter((t) => !t.hook);
    const gk = (t) => ((0,types/* groupOf */.F)(t.apiVersion) ? `${t.kind}.${(0,types/* groupOf */.F)(t.apiVersion)}` : t.kind);
    return {
        groupKinds: [...new Set(members.map(gk))].sort(),
        namespaces: [...new Set(members.map((t) => t.namespace).filter((n) => !!n))].sort(),
    };
}

;// CONCATENATED MODULE: ./src/sync/inventory-stage.ts
// The inventory around one sync (SEMANTICS 6): before anything is applied, read the parent,
// refuse objects that belong to another ApplySet (unless force-adopt), label the members and plan
// the prunes; write the parent before the applies (kinds and namespaces only ever added, so a
// crash mid-sync never leaves a member no inventory knows) and again after the sync (narrowed to
// what is live once it succeeded).






class InventoryStage {
    cluster;
    state;
    scope;
    pruneTasks;
    constructor(cluster, state, scope, pruneTasks) {
        this.cluster = cluster;
        this.state = state;
        this.scope = scope;
        this.pruneTasks = pruneTasks;
    }
    /** Written at least once during this sync (before the applies, or before a later step when the namespace came with the manifests). */
    written = false;
    static async prepare(cluster, plan, opts) {
        const state = await readInventory(cluster, plan.app, plan.namespace);
        const applyPlan = labelMembers(plan, state.id);
        const members = applyPlan.steps.flatMap((s) => s.tasks).filter((t) => !t.hook && t.name);
        const foreign = await foreignOwners(cluster, members.map((t) => ({ apiVersion: t.apiVersion, kind: t.kind, namespace: t.namespace, name: t.name, task: t })), state.id);
        const describe = (f) => `${(0,object_ref/* objectLabel */.u)(f.ref)} belongs to another ApplySet (applyset.kubernetes.io/part-of=${f.ownerId}${f.ownerParent ? `, parent ${f.ownerParent}` : ''})`;
        const refusals = opts.forceAdopt
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
    async writeBefore() {
        const gks = [...this.state.groupKinds, ...this.scope.groupKinds];
        const nss = [...this.state.additionalNamespaces, ...this.scope.namespaces];
        this.written = (await writeInventory(this.cluster, this.state, gks, nss)) || this.written;
        return this.written;
    }
    /**
     * After the sync: when it succeeded, the parent names only what is live (the manifests' members
     * and the ones kept or not pruned); otherwise it keeps the union written before.
     */
    async writeAfter(outcome, data) {
        if (outcome !== 'Succeeded') {
            if (data)
                await writeInventory(this.cluster, this.state, this.state.groupKinds, this.state.additionalNamespaces, data);
            return;
        }
        const kept = this.pruneTasks.filter((t) => t.keep !== null);
        const gks = [...this.scope.groupKinds, ...kept.map((t) => groupKind(t.apiVersion, t.kind))];
        const nss = [...this.scope.namespaces, ...kept.flatMap((t) => (t.namespace ? [t.namespace] : []))];
        await writeInventory(this.cluster, this.state, gks, nss, data ?? this.state.data);
    }
    keepMessage(t) {
        return t.keep ? KEEP_MESSAGES[t.keep] : null;
    }
}

;// CONCATENATED MODULE: ./src/sync/engine.ts















/** The only moves the engine may make; anything else is a bug, not a user error. */
const TRANSITIONS = {
    Validating: ['Syncing', 'Finished'],
    Syncing: ['SyncFail', 'Finished'],
    SyncFail: ['Finished'],
    Finished: [],
};
async function runEngine(opts) {
    const now = opts.now ?? Date.now;
    const cancel = opts.signal ?? new AbortController().signal;
    const builder = new ResultBuilder();
    const off = opts.bus.on(builder.listener);
    const started = now();
    const syncUnix = Math.floor(started / 1000);
    const feed = new ObjectFeed(opts.cluster);
    const lingeringLogs = [];
    const hookCleanup = new HookCleanup();
    let state = 'Validating';
    const enter = (next) => {
        if (!TRANSITIONS[state].includes(next))
            throw new Error(`engine: ${state} \u2192 ${next} is not a valid transition`);
        state = next;
    };
    const finish = async (result, reason, message) => {
        enter('Finished');
        // Delete policies act now that the sync is over (SEMANTICS 4); a cleanup error is a warning.
        await hookCleanup
            .run(opts.cluster, opts.bus, result, now)
            .catch((err) => opts.bus.emit({ type: 'warning', at: now(), message: `hook cleanup stopped: ${err instanceof Error ? err.message : String(err)}` }));
        for (const l of lingeringLogs)
            l.stop();
        if (stage && syncing)
            await stage
                .writeAfter(result)
                .catch((err) => opts.bus.emit({ type: 'warning', at: now(), message: `the inventory could not be updated after the sync: ${describeApiError(err)}` }));
        const r = builder.build(result, reason, message, now());
        opts.bus.emit({ type: 'sync-finished', at: r.finishedAt, result: r });
        return r;
    };
    // The inventory is read first (reads only), so the prune tasks are part of the reported plan.
    let inventory = null;
    let inventoryProblem = null;
    let unreachable = null;
    if (opts.inventory) {
        try {
            inventory = await InventoryStage.prepare(opts.cluster, opts.plan, opts.inventory);
        }
        catch (err) {
            // An unreachable server ends the run once, as validation does (below), not as bad input.
            if (isUnreachable(err))
                unreachable = err;
            else
                inventoryProblem = `the inventory (Secret ${opts.plan.namespace}/wavesync-${opts.plan.app}) could not be read: ${describeApiError(err)}`;
        }
    }
    const stage = inventory?.stage ?? null;
    let syncing = false;
    opts.bus.emit({ type: 'sync-started', at: started, plan: inventory?.plan ?? opts.plan, mode: opts.mode, server: opts.cluster.serverHost() });
    try {
        if (unreachable)
            throw unreachable;
        if (inventoryProblem) {
            opts.bus.emit({ type: 'validation-failed', at: now(), errors: [{ source: null, message: inventoryProblem }] });
            return await finish('Failed', 'Validation', inventoryProblem);
        }
        for (const message of inventory?.adopted ?? [])
            opts.bus.emit({ type: 'warning', at: now(), message });
        const wouldPrune = stage?.pruneTasks.filter((t) => t.keep === 'prune-off') ?? [];
        if (wouldPrune.length)
            opts.bus.emit({
                type: 'warning',
                at: now(),
                message: `would prune ${wouldPrune.length} object(s) no longer in the manifests (prune is off): ${wouldPrune.map((t) => (0,object_ref/* objectLabel */.u)(t)).join(', ')}`,
            });
        if (inventory?.refusals.length) {
            for (const f of inventory.refusals)
                opts.bus.emit({ type: 'task-finished', at: now(), taskId: f.taskId, state: 'Failed', message: f.message, failure: f });
            return await finish('Failed', 'Adoption', `${inventory.refusals.length} object(s) belong to another app; nothing was applied:\n${inventory.refusals.map((f) => (0,model_problems/* formatProblem */.V)(f)).join('\n')}`);
        }
        // Validating: nothing in the cluster changes unless create-namespace asks for the namespace.
        if (opts.createNamespace && opts.mode !== 'dry-run') {
            if (await ensureNamespace(opts.cluster, opts.plan.namespace))
                opts.bus.emit({ type: 'info', at: now(), message: `created namespace ${opts.plan.namespace}` });
        }
        const validated = await validateAgainstCluster(opts.cluster, inventory?.applyPlan ?? opts.plan, {
            signal: cancel,
            checkAccess: opts.mode === 'sync',
            pruning: stage?.pruneTasks.filter((t) => t.keep === null) ?? [],
            // A dry run does not create the namespace: objects in it cannot be dry-run, they would be created.
            createsNamespaces: opts.createNamespace && opts.mode === 'dry-run' ? [opts.plan.namespace] : [],
        });
        if (validated.errors.length) {
            opts.bus.emit({ type: 'validation-failed', at: now(), errors: validated.errors });
            return await finish('Failed', 'Validation', `${validated.errors.length} error(s) before anything was applied:\n${validated.errors.map(model_problems/* formatProblem */.V).join('\n')}`);
        }
        if (cancel.aborted)
            return await finish('Cancelled', 'Cancelled', 'cancelled before anything was applied');
        if (opts.mode === 'dry-run') {
            for (const t of stage?.pruneTasks ?? [])
                opts.bus.emit({ type: 'task-finished', at: now(), taskId: t.id, state: 'Skipped', message: stage.keepMessage(t) ?? 'would be pruned' });
            const counts = await reportPlannedChanges(opts, validated, now);
            return await finish('Succeeded', null, `dry run: every object passed validation and the server-side dry run; ${counts}`);
        }
        // Only the dry-run report and the diff read the dry-run answers; a sync lets them go.
        validated.dryRuns.clear();
        const plan = withPruneTasks(validated.plan, stage?.pruneTasks ?? []);
        const names = new Map();
        const liveName = (t) => {
            if (t.name)
                return t.name;
            const key = `${t.phase}/${t.generateName}`;
            if (!names.has(key))
                names.set(key, hookName(t.generateName ?? 'hook-', plan.revision, t.phase, syncUnix));
            return names.get(key);
        };
        const ctx = {
            cluster: opts.cluster,
            bus: opts.bus,
            feed,
            opts,
            now,
            cancel,
            deadline: started + opts.timeoutMs,
            liveName,
            appliedAnything: false,
            lingeringLogs,
            hookCleanup,
            inventory: stage,
        };
        // New kinds and namespaces are in the parent before anything is applied.
        if (stage)
            await stage.writeBefore();
        syncing = true;
        enter('Syncing');
        const main = await runSteps(ctx, plan.steps);
        if (main.state === 'Succeeded')
            return await finish('Succeeded', null, `synced ${countTasks(plan.steps)} task(s) in ${plan.steps.length} step(s)`);
        if (main.state === 'Cancelled')
            return await finish('Cancelled', 'Cancelled', 'cancelled: no new task was started, running hooks were deleted, applied resources stay');
        const failMessage = describeFailure(builder, main);
        if (ctx.appliedAnything && plan.syncFail.length > 0) {
            enter('SyncFail');
            const budget = opts.syncFailTimeoutMs ?? Math.min(opts.timeoutMs, SYNC_FAIL_TIMEOUT_CAP_MS);
            opts.bus.emit({ type: 'info', at: now(), message: `running ${countTasks(plan.syncFail)} SyncFail hook(s)` });
            await runSteps({ ...ctx, deadline: now() + budget }, plan.syncFail);
        }
        return await finish('Failed', main.reason, failMessage);
    }
    catch (err) {
        if (state === 'Finished')
            throw err;
        return await finish('Failed', 'Apply', `the sync stopped on an unexpected error (${state}): ${err instanceof Error ? err.message : String(err)}`);
    }
    finally {
        off();
        await feed.close();
    }
}
async function runSteps(ctx, steps) {
    for (const [index, step] of steps.entries()) {
        if (ctx.cancel.aborted)
            return { state: 'Cancelled', reason: 'Cancelled', failedStep: step };
        ctx.bus.emit({ type: 'step-started', at: ctx.now(), phase: step.phase, wave: step.wave, index });
        const outcome = await runStepWithPrunes(ctx, step);
        ctx.bus.emit({ type: 'step-finished', at: ctx.now(), phase: step.phase, wave: step.wave, index, state: outcome.state });
        if (outcome.state !== 'Succeeded')
            return { ...outcome, failedStep: step };
        if (index < steps.length - 1 && ctx.opts.waveDelayMs > 0)
            await sleep(ctx.opts.waveDelayMs, ctx.cancel);
    }
    return { state: 'Succeeded', reason: null, failedStep: null };
}
/** For --dry-run: what each task would do to the cluster, as events. */
async function reportPlannedChanges(opts, validated, now) {
    const tally = { create: 0, update: 0, unchanged: 0 };
    for (const step of validated.plan.steps)
        for (const t of step.tasks) {
            const live = t.name ? await opts.cluster.get({ apiVersion: t.apiVersion, kind: t.kind, namespace: t.namespace, name: t.name }) : null;
            const { change, fields } = t.hook ? { change: 'create', fields: [] } : plannedChange(live, validated.dryRuns.get(t.id) ?? null);
            tally[change]++;
            opts.bus.emit({ type: 'planned-change', at: now(), taskId: t.id, task: t, change, fields });
        }
    return `${tally.create} to create, ${tally.update} to change, ${tally.unchanged} unchanged`;
}
function countTasks(steps) {
    return steps.reduce((n, s) => n + s.tasks.length, 0);
}
function describeFailure(builder, main) {
    const f = builder.firstFailure();
    const where = main.failedStep ? `${main.failedStep.phase} wave ${main.failedStep.wave}` : 'the sync';
    if (!f)
        return `${where} failed (${main.reason ?? 'unknown reason'})`;
    return `${where} failed: ${f.kind} ${f.namespace ? f.namespace + '/' : ''}${f.name} (${f.source.file}:${f.source.line}): ${f.message}`;
}

;// CONCATENATED MODULE: ./src/sync/delete-engine.ts
// Delete mode (SEMANTICS 5): an explicit state machine like the sync engine's.
//   Validating \u2192 PreDelete \u2192 Deleting \u2192 PostDelete \u2192 Finished
// PreDelete hooks (from the manifests, when given) run first and a failure stops everything with
// nothing deleted; then every inventory member is deleted in reverse order and awaited; then
// PostDelete hooks; then the inventory itself. With no manifests it works from the inventory alone.












const delete_engine_TRANSITIONS = {
    Validating: ['PreDelete', 'Finished'],
    PreDelete: ['Deleting', 'Finished'],
    Deleting: ['PostDelete', 'Finished'],
    PostDelete: ['Finished'],
    Finished: [],
};
async function runDeleteEngine(opts) {
    const now = opts.now ?? Date.now;
    const cancel = opts.signal ?? new AbortController().signal;
    const builder = new ResultBuilder();
    const off = opts.bus.on(builder.listener);
    const started = now();
    const feed = new ObjectFeed(opts.cluster);
    const hookCleanup = new HookCleanup();
    const lingeringLogs = [];
    let state = 'Validating';
    const enter = (next) => {
        if (!delete_engine_TRANSITIONS[state].includes(next))
            throw new Error(`delete: ${state} \u2192 ${next} is not a valid transition`);
        state = next;
    };
    const finish = async (result, reason, message) => {
        enter('Finished');
        await hookCleanup.run(opts.cluster, opts.bus, result, now).catch(() => { });
        for (const l of lingeringLogs)
            l.stop();
        const r = builder.build(result, reason, message, now());
        opts.bus.emit({ type: 'sync-finished', at: r.finishedAt, result: r });
        return r;
    };
    const inventory = await readInventory(opts.cluster, opts.plan.app, opts.plan.namespace).catch((err) => err);
    const members = inventory instanceof Error || !inventory.exists ? [] : await listMembers(opts.cluster, inventory).catch(() => []);
    const plan = { ...opts.plan, steps: planDelete(members), syncFail: [] };
    opts.bus.emit({ type: 'sync-started', at: started, plan, mode: 'delete', server: opts.cluster.serverHost() });
    try {
        if (inventory instanceof Error && isUnreachable(inventory))
            throw inventory;
        if (inventory instanceof Error) {
            const message = `the inventory (Secret ${plan.namespace}/wavesync-${plan.app}) could not be read: ${describeApiError(inventory)}`;
            opts.bus.emit({ type: 'validation-failed', at: now(), errors: [{ source: null, message }] });
            return await finish('Failed', 'Validation', message);
        }
        if (!opts.withManifests)
            opts.bus.emit({ type: 'info', at: now(), message: 'no manifests given: deleting from the inventory alone, so no PreDelete or PostDelete hook can run' });
        if (!inventory.exists)
            opts.bus.emit({ type: 'info', at: now(), message: `app ${plan.app} has no inventory in namespace ${plan.namespace}: nothing to delete` });
        const hooks = { ...plan, steps: [], syncFail: [] };
        const validated = hooks.preDelete.length + hooks.postDelete.length > 0 ? await validateAgainstCluster(opts.cluster, hooks, { signal: cancel }) : null;
        if (validated?.errors.length) {
            opts.bus.emit({ type: 'validation-failed', at: now(), errors: validated.errors });
            return await finish('Failed', 'Validation', `${validated.errors.length} error(s) before anything was deleted:\n${validated.errors.map(model_problems/* formatProblem */.V).join('\n')}`);
        }
        const ctx = runContext(opts, { feed, hookCleanup, lingeringLogs, cancel, now, started, plan });
        enter('PreDelete');
        const pre = await runSteps(ctx, validated?.plan.preDelete ?? []);
        if (pre.state !== 'Succeeded')
            return await finish(pre.state === 'Cancelled' ? 'Cancelled' : 'Failed', pre.reason, `PreDelete failed: nothing was deleted${failureText(builder)}`);
        enter('Deleting');
        const del = await deleteSteps(ctx, plan.steps, validated?.plan.preDelete.length ?? 0);
        if (del.state !== 'Succeeded')
            return await finish(del.state === 'Cancelled' ? 'Cancelled' : 'Failed', del.reason, `deleting the members failed${failureText(builder)}`);
        enter('PostDelete');
        const post = await runSteps(ctx, validated?.plan.postDelete ?? []);
        if (post.state !== 'Succeeded')
            return await finish(post.state === 'Cancelled' ? 'Cancelled' : 'Failed', post.reason, `PostDelete failed after every member was deleted${failureText(builder)}`);
        await opts.afterDelete?.();
        const kept = plan.steps.flatMap((s) => s.tasks).filter((t) => isDeleteTask(t) && t.keep);
        if (inventory.exists && kept.length === 0)
            await deleteInventory(opts.cluster, inventory);
        const count = members.length - kept.length;
        return await finish('Succeeded', null, `deleted ${count} object(s)${kept.length ? `; kept ${kept.length} (Delete=false), and the inventory with them` : ' and the inventory'}`);
    }
    catch (err) {
        if (state === 'Finished')
            throw err;
        return await finish('Failed', 'Apply', `the deletion stopped on an unexpected error (${state}): ${describeApiError(err)}`);
    }
    finally {
        off();
        await feed.close();
    }
}
function failureText(builder) {
    const f = builder.firstFailure();
    return f ? `: ${f.kind} ${f.namespace ? `${f.namespace}/` : ''}${f.name}: ${f.message}` : '';
}
/** The deletion steps, each kind run awaited before the next; Delete=false members are kept. */
async function deleteSteps(ctx, steps, firstIndex) {
    for (const [i, step] of steps.entries()) {
        if (ctx.cancel.aborted)
            return { state: 'Cancelled', reason: 'Cancelled' };
        ctx.bus.emit({ type: 'step-started', at: ctx.now(), phase: step.phase, wave: step.wave, index: firstIndex + i });
        let failed = null;
        for (const run of kindRunsOf(step.tasks)) {
            const items = run.filter(isDeleteTask).map((task) => ({ task, keepMessage: task.keep ? KEEP_ON_DELETE : null, action: 'deleted' }));
            failed = await runRemovals(ctx, items, () => { });
            if (failed)
                break;
        }
        const state = failed ? 'Failed' : ctx.cancel.aborted ? 'Cancelled' : 'Succeeded';
        ctx.bus.emit({ type: 'step-finished', at: ctx.now(), phase: step.phase, wave: step.wave, index: firstIndex + i, state });
        if (state !== 'Succeeded')
            return { state, reason: failed ?? 'Cancelled' };
    }
    return { state: 'Succeeded', reason: null };
}
function runContext(opts, r) {
    const names = new Map();
    const unix = Math.floor(r.started / 1000);
    return {
        cluster: opts.cluster,
        bus: opts.bus,
        feed: r.feed,
        opts: { ...opts, mode: 'delete', createNamespace: false, waveDelayMs: 0, failFastAfterMs: opts.failFastAfterMs ?? 60_000 },
        now: r.now,
        cancel: r.cancel,
        deadline: r.started + opts.timeoutMs,
        liveName: (t) => {
            if (t.name)
                return t.name;
            const key = `${t.phase}/${t.generateName}`;
            if (!names.has(key))
                names.set(key, hookName(t.generateName ?? 'hook-', r.plan.revision, t.phase, unix));
            return names.get(key);
        },
        appliedAnything: false,
        lingeringLogs: r.lingeringLogs,
        hookCleanup: r.hookCleanup,
    };
}

// EXTERNAL MODULE: ./src/sync/events.ts
var events = __webpack_require__(5758);
;// CONCATENATED MODULE: ./src/sync/signals.ts
// SIGINT/SIGTERM (Ctrl-C, a cancelled workflow) become one AbortSignal for the engine.
function cancelOnSignals(onSignal) {
    const ac = new AbortController();
    const handler = (name) => {
        if (ac.signal.aborted)
            return;
        onSignal?.(name);
        ac.abort(new Error(`received ${name}`));
    };
    process.on('SIGINT', handler);
    process.on('SIGTERM', handler);
    return {
        signal: ac.signal,
        dispose: () => {
            process.off('SIGINT', handler);
            process.off('SIGTERM', handler);
        },
    };
}

;// CONCATENATED MODULE: ./src/cluster/lease-lock.ts


class LockTimeoutError extends Error {
    name = 'LockTimeoutError';
}
const DEFAULT_DURATION_S = 30;
/** Lease times are MicroTime: RFC 3339 with six fractional digits. */
const microTime = (ms) => new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
function leaseName(app) {
    return `wavesync-${app}`;
}
/** Takes the lock; null when the namespace does not exist yet (nothing to lock in, nothing to collide with). */
async function acquireLock(cluster, opts) {
    const now = opts.now ?? Date.now;
    const duration = opts.leaseDurationSeconds ?? DEFAULT_DURATION_S;
    const ref = { apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', namespace: opts.namespace, name: leaseName(opts.app) };
    const started = now();
    let toldAbout = '';
    for (;;) {
        if (opts.signal?.aborted)
            throw new LockTimeoutError('cancelled while waiting for the lock');
        const live = await cluster.get(ref);
        const spec = (live?.spec ?? {});
        const mine = { holderIdentity: opts.holder, leaseDurationSeconds: duration, acquireTime: microTime(now()), renewTime: microTime(now()) };
        try {
            if (!live) {
                const created = await cluster.create({
                    apiVersion: ref.apiVersion,
                    kind: ref.kind,
                    metadata: { name: ref.name, namespace: ref.namespace },
                    spec: { ...mine, leaseTransitions: 0 },
                });
                return hold(cluster, created, opts, duration);
            }
            if (!spec.holderIdentity || spec.holderIdentity === opts.holder || expired(spec, now())) {
                const taken = await cluster.replace({ ...live, spec: { ...mine, leaseTransitions: (spec.leaseTransitions ?? 0) + (spec.holderIdentity ? 1 : 0) } });
                if (spec.holderIdentity && spec.holderIdentity !== opts.holder)
                    opts.onWait?.(`took over the lock from ${spec.holderIdentity}, which stopped renewing it at ${spec.renewTime ?? 'an unknown time'}`);
                return hold(cluster, taken, opts, duration);
            }
        }
        catch (err) {
            if (err instanceof ApiError && err.status === 409)
                continue; // someone else moved first: look again
            if (err instanceof ApiError && err.status === 404 && /namespace/i.test(err.message))
                return null;
            throw err;
        }
        const who = `Lease ${opts.namespace}/${ref.name} is held by ${spec.holderIdentity} since ${spec.acquireTime ?? 'an unknown time'}`;
        if (now() - started >= opts.timeoutMs)
            throw new LockTimeoutError(`another sync of app ${opts.app} is running: ${who}; gave up after ${Math.round(opts.timeoutMs / 1000)}s (lock-timeout)`);
        if (who !== toldAbout)
            opts.onWait?.(`waiting for the lock: ${who} (waiting up to ${Math.round(opts.timeoutMs / 1000)}s)`);
        toldAbout = who;
        await sleep(Math.min(opts.pollMs ?? 2_000, Math.max(0, opts.timeoutMs - (now() - started))), opts.signal);
    }
}
function expired(spec, at) {
    const renewed = Date.parse(spec.renewTime ?? spec.acquireTime ?? '');
    if (Number.isNaN(renewed))
        return true;
    return renewed + (spec.leaseDurationSeconds ?? DEFAULT_DURATION_S) * 1000 < at;
}
/** Renews every third of the duration; stops at release. */
function hold(cluster, lease, opts, duration) {
    const now = opts.now ?? Date.now;
    let current = lease;
    let lost = false;
    const renew = async () => {
        try {
            current = await cluster.replace({ ...current, spec: { ...current.spec, renewTime: microTime(now()) } });
        }
        catch (err) {
            if (err instanceof ApiError && err.status === 409) {
                const fresh = await cluster
                    .get({ apiVersion: lease.apiVersion, kind: lease.kind, namespace: opts.namespace, name: leaseName(opts.app) })
                    .catch(() => null);
                if (fresh && fresh.spec.holderIdentity === opts.holder)
                    current = fresh;
                else if (!lost) {
                    lost = true;
                    opts.onLost?.(`the lock of app ${opts.app} was taken by ${fresh?.spec?.holderIdentity ?? 'nobody'} while this run held it`);
                }
            }
        }
    };
    const timer = setInterval(() => void renew(), Math.max(1, (duration * 1000) / 3));
    timer.unref?.();
    return {
        async release(ropts = {}) {
            clearInterval(timer);
            if (lost)
                return;
            try {
                const fresh = await cluster.get({ apiVersion: lease.apiVersion, kind: lease.kind, namespace: opts.namespace, name: leaseName(opts.app) });
                if (!fresh || fresh.spec.holderIdentity !== opts.holder)
                    return;
                if (ropts.remove)
                    await cluster.delete({ apiVersion: lease.apiVersion, kind: lease.kind, namespace: opts.namespace, name: leaseName(opts.app) });
                else
                    await cluster.replace({ ...fresh, spec: { ...fresh.spec, holderIdentity: null, renewTime: microTime(now()) } });
            }
            catch {
                // Released or not, the run is over; an unreleased Lease expires after its duration.
            }
        },
    };
}

;// CONCATENATED MODULE: ./src/pipeline/app-lock.ts
// The app's lock for one run (SEMANTICS 8), taken before anything is changed and released by the
// run's scope on every exit path. A lock not obtained in time ends the run as Failed (reason Lock)
// through the same event stream as a sync, so every reporter says so.



/** WAVESYNC_LEASE_SECONDS (5 to 300) when set; otherwise the lock's default of 30 s. */
function leaseSeconds(env = {}) {
    const raw = env.WAVESYNC_LEASE_SECONDS;
    if (raw === undefined || raw === '')
        return undefined;
    const n = Number(raw);
    return Number.isInteger(n) && n >= 5 && n <= 300 ? n : undefined;
}
/** null when held (or nothing to lock: the namespace does not exist yet); the refusal message otherwise. */
async function takeAppLock(cluster, scope, req) {
    try {
        const lock = await acquireLock(cluster, { ...req, leaseDurationSeconds: leaseSeconds(req.env), onWait: req.onNotice, onLost: req.onNotice });
        if (lock)
            scope.defer('the app lock', () => lock.release({ remove: req.removeOnRelease?.() ?? false }));
        return null;
    }
    catch (err) {
        if (err instanceof LockTimeoutError)
            return err.message;
        // Unreachable: the sync itself fails with one message. Refused (no RBAC on leases, say): the
        // run goes on unlocked, and says so, rather than making the lock a new way to fail a deploy.
        if (!isUnreachable(err))
            req.onNotice?.(`warning: could not take the lock of app ${req.app} (${err instanceof Error ? err.message : String(err)}); running without it`);
        return null;
    }
}
/** The result of a run that never got the lock: started and finished, Failed with reason Lock. */
function lockRefused(bus, plan, mode, server, message) {
    const builder = new ResultBuilder();
    const off = bus.on(builder.listener);
    const at = Date.now();
    bus.emit({ type: 'sync-started', at, plan, mode, server });
    bus.emit({ type: 'warning', at, message });
    const result = builder.build('Failed', 'Lock', message, Date.now());
    bus.emit({ type: 'sync-finished', at: result.finishedAt, result });
    off();
    return result;
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
;// CONCATENATED MODULE: ./src/cluster/auth/exec-plugin.ts
// Exec credential plugins (client.authentication.k8s.io: aws eks get-token, gke-gcloud-auth-plugin,
// kubelogin): run the command, read the ExecCredential it prints, and keep it until it expires.
// Never interactive: a deploy step has no one to answer a prompt.

/** A plugin that could not give a credential; the message never holds what it printed on stdout. */
class ExecPluginError extends Error {
    name = 'ExecPluginError';
}
const DEFAULT_API_VERSION = 'client.authentication.k8s.io/v1';
const PLUGIN_TIMEOUT_MS = 60_000;
/** A credential this close to its expiry is fetched again. */
const EXPIRY_MARGIN_MS = 10_000;
function execInfo(exec, cluster) {
    const spec = { interactive: false };
    if (exec.provideClusterInfo && cluster) {
        spec.cluster = {
            server: cluster.server,
            'tls-server-name': cluster.tlsServerName,
            'insecure-skip-tls-verify': cluster.skipTLSVerify,
            'certificate-authority-data': cluster.caData,
            'proxy-url': cluster.proxyUrl,
        };
    }
    return JSON.stringify({ apiVersion: exec.apiVersion ?? DEFAULT_API_VERSION, kind: 'ExecCredential', spec });
}
/** Last lines of what the plugin printed on stderr, for the error message (stdout may hold a token). */
function tail(text) {
    const lines = text.trim().split(/\r?\n/).filter(Boolean).slice(-3).join(' | ');
    return lines.length > 500 ? `${lines.slice(0, 500)}\u2026` : lines;
}
function runExecPlugin(exec, cluster, env = process.env) {
    const name = exec.command;
    if (exec.interactiveMode === 'Always')
        return Promise.reject(new ExecPluginError(`exec plugin ${name} asks for interactiveMode: Always, but a deploy step cannot answer prompts`));
    return new Promise((resolve, reject) => {
        const childEnv = { ...env, KUBERNETES_EXEC_INFO: execInfo(exec, cluster) };
        for (const e of exec.env ?? [])
            childEnv[e.name] = e.value;
        const child = (0,external_node_child_process_.spawn)(exec.command, exec.args ?? [], { env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
        // Our own timer (spawn's `timeout` outlives a command that never started, holding the process).
        const timer = setTimeout(() => child.kill('SIGTERM'), PLUGIN_TIMEOUT_MS);
        timer.unref();
        let out = '';
        let err = '';
        child.stdout.on('data', (d) => (out += d.toString('utf8')));
        child.stderr.on('data', (d) => (err += d.toString('utf8')));
        child.on('error', (e) => {
            clearTimeout(timer);
            reject(new ExecPluginError(e.code === 'ENOENT' ? `exec plugin ${name} was not found on PATH` : `exec plugin ${name} could not start: ${e.message}`));
        });
        child.on('close', (code, signal) => {
            clearTimeout(timer);
            if (code !== 0) {
                const why = signal ? `was stopped by ${signal}` : `exited with ${code}`;
                return reject(new ExecPluginError(`exec plugin ${name} ${why}${err.trim() ? `: ${tail(err)}` : ''}`));
            }
            try {
                resolve(parseCredential(out, name));
            }
            catch (e) {
                reject(e);
            }
        });
    });
}
function parseCredential(stdout, name) {
    let doc;
    try {
        doc = JSON.parse(stdout);
    }
    catch {
        throw new ExecPluginError(`exec plugin ${name} did not print an ExecCredential (its output is not JSON)`);
    }
    const status = doc?.status;
    if (doc?.kind !== 'ExecCredential' || !status || typeof status !== 'object')
        throw new ExecPluginError(`exec plugin ${name} did not print an ExecCredential with a status`);
    const s = (k) => (typeof status[k] === 'string' && status[k] !== '' ? status[k] : undefined);
    const cred = { token: s('token'), clientCertificateData: s('clientCertificateData'), clientKeyData: s('clientKeyData') };
    if (!cred.token && !(cred.clientCertificateData && cred.clientKeyData))
        throw new ExecPluginError(`exec plugin ${name} gave neither a token nor a client certificate and key`);
    const expiry = s('expirationTimestamp');
    if (expiry) {
        const at = Date.parse(expiry);
        if (Number.isNaN(at))
            throw new ExecPluginError(`exec plugin ${name} gave an expirationTimestamp that is not a time: ${expiry}`);
        cred.expiresAt = at;
    }
    return cred;
}
/** One plugin's credential, fetched once for concurrent callers and again when it expires. */
class ExecCredentials {
    exec;
    cluster;
    now;
    run;
    current = null;
    constructor(exec, cluster, now = Date.now, run = runExecPlugin) {
        this.exec = exec;
        this.cluster = cluster;
        this.now = now;
        this.run = run;
    }
    async get() {
        if (this.current) {
            const cred = await this.current.catch(() => null);
            if (cred && (cred.expiresAt === undefined || cred.expiresAt - EXPIRY_MARGIN_MS > this.now()))
                return cred;
            this.current = null;
        }
        const fetching = this.run(this.exec, this.cluster);
        this.current = fetching;
        // A failure is not kept: the next request runs the plugin again.
        fetching.catch(() => {
            if (this.current === fetching)
                this.current = null;
        });
        return fetching;
    }
    /** The server refused the credential (401): the next request fetches a new one. */
    forget() {
        this.current = null;
    }
}

;// CONCATENATED MODULE: ./src/cluster/auth/credentials.ts
// What a request to the API server carries to say who sends it, from the kubeconfig's user:
// a bearer token (inline, from a token file re-read each minute as client-go does, from an exec
// plugin, or a legacy auth-provider's cached token), basic auth, or a client certificate (inline,
// from files, or from an exec plugin); plus impersonation. The server's trust (CA, SNI, skip
// verify) comes from the cluster entry.


/** A kubeconfig whose credentials cannot be used; the message names the entry, never a value. */
class CredentialsError extends Error {
    name = 'CredentialsError';
}
const TOKEN_FILE_REREAD_MS = 60_000;
const decode = (b64) => Buffer.from(b64, 'base64').toString('utf8');
function readPem(what, data, file) {
    if (data)
        return decode(data);
    if (!file)
        return undefined;
    try {
        return (0,external_node_fs_.readFileSync)(file, 'utf8');
    }
    catch (err) {
        throw new CredentialsError(`cannot read the ${what} file ${file}: ${err.code ?? err.message}`);
    }
}
class Credentials {
    user;
    now;
    exec;
    base;
    tokenFromFile = null;
    constructor(cluster, user, now = Date.now) {
        this.user = user;
        this.now = now;
        const u = user ?? { name: '' };
        const provider = u.authProvider;
        if (provider && !u.token && !providerToken(provider.config) && !provider.config?.tokenFile) {
            throw new CredentialsError(`user "${u.name}" uses auth-provider "${provider.name ?? '?'}", which wavesync does not run (kubectl dropped these too): use its exec plugin instead (for example kubelogin or gke-gcloud-auth-plugin)`);
        }
        this.exec = u.exec ? new ExecCredentials(u.exec, cluster, now) : null;
        this.base = {
            ca: readPem('certificate-authority', cluster.caData, cluster.caFile),
            cert: readPem('client-certificate', u.certData, u.certFile),
            key: readPem('client-key', u.keyData, u.keyFile),
            rejectUnauthorized: !cluster.skipTLSVerify,
            servername: cluster.tlsServerName,
        };
        if (Boolean(this.base.cert) !== Boolean(this.base.key))
            throw new CredentialsError(`user "${u.name}" has a client certificate without its key, or a key without its certificate`);
    }
    /** Headers and TLS identity for the next request (runs an exec plugin when its credential expired). */
    async forRequest() {
        const u = this.user;
        const headers = {};
        let tls = this.base;
        if (this.exec) {
            const cred = await this.exec.get();
            if (cred.token)
                headers.authorization = `Bearer ${cred.token}`;
            if (cred.clientCertificateData && cred.clientKeyData)
                tls = { ...tls, cert: cred.clientCertificateData, key: cred.clientKeyData };
        }
        if (!headers.authorization && u) {
            const token = u.token ?? this.fileToken() ?? providerToken(u.authProvider?.config);
            if (token)
                headers.authorization = `Bearer ${token}`;
            else if (u.username)
                headers.authorization = `Basic ${Buffer.from(`${u.username}:${u.password ?? ''}`).toString('base64')}`;
        }
        if (u?.impersonateUser)
            headers['impersonate-user'] = u.impersonateUser;
        return { headers, tls };
    }
    /** The server answered 401: an exec plugin's credential is fetched again next time. */
    refused() {
        this.exec?.forget();
        this.tokenFromFile = null;
    }
    fileToken() {
        const file = this.user?.tokenFile ?? this.user?.authProvider?.config?.tokenFile;
        if (!file)
            return undefined;
        if (this.tokenFromFile && this.now() - this.tokenFromFile.readAt < TOKEN_FILE_REREAD_MS)
            return this.tokenFromFile.token;
        try {
            this.tokenFromFile = { token: (0,external_node_fs_.readFileSync)(file, 'utf8').trim(), readAt: this.now() };
        }
        catch (err) {
            throw new CredentialsError(`cannot read the token file ${file}: ${err.code ?? err.message}`);
        }
        return this.tokenFromFile.token;
    }
}
/** A legacy auth-provider's cached token (oidc's id-token, gcp's or azure's access-token). */
function providerToken(config) {
    return config?.['id-token'] || config?.['access-token'] || undefined;
}

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
var external_node_os_default = /*#__PURE__*/__webpack_require__.n(external_node_os_);
;// CONCATENATED MODULE: ./src/cluster/kubeconfig-model.ts
// The kubeconfig as wavesync reads it: clusters, users and contexts, the current context, and the
// selected cluster and user. Our own small model (field names as in @kubernetes/client-node, so a
// config built for either reads the same) instead of client-node's KubeConfig, whose module pulls
// in the whole generated API: 20 MB of JavaScript compiled on every start (issue 13).



/** A kubeconfig entry that cannot be read; the message names the entry, never its values. */
class KubeconfigShapeError extends Error {
    name = 'KubeconfigShapeError';
}
const obj = (v) => (v && typeof v === 'object' && !Array.isArray(v) ? v : {});
const kubeconfig_model_str = (v) => (typeof v === 'string' && v !== '' ? v : undefined);
function named(list, section, read) {
    if (list === undefined || list === null)
        return [];
    if (!Array.isArray(list))
        throw new KubeconfigShapeError(`${section} is not a list`);
    return list.map((e, i) => {
        const entry = obj(e);
        if (!kubeconfig_model_str(entry.name))
            throw new KubeconfigShapeError(`${section}[${i}].name is missing`);
        return read(entry, `${section}[${i}]`);
    });
}
function readCluster(e, where) {
    const c = obj(e.cluster);
    if (e.cluster === undefined)
        throw new KubeconfigShapeError(`${where}.cluster is missing`);
    const server = kubeconfig_model_str(c.server);
    if (!server)
        throw new KubeconfigShapeError(`${where}.cluster.server is missing`);
    return {
        name: e.name,
        server: server.replace(/\/$/, ''),
        caData: kubeconfig_model_str(c['certificate-authority-data']),
        caFile: kubeconfig_model_str(c['certificate-authority']),
        skipTLSVerify: c['insecure-skip-tls-verify'] === true,
        tlsServerName: kubeconfig_model_str(c['tls-server-name']),
        proxyUrl: kubeconfig_model_str(c['proxy-url']),
    };
}
function readExec(v, where) {
    if (v === undefined || v === null)
        return undefined;
    const e = obj(v);
    const command = kubeconfig_model_str(e.command);
    if (!command)
        throw new KubeconfigShapeError(`${where}.user.exec.command is missing`);
    const env = Array.isArray(e.env) ? e.env.map(obj).map((x) => ({ name: String(x.name ?? ''), value: String(x.value ?? '') })) : undefined;
    return {
        command,
        args: Array.isArray(e.args) ? e.args.map(String) : undefined,
        env,
        apiVersion: kubeconfig_model_str(e.apiVersion),
        interactiveMode: kubeconfig_model_str(e.interactiveMode),
        provideClusterInfo: e.provideClusterInfo === true,
    };
}
function readUser(e, where) {
    const u = obj(e.user);
    const provider = obj(u['auth-provider']);
    return {
        name: e.name,
        token: kubeconfig_model_str(u.token),
        tokenFile: kubeconfig_model_str(u.tokenFile) ?? kubeconfig_model_str(u['token-file']),
        username: kubeconfig_model_str(u.username),
        password: kubeconfig_model_str(u.password),
        certData: kubeconfig_model_str(u['client-certificate-data']),
        certFile: kubeconfig_model_str(u['client-certificate']),
        keyData: kubeconfig_model_str(u['client-key-data']),
        keyFile: kubeconfig_model_str(u['client-key']),
        exec: readExec(u.exec, where),
        authProvider: u['auth-provider'] ? { name: kubeconfig_model_str(provider.name), config: obj(provider.config) } : undefined,
        impersonateUser: kubeconfig_model_str(u.as),
    };
}
function readContext(e, where) {
    const c = obj(e.context);
    if (e.context === undefined)
        throw new KubeconfigShapeError(`${where}.context is missing`);
    return { name: e.name, cluster: kubeconfig_model_str(c.cluster) ?? '', user: kubeconfig_model_str(c.user) ?? '', namespace: kubeconfig_model_str(c.namespace) };
}
class KubeConfig {
    clusters = [];
    users = [];
    contexts = [];
    currentContext = '';
    /** Reads a file; relative paths in it (certificates, token files, exec commands) are relative to the file. */
    loadFromFile(path) {
        this.loadFromString((0,external_node_fs_.readFileSync)(path, 'utf8'));
        this.resolvePaths((0,external_node_path_.dirname)(path));
    }
    /** Throws yaml's errors (with a line) or KubeconfigShapeError. */
    loadFromString(text) {
        const doc = obj((0,dist/* parse */.qg)(text));
        this.clusters = named(doc.clusters, 'clusters', readCluster);
        this.users = named(doc.users, 'users', readUser);
        this.contexts = named(doc.contexts, 'contexts', readContext);
        this.currentContext = kubeconfig_model_str(doc['current-context']) ?? '';
    }
    loadFromOptions(o) {
        this.clusters = o.clusters.map((c) => ({ skipTLSVerify: false, server: '', name: '', ...c }));
        this.users = o.users.map((u) => ({ name: '', ...u }));
        this.contexts = o.contexts;
        this.currentContext = o.currentContext;
    }
    /** Adds another file's entries; like kubectl, the first definition of a name wins. */
    mergeConfig(other, preserveContext) {
        if (!preserveContext && other.currentContext)
            this.currentContext = other.currentContext;
        const add = (mine, theirs) => {
            for (const t of theirs)
                if (!mine.some((m) => m.name === t.name))
                    mine.push(t);
        };
        add(this.clusters, other.clusters);
        add(this.users, other.users);
        add(this.contexts, other.contexts);
    }
    getContexts() {
        return this.contexts;
    }
    getUsers() {
        return this.users;
    }
    getCurrentContext() {
        return this.currentContext;
    }
    setCurrentContext(name) {
        this.currentContext = name;
    }
    getContextObject(name) {
        return this.contexts.find((c) => c.name === name) ?? null;
    }
    getCurrentCluster() {
        const ctx = this.getContextObject(this.currentContext);
        return (ctx && this.clusters.find((c) => c.name === ctx.cluster)) ?? null;
    }
    getCurrentUser() {
        const ctx = this.getContextObject(this.currentContext);
        return (ctx && this.users.find((u) => u.name === ctx.user)) ?? null;
    }
    resolvePaths(root) {
        const abs = (p) => (p && !(0,external_node_path_.isAbsolute)(p) ? (0,external_node_path_.resolve)(root, p) : p);
        for (const c of this.clusters)
            c.caFile = abs(c.caFile);
        for (const u of this.users) {
            u.certFile = abs(u.certFile);
            u.keyFile = abs(u.keyFile);
            u.tokenFile = abs(u.tokenFile);
            // kubectl resolves an exec command given as a relative path (with a slash) against the file.
            if (u.exec && u.exec.command.includes('/'))
                u.exec.command = abs(u.exec.command);
        }
    }
}

;// CONCATENATED MODULE: ./src/model/temp-names.ts
// Names of what wavesync leaves in the runner's temp directory while a step runs, shared by the
// writer (src/cluster/kubeconfig.ts) and the action's post step, which must stay free of the
// Kubernetes client so its bundle is small.
/** The kubeconfig copy's directory name starts with this. */
const KUBECONFIG_DIR_PREFIX = 'wavesync-kube-';

;// CONCATENATED MODULE: ./src/cluster/kubeconfig.ts
// Where the kubeconfig comes from: --kubeconfig, then KUBECONFIG, then ~/.kube/config; or, for the
// action, the `kubeconfig` input written to a private temp file. Contents are never printed: parse
// errors name the file only, since YAML errors quote the offending text.





/** A problem with the user's kubeconfig; the message is safe to print. */
class KubeconfigError extends Error {
    constructor(message) {
        super(message);
        this.name = 'KubeconfigError';
    }
}
/** The files to load, in order; KUBECONFIG may list several, like kubectl. */
function kubeconfigPaths(opts = {}) {
    if (opts.path)
        return [opts.path];
    const env = opts.env ?? process.env;
    const fromEnv = (env.KUBECONFIG ?? '').split(external_node_path_.delimiter).filter((p) => p !== '');
    if (fromEnv.length > 0)
        return fromEnv;
    return [(0,external_node_path_.join)(opts.home ?? (0,external_node_os_.homedir)(), '.kube', 'config')];
}
function loadFile(path) {
    const kc = new KubeConfig();
    try {
        kc.loadFromFile(path);
    }
    catch (err) {
        const code = err.code;
        if (code === 'ENOENT')
            throw new KubeconfigError(`${path}: kubeconfig file not found`);
        if (code === 'EACCES')
            throw new KubeconfigError(`${path}: kubeconfig file is not readable`);
        // yaml's errors quote the offending text (which may be a credential): only the line is kept.
        const line = err.linePos?.[0]?.line;
        const where = typeof line === 'number' ? `${path}:${line}` : path;
        if (!(err instanceof KubeconfigShapeError))
            throw new KubeconfigError(`${where}: not a valid kubeconfig (expected YAML with clusters, users and contexts)`);
        const missing = /^(clusters|users|contexts)\[(\d+)\]\.([\w.-]+) is missing$/.exec(err.message);
        if (missing?.[3] === 'cluster.server') {
            throw new KubeconfigError(`${where}: clusters[${missing[2]}] has no server URL: set cluster.server to the API server's address, such as https://host:6443`);
        }
        if (missing)
            throw new KubeconfigError(`${where}: ${missing[1]}[${missing[2]}].${missing[3]} is missing; a kubeconfig needs clusters, users and contexts`);
        throw new KubeconfigError(`${where}: ${err.message}`);
    }
    return kc;
}
/** Load and select the context. Throws KubeconfigError with a printable message. */
function loadKubeConfig(opts = {}) {
    const paths = kubeconfigPaths(opts);
    const explicit = Boolean(opts.path);
    // Like kubectl, missing entries in KUBECONFIG are skipped; an explicit file must exist.
    const existing = explicit ? paths : paths.filter((p) => (0,external_node_fs_.existsSync)(p));
    if (existing.length === 0) {
        throw new KubeconfigError(`no kubeconfig found (looked at ${paths.join(', ')}): pass --kubeconfig, set KUBECONFIG or create ~/.kube/config`);
    }
    const kc = loadFile(existing[0]);
    for (const path of existing.slice(1)) {
        // Like kubectl, the first current-context set wins; later files only add entries.
        kc.mergeConfig(loadFile(path), Boolean(kc.getCurrentContext()));
    }
    selectContext(kc, opts.context, existing[0]);
    return kc;
}
function selectContext(kc, context, file) {
    const names = kc.getContexts().map((c) => c.name);
    if (context) {
        if (!names.includes(context)) {
            const known = names.length > 0 ? names.join(', ') : 'none';
            throw new KubeconfigError(`context "${context}" not found in ${file} (contexts: ${known})`);
        }
        kc.setCurrentContext(context);
    }
    else if (!kc.getCurrentContext() || !names.includes(kc.getCurrentContext())) {
        throw new KubeconfigError(`${file}: no current-context set; pass --context (contexts: ${names.join(', ') || 'none'})`);
    }
    const cluster = kc.getCurrentCluster();
    if (!cluster?.server) {
        throw new KubeconfigError(`${file}: context "${kc.getCurrentContext()}" has no cluster with a server URL`);
    }
    if (!isHttpUrl(cluster.server)) {
        throw new KubeconfigError(`${file}: cluster "${cluster.name}" has server "${cluster.server}", which is not an https:// or http:// URL`);
    }
}
function isHttpUrl(s) {
    try {
        const u = new URL(s);
        return (u.protocol === 'https:' || u.protocol === 'http:') && u.hostname !== '';
    }
    catch {
        return false;
    }
}
/** The namespace the selected context names, or "default". */
function contextNamespace(kc) {
    return kc.getContextObject(kc.getCurrentContext())?.namespace || 'default';
}
/** Write kubeconfig text (the action's input) to a 0600 file in a private directory. */
function kubeconfigFromInput(text, dir = process.env.RUNNER_TEMP || (0,external_node_os_.tmpdir)()) {
    if (text.trim() === '')
        throw new KubeconfigError('the kubeconfig input is empty');
    const folder = (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)(dir, KUBECONFIG_DIR_PREFIX));
    (0,external_node_fs_.chmodSync)(folder, 0o700);
    const path = (0,external_node_path_.join)(folder, 'config');
    (0,external_node_fs_.writeFileSync)(path, text, { mode: 0o600 });
    // mode is masked by the umask on creation; make sure.
    (0,external_node_fs_.chmodSync)(path, 0o600);
    let removed = false;
    return {
        path,
        cleanup() {
            if (removed)
                return;
            removed = true;
            (0,external_node_fs_.rmSync)(folder, { recursive: true, force: true });
        },
    };
}

;// CONCATENATED MODULE: ./src/cluster/kube/paths.ts
/** "/api/v1" for the core group, "/apis/<group>/<version>" otherwise. */
function groupVersionPath(apiVersion) {
    return apiVersion.includes('/') ? `/apis/${apiVersion}` : `/api/${apiVersion}`;
}
function apiVersionOf(info) {
    return info.group ? `${info.group}/${info.version}` : info.version;
}
/** Collection path (no name) or object path. namespace is ignored for cluster-scoped kinds. */
function resourcePath(info, namespace, name) {
    let path = groupVersionPath(apiVersionOf(info));
    if (info.namespaced && namespace)
        path += `/namespaces/${encodeURIComponent(namespace)}`;
    path += `/${info.plural}`;
    if (name !== undefined)
        path += `/${encodeURIComponent(name)}`;
    return path;
}

;// CONCATENATED MODULE: ./src/cluster/kube/discovery.ts

class Discovery {
    http;
    cache = new Map();
    constructor(http) {
        this.http = http;
    }
    groupVersion(apiVersion) {
        let entry = this.cache.get(apiVersion);
        if (!entry) {
            entry = this.http.jsonOrNull({ method: 'GET', path: groupVersionPath(apiVersion) });
            this.cache.set(apiVersion, entry);
            // Errors are not cached: the next call asks again.
            entry.catch(() => {
                if (this.cache.get(apiVersion) === entry)
                    this.cache.delete(apiVersion);
            });
        }
        return entry;
    }
    async resolve(apiVersion, kind) {
        if (!/^([a-z0-9.-]+\/)?v[a-z0-9]+$/.test(apiVersion))
            return null;
        const list = await this.groupVersion(apiVersion);
        // Subresources ("deployments/status") share the kind; the resource itself has no slash.
        const found = list?.resources?.find((r) => r.kind === kind && !r.name.includes('/'));
        if (!found) {
            this.forget(apiVersion);
            return null;
        }
        const slash = apiVersion.indexOf('/');
        return {
            group: slash < 0 ? '' : apiVersion.slice(0, slash),
            version: slash < 0 ? apiVersion : apiVersion.slice(slash + 1),
            kind,
            plural: found.name,
            namespaced: found.namespaced,
        };
    }
    async preferredVersion(group) {
        if (group === '')
            return 'v1';
        if (!/^[a-z0-9.-]+$/.test(group))
            return null;
        const found = await this.http.jsonOrNull({ method: 'GET', path: `/apis/${group}` });
        return found?.preferredVersion?.groupVersion ?? found?.versions?.[0]?.groupVersion ?? null;
    }
    forget(apiVersion) {
        this.cache.delete(apiVersion);
    }
    invalidate() {
        this.cache.clear();
    }
}

// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
// EXTERNAL MODULE: ./node_modules/undici/index.js
var undici = __webpack_require__(4371);
;// CONCATENATED MODULE: ./src/cluster/kube/connection-error.ts
// A request that never got an answer, said in words: which server, and why (refused, no such host,
// TLS verification, timeout). fetch only says "fetch failed"; the cause is in its error chain.
/** Thrown by the transport when the API server cannot be reached; safe to print (no credentials). */
class ClusterConnectionError extends Error {
    /** The socket/TLS error code, kept so retries classify this like the original error. */
    code;
    /** Retrying cannot help (no such host, certificate refused). */
    permanent;
    constructor(server, cause) {
        const { code, what, permanent } = describeCause(cause);
        super(`cannot reach the Kubernetes API server ${server}: ${what}`, { cause });
        this.name = 'ClusterConnectionError';
        this.code = code;
        this.permanent = permanent;
    }
}
const TLS_VERIFY = new Set([
    'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
    'UNABLE_TO_GET_ISSUER_CERT',
    'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
    'SELF_SIGNED_CERT_IN_CHAIN',
    'DEPTH_ZERO_SELF_SIGNED_CERT',
    'CERT_HAS_EXPIRED',
    'CERT_NOT_YET_VALID',
    'CERT_SIGNATURE_FAILURE',
    'ERR_TLS_CERT_ALTNAME_INVALID',
]);
function chain(err) {
    const out = [];
    let e = err;
    for (let depth = 0; e && typeof e === 'object' && depth < 6; depth++) {
        out.push(e);
        e = e.cause;
    }
    return out;
}
function describeCause(err) {
    const links = chain(err);
    const code = links.map((l) => l.code).find((c) => typeof c === 'string');
    const innermost = [...links].reverse().find((l) => typeof l.message === 'string')?.message;
    if (code && TLS_VERIFY.has(code)) {
        return {
            code,
            what: `TLS verification failed (${code}): the server's certificate does not match the kubeconfig's certificate-authority or server name`,
            permanent: true,
        };
    }
    switch (code) {
        case 'ECONNREFUSED':
            return { code, what: 'connection refused (nothing listens at that address and port)', permanent: false };
        case 'ENOTFOUND':
            return { code, what: 'the host name does not resolve (DNS: not found)', permanent: true };
        case 'EAI_AGAIN':
            return { code, what: 'the host name could not be resolved (DNS lookup failed)', permanent: false };
        case 'ETIMEDOUT':
        case 'UND_ERR_CONNECT_TIMEOUT':
            return { code, what: 'the connection timed out', permanent: false };
        case 'ECONNRESET':
        case 'UND_ERR_SOCKET':
            return { code, what: 'the connection was reset', permanent: false };
        case 'UND_ERR_DESTROYED':
            return { code, what: 'the connection was dropped (another request on it had failed or timed out)', permanent: false };
        case 'UND_ERR_RES_CONTENT_LENGTH_MISMATCH':
            return { code, what: 'the connection closed before the whole answer arrived', permanent: false };
        case 'EHOSTUNREACH':
        case 'ENETUNREACH':
            return { code, what: 'no route to that host', permanent: false };
        case 'EPROTO':
        case 'ERR_SSL_WRONG_VERSION_NUMBER':
            return { code, what: `the TLS handshake failed (${code}): does the server speak HTTPS at that port?`, permanent: true };
        default:
            return { code, what: innermost && innermost !== 'fetch failed' ? innermost : 'the request failed without an answer', permanent: false };
    }
}

;// CONCATENATED MODULE: ./src/cluster/kube/transport.ts
// One HTTP request to the API server, authenticated by the kubeconfig (credentials.ts: tokens,
// token files, exec plugins, client certificates), over undici's fetch on one kept connection pool.



function buildUrl(server, path, query = {}) {
    const url = new URL(server.replace(/\/+$/, '') + path);
    for (const [k, v] of Object.entries(query)) {
        if (v !== undefined)
            url.searchParams.set(k, String(v));
    }
    return url.toString();
}
/** The abort reason KubeHttp gives a request that got no answer in time (see http.ts). */
class RequestTimeoutError extends Error {
    name = 'RequestTimeoutError';
}
function newDispatcher(tls, proxyUrl) {
    const connect = { ca: tls.ca, cert: tls.cert, key: tls.key, rejectUnauthorized: tls.rejectUnauthorized, servername: tls.servername };
    if (!proxyUrl)
        return new undici/* Agent */.g6({ connect });
    if (!/^https?:/.test(proxyUrl))
        throw new Error(`the kubeconfig's proxy-url ${new URL(proxyUrl).protocol} proxies are not supported; use an http:// or https:// proxy`);
    return new undici/* ProxyAgent */.kT({ uri: proxyUrl, requestTls: connect });
}
function kubeTransport(kc) {
    const cluster = kc.getCurrentCluster();
    if (!cluster?.server)
        throw new Error('the kubeconfig has no current cluster');
    const server = cluster.server;
    const credentials = new Credentials(cluster, kc.getCurrentUser());
    // One pool for the whole run: a new one per request paid a TCP and TLS handshake each time
    // (issue 13: a 1,000-object re-sync ran at ~80 requests/s). kube-apiserver speaks HTTP/2, so
    // that pool is one connection carrying every request and watch: once it is dead (reset, or
    // silently dropping packets) every later request would wait on it until its own timeout, for
    // ever (issue 14: a sync under resets hung > 600 s). A connection failure or a request timeout
    // therefore retires the pool it happened on; the next request opens a fresh connection, and
    // requests still in flight on the old one fail and are retried.
    let pool;
    const retire = (used) => {
        if (!used || pool !== used)
            return;
        pool = undefined;
        void used.dispatcher.destroy().catch(() => { });
    };
    const poolFor = (tls) => {
        if (pool && pool.cert !== tls.cert)
            retire(pool);
        pool ??= { dispatcher: newDispatcher(tls, cluster.proxyUrl), cert: tls.cert };
        return pool;
    };
    const timedOut = (signal) => signal?.aborted && signal.reason instanceof RequestTimeoutError;
    const send = async (req) => {
        const auth = await credentials.forRequest();
        const headers = { accept: 'application/json', ...auth.headers };
        let body;
        if (req.body !== undefined) {
            headers['content-type'] = req.contentType ?? 'application/json';
            body = typeof req.body === 'string' ? req.body : JSON.stringify(req.body);
        }
        const used = poolFor(auth.tls);
        // Cancellation stays as it is; a timeout retires the connection; a failed one is said in words.
        const failed = (err) => {
            if (timedOut(req.signal)) {
                retire(used);
                throw err;
            }
            if (req.signal?.aborted || err?.name === 'AbortError')
                throw err;
            retire(used);
            throw new ClusterConnectionError(server, err);
        };
        let res;
        try {
            res = await (0,undici/* fetch */.hd)(buildUrl(server, req.path, req.query), { method: req.method, headers, body, signal: req.signal, dispatcher: used.dispatcher });
        }
        catch (err) {
            return failed(err);
        }
        if (res.status === 401)
            credentials.refused();
        const out = {};
        res.headers.forEach((value, name) => (out[name] = value));
        return {
            status: res.status,
            headers: out,
            // The connection can still drop while the body arrives: say so, like a failed request.
            text: () => res.text().catch(failed),
            stream: () => res.body,
        };
    };
    // An idle pool left behind outlives the run in a long-lived process (tests run many in one).
    send.close = () => retire(pool);
    return send;
}

;// CONCATENATED MODULE: ./src/cluster/kube/http.ts
// JSON calls to the API server with retries, turning non-2xx answers into ApiError with the
// message of the server's Status object.




/** An ApiError that also remembers the server's Retry-After, for withRetry. */
class HttpApiError extends ApiError {
    retryAfter;
}
const TYPED_PATCH_ERROR = /failed to create typed patch object|field not declared in schema/;
/** Build the error for a failed response from its status and body text. */
function apiErrorFrom(status, text, headers = {}) {
    let body = text;
    let message = '';
    let reason;
    try {
        body = JSON.parse(text);
        const s = body;
        if (typeof s.message === 'string')
            message = s.message;
        if (typeof s.reason === 'string')
            reason = s.reason;
    }
    catch {
        message = text.trim().slice(0, 500);
    }
    if (!message)
        message = `${status} ${external_node_http_.STATUS_CODES[status] ?? 'error'}`;
    // Server-side apply reports fields the schema does not know as a 500; it is the manifest's
    // fault and retrying cannot help, so it becomes 422 Invalid like other validation errors.
    if (status === 500 && TYPED_PATCH_ERROR.test(message)) {
        status = 422;
        reason = 'Invalid';
    }
    const err = new HttpApiError(status, message, reason, body);
    if (headers['retry-after'])
        err.retryAfter = headers['retry-after'];
    return err;
}
/** A request that got no answer in time; retried like a dropped connection. */
function requestTimeout(req, ms) {
    return Object.assign(new Error(`${req.method} ${req.path}: no answer after ${ms}ms`), { code: 'ETIMEDOUT' });
}
/**
 * Per attempt. The API server answers a JSON call in well under a second, and its own limit is
 * 60 s; 30 s still lets a slow admission webhook (at most 30 s) answer, while a request lost on a
 * dead connection is retried on a fresh one without a minute's wait (issue 14: a 68 s sync tail).
 */
const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;
/** 401 and RBAC's 403 say what they mean for the user's kubeconfig. */
function explainAuthError(err, server) {
    if (err.status === 401) {
        err.message = `the API server ${server} refused the credentials (401 Unauthorized): the kubeconfig's token or client certificate is missing, wrong or expired`;
    }
    else if (err.status === 403 && / cannot [a-z]+ (resource|path) /i.test(err.message)) {
        err.message = `${err.message} (403 Forbidden from ${server}: the kubeconfig's user is known but lacks this permission)`;
    }
    return err;
}
class KubeHttp {
    transport;
    retry;
    timeoutMs;
    server;
    constructor(transport, opts = {}) {
        this.transport = transport;
        this.retry = opts.retry ?? {};
        this.timeoutMs = opts.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
        this.server = opts.server ?? 'the cluster';
    }
    /**
     * One attempt under a timer; non-2xx becomes HttpApiError. `read` consumes the body while the
     * timer still runs (JSON calls); streams only time their headers.
     */
    async attempt(req, read) {
        const timer = new AbortController();
        const signal = req.signal ? AbortSignal.any([req.signal, timer.signal]) : timer.signal;
        let timedOut = false;
        const handle = setTimeout(() => {
            timedOut = true;
            // The transport retires the connection a request timed out on (it may be dead).
            timer.abort(new RequestTimeoutError(`${req.method} ${req.path}: no answer after ${this.timeoutMs}ms`));
        }, this.timeoutMs);
        try {
            const res = await this.transport({ ...req, signal });
            if (res.status < 200 || res.status >= 300) {
                throw explainAuthError(apiErrorFrom(res.status, await res.text().catch(() => ''), res.headers), this.server);
            }
            return await read(res);
        }
        catch (err) {
            if (timedOut && !req.signal?.aborted)
                throw requestTimeout(req, this.timeoutMs);
            throw err;
        }
        finally {
            clearTimeout(handle);
        }
    }
    /** Open a response (e.g. a stream), retrying transient failures of the request itself. */
    open(req, opts = {}) {
        return withRetry(() => this.attempt(req, async (res) => res), {
            ...this.retry,
            signal: req.signal,
            safeOnly: opts.safeOnly,
        });
    }
    /** A JSON call; parses the answer. */
    async json(req, opts = {}) {
        return withRetry(() => this.attempt(req, async (res) => {
            const text = await res.text();
            return (text ? JSON.parse(text) : {});
        }), { ...this.retry, signal: req.signal, safeOnly: opts.safeOnly });
    }
    /** Like json, but null when the server answers 404. */
    async jsonOrNull(req) {
        try {
            return await this.json(req);
        }
        catch (err) {
            if (err instanceof ApiError && err.status === 404)
                return null;
            throw err;
        }
    }
}

;// CONCATENATED MODULE: ./src/cluster/kube/lines.ts
// Split a byte stream into text lines (watch events, container logs).
/** Call onLine for each line; a last line without a newline is delivered at the end. */
async function readLines(stream, onLine) {
    const reader = stream.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    const flush = () => {
        let nl;
        while ((nl = buffer.indexOf('\n')) >= 0) {
            const line = buffer.slice(0, nl);
            buffer = buffer.slice(nl + 1);
            onLine(line.endsWith('\r') ? line.slice(0, -1) : line);
        }
    };
    try {
        for (;;) {
            const { done, value } = await reader.read();
            if (done)
                break;
            buffer += decoder.decode(value, { stream: true });
            flush();
        }
        buffer += decoder.decode();
        flush();
        if (buffer !== '')
            onLine(buffer);
    }
    finally {
        reader.releaseLock();
    }
}

;// CONCATENATED MODULE: ./src/cluster/kube/logs.ts

async function streamPodLogs(http, namespace, pod, opts, onLine) {
    const { signal } = opts;
    if (signal?.aborted)
        return;
    try {
        const res = await http.open({
            method: 'GET',
            path: `/api/v1/namespaces/${encodeURIComponent(namespace)}/pods/${encodeURIComponent(pod)}/log`,
            query: { container: opts.container, follow: opts.follow, tailLines: opts.tailLines },
            signal,
        });
        const stream = res.stream();
        if (stream)
            await readLines(stream, onLine);
    }
    catch (err) {
        // Aborting is how callers stop following; it is not an error.
        if (signal?.aborted)
            return;
        throw err;
    }
}

;// CONCATENATED MODULE: ./src/cluster/kube/watch-hub.ts


function isGone(err) {
    return err instanceof ApiError && (err.status === 410 || err.reason === 'Expired' || err.reason === 'Gone');
}
function keyOf(obj) {
    return `${obj.metadata.namespace ?? ''}/${obj.metadata.name ?? ''}`;
}
function rvOf(obj) {
    const rv = obj.metadata.resourceVersion;
    return typeof rv === 'string' ? rv : '';
}
class WatchHub {
    source;
    opts;
    onStop;
    subscribers = new Set();
    cache = new Map();
    abort = new AbortController();
    resourceVersion = '';
    listed = false;
    started = false;
    stopped = false;
    ready;
    counts = { lists: 0, watches: 0 };
    constructor(source, opts = {}, 
    /** Called once when the hub stops (last unsubscribe, close, or failed first list). */
    onStop = () => { }) {
        this.source = source;
        this.opts = opts;
        this.onStop = onStop;
    }
    get stats() {
        return { ...this.counts, subscribers: this.subscribers.size };
    }
    get isStopped() {
        return this.stopped;
    }
    /** Add a subscriber; resolves once it has received ADDED for every existing object. */
    async subscribe(handler) {
        if (this.stopped)
            throw new Error('watch hub is stopped');
        const sub = { handler };
        this.subscribers.add(sub);
        const unsubscribe = () => {
            if (!this.subscribers.delete(sub))
                return;
            if (this.subscribers.size === 0)
                this.stop();
        };
        if (!this.started) {
            this.started = true;
            this.ready = this.firstList();
        }
        else if (this.listed) {
            // A late subscriber catches up from the cache, synchronously, before any later event.
            for (const object of this.cache.values())
                this.deliver(sub, { type: 'ADDED', object });
        }
        try {
            await this.ready;
        }
        catch (err) {
            this.subscribers.delete(sub);
            throw err;
        }
        return unsubscribe;
    }
    stop() {
        if (this.stopped)
            return;
        this.stopped = true;
        this.subscribers.clear();
        this.abort.abort();
        this.onStop();
    }
    async firstList() {
        try {
            await this.relist();
        }
        catch (err) {
            this.stop();
            throw err;
        }
        void this.loop();
    }
    async loop() {
        const signal = this.abort.signal;
        const wait = this.opts.sleep ?? retry_sleep;
        const now = this.opts.now ?? Date.now;
        let failures = 0;
        let needsList = false;
        while (!this.stopped) {
            try {
                if (needsList) {
                    await this.relist();
                    needsList = false;
                }
                this.counts.watches++;
                const started = now();
                let events = 0;
                await this.source.watch(this.resourceVersion, (e) => {
                    events++;
                    this.onEvent(e);
                }, signal);
                if (events > 0 || now() - started >= (this.opts.minHealthyMs ?? 1000)) {
                    failures = 0;
                    continue;
                }
                failures++;
            }
            catch (err) {
                if (this.stopped)
                    return;
                if (isGone(err)) {
                    // Our resourceVersion is too old: re-list at once and report what changed meanwhile.
                    needsList = true;
                    if (failures === 0) {
                        failures = 1;
                        continue;
                    }
                }
                failures++;
                this.opts.onError?.(err);
            }
            try {
                await wait(backoffDelay(failures, this.opts.baseMs ?? 200, this.opts.capMs ?? 10_000), signal);
            }
            catch {
                return;
            }
        }
    }
    /** List, and emit the differences from what subscribers know (all ADDED the first time). */
    async relist() {
        this.counts.lists++;
        const { items, resourceVersion } = await this.source.list(this.abort.signal);
        if (this.stopped)
            return;
        const fresh = new Map(items.map((o) => [keyOf(o), o]));
        for (const [key, old] of this.cache) {
            if (!fresh.has(key)) {
                this.cache.delete(key);
                this.emit({ type: 'DELETED', object: old });
            }
        }
        for (const [key, object] of fresh) {
            const old = this.cache.get(key);
            this.cache.set(key, object);
            if (!old)
                this.emit({ type: 'ADDED', object });
            else if (rvOf(old) !== rvOf(object))
                this.emit({ type: 'MODIFIED', object });
        }
        this.resourceVersion = resourceVersion;
        this.listed = true;
    }
    onEvent(e) {
        if (this.stopped)
            return;
        const rv = rvOf(e.object);
        if (rv)
            this.resourceVersion = rv;
        if (e.type === 'BOOKMARK')
            return;
        const key = keyOf(e.object);
        if (e.type === 'DELETED')
            this.cache.delete(key);
        else
            this.cache.set(key, e.object);
        this.emit({ type: e.type, object: e.object });
    }
    emit(e) {
        for (const sub of [...this.subscribers])
            this.deliver(sub, e);
    }
    deliver(sub, e) {
        try {
            sub.handler(e);
        }
        catch (err) {
            // One subscriber's bug must not starve the others.
            this.opts.onError?.(err);
        }
    }
}

;// CONCATENATED MODULE: ./src/cluster/kube/watch-source.ts


const EVENT_TYPES = new Set(['ADDED', 'MODIFIED', 'DELETED', 'BOOKMARK']);
function httpWatchSource(http, collectionPath, apiVersion, kind, opts = {}) {
    const timeoutSeconds = opts.timeoutSeconds ?? 290;
    const idleMs = timeoutSeconds * 1000 + (opts.idleGraceMs ?? 30_000);
    return {
        async list(signal) {
            const body = await http.json({ method: 'GET', path: collectionPath, signal });
            // Items of a list carry no apiVersion/kind; fill them in so events look alike.
            const items = (body.items ?? []).map((o) => ({ ...o, apiVersion, kind }));
            return { items, resourceVersion: body.metadata?.resourceVersion ?? '' };
        },
        async watch(resourceVersion, onEvent, signal) {
            const ac = new AbortController();
            const onAbort = () => ac.abort(signal.reason);
            signal.addEventListener('abort', onAbort, { once: true });
            let failure;
            let idle;
            const touch = () => {
                clearTimeout(idle);
                idle = setTimeout(() => {
                    failure = new Error(`watch ${collectionPath} silent for ${Math.round(idleMs / 1000)}s`);
                    ac.abort(failure);
                }, idleMs);
                idle.unref();
            };
            try {
                touch();
                const res = await http.open({
                    method: 'GET',
                    path: collectionPath,
                    query: { watch: 1, resourceVersion, allowWatchBookmarks: true, timeoutSeconds },
                    signal: ac.signal,
                });
                const stream = res.stream();
                if (!stream)
                    return;
                await readLines(stream, (line) => {
                    touch();
                    if (line.trim() === '' || failure)
                        return;
                    let event;
                    try {
                        event = JSON.parse(line);
                    }
                    catch {
                        return;
                    }
                    if (event.type === 'ERROR') {
                        // A Status object: 410 Expired when our resourceVersion is too old.
                        const status = event.object;
                        failure = apiErrorFrom(status.code ?? 500, JSON.stringify(event.object));
                        ac.abort(failure);
                        return;
                    }
                    if (event.type && EVENT_TYPES.has(event.type) && event.object) {
                        onEvent({ type: event.type, object: event.object });
                    }
                });
            }
            catch (err) {
                if (failure)
                    throw failure;
                if (signal.aborted)
                    return;
                throw err;
            }
            finally {
                clearTimeout(idle);
                signal.removeEventListener('abort', onAbort);
            }
            if (failure)
                throw failure;
        },
    };
}

;// CONCATENATED MODULE: ./src/cluster/kube/adapter.ts










function writeQuery(opts) {
    return {
        fieldValidation: opts?.fieldValidation ?? 'Strict',
        dryRun: opts?.dryRun ? 'All' : undefined,
    };
}
function createKubeCluster(kc, opts = {}) {
    const transport = opts.transport ?? kubeTransport(kc);
    const http = new KubeHttp(transport, {
        retry: opts.retry,
        requestTimeoutMs: opts.requestTimeoutMs,
        server: kc.getCurrentCluster()?.server,
    });
    const discovery = new Discovery(http);
    const defaultNamespace = contextNamespace(kc);
    const hubs = new Map();
    async function info(apiVersion, kind) {
        const found = await discovery.resolve(apiVersion, kind);
        if (!found)
            throw new ApiError(404, `the server does not serve kind ${kind} in ${apiVersion}`, 'NotFound');
        return found;
    }
    function namespaceFor(found, namespace) {
        return found.namespaced ? namespace || defaultNamespace : null;
    }
    /** The object's path (name required) and its collection path. */
    async function pathsOf(obj) {
        const found = await info(obj.apiVersion, obj.kind);
        const ns = namespaceFor(found, obj.metadata.namespace);
        return { collection: resourcePath(found, ns), object: (name) => resourcePath(found, ns, name) };
    }
    function nameOf(obj) {
        const name = obj.metadata.name;
        if (!name)
            throw new ApiError(422, `${obj.kind} has no metadata.name`, 'Invalid');
        return name;
    }
    /** Resolve a ref's path; null when the kind is not served (so the object cannot exist). */
    async function refPath(ref) {
        const found = await discovery.resolve(ref.apiVersion, ref.kind);
        return found ? resourcePath(found, namespaceFor(found, ref.namespace), ref.name) : null;
    }
    const cluster = {
        resolve: (apiVersion, kind) => discovery.resolve(apiVersion, kind),
        invalidateDiscovery: () => discovery.invalidate(),
        preferredVersion: (group) => discovery.preferredVersion(group),
        async apply(obj, wopts) {
            const paths = await pathsOf(obj);
            return http.json({
                method: 'PATCH',
                path: paths.object(nameOf(obj)),
                query: { ...writeQuery(wopts), fieldManager: FIELD_MANAGER, force: true },
                body: obj,
                // JSON is YAML, so the object goes as is.
                contentType: 'application/apply-patch+yaml',
            });
        },
        async replace(obj, wopts) {
            const paths = await pathsOf(obj);
            const name = nameOf(obj);
            try {
                return await http.json({
                    method: 'PUT',
                    path: paths.object(name),
                    query: { ...writeQuery(wopts), fieldManager: FIELD_MANAGER },
                    body: obj,
                });
            }
            catch (err) {
                if (err instanceof ApiError && err.status === 404)
                    return cluster.create(obj, wopts);
                throw err;
            }
        },
        async create(obj, wopts) {
            const paths = await pathsOf(obj);
            return http.json({
                method: 'POST',
                path: paths.collection,
                query: { ...writeQuery(wopts), fieldManager: FIELD_MANAGER },
                body: obj,
            }, 
            // A retried POST after a dropped connection could create a second generateName object;
            // a dry run persists nothing, so it is retried like any other call.
            { safeOnly: !wopts?.dryRun });
        },
        async get(ref) {
            const path = await refPath(ref);
            return path ? http.jsonOrNull({ method: 'GET', path }) : null;
        },
        async list(apiVersion, kind, namespace, lopts) {
            const found = await discovery.resolve(apiVersion, kind);
            if (!found)
                return [];
            const body = await http.json({
                method: 'GET',
                path: resourcePath(found, found.namespaced ? namespace : null),
                query: { labelSelector: lopts?.labelSelector, fieldSelector: lopts?.fieldSelector },
            });
            return (body.items ?? []).map((o) => ({ ...o, apiVersion, kind }));
        },
        async delete(ref, propagation) {
            const path = await refPath(ref);
            if (!path)
                return false;
            try {
                await http.json({ method: 'DELETE', path, query: { propagationPolicy: propagation } });
                return true;
            }
            catch (err) {
                if (err instanceof ApiError && err.status === 404)
                    return false;
                throw err;
            }
        },
        async watch(apiVersion, kind, namespace, onEvent) {
            const found = await info(apiVersion, kind);
            const ns = found.namespaced ? namespace : null;
            const key = `${apiVersion} ${kind} ${ns ?? '*'}`;
            let hub = hubs.get(key);
            if (!hub || hub.isStopped) {
                const source = httpWatchSource(http, resourcePath(found, ns), apiVersion, kind, opts.watch);
                const created = new WatchHub(source, opts.watch, () => {
                    if (hubs.get(key) === created)
                        hubs.delete(key);
                });
                hubs.set(key, created);
                hub = created;
            }
            return hub.subscribe(onEvent);
        },
        podLogs(namespace, pod, lopts, onLine) {
            return streamPodLogs(http, namespace, pod, lopts, onLine);
        },
        async serverVersion() {
            try {
                const v = await http.json({ method: 'GET', path: '/version' });
                return typeof v.gitVersion === 'string' ? v.gitVersion : null;
            }
            catch {
                return null;
            }
        },
        async canI(check) {
            const body = {
                apiVersion: 'authorization.k8s.io/v1',
                kind: 'SelfSubjectAccessReview',
                spec: {
                    resourceAttributes: {
                        verb: check.verb,
                        group: check.group,
                        resource: check.resource,
                        subresource: check.subresource,
                        namespace: check.namespace ?? undefined,
                    },
                },
            };
            try {
                const review = await http.json({
                    method: 'POST',
                    path: '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews',
                    body,
                });
                return review.status?.allowed === true;
            }
            catch (err) {
                // A server that cannot review (no authorization API, a proxy refusing it) leaves the
                // answer to the dry run, which meets the same rules.
                if (err instanceof ApiError && err.status >= 400 && err.status < 500)
                    return true;
                throw err;
            }
        },
        serverHost() {
            const server = kc.getCurrentCluster()?.server ?? '';
            try {
                return new URL(server).host;
            }
            catch {
                return '';
            }
        },
        async close() {
            for (const hub of [...hubs.values()])
                hub.stop();
            hubs.clear();
            transport.close?.();
        },
        watchStats() {
            return Object.fromEntries([...hubs].map(([key, hub]) => [key, hub.stats]));
        },
    };
    return cluster;
}

;// CONCATENATED MODULE: ./src/pipeline/connect.ts



function connect(opts, scope, onKubeconfig) {
    try {
        let path = opts.path;
        if (opts.text) {
            const temp = kubeconfigFromInput(opts.text, opts.tempDir);
            scope.defer('the kubeconfig copy', () => temp.cleanup());
            path = temp.path;
        }
        const kc = loadKubeConfig({ path, context: opts.context || undefined, env: opts.env });
        onKubeconfig?.(kc);
        const cluster = createKubeCluster(kc, { retry: debugRetries(opts.env) });
        scope.defer('the cluster client', () => cluster.close());
        return { cluster, problems: [] };
    }
    catch (err) {
        if (!(err instanceof KubeconfigError) && !(err instanceof CredentialsError))
            throw err;
        return { cluster: null, problems: [{ source: null, message: `${opts.label}: ${err.message}` }] };
    }
}
/** WAVESYNC_DEBUG_HTTP=1: one stderr line per retried request (which error, how long the pause). */
function debugRetries(env) {
    if (env.WAVESYNC_DEBUG_HTTP !== '1')
        return {};
    return {
        onRetry: (err, attempt, delayMs) => process.stderr.write(`wavesync debug: ${new Date().toISOString()} attempt ${attempt} failed (${err instanceof Error ? err.message : String(err)}); retrying in ${delayMs}ms\n`),
    };
}

// EXTERNAL MODULE: ./src/pipeline/scope.ts
var scope = __webpack_require__(398);
// EXTERNAL MODULE: ./src/pipeline/source.ts + 41 modules
var pipeline_source = __webpack_require__(5998);
;// CONCATENATED MODULE: ./src/pipeline/delete.ts
// mode delete: [manifests \u2192 plan of the delete hooks] \u2192 lock \u2192 delete engine \u2192 reporters, inside
// one resource scope. Without manifests the app is torn down from its inventory alone.









function emptyPlan(opts) {
    return {
        app: opts.app,
        revision: opts.revision,
        namespace: opts.namespace,
        steps: [],
        syncFail: [],
        preDelete: [],
        postDelete: [],
        skipped: [],
        warnings: [],
    };
}
function runDeletePipeline(opts, hooks = {}) {
    return scope/* ResourceScope */.r.run(async (scope) => {
        const withManifests = opts.manifests.length > 0;
        const { cluster, problems: clusterProblems } = connect(opts.cluster, scope, hooks.onKubeconfig);
        // The hooks come through the same source step as a sync's (checkout, rendering).
        const { plan, errors } = withManifests
            ? await (0,pipeline_source/* sourceStep */.m)(opts, scope, async () => (cluster ? cluster.serverVersion() : null))
            : { plan: emptyPlan(opts), errors: [] };
        const problems = (0,model_problems/* sortProblems */.d)([...(opts.problems ?? []), ...errors, ...clusterProblems]);
        const bus = new events/* EventBus */.l();
        const report = hooks.reporter?.(bus, { server: cluster?.serverHost() ?? null });
        if (problems.length > 0 || !cluster) {
            bus.emit({ type: 'validation-failed', at: Date.now(), errors: problems });
            const refused = { plan, problems, result: null };
            await report?.finish(refused);
            return refused;
        }
        const cancel = cancelOnSignals(hooks.onSignal);
        scope.defer('the signal handlers', () => cancel.dispose());
        let result = null;
        // Delete takes the same lock as sync; once the app is gone its Lease goes too.
        const refusal = await takeAppLock(cluster, scope, {
            app: opts.app,
            namespace: opts.namespace,
            holder: opts.holder,
            timeoutMs: opts.lockTimeoutMs,
            signal: cancel.signal,
            onNotice: hooks.onNotice,
            removeOnRelease: () => result?.result === 'Succeeded',
            env: opts.cluster.env,
        });
        result = refusal
            ? lockRefused(bus, plan, 'delete', cluster.serverHost(), refusal)
            : await runDeleteEngine({
                cluster,
                plan,
                bus,
                timeoutMs: opts.timeoutMs,
                signal: cancel.signal,
                withManifests,
                // The release history goes with the app (its entries live on the parent, deleted next).
                afterDelete: () => pruneReleases(cluster, opts.app, opts.namespace, new Set()),
            });
        const run = { plan, problems: [], result };
        await report?.finish(run);
        return run;
    }, hooks.onReleaseFailure);
}

;// CONCATENATED MODULE: ./src/pipeline/lock-holder.ts
// Who holds an app's lock, as a person reading `kubectl get lease` would want to find the run:
// the workflow run's URL in Actions, user@host and PID for the CLI.

function actionHolder(env) {
    const server = env.GITHUB_SERVER_URL || 'https://github.com';
    if (env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID) {
        const attempt = env.GITHUB_RUN_ATTEMPT ? `/attempts/${env.GITHUB_RUN_ATTEMPT}` : '';
        return `${server}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}${attempt}`;
    }
    return cliHolder();
}
function cliHolder() {
    let user = 'unknown';
    try {
        user = external_node_os_default().userInfo().username;
    }
    catch {
        // no passwd entry (some containers): keep "unknown"
    }
    return `${user}@${external_node_os_default().hostname()} pid ${process.pid}`;
}

// EXTERNAL MODULE: ./src/cli/args.ts
var cli_args = __webpack_require__(7593);
// EXTERNAL MODULE: ./src/cli/command-input.ts + 3 modules
var command_input = __webpack_require__(6581);
;// CONCATENATED MODULE: ./src/cli/sync-view.ts
// The CLI's view of a sync, a consumer of the engine's events. On a terminal it redraws the current
// step in place (each task's state, health message and elapsed time); elsewhere it prints one
// plain line per change, which is what CI logs want. Tasks are read from the one fold of events.


const secs = (ms) => `${(ms / 1000).toFixed(1)}s`;
const FINISHED = new Set(['Succeeded', 'Failed', 'Skipped', 'Cancelled']);
class SyncView {
    write;
    tty;
    start = 0;
    fold = new ResultBuilder();
    step = '';
    drawn = 0;
    timer = null;
    constructor(write, tty) {
        this.write = write;
        this.tty = tty;
    }
    listener = (e) => {
        this.fold.listener(e);
        if (this.tty)
            this.onTty(e);
        else
            this.onPlain(e);
    };
    stamp(at) {
        return `[${secs(at - this.start).padStart(7)}]`;
    }
    onPlain(e) {
        const line = this.describe(e);
        if (line !== null)
            this.write(`${this.stamp(e.at)} ${line}\n`);
    }
    /** One line for events worth a line; null for the rest. */
    describe(e) {
        switch (e.type) {
            case 'sync-started': {
                this.start = e.at;
                const head = `sync ${e.plan.app}${e.plan.revision ? ` @ ${e.plan.revision.slice(0, 12)}` : ''} to ${e.server ?? 'cluster'} (${e.mode})`;
                // The plan's warnings (a Helm test hook left out, a namespace dropped...) come before any step.
                const warnings = e.plan.warnings.map((w) => `\n${this.stamp(e.at)} warning: ${w.source ? `${w.source.file}:${w.source.line}: ` : ''}${w.message}`);
                return head + warnings.join('');
            }
            case 'validation-failed':
                return `validation failed: ${e.errors.length} error(s)`;
            case 'step-started':
                return `${e.phase} wave ${e.wave}: started`;
            case 'task-started':
                return null;
            case 'task-applied':
                return `  ${this.label(e.taskId, e.liveName)}: ${e.action}`;
            case 'task-health':
                return `  ${this.label(e.taskId)}: ${e.health}${e.message ? ` (${e.message.split('\n')[0]})` : ''}`;
            case 'task-finished': {
                const t = this.fold.task(e.taskId);
                const took = t?.startedAt != null ? ` in ${secs(e.at - t.startedAt)}` : '';
                return `  ${this.label(e.taskId)}: ${e.state}${took}${e.state === 'Failed' || e.state === 'Skipped' ? `: ${e.message}` : ''}`;
            }
            case 'hook-log':
                return `  ${e.hookName} | ${e.line}`;
            case 'hook-deleted':
                return `  deleted hook ${e.kind} ${e.liveName} (${e.why})`;
            case 'step-finished':
                return `${e.phase} wave ${e.wave}: ${e.state}`;
            case 'planned-change':
                return `  ${(0,object_ref/* objectLabel */.u)(e.task)}: would ${e.change === 'unchanged' ? 'stay unchanged' : e.change}${e.fields.length ? ` (${e.fields.join(', ')})` : ''}`;
            case 'info':
                return e.message;
            case 'warning':
                return `warning: ${e.source ? `${e.source.file}:${e.source.line}: ` : ''}${e.message}`;
            case 'sync-finished':
                return `${e.result.result}${e.result.reason ? ` (${e.result.reason})` : ''} in ${secs(e.result.durationMs)}: ${e.result.message}`;
        }
    }
    label(taskId, fallback = taskId) {
        const t = this.fold.task(taskId);
        return t ? (0,object_ref/* objectLabel */.u)(t) : fallback;
    }
    // --- terminal: a live board for the current step ----------------------------------------------
    onTty(e) {
        switch (e.type) {
            case 'step-started':
                this.freeze();
                this.step = `${e.phase} wave ${e.wave}`;
                this.timer ??= setInterval(() => this.redraw(), 250);
                this.timer.unref?.();
                break;
            case 'task-started':
            case 'task-applied':
            case 'task-health':
            case 'task-finished':
                break;
            case 'step-finished':
                this.step = `${e.phase} wave ${e.wave}: ${e.state}`;
                this.freeze();
                return;
            case 'sync-finished':
                this.freeze();
                if (this.timer)
                    clearInterval(this.timer);
                this.timer = null;
                this.printAbove(`${this.describe(e)}\n`);
                return;
            default: {
                const line = this.describe(e);
                if (line !== null)
                    this.printAbove(`${this.stamp(e.at)} ${line}\n`);
                return;
            }
        }
        this.redraw();
    }
    board() {
        const now = Date.now();
        const lines = [`${this.step}`];
        for (const t of this.fold.snapshot().current?.tasks ?? []) {
            // Skipped tasks never start (a member kept from pruning): shown with their reason.
            if (t.startedAt == null && t.state !== 'Skipped')
                continue;
            const took = t.startedAt == null ? '' : secs((t.finishedAt ?? now) - t.startedAt);
            lines.push(`  ${(0,object_ref/* objectLabel */.u)(t).padEnd(40)} ${boardState(t).padEnd(11)} ${took.padStart(7)}  ${t.message.split('\n')[0]}`.slice(0, process.stdout.columns || 160));
        }
        return lines;
    }
    clear() {
        if (this.drawn > 0)
            this.write(`\x1b[${this.drawn}A\x1b[J`);
        this.drawn = 0;
    }
    redraw() {
        if (!this.step)
            return;
        this.clear();
        const lines = this.board();
        this.write(lines.join('\n') + '\n');
        this.drawn = lines.length;
    }
    printAbove(text) {
        this.clear();
        this.write(text);
        this.redraw();
    }
    /** Leave the finished step on screen and start a new board below it. */
    freeze() {
        if (!this.step)
            return;
        this.redraw();
        this.drawn = 0;
        this.step = '';
    }
}
/** Finished tasks show their state; running ones their health, else what the apply did. */
function boardState(t) {
    return FINISHED.has(t.state) ? t.state : (t.health ?? t.action ?? t.state);
}

;// CONCATENATED MODULE: ./src/cli/lifecycle-input.ts


/** The parsed input, or the exit code to return at once (--help, usage mistakes, a bad app name). */
function lifecycleInput(command, argv, flags, usage, io) {
    let timeoutMs = 0;
    let lockTimeoutMs = 0;
    const args = (0,command_input/* parseCommandArgs */.Qx)(command, argv, flags, usage, io, (a) => {
        timeoutMs = (0,command_input/* durationFlag */.h5)(a.strings, 'timeout', '10m');
        lockTimeoutMs = (0,command_input/* durationFlag */.h5)(a.strings, 'lock-timeout', '5m');
    }, false);
    if (typeof args === 'number')
        return args;
    const where = (0,command_input/* resolveApp */.Ae)(command, args, io);
    if (typeof where === 'number')
        return where;
    const json = args.strings.output?.[0] === 'json';
    return { args, where, timeoutMs, lockTimeoutMs, json, view: new SyncView(json ? io.stderr : io.stdout, false) };
}

;// CONCATENATED MODULE: ./src/report/format.ts
/** "850 ms", "14 s", "1 m 02 s", "1 h 03 m". */
function formatDuration(ms) {
    if (ms == null || !Number.isFinite(ms) || ms < 0)
        return '\u2013';
    if (ms < 1000)
        return `${Math.round(ms)} ms`;
    const s = Math.round(ms / 1000);
    if (s < 60)
        return `${s} s`;
    const m = Math.floor(s / 60);
    if (m < 60)
        return `${m} m ${String(s % 60).padStart(2, '0')} s`;
    return `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, '0')} m`;
}
function durationOf(startedAt, finishedAt) {
    return startedAt != null && finishedAt != null ? Math.max(0, finishedAt - startedAt) : null;
}
/** Text safe inside a GFM table cell: one line, pipes escaped, no raw HTML. */
function format_mdCell(text) {
    return format_escapeHtml(text.replace(/\r?\n/g, ' ').trim()).replace(/\|/g, '\\|') || ' ';
}
/** Inline text safe in Markdown prose: no raw HTML. */
function format_escapeHtml(text) {
    return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
/** A fenced code block whose fence is longer than any backtick run inside the text. */
function format_codeBlock(lines, lang = 'text') {
    const body = lines.join('\n');
    const longest = Math.max(2, ...(body.match(/`+/g) ?? []).map((r) => r.length));
    const fence = '`'.repeat(longest + 1);
    return `${fence}${lang}\n${body}\n${fence}`;
}
/** Inline code that survives backticks in the text. */
function format_inlineCode(text) {
    const runs = (text.match(/`+/g) ?? []).map((r) => r.length);
    const ticks = '`'.repeat(runs.length ? Math.max(...runs) + 1 : 1);
    const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
    return `${ticks}${pad}${text.replace(/\r?\n/g, ' ')}${pad}${ticks}`;
}
const HEALTH_ICON = {
    Healthy: '\ud83d\udc9a',
    Progressing: '\ud83d\udd04',
    Suspended: '\u23f8\ufe0f',
    Degraded: '\ud83d\udc94',
    Missing: '\ud83d\udc7b',
    Unknown: '\u2754',
};
function healthIcon(h) {
    return h ? HEALTH_ICON[h] : '';
}
const STATE_ICON = {
    Succeeded: '\u2705',
    Failed: '\u274c',
    Cancelled: '\ud83d\udeab',
    Skipped: '\u23ed\ufe0f',
    Running: '\u23f3',
    Applying: '\u23f3',
    Applied: '\u23f3',
    Pending: '\u23f8\ufe0f',
};
function stateIcon(state) {
    return STATE_ICON[state] ?? '';
}
/**
 * The host (and port) of a cluster server URL, never its credentials, path or query.
 * "https://user:pw@10.0.0.1:6443/k8s?x" \u2192 "10.0.0.1:6443".
 */
function serverHost(server) {
    if (!server)
        return null;
    try {
        const u = new URL(server.includes('://') ? server : `https://${server}`);
        return u.host || null;
    }
    catch {
        return null;
    }
}
/** Cut text to at most max characters, saying so. */
function format_clip(text, max, note = '\u2026 (truncated)') {
    return text.length <= max ? text : text.slice(0, Math.max(0, max - note.length)) + note;
}

;// CONCATENATED MODULE: ./src/report/result-json.ts

/** A manifest position; null for an object known only from the cluster. */
const place = (s) => (isLiveSource(s) ? { file: null, line: null } : { file: s.file, line: s.line });
const span = (from, to) => (from !== null && to !== null ? Math.max(0, to - from) : null);
function failureJson(f) {
    return {
        phase: f.phase,
        wave: f.wave,
        kind: f.kind,
        namespace: f.namespace,
        name: f.name,
        reason: f.reason,
        message: f.message,
        ...place(f.source),
        logTail: f.logTail,
    };
}
/** A problem found before anything was applied, as a failure. */
function problemJson(p) {
    return {
        phase: null,
        wave: null,
        kind: null,
        namespace: null,
        name: null,
        reason: 'Validation',
        message: p.message,
        file: p.source?.file ?? null,
        line: p.source?.line ?? null,
        logTail: [],
    };
}
function taskJson(t) {
    return {
        kind: t.kind,
        namespace: t.namespace,
        name: t.name,
        hook: t.hook,
        state: t.state,
        health: t.health,
        action: t.action,
        message: t.message,
        durationMs: span(t.startedAt, t.finishedAt),
        ...place(t.source),
    };
}
function stepJson(s) {
    return { phase: s.phase, wave: s.wave, state: s.state, durationMs: span(s.startedAt, s.finishedAt), tasks: s.tasks.map(taskJson) };
}
function plannedStepJson(s) {
    return {
        phase: s.phase,
        wave: s.wave,
        state: 'Pending',
        durationMs: null,
        tasks: s.tasks.map((t) => ({
            kind: t.kind,
            namespace: t.namespace,
            name: t.name,
            hook: t.hook,
            state: 'Pending',
            health: null,
            action: null,
            message: '',
            durationMs: null,
            ...place(t.source),
        })),
    };
}
function syncResultToJson(r, server = r.server) {
    return {
        app: r.app,
        revision: r.revision,
        mode: r.mode,
        result: r.result,
        reason: r.reason,
        message: r.message,
        failedPhase: r.failedPhase,
        durationMs: r.durationMs,
        server,
        failures: r.failures.map(failureJson),
        syncFailFailures: r.syncFailFailures.map(failureJson),
        steps: [...r.steps, ...r.syncFailSteps].map(stepJson),
        ...(r.attempts?.length ? { attempts: r.attempts.map((a) => ({ ...a })) } : {}),
        ...(r.release ? { release: { number: r.release.number, previous: r.release.previous ? { ...r.release.previous } : null } } : {}),
        ...(r.rollback ? { rollback: { ...r.rollback } } : {}),
    };
}
/** mode plan: nothing ran; the steps are the plan's, Pending. */
function planResultJson(plan, durationMs = 0) {
    return {
        app: plan.app,
        revision: plan.revision,
        mode: 'plan',
        result: 'Planned',
        reason: null,
        message: '',
        failedPhase: null,
        durationMs,
        server: null,
        failures: [],
        syncFailFailures: [],
        steps: plan.steps.map(plannedStepJson),
    };
}
/** A run that stopped before anything was applied: every problem is a failure. */
function refusedResultJson(opts) {
    return {
        app: opts.app,
        revision: opts.revision,
        mode: opts.mode,
        result: 'Failed',
        reason: 'Validation',
        message: opts.message,
        failedPhase: null,
        durationMs: opts.durationMs,
        server: null,
        failures: opts.problems.map(problemJson),
        syncFailFailures: [],
        steps: [],
    };
}
/** The `failed-resources` output: the failures of the result, without log tails. */
function failedResources(r) {
    return [...r.failures, ...r.syncFailFailures].map(({ logTail: _logTail, ...rest }) => rest);
}

// EXTERNAL MODULE: ./src/cli/io.ts
var cli_io = __webpack_require__(1604);
;// CONCATENATED MODULE: ./src/cli/run-outcome.ts
// How a run that changes the cluster (sync, delete, rollback) ends on the command line: refused
// inputs on stderr, the result as JSON on stdout when asked, and the exit code.




function runOutcome(io, json, run) {
    const { problems, result } = run;
    if (problems.length > 0 || !result) {
        io.stderr(problems.map((e) => (0,model_problems/* formatProblem */.V)(e) + '\n').join(''));
        return cli_io/* EXIT_USAGE */.Ri;
    }
    if (json)
        io.stdout(JSON.stringify(syncResultToJson(result, serverHost(result.server)), null, 2) + '\n');
    if (result.result === 'Succeeded')
        return cli_io/* EXIT_OK */.Ij;
    if (result.result === 'Cancelled')
        return cli_io/* EXIT_CANCELLED */.xE;
    return result.reason === 'Validation' ? cli_io/* EXIT_USAGE */.Ri : cli_io/* EXIT_FAILED */.hj;
}

;// CONCATENATED MODULE: ./src/cli/delete-command.ts
// wavesync delete: tear an app down from its inventory (PreDelete hooks, every member deleted in
// reverse order, PostDelete hooks, then the inventory), e.g. a pull request's preview environment.





const FLAGS = {
    app: { type: 'string', valueName: 'NAME', description: 'app to delete (default: the repository directory name)' },
    namespace: { type: 'string', valueName: 'NS', description: "the app's namespace, where its inventory and lock live (default: default)" },
    manifests: {
        type: 'string',
        multiple: true,
        valueName: 'PATH',
        description: 'manifests whose PreDelete/PostDelete hooks run (optional; without them no hook runs)',
    },
    kubeconfig: { type: 'string', valueName: 'FILE', description: 'kubeconfig file (default: KUBECONFIG, then ~/.kube/config)' },
    context: { type: 'string', valueName: 'NAME', description: "kubeconfig context (default: the file's current context)" },
    timeout: { type: 'string', valueName: 'DURATION', description: 'budget for the whole deletion (default: 10m)' },
    'lock-timeout': { type: 'string', valueName: 'DURATION', description: 'wait this long for a running sync of the app to finish (default: 5m)' },
    output: { type: 'string', choices: ['text', 'json'], description: 'output format (default: text)' },
};
const DELETE_USAGE = `Usage: wavesync delete --app NAME [--namespace NS] [--manifests PATH ...] [--kubeconfig FILE]
         [--context NAME] [--timeout 10m] [--lock-timeout 5m] [--output text|json]

Runs the PreDelete hooks of the manifests (if given; a failure stops with nothing deleted), deletes
every object of the app's inventory (highest wave first) and waits until each is gone, runs the
PostDelete hooks, then deletes the inventory. Objects with sync-options Delete=false are kept.
Exit codes: 0 deleted, 1 failed (a failing PreDelete hook, the lock not obtained), 2 invalid input, 130 cancelled.

${(0,cli_args/* describeFlags */.Jv)(FLAGS)}
`;
async function runDelete(argv, io) {
    const input = lifecycleInput('delete', argv, FLAGS, DELETE_USAGE, io);
    if (typeof input === 'number')
        return input;
    const { args, where, timeoutMs, lockTimeoutMs, json, view } = input;
    const run = await runDeletePipeline({
        manifests: args.strings.manifests ?? [],
        root: where.root,
        cwd: io.cwd,
        app: where.app,
        namespace: args.strings.namespace?.[0] ?? 'default',
        revision: null,
        cluster: { path: args.strings.kubeconfig?.[0], context: args.strings.context?.[0], env: io.env, label: 'wavesync delete' },
        timeoutMs,
        holder: cliHolder(),
        lockTimeoutMs,
    }, {
        reporter: (bus) => {
            bus.on(view.listener);
            return { finish: async () => { } };
        },
        onSignal: (name) => io.stderr(`wavesync: ${name} received, cancelling: nothing more is deleted\n`),
        onReleaseFailure: (message) => io.stderr(`wavesync: ${message}\n`),
        onNotice: (message) => io.stderr(`wavesync: ${message}\n`),
    });
    return runOutcome(io, json, run);
}
const deleteCommand = {
    name: 'delete',
    summary: 'tear the app down: PreDelete hooks, delete its objects, PostDelete hooks',
    run: runDelete,
};

;// CONCATENATED MODULE: ./src/diff/normalize.ts
// What a diff compares: an object without the fields the server sets (managedFields,
// resourceVersion, uid, generation, creationTimestamp, status...), with Secret values masked.
// Whether a Secret value changed stays visible: equal values are `***` on both sides, a changed
// one `*** (changed)` on the new side.

const SERVER_METADATA = ['managedFields', 'resourceVersion', 'uid', 'generation', 'creationTimestamp', 'selfLink', 'deletionGracePeriodSeconds'];
const SERVER_ANNOTATIONS = ['kubectl.kubernetes.io/last-applied-configuration', 'deployment.kubernetes.io/revision'];
const MASK = '***';
const MASK_CHANGED = '*** (changed)';
function withoutServerFields(o) {
    const copy = structuredClone(o);
    delete copy.status;
    for (const k of SERVER_METADATA)
        delete copy.metadata[k];
    const annotations = copy.metadata.annotations;
    if (annotations) {
        for (const k of SERVER_ANNOTATIONS)
            delete annotations[k];
        if (Object.keys(annotations).length === 0)
            delete copy.metadata.annotations;
    }
    return copy;
}
const isSecret = (o) => !!o && o.kind === 'Secret' && o.apiVersion === 'v1';
/** Masks Secret data and stringData values of both sides (either may be null). */
function maskSecrets(live, next) {
    if (!isSecret(live) && !isSecret(next))
        return { live, next };
    const values = (o, field) => (o?.[field] ?? {});
    const mask = (o, other, changedMark) => {
        if (!o)
            return o;
        const out = structuredClone(o);
        for (const field of ['data', 'stringData']) {
            const mine = values(o, field);
            const theirs = values(other, field);
            if (!(field in o))
                continue;
            out[field] = Object.fromEntries(Object.keys(mine).map((k) => [k, k in theirs && theirs[k] !== mine[k] ? changedMark : MASK]));
        }
        return out;
    };
    return { live: mask(live, next, MASK), next: mask(next, live, MASK_CHANGED) };
}
function toYaml(o) {
    return o ? (0,dist/* stringify */.As)(o, { sortMapEntries: true, lineWidth: 0 }) : '';
}

;// CONCATENATED MODULE: ./src/diff/unified.ts
// A unified diff of two texts, line by line (longest common subsequence), with three lines of
// context, as `git diff` prints it. Objects are small; past a size limit the diff says so instead.
const CONTEXT = 3;
const MAX_CELLS = 4_000_000;
function operations(a, b) {
    if ((a.length + 1) * (b.length + 1) > MAX_CELLS)
        return null;
    const w = b.length + 1;
    const lcs = new Uint32Array((a.length + 1) * w);
    for (let i = a.length - 1; i >= 0; i--)
        for (let j = b.length - 1; j >= 0; j--)
            lcs[i * w + j] = a[i] === b[j] ? lcs[(i + 1) * w + j + 1] + 1 : Math.max(lcs[(i + 1) * w + j], lcs[i * w + j + 1]);
    const ops = [];
    let i = 0;
    let j = 0;
    while (i < a.length || j < b.length) {
        if (i < a.length && j < b.length && a[i] === b[j])
            ops.push({ kind: ' ', line: a[i], a: i++, b: j++ });
        // Removals before additions, as git prints a changed line.
        else if (i < a.length && (j === b.length || lcs[(i + 1) * w + j] >= lcs[i * w + j + 1]))
            ops.push({ kind: '-', line: a[i], a: i++, b: j });
        else
            ops.push({ kind: '+', line: b[j], a: i, b: j++ });
    }
    return ops;
}
/** `--- from` / `+++ to` and hunks; '' when the texts are equal. */
function unifiedDiff(before, after, from, to) {
    if (before === after)
        return '';
    const a = before === '' ? [] : before.replace(/\n$/, '').split('\n');
    const b = after === '' ? [] : after.replace(/\n$/, '').split('\n');
    const ops = operations(a, b);
    if (!ops)
        return `--- ${from}\n+++ ${to}\n(the objects differ; too large to show line by line: ${a.length} and ${b.length} lines)\n`;
    const out = [`--- ${from}`, `+++ ${to}`];
    let k = 0;
    while (k < ops.length) {
        while (k < ops.length && ops[k].kind === ' ')
            k++;
        if (k >= ops.length)
            break;
        const start = Math.max(0, k - CONTEXT);
        let end = k;
        // Extend the hunk while the next change is within 2*CONTEXT unchanged lines.
        for (;;) {
            while (end < ops.length && ops[end].kind !== ' ')
                end++;
            let next = end;
            while (next < ops.length && ops[next].kind === ' ')
                next++;
            if (next < ops.length && next - end <= 2 * CONTEXT)
                end = next;
            else {
                end = Math.min(ops.length, end + CONTEXT);
                break;
            }
        }
        const hunk = ops.slice(start, end);
        const aLines = hunk.filter((o) => o.kind !== '+').length;
        const bLines = hunk.filter((o) => o.kind !== '-').length;
        const aStart = aLines ? hunk.find((o) => o.kind !== '+').a + 1 : hunk[0].a;
        const bStart = bLines ? hunk.find((o) => o.kind !== '-').b + 1 : hunk[0].b;
        out.push(`@@ -${aStart},${aLines} +${bStart},${bLines} @@`);
        for (const o of hunk)
            out.push(`${o.kind}${o.line}`);
        k = end;
    }
    return out.join('\n') + '\n';
}

;// CONCATENATED MODULE: ./src/diff/compute.ts




async function computeDiff(cluster, plan, opts) {
    const validated = await validateAgainstCluster(cluster, plan, { signal: opts.signal, createsNamespaces: opts.createsNamespaces });
    if (validated.errors.length > 0)
        return { result: null, errors: validated.errors };
    const objects = [];
    const errors = [];
    const hooks = [];
    const steps = [...validated.plan.steps, ...validated.plan.syncFail];
    for (const step of steps)
        for (const t of step.tasks) {
            if (t.hook || !t.name) {
                hooks.push({ phase: step.phase, wave: step.wave, kind: t.kind, namespace: t.namespace, name: t.name ?? `${t.generateName ?? ''}\u2026`, source: t.source });
                continue;
            }
            let live;
            try {
                live = await cluster.get({ apiVersion: t.apiVersion, kind: t.kind, namespace: t.namespace, name: t.name });
            }
            catch (err) {
                errors.push({ source: t.source, message: `${t.kind} ${t.name}: could not read the live object: ${describeApiError(err)}` });
                continue;
            }
            // Without a dry-run answer (a namespace the sync creates, a kind its CRD adds) the manifest is what we have.
            const after = withoutServerFields(validated.dryRuns.get(t.id) ?? t.object);
            const masked = maskSecrets(live ? withoutServerFields(live) : null, after);
            const where = `${t.kind} ${t.namespace ? `${t.namespace}/` : ''}${t.name}`;
            const diff = unifiedDiff(toYaml(masked.live), toYaml(masked.next), live ? `live ${where}` : '/dev/null', `${t.source.file} ${where}`);
            const change = !live ? 'new' : diff ? 'changed' : 'unchanged';
            // The server cannot dry-run into a namespace that is not there: say what was not checked.
            const note = t.namespace && validated.missingNamespaces.has(t.namespace)
                ? `namespace ${t.namespace} does not exist yet (the sync creates it): not dry-run, shown as in the manifests`
                : null;
            objects.push({ apiVersion: t.apiVersion, kind: t.kind, namespace: t.namespace, name: t.name, change, diff, source: t.source, note });
        }
    if (errors.length > 0)
        return { result: null, errors };
    const prunes = pruneCandidates(opts.prunes ?? []);
    const counts = { new: 0, changed: 0, unchanged: 0, prune: prunes.filter((p) => p.keep === null).length };
    for (const o of objects)
        counts[o.change]++;
    return {
        result: {
            app: plan.app,
            revision: plan.revision,
            server: opts.server,
            objects,
            hooks,
            prunes,
            counts,
            changes: counts.new + counts.changed + counts.prune > 0,
        },
        errors: [],
    };
}
/** The prune tasks as the sync runs them: by wave (the sync's mirrored order), PruneLast last. */
function pruneCandidates(tasks) {
    return [...tasks]
        .sort((a, b) => a.wave - b.wave)
        .map((t) => ({
        apiVersion: t.apiVersion,
        kind: t.kind,
        namespace: t.namespace,
        name: t.name ?? '',
        wave: t.wave,
        // Diff plans prunes as `sync --prune` would, so "prune is off" never comes up here.
        keep: t.keep === 'prune-off' ? null : t.keep,
        message: t.keep && t.keep !== 'prune-off' ? KEEP_MESSAGES[t.keep] : 'would prune: no longer in the manifests',
    }));
}

;// CONCATENATED MODULE: ./src/pipeline/diff.ts
// mode diff: source \u2192 manifests \u2192 plan \u2192 the inventory (what a sync with prune would delete, by the
// sync's own prune plan) \u2192 server-side dry run \u2192 compare with the live objects. Nothing in the
// cluster changes.







function runDiffPipeline(opts, hooks = {}) {
    return scope/* ResourceScope */.r.run(async (scope) => {
        const { cluster, problems: clusterProblems } = connect(opts.cluster, scope, hooks.onKubeconfig);
        const { plan, errors } = await (0,pipeline_source/* sourceStep */.m)(opts, scope, async () => (cluster ? cluster.serverVersion() : null));
        const problems = (0,model_problems/* sortProblems */.d)([...(opts.problems ?? []), ...errors, ...clusterProblems]);
        if (problems.length > 0 || !cluster)
            return { plan, problems, diff: null };
        // The sync's inventory step, read-only: members labelled as applied, prunes planned as `sync --prune` would.
        let inventory;
        try {
            inventory = await InventoryStage.prepare(cluster, plan, { prune: true, confirmPrune: opts.confirmPrune ?? false, forceAdopt: false });
        }
        catch (err) {
            if (!(err instanceof InventoryError))
                throw err;
            return { plan, problems: [{ source: null, message: err.message }], diff: null };
        }
        // A sync would refuse these before applying anything: so does the diff.
        if (inventory.refusals.length > 0)
            return { plan, problems: (0,model_problems/* sortProblems */.d)(inventory.refusals.map((f) => ({ source: f.source, message: f.message }))), diff: null };
        const { result, errors: diffErrors } = await computeDiff(cluster, inventory.applyPlan, {
            server: cluster.serverHost() || null,
            prunes: inventory.stage.pruneTasks,
            createsNamespaces: opts.createNamespace ? [plan.namespace] : [],
        });
        return { plan, problems: (0,model_problems/* sortProblems */.d)(diffErrors), diff: result };
    }, hooks.onReleaseFailure);
}

;// CONCATENATED MODULE: ./src/report/diff-format.ts

const SIGN = { new: '+', changed: '~', unchanged: '=' };
const diff_format_label = (o) => `${o.kind} ${o.namespace ? `${o.namespace}/` : ''}${o.name}`;
function diffHeadline(d) {
    const kept = d.prunes.length - d.counts.prune;
    return `${d.counts.new} new, ${d.counts.changed} changed, ${d.counts.unchanged} unchanged, ${d.counts.prune} would prune${kept ? ` (${kept} kept)` : ''}`;
}
/** "(2 new, 1 changed, 1 would prune)": what makes `changes` true. */
function changeCounts(d) {
    return `${d.counts.new} new, ${d.counts.changed} changed, ${d.counts.prune} would prune`;
}
/** What a sync with prune does with a member that left the manifests. */
function pruneVerdict(p) {
    return p.keep ? `kept (${p.keep})` : 'would prune';
}
function diffToJson(d) {
    return {
        app: d.app,
        revision: d.revision,
        server: d.server,
        changes: d.changes,
        counts: d.counts,
        objects: d.objects.map((o) => ({ ...o })),
        prunes: d.prunes.map((p) => ({ ...p })),
        hooks: d.hooks.map((h) => ({ ...h })),
    };
}
const COLOR = { '+': '\x1b[32m', '-': '\x1b[31m', '@': '\x1b[36m' };
function diffToText(d, color = false) {
    const paint = (line) => (color && COLOR[line[0]] && !line.startsWith('+++') && !line.startsWith('---') ? `${COLOR[line[0]]}${line}\x1b[0m` : line);
    const out = [`Diff for app ${d.app}${d.revision ? ` @ ${d.revision.slice(0, 12)}` : ''}${d.server ? ` against ${d.server}` : ''}: ${diffHeadline(d)}`, ''];
    for (const o of d.objects) {
        out.push(`${SIGN[o.change]} ${diff_format_label(o)} (${o.source.file}:${o.source.line}): ${o.change}`);
        if (o.note)
            out.push(`    (${o.note})`);
        if (o.diff)
            out.push(...o.diff
                .replace(/\n$/, '')
                .split('\n')
                .map((l) => `    ${paint(l)}`));
    }
    if (d.prunes.length > 0) {
        out.push('', 'No longer in the manifests (from the inventory; what `sync --prune` does):');
        for (const p of d.prunes)
            out.push(`${p.keep ? ' ' : paint('-')} ${diff_format_label(p)}: ${p.message}`);
    }
    if (d.hooks.length > 0) {
        out.push('', 'Hooks a sync would run:');
        for (const h of d.hooks)
            out.push(`  ${h.phase} wave ${h.wave}: ${diff_format_label(h)} (${h.source.file}:${h.source.line})${h.phase === 'SyncFail' ? ' (only if the sync fails)' : ''}`);
    }
    return out.join('\n') + '\n';
}
/** The hidden marker that finds wavesync's comment for an app on a pull request. */
function commentMarker(app) {
    return `<!-- wavesync-diff:${app} -->`;
}
/** Markdown for the job summary and the PR comment, kept under maxChars (GitHub limits a comment to 65536). */
function diffToMarkdown(d, opts = {}) {
    const max = opts.maxChars ?? 60_000;
    const rev = d.revision ? ` at ${inlineCode(d.revision.slice(0, 12))}` : '';
    const head = [`## \ud83d\udd0d wavesync diff of ${inlineCode(d.app)}${rev}: ${diffHeadline(d)}`, ''];
    head.push(d.changes ? 'A sync would change the cluster as shown below.' : 'A sync would change nothing.', '');
    // The tables get at most 60% of the room (rows left out are counted); the diffs get the rest.
    const room = { left: Math.floor(max * 0.6) };
    const everyRow = d.objects.map(objectRow);
    // When not every row fits, unchanged objects are only counted.
    const listed = everyRow.join('\n').length < room.left ? d.objects : d.objects.filter((o) => o.change !== 'unchanged');
    const unlisted = d.objects.length - listed.length;
    const notes = [...new Set(d.objects.flatMap((o) => (o.note ? [o.note] : [])))].map((n) => `> ${n.charAt(0).toUpperCase()}${n.slice(1)}.`);
    const table = listed.length
        ? [
            '| Change | Kind | Object | Source |',
            '| --- | --- | --- | --- |',
            ...fitRows(listed.map(objectRow), room, 'objects'),
            ...(unlisted ? ['', `_${unlisted} unchanged objects not listed._`] : []),
            '',
            ...(notes.length ? [...notes, ''] : []),
        ]
        : [];
    const prunes = d.prunes.length
        ? [
            '### No longer in the manifests',
            '',
            "From the app's inventory: what a sync with `prune: true` does with each.",
            '',
            '| Verdict | Kind | Object | Wave |',
            '| --- | --- | --- | ---: |',
            ...fitRows(d.prunes.map((p) => `| ${p.keep ? '\u23f8\ufe0f' : '\ud83d\uddd1\ufe0f'} ${pruneVerdict(p)} | ${mdCell(p.kind)} | ${mdCell(`${p.namespace ? `${p.namespace}/` : ''}${p.name}`)} | ${p.wave} |`), room, 'objects'),
            '',
        ]
        : [];
    const hooks = d.hooks.length
        ? [
            '### Hooks a sync would run',
            '',
            '| Phase | Wave | Kind | Object |',
            '| --- | ---: | --- | --- |',
            ...fitRows(d.hooks.map((h) => `| ${h.phase} | ${h.wave} | ${mdCell(h.kind)} | ${mdCell(`${h.namespace ? `${h.namespace}/` : ''}${h.name}`)} |`), room, 'hooks'),
            '',
        ]
        : [];
    let text = [...head, ...table, ...prunes, ...hooks].join('\n');
    const details = d.objects.filter((o) => o.diff).map((o) => detailsBlock(o));
    let shown = 0;
    for (const block of details) {
        if (text.length + block.length + 200 > max)
            break;
        text += '\n' + block;
        shown++;
    }
    if (shown < details.length)
        text += `\n\n_${details.length - shown} more diffs left out to keep this under GitHub's size limit; run \`wavesync diff\` to see them all._`;
    return text + '\n';
}
function objectRow(o) {
    return `| ${SIGN[o.change]} ${o.change} | ${mdCell(o.kind)} | ${mdCell(`${o.namespace ? `${o.namespace}/` : ''}${o.name}`)} | ${mdCell(`${o.source.file}:${o.source.line}`)} |`;
}
/** The rows that fit in the room left (taking it), then a line counting the rest. */
function fitRows(rows, room, what) {
    const out = [];
    for (const r of rows) {
        if (r.length + 1 > room.left)
            break;
        room.left -= r.length + 1;
        out.push(r);
    }
    if (out.length < rows.length)
        out.push('', `_${rows.length - out.length} more ${what} left out to keep this under GitHub's size limit; run \`wavesync diff\` to see them all._`);
    return out;
}
function detailsBlock(o) {
    const lines = o.diff.replace(/\n$/, '').split('\n');
    return [`<details><summary>${SIGN[o.change]} ${escapeHtml(diff_format_label(o))} (${o.change})</summary>`, '', codeBlock(lines, 'diff'), '', '</details>'].join('\n');
}

// EXTERNAL MODULE: ./src/cli/source-flags.ts
var source_flags = __webpack_require__(9387);
;// CONCATENATED MODULE: ./src/cli/diff-command.ts
// wavesync diff: what a sync would change in the cluster, object by object (server-side dry run
// compared with the live objects), and the hooks it would run. Changes nothing.







const diff_command_FLAGS = {
    manifests: { type: 'string', multiple: true, valueName: 'PATH', description: 'file, directory or glob of manifests' },
    kubeconfig: { type: 'string', valueName: 'FILE', description: 'kubeconfig file (default: KUBECONFIG, then ~/.kube/config)' },
    context: { type: 'string', valueName: 'NAME', description: "kubeconfig context (default: the file's current context)" },
    namespace: { type: 'string', valueName: 'NS', description: 'namespace for namespaced objects without one (default: default)' },
    app: { type: 'string', valueName: 'NAME', description: 'app name (default: the repository directory name)' },
    revision: { type: 'string', valueName: 'REV', description: 'revision being compared' },
    'create-namespace': { type: 'boolean', description: 'compare as sync --create-namespace would: objects in a missing app namespace are new' },
    'confirm-prune': { type: 'boolean', description: 'count objects marked Prune=confirm as pruned, as sync --prune --confirm-prune does' },
    'exit-code': { type: 'boolean', description: 'exit 1 when a sync would change something (as git diff --exit-code)' },
    output: { type: 'string', choices: ['text', 'json'], description: 'output format (default: text)' },
    ...source_flags/* SOURCE_FLAGS */.sJ,
};
const DIFF_USAGE = `Usage: wavesync diff --manifests PATH [--manifests PATH ...] [--kubeconfig FILE] [--context NAME]
         [--namespace NS] [--app NAME] [--revision REV] [--create-namespace] [--confirm-prune] [--exit-code] [--output text|json]
         ${source_flags/* SOURCE_USAGE */.gd}

Dry-runs every object server-side and compares the answer with the live object: new, changed
(with a unified diff; Secret values shown as ***) or unchanged; lists what \`sync --prune\` would
delete (members of the app's inventory no longer in the manifests; Prune=false ones kept) and the
hooks a sync would run.
Exit codes: 0 done (or no changes with --exit-code), 1 changes present with --exit-code, 2 invalid input.

${(0,cli_args/* describeFlags */.Jv)(diff_command_FLAGS)}
`;
async function runDiff(argv, io) {
    const args = (0,command_input/* parseCommandArgs */.Qx)('diff', argv, diff_command_FLAGS, DIFF_USAGE, io, source_flags/* checkSourceArgs */.lf);
    if (typeof args === 'number')
        return args;
    const where = (0,command_input/* resolveApp */.Ae)('diff', args, io);
    if (typeof where === 'number')
        return where;
    const { problems, diff } = await runDiffPipeline({
        manifests: args.strings.manifests,
        root: where.root,
        cwd: io.cwd,
        app: where.app,
        namespace: args.strings.namespace?.[0] ?? 'default',
        revision: args.strings.revision?.[0] ?? null,
        confirmPrune: args.booleans['confirm-prune'] ?? false,
        createNamespace: args.booleans['create-namespace'] ?? false,
        cluster: { path: args.strings.kubeconfig?.[0], context: args.strings.context?.[0], env: io.env, label: 'wavesync diff' },
        ...(0,source_flags/* sourceFromArgs */.x0)(args, io),
    }, { onReleaseFailure: (message) => io.stderr(`wavesync: ${message}\n`) });
    if (problems.length > 0 || !diff) {
        io.stderr(problems.map((e) => (0,model_problems/* formatProblem */.V)(e) + '\n').join(''));
        return cli_io/* EXIT_USAGE */.Ri;
    }
    if (args.strings.output?.[0] === 'json')
        io.stdout(JSON.stringify(diffToJson(diff), null, 2) + '\n');
    else
        io.stdout(diffToText(diff, Boolean(process.stdout.isTTY) && !io.env.CI && !io.env.NO_COLOR));
    return args.booleans['exit-code'] && diff.changes ? cli_io/* EXIT_FAILED */.hj : cli_io/* EXIT_OK */.Ij;
}
const diffCommand = {
    name: 'diff',
    summary: 'show what a sync would change in the cluster',
    run: runDiff,
};

;// CONCATENATED MODULE: ./src/cluster/history/history.ts
// The app's sync history, newest first, kept in the inventory parent's data (key "history"):
// every finished sync with its revision, source, time, result, counts and duration, and whether
// its release (the exact plan) is stored for rollback. Bounded by history-limit.
const HISTORY_KEY = 'history';
function readHistory(data) {
    const raw = data[HISTORY_KEY];
    if (!raw)
        return [];
    try {
        const parsed = JSON.parse(Buffer.from(raw, 'base64').toString('utf8'));
        return Array.isArray(parsed) ? parsed : [];
    }
    catch {
        return [];
    }
}
function withHistory(data, entries) {
    return { ...data, [HISTORY_KEY]: Buffer.from(JSON.stringify(entries), 'utf8').toString('base64') };
}
function nextNumber(entries) {
    return entries.reduce((max, e) => Math.max(max, e.number), 0) + 1;
}
/**
 * The release a rollback goes to: `to` (a release number "v3"/"3" or a revision prefix), else the
 * newest stored successful release older than the newest entry.
 */
function rollbackTarget(entries, to) {
    const ok = entries.filter((e) => e.stored && e.result === 'Succeeded');
    if (to) {
        const n = /^v?(\d+)$/.exec(to);
        return ok.find((e) => (n && e.number === Number(n[1])) || (e.revision !== null && to.length >= 4 && e.revision.startsWith(to))) ?? null;
    }
    const newest = entries[0];
    return ok.find((e) => e !== newest) ?? null;
}

;// CONCATENATED MODULE: ./src/pipeline/release-history.ts
// After each sync: a history entry in the inventory parent (newest first, at most history-limit)
// and, for a successful sync, its exact plan as a release Secret; and the way back: the plan of
// the release a rollback goes to.



/** Records the sync; null when the app has no inventory (nothing was ever applied). Warnings go to `warn`. */
async function recordSync(cluster, req, warn) {
    const state = await readInventory(cluster, req.app, req.namespace);
    if (!state.exists)
        return null;
    const entries = readHistory(state.data);
    const number = nextNumber(entries);
    let stored = false;
    if (req.result.result === 'Succeeded') {
        const outcome = await storeRelease(cluster, req.app, req.namespace, number, { plan: req.plan });
        stored = outcome.stored;
        if (!outcome.stored)
            warn(outcome.message);
    }
    const tasks = req.result.steps.flatMap((s) => s.tasks);
    const entry = {
        number,
        revision: req.result.revision,
        source: req.source,
        startedAt: new Date(req.result.startedAt).toISOString(),
        result: req.result.result,
        reason: req.result.reason,
        message: req.result.message.split('\n')[0],
        counts: {
            tasks: tasks.filter((t) => t.action !== 'pruned').length,
            pruned: tasks.filter((t) => t.action === 'pruned').length,
            failed: req.result.failures.length,
        },
        durationMs: req.result.durationMs,
        stored,
    };
    const kept = [entry, ...entries].slice(0, Math.max(1, req.limit));
    await writeInventory(cluster, state, state.groupKinds, state.additionalNamespaces, withHistory(state.data, kept));
    await pruneReleases(cluster, req.app, req.namespace, new Set(kept.filter((e) => e.stored).map((e) => e.number)));
    const previous = entries[0];
    req.result.release = {
        number,
        previous: previous ? { number: previous.number, revision: previous.revision, result: previous.result, startedAt: previous.startedAt } : null,
    };
    return entry;
}
async function readAppHistory(cluster, app, namespace) {
    const state = await readInventory(cluster, app, namespace);
    return state.exists ? readHistory(state.data) : [];
}
/** The plan to roll back to, or why there is none. */
async function releaseToRollBackTo(cluster, app, namespace, to) {
    const entries = await readAppHistory(cluster, app, namespace);
    const entry = rollbackTarget(entries, to);
    if (!entry)
        return {
            problem: to
                ? `app ${app} has no stored successful release matching "${to}" (see wavesync history)`
                : `app ${app} has no earlier successful release to roll back to (see wavesync history)`,
        };
    const release = await loadRelease(cluster, app, namespace, entry.number);
    if (!release)
        return { problem: `the release Secret of v${entry.number} (${entry.revision ?? 'no revision'}) is missing` };
    return { entry, plan: release.plan };
}

;// CONCATENATED MODULE: ./src/pipeline/history.ts




function runHistoryPipeline(opts) {
    return scope/* ResourceScope */.r.run(async (scope) => {
        const { cluster, problems } = connect(opts.cluster, scope);
        if (!cluster)
            return { entries: [], problems };
        try {
            return { entries: await readAppHistory(cluster, opts.app, opts.namespace), problems: [] };
        }
        catch (err) {
            return { entries: [], problems: [{ source: null, message: `the history of app ${opts.app} could not be read: ${describeApiError(err)}` }] };
        }
    });
}

;// CONCATENATED MODULE: ./src/cli/history-command.ts
// wavesync history: the app's syncs, newest first (release, revision, time, result, counts, duration).





const history_command_FLAGS = {
    app: { type: 'string', valueName: 'NAME', description: 'app (default: the repository directory name)' },
    namespace: { type: 'string', valueName: 'NS', description: "the app's namespace (default: default)" },
    kubeconfig: { type: 'string', valueName: 'FILE', description: 'kubeconfig file (default: KUBECONFIG, then ~/.kube/config)' },
    context: { type: 'string', valueName: 'NAME', description: "kubeconfig context (default: the file's current context)" },
    output: { type: 'string', choices: ['text', 'json'], description: 'output format (default: text)' },
};
const HISTORY_USAGE = `Usage: wavesync history --app NAME [--namespace NS] [--kubeconfig FILE] [--context NAME] [--output text|json]

Lists the app's recorded syncs, newest first. "stored" releases can be synced again with
wavesync rollback --to vN.
Exit codes: 0 listed, 1 the cluster could not be read, 2 invalid input.

${(0,cli_args/* describeFlags */.Jv)(history_command_FLAGS)}
`;
function historyText(app, entries) {
    if (entries.length === 0)
        return `app ${app} has no recorded sync\n`;
    const rows = entries.map((e) => [
        `v${e.number}`,
        (e.revision ?? '-').slice(0, 12),
        e.startedAt.replace(/\.\d+Z$/, 'Z'),
        e.result + (e.reason ? ` (${e.reason})` : ''),
        `${e.counts.tasks} task(s)${e.counts.pruned ? `, ${e.counts.pruned} pruned` : ''}${e.counts.failed ? `, ${e.counts.failed} failed` : ''}`,
        `${(e.durationMs / 1000).toFixed(1)}s`,
        e.stored ? 'stored' : '-',
        e.source,
    ]);
    const head = ['RELEASE', 'REVISION', 'STARTED', 'RESULT', 'COUNTS', 'TOOK', 'ROLLBACK', 'SOURCE'];
    const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
    return ([head, ...rows]
        .map((r) => r
        .map((c, i) => c.padEnd(widths[i]))
        .join('  ')
        .trimEnd())
        .join('\n') + '\n');
}
async function runHistory(argv, io) {
    const args = (0,command_input/* parseCommandArgs */.Qx)('history', argv, history_command_FLAGS, HISTORY_USAGE, io, () => { }, false);
    if (typeof args === 'number')
        return args;
    const where = (0,command_input/* resolveApp */.Ae)('history', args, io);
    if (typeof where === 'number')
        return where;
    const { entries, problems } = await runHistoryPipeline({
        app: where.app,
        namespace: args.strings.namespace?.[0] ?? 'default',
        cluster: { path: args.strings.kubeconfig?.[0], context: args.strings.context?.[0], env: io.env, label: 'wavesync history' },
    });
    if (problems.length) {
        io.stderr(problems.map((p) => (0,model_problems/* formatProblem */.V)(p) + '\n').join(''));
        return problems.some((p) => p.message.includes('could not be read')) ? cli_io/* EXIT_FAILED */.hj : cli_io/* EXIT_USAGE */.Ri;
    }
    io.stdout(args.strings.output?.[0] === 'json' ? JSON.stringify({ app: where.app, releases: entries }, null, 2) + '\n' : historyText(where.app, entries));
    return cli_io/* EXIT_OK */.Ij;
}
const historyCommand = { name: 'history', summary: "list the app's syncs and stored releases", run: runHistory };

;// CONCATENATED MODULE: ./src/source/health-rules.ts
// The custom health rules of a sync (its own file so that `plan`, which needs none, does not load
// the CEL and Lua engines).

/** User health checks (CEL or Lua) from a file (CLI) or the action input (inline YAML or a workspace path). */
function loadHealthRules(source) {
    return loadHealthChecks(source);
}

;// CONCATENATED MODULE: ./src/pipeline/retry-policy.ts
const RETRY_FACTOR = 2;
const RETRY_MAX_MS = 3 * 60_000;
function retryable(r) {
    return r.result === 'Failed' && r.reason !== 'Validation' && r.reason !== 'Adoption' && r.reason !== 'Lock' && r.reason !== 'Cancelled';
}
/** The pause before retry number `n` (0 for the first). */
function backoffMs(baseMs, n) {
    return Math.min(RETRY_MAX_MS, baseMs * RETRY_FACTOR ** n);
}

;// CONCATENATED MODULE: ./src/pipeline/sync.ts
// mode sync (and dry-run, and rollback): source \u2192 manifests \u2192 plan \u2192 [lock] \u2192 engine (retried) \u2192
// [history, rollback] \u2192 reporters, inside one resource scope: the kubeconfig copy, the cluster
// client and its watches, the signal handlers and the app's lock are released on every exit path.














const sync_emptyPlan = (opts) => ({
    app: opts.app,
    revision: null,
    namespace: opts.namespace,
    steps: [],
    syncFail: [],
    preDelete: [],
    postDelete: [],
    skipped: [],
    warnings: [],
});
function runSyncPipeline(opts, hooks = {}) {
    return scope/* ResourceScope */.r.run(async (scope) => {
        const { cluster, problems: clusterProblems } = connect(opts.cluster, scope, hooks.onKubeconfig);
        // A rollback reads no manifest: its plan comes from the history once the lock is held.
        const prepared = opts.rollback
            ? { plan: sync_emptyPlan(opts), errors: [] }
            : await (0,pipeline_source/* sourceStep */.m)(opts, scope, async () => (cluster ? cluster.serverVersion() : null));
        let plan = prepared.plan;
        const health = await loadHealthRules(opts.healthChecks);
        const problems = (0,model_problems/* sortProblems */.d)([...(opts.problems ?? []), ...prepared.errors, ...health.errors, ...clusterProblems]);
        const bus = new events/* EventBus */.l();
        const report = hooks.reporter?.(bus, { server: cluster?.serverHost() ?? null });
        const refuse = async (found = problems) => {
            bus.emit({ type: 'validation-failed', at: Date.now(), errors: found });
            const refused = { plan, problems: found, result: null };
            await report?.finish(refused);
            return refused;
        };
        if (problems.length > 0 || !cluster)
            return refuse();
        const cancel = cancelOnSignals(hooks.onSignal);
        scope.defer('the signal handlers', () => cancel.dispose());
        const life = opts.lifecycle;
        // A dry run changes nothing, so it neither waits for nor blocks a sync.
        if (life && opts.mode === 'sync') {
            // The Lease lives in the app's namespace: create-namespace makes it first (the engine then finds it there).
            if (opts.createNamespace && (await ensureNamespace(cluster, opts.namespace).catch(() => false)))
                hooks.onNotice?.(`created namespace ${opts.namespace}`);
            const refusal = await takeAppLock(cluster, scope, {
                app: opts.app,
                namespace: opts.namespace,
                holder: life.holder,
                timeoutMs: life.lockTimeoutMs,
                signal: cancel.signal,
                onNotice: hooks.onNotice,
                env: opts.cluster.env,
            });
            if (refusal) {
                const run = { plan, problems: [], result: lockRefused(bus, plan, opts.mode, cluster.serverHost(), refusal) };
                await report?.finish(run);
                return run;
            }
        }
        let source = opts.manifests.join(', ');
        if (opts.rollback) {
            const target = await releaseToRollBackTo(cluster, opts.app, opts.namespace, opts.rollback.to);
            if ('problem' in target)
                return refuse([{ source: null, message: target.problem }]);
            plan = target.plan;
            source = `rollback to v${target.entry.number}`;
            hooks.onNotice?.(`rolling back app ${opts.app} to release v${target.entry.number} (${target.entry.revision ?? 'no revision'}, synced ${target.entry.startedAt})`);
        }
        const engine = {
            cluster,
            plan,
            bus,
            mode: opts.mode,
            timeoutMs: opts.timeoutMs,
            waveDelayMs: opts.waveDelayMs,
            failFastAfterMs: opts.failFastAfterMs,
            createNamespace: opts.createNamespace,
            healthRules: health.rules,
            signal: cancel.signal,
            inventory: life ? { prune: life.prune, confirmPrune: life.confirmPrune, forceAdopt: life.forceAdopt } : undefined,
        };
        const attempts = [];
        let result = await runEngine(engine);
        while (life && retryable(result) && attempts.length < life.retries && !cancel.signal.aborted) {
            const pause = backoffMs(life.retryBackoffMs, attempts.length);
            bus.emit({
                type: 'warning',
                at: Date.now(),
                message: `attempt ${attempts.length + 1} of ${life.retries + 1} failed (${result.reason}); trying again in ${Math.round(pause / 1000)}s`,
            });
            attempts.push(result);
            await sleep(pause, cancel.signal);
            if (cancel.signal.aborted)
                break;
            result = await runEngine(engine);
        }
        if (attempts.length)
            result.attempts = attempts.map((a) => ({ result: a.result, reason: a.reason, message: a.message, durationMs: a.durationMs }));
        if (life && opts.mode === 'sync')
            await afterSync(cluster, opts, engine, result, source, bus, cancel.signal);
        const run = { plan, problems: [], result, attempts };
        await report?.finish(run);
        return run;
    }, hooks.onReleaseFailure);
}
/** History for the sync; then, when it failed and on-failure is rollback, the last good release synced again. */
async function afterSync(cluster, opts, engine, result, source, bus, signal) {
    const life = opts.lifecycle;
    const warn = (message) => bus.emit({ type: 'warning', at: Date.now(), message });
    const record = (r, from, plan) => recordSync(cluster, { app: opts.app, namespace: opts.namespace, plan, result: r, source: from, limit: life.historyLimit }, warn).catch((err) => {
        // An unreachable server was reported once already, by the sync itself.
        if (!isUnreachable(err))
            warn(`the sync history could not be recorded: ${err instanceof Error ? err.message : String(err)}`);
    });
    await record(result, source, engine.plan);
    if (!life.rollbackOnFailure || !retryable(result) || signal.aborted)
        return;
    const target = await releaseToRollBackTo(cluster, opts.app, opts.namespace).catch((err) => ({ problem: String(err) }));
    if ('problem' in target) {
        warn(`on-failure rollback: ${target.problem}; nothing was rolled back`);
        return;
    }
    warn(`the sync failed: rolling back to release v${target.entry.number} (${target.entry.revision ?? 'no revision'})`);
    const back = await runEngine({ ...engine, plan: target.plan });
    await record(back, `rollback to v${target.entry.number}`, target.plan);
    result.rollback = {
        result: back.result,
        reason: back.reason,
        message: back.message,
        durationMs: back.durationMs,
        revision: target.entry.revision,
        release: target.entry.number,
    };
    result.message =
        back.result === 'Succeeded'
            ? `failed, rolled back to ${target.entry.revision ?? `v${target.entry.number}`}: ${result.message}`
            : `failed, and the rollback to ${target.entry.revision ?? `v${target.entry.number}`} failed too (${back.message.split('\n')[0]}): ${result.message}`;
}

;// CONCATENATED MODULE: ./src/cli/rollback-command.ts
// wavesync rollback: sync a release stored in the app's history again, exactly as it was applied
// (hooks included), without reading or rendering any manifest.





const rollback_command_FLAGS = {
    app: { type: 'string', valueName: 'NAME', description: 'app (default: the repository directory name)' },
    namespace: { type: 'string', valueName: 'NS', description: "the app's namespace (default: default)" },
    to: { type: 'string', valueName: 'REVISION', description: 'release (v3) or revision to return to (default: the one before the newest)' },
    kubeconfig: { type: 'string', valueName: 'FILE', description: 'kubeconfig file (default: KUBECONFIG, then ~/.kube/config)' },
    context: { type: 'string', valueName: 'NAME', description: "kubeconfig context (default: the file's current context)" },
    timeout: { type: 'string', valueName: 'DURATION', description: 'budget for the sync (default: 10m)' },
    'lock-timeout': { type: 'string', valueName: 'DURATION', description: 'wait this long for a running sync of the app (default: 5m)' },
    prune: { type: 'boolean', description: 'prune what the release does not have' },
    output: { type: 'string', choices: ['text', 'json'], description: 'output format (default: text)' },
};
const ROLLBACK_USAGE = `Usage: wavesync rollback --app NAME [--namespace NS] [--to REVISION] [--kubeconfig FILE] [--context NAME]
         [--timeout 10m] [--lock-timeout 5m] [--prune] [--output text|json]

Syncs a successful release kept in the app's history (wavesync history) again, hooks included.
Exit codes: 0 rolled back, 1 the sync failed, 2 invalid input or no such release, 130 cancelled.

${(0,cli_args/* describeFlags */.Jv)(rollback_command_FLAGS)}
`;
async function runRollback(argv, io) {
    const input = lifecycleInput('rollback', argv, rollback_command_FLAGS, ROLLBACK_USAGE, io);
    if (typeof input === 'number')
        return input;
    const { args, where, timeoutMs, lockTimeoutMs, json, view } = input;
    const run = await runSyncPipeline({
        manifests: [],
        root: where.root,
        cwd: io.cwd,
        app: where.app,
        namespace: args.strings.namespace?.[0] ?? 'default',
        revision: null,
        mode: 'sync',
        cluster: { path: args.strings.kubeconfig?.[0], context: args.strings.context?.[0], env: io.env, label: 'wavesync rollback' },
        timeoutMs,
        waveDelayMs: 0,
        failFastAfterMs: 60_000,
        createNamespace: false,
        healthChecks: {},
        lifecycle: {
            prune: args.booleans.prune ?? false,
            confirmPrune: false,
            forceAdopt: false,
            holder: cliHolder(),
            lockTimeoutMs,
            retries: 0,
            retryBackoffMs: 0,
            rollbackOnFailure: false,
            historyLimit: 10,
        },
        rollback: { to: args.strings.to?.[0] },
    }, {
        reporter: (bus) => {
            bus.on(view.listener);
            return { finish: async () => { } };
        },
        onSignal: (name) => io.stderr(`wavesync: ${name} received, cancelling\n`),
        onReleaseFailure: (message) => io.stderr(`wavesync: ${message}\n`),
        onNotice: (message) => io.stderr(`wavesync: ${message}\n`),
    });
    return runOutcome(io, json, run);
}
const rollbackCommand = { name: 'rollback', summary: 'sync a release kept in the history again', run: runRollback };

;// CONCATENATED MODULE: ./src/report/runner.ts
// What a JavaScript action says to the GitHub runner: workflow commands on stdout (`::name
// key=value::message`, with %, CR, LF escaped, and : , too in values of keys) and outputs, state and
// the job summary appended to the files the runner names in GITHUB_OUTPUT, GITHUB_STATE and
// GITHUB_STEP_SUMMARY. Written here rather than taken from @actions/core, which brings an HTTP
// client (for OIDC tokens, unused here) that every start of the action had to compile.



const escapeData = (s) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
function command(name, message, props = {}) {
    const list = Object.entries(props)
        .filter(([, v]) => v !== undefined && v !== '')
        .map(([k, v]) => `${k}=${escapeProperty(String(v))}`)
        .join(',');
    process.stdout.write(`::${name}${list ? ` ${list}` : ''}::${escapeData(message)}${EOL}`);
}
/** The runner's names for annotation positions (line, col), from the names the API uses. */
const annotation = (p = {}) => ({
    title: p.title,
    file: p.file,
    line: p.startLine,
    endLine: p.endLine,
    col: p.startColumn,
    endColumn: p.endColumn,
});
const info = (message) => void process.stdout.write(message + EOL);
const debug = (message) => command('debug', message);
const notice = (message, props) => command('notice', message, annotation(props));
const warning = (message, props) => command('warning', message, annotation(props));
const error = (message, props) => command('error', message, annotation(props));
/** The runner replaces this value with *** wherever it appears in the log from now on. */
const setSecret = (value) => command('add-mask', value);
const startGroup = (name) => command('group', name);
const endGroup = () => command('endgroup', '');
function setFailed(message) {
    process.exitCode = 1;
    error(message);
}
/** name<<delimiter, the value, delimiter: a value may span lines; a random delimiter cannot occur in it. */
function appendKeyValue(variable, fallback, name, value) {
    const file = process.env[variable];
    // Runners older than the files (and local runs of the bundle) read the stdout command instead.
    if (!file)
        return command(fallback, value, { name });
    const delimiter = `ghadelimiter_${randomUUID()}`;
    if (name.includes(delimiter) || value.includes(delimiter))
        throw new Error(`${name}: value contains its own delimiter`);
    appendFileSync(file, `${name}<<${delimiter}${EOL}${value}${EOL}${delimiter}${EOL}`, 'utf8');
}
const setOutput = (name, value) => appendKeyValue('GITHUB_OUTPUT', 'set-output', name, value);
/** Read back by the post step as STATE_<name>. */
const saveState = (name, value) => appendKeyValue('GITHUB_STATE', 'save-state', name, value);
function appendSummary(markdown) {
    const file = process.env.GITHUB_STEP_SUMMARY;
    if (!file)
        throw new Error('GITHUB_STEP_SUMMARY is not set: not running as a step of a GitHub Actions job');
    appendFileSync(file, markdown + EOL, 'utf8');
}

;// CONCATENATED MODULE: ./src/report/github-context.ts
// Where the report goes: repository, commit and run, from the variables GitHub sets for a step.

function readGitHubContext(env = process.env) {
    const [owner = '', repo = ''] = (env.GITHUB_REPOSITORY ?? '').split('/');
    const serverUrl = trimSlash(env.GITHUB_SERVER_URL || 'https://github.com');
    const apiUrl = trimSlash(env.GITHUB_API_URL || 'https://api.github.com');
    const eventName = env.GITHUB_EVENT_NAME ?? '';
    const runId = env.GITHUB_RUN_ID ?? '';
    const sha = pullRequestHeadSha(eventName, env.GITHUB_EVENT_PATH) ?? env.GITHUB_SHA ?? '';
    const runUrl = owner && repo && runId ? `${serverUrl}/${owner}/${repo}/actions/runs/${runId}` : '';
    return { owner, repo, sha, eventName, runId, serverUrl, apiUrl, runUrl };
}
// On pull_request events GITHUB_SHA is the merge commit, which a reader never sees; the check
// belongs on the head commit of the pull request.
function pullRequestHeadSha(eventName, eventPath) {
    if (!eventName.startsWith('pull_request') || !eventPath)
        return null;
    try {
        const payload = JSON.parse(readFileSync(eventPath, 'utf8'));
        const sha = payload.pull_request?.head?.sha;
        return typeof sha === 'string' && sha ? sha : null;
    }
    catch {
        return null;
    }
}
function trimSlash(url) {
    return url.replace(/\/+$/, '');
}
/** A link to a manifest line at the commit, for summaries. null without a repository. */
function blobUrl(ctx, file, line) {
    if (!ctx || !ctx.owner || !ctx.repo || !ctx.sha)
        return null;
    const path = file.split('/').map(encodeURIComponent).join('/');
    return `${ctx.serverUrl}/${ctx.owner}/${ctx.repo}/blob/${ctx.sha}/${path}#L${line}`;
}

;// CONCATENATED MODULE: ./src/report/timeline.ts
const MAX_BARS = 80;
/** Mermaid treats ':' '#' ';' and '%' specially in gantt lines: keep names to plain words. */
function ganttText(text) {
    return (text
        .replace(/[:;#%\r\n`<>{}[\]"]/g, ' ')
        .replace(/\s+/g, ' ')
        .trim() || 'unnamed');
}
function ganttChart(steps) {
    const ran = steps.filter((s) => s.startedAt != null);
    if (ran.length === 0)
        return null;
    const first = Math.min(...ran.map((s) => s.startedAt));
    const last = Math.max(...ran.map((s) => s.finishedAt ?? s.startedAt ?? first));
    const lines = ['gantt', '  title Sync timeline', '  dateFormat x', `  axisFormat ${last - first > 3_600_000 ? '%H:%M' : '%M:%S'}`];
    let bars = 0;
    let section = '';
    for (const s of ran) {
        if (bars >= MAX_BARS)
            break;
        if (s.phase !== section) {
            section = s.phase;
            lines.push(`  section ${ganttText(s.phase)}`);
        }
        const n = s.tasks.length;
        lines.push(bar(`wave ${s.wave} (${n} ${n === 1 ? 'task' : 'tasks'})`, tag(s.state), `s${bars++}`, s.startedAt, s.finishedAt));
        for (const t of s.tasks) {
            if (!t.hook || t.startedAt == null || bars >= MAX_BARS)
                continue;
            lines.push(bar(`${t.kind} ${t.name ?? 'hook'}`, tag(t.state), `s${bars++}`, t.startedAt, t.finishedAt));
        }
    }
    return lines.join('\n');
}
function bar(name, tags, id, start, end) {
    // Mermaid draws nothing for a zero-length bar: give every bar at least 1 ms.
    const stop = Math.max(start + 1, end ?? start + 1);
    return `  ${ganttText(name)} :${tags}${id}, ${Math.round(start)}, ${Math.round(stop)}`;
}
function tag(state) {
    if (state === 'Failed')
        return 'crit, ';
    if (state === 'Succeeded')
        return 'done, ';
    if (state === 'Running' || state === 'Applying' || state === 'Applied')
        return 'active, ';
    return '';
}

;// CONCATENATED MODULE: ./src/report/types.ts
function prunedOf(result) {
    const p = result.pruned;
    return Array.isArray(p) ? p : [];
}
function isReadOnlyMode(mode) {
    return mode === 'plan' || mode === 'diff' || mode === 'dry-run';
}

;// CONCATENATED MODULE: ./src/report/summary.ts
// The job summary: pure Markdown builders for a sync and for a plan, and the writer.







/** GitHub refuses a step summary over 1 MiB; keep room for the truncation note. */
const SUMMARY_LIMIT_BYTES = 1024 * 1024;
const MAX_ROWS_PER_TABLE = 400;
const OUTCOME_ICON = { Succeeded: '\u2705', Failed: '\u274c', Cancelled: '\ud83d\udeab' };
function buildSyncSummary(input, opts = {}) {
    const r = input.result;
    const rev = r.revision ? ` at ${format_inlineCode(r.revision.slice(0, 12))}` : '';
    const verb = r.mode === 'delete' ? 'deletion of' : r.mode === 'dry-run' ? 'dry run of' : 'sync of';
    const head = [`## ${OUTCOME_ICON[r.result]} ${r.result}: wavesync ${verb} ${format_inlineCode(r.app)}${rev}`];
    if (r.result !== 'Succeeded' && r.message)
        head.push('', `**${r.reason ?? r.result}:** ${format_escapeHtml(r.message)}`);
    if (opts.noCheckRun)
        head.push('', opts.noCheckRun);
    head.push('', factsTable([
        ['App', format_inlineCode(r.app)],
        ['Revision', r.revision ? format_inlineCode(r.revision) : '\u2013'],
        ['Cluster', opts.serverHost ? format_inlineCode(opts.serverHost) : '\u2013'],
        ['Mode', r.mode],
        ['Duration', formatDuration(r.durationMs)],
        ['Started', new Date(r.startedAt).toISOString()],
        ...releaseRows(r, opts.github ?? null),
        ...checkRunRow(opts.checkRunUrl),
    ]));
    const sections = [];
    const gantt = ganttChart([...r.steps, ...r.syncFailSteps]);
    if (gantt)
        sections.push(`### Timeline\n\n\`\`\`mermaid\n${gantt}\n\`\`\``);
    sections.push(...phaseTables([...r.steps, ...r.syncFailSteps], opts.github ?? null));
    if (input.validationErrors.length) {
        sections.push(listSection('Invalid manifests', input.validationErrors.map((e) => `${summary_where(e.source, opts.github ?? null)} ${format_escapeHtml(e.message)}`)));
    }
    if (r.failures.length)
        sections.push(failuresSection('Failures', r.failures, opts.github ?? null));
    if (r.syncFailFailures.length)
        sections.push(failuresSection('SyncFail hook failures', r.syncFailFailures, opts.github ?? null));
    sections.push(...objectListSections(input, opts.github ?? null));
    return assemble(head.join('\n'), sections, opts.maxBytes);
}
function buildPlanSummary(plan, opts = {}) {
    const tasks = plan.steps.flatMap((s) => s.tasks);
    const rev = plan.revision ? ` at ${inlineCode(plan.revision.slice(0, 12))}` : '';
    const head = [
        `## \ud83d\udccb Planned: wavesync ${opts.mode ?? 'plan'} of ${inlineCode(plan.app)}${rev}: ${plan.steps.length} steps, ${tasks.length} tasks`,
        '',
        'Nothing was applied.',
    ];
    if (opts.noCheckRun)
        head.push('', opts.noCheckRun);
    head.push('', factsTable([
        ['App', inlineCode(plan.app)],
        ['Revision', plan.revision ? inlineCode(plan.revision) : '\u2013'],
        ['Namespace', inlineCode(plan.namespace)],
        ['Cluster', opts.serverHost ? inlineCode(opts.serverHost) : '\u2013'],
        ...checkRunRow(opts.checkRunUrl),
    ]));
    const rows = [...plan.steps, ...plan.syncFail].flatMap((s) => s.tasks.map((t) => `| ${s.phase} | ${s.wave} | ${mdCell(t.kind)} | ${mdCell(qualifiedName(t))} | ${t.hook ? 'hook' : ''} | ${summary_where(t.source, opts.github ?? null)} |`));
    const sections = [table('Steps', ['Phase', 'Wave', 'Kind', 'Object', 'Hook', 'Source'], ['---', '---:', '---', '---', '---', '---'], rows)];
    sections.push(...objectListSections({ result: null, plan, warnings: [], validationErrors: [] }, opts.github ?? null));
    return assemble(head.join('\n'), sections, opts.maxBytes);
}
function checkRunRow(url) {
    return url ? [['Check run', `[details](${url})`]] : [];
}
function factsTable(rows) {
    return ['| | |', '| --- | --- |', ...rows.map(([k, v]) => `| **${k}** | ${v} |`)].join('\n');
}
function phaseTables(steps, gh) {
    const phases = [...new Set(steps.map((s) => s.phase))];
    return phases.map((phase) => {
        const rows = steps
            .filter((s) => s.phase === phase)
            .flatMap((s) => s.tasks.map((t) => {
            const result = t.state === 'Pending' ? '\u23f9\ufe0f Not run' : `${stateIcon(t.state)} ${t.state}${t.action ? ` (${t.action})` : ''}`;
            const health = t.health ? `${healthIcon(t.health)} ${t.health}${t.message ? `: ${t.message}` : ''}` : t.message;
            return `| ${s.wave} | ${format_mdCell(t.kind)} | ${format_mdCell((0,object_ref/* qualifiedName */.O)(t))} | ${format_mdCell(result)} | ${format_mdCell(health)} | ${formatDuration(durationOf(t.startedAt, t.finishedAt))} | ${summary_where(t.source, gh)} |`;
        }));
        return table(phase, ['Wave', 'Kind', 'Object', 'Result', 'Health', 'Duration', 'Source'], ['---:', '---', '---', '---', '---', '---:', '---'], rows);
    });
}
function table(title, headers, align, rows) {
    const shown = rows.slice(0, MAX_ROWS_PER_TABLE);
    const more = rows.length - shown.length;
    const lines = [`### ${title}`, '', `| ${headers.join(' | ')} |`, `| ${align.join(' | ')} |`, ...shown];
    if (more > 0)
        lines.push('', `_\u2026 and ${more} more rows, left out to keep the summary small._`);
    return lines.join('\n');
}
function failuresSection(title, failures, gh) {
    const items = failures.map((f) => {
        const lines = [`#### \u274c ${format_escapeHtml((0,object_ref/* objectLabel */.u)(f))} (${f.phase} wave ${f.wave})`, '', `${summary_where(f.source, gh)} **${f.reason}:** ${format_escapeHtml(f.message)}`];
        if (f.logTail.length) {
            lines.push('', `<details><summary>Last ${f.logTail.length} log lines of ${format_escapeHtml(f.name ?? f.kind)}</summary>`, '', format_codeBlock(f.logTail), '', '</details>');
        }
        return lines.join('\n');
    });
    return [`### ${title}`, '', items.join('\n\n')].join('\n');
}
function objectListSections(input, gh) {
    const out = [];
    const pruned = input.result ? prunedOf(input.result) : [];
    const label = { pruned: 'Pruned', 'would-prune': 'Would be pruned (prune is off)', kept: 'Kept (Prune=false)' };
    for (const state of ['pruned', 'would-prune', 'kept']) {
        const list = pruned.filter((p) => p.state === state);
        if (list.length)
            out.push(listSection(label[state], list.map((p) => `${format_escapeHtml((0,object_ref/* objectLabel */.u)(p))}${p.reason ? `: ${format_escapeHtml(p.reason)}` : ''}`)));
    }
    const skipped = input.plan?.skipped ?? [];
    if (skipped.length)
        out.push(listSection('Skipped', skipped.map((s) => `${summary_where(s.source, gh)} ${format_escapeHtml((0,object_ref/* objectLabel */.u)(s))}: ${format_escapeHtml(s.reason)}`)));
    const images = input.plan?.images ?? [];
    if (images.length)
        out.push(listSection('Images replaced', images.map((i) => `${summary_where(i.source, gh)} ${format_escapeHtml(`${i.kind} ${i.name}`)} (${format_escapeHtml(i.container)}): ${format_inlineCode(i.from)} \u2192 ${format_inlineCode(i.to)}`)));
    const seen = new Set();
    const warnings = [...(input.plan?.warnings ?? []), ...input.warnings].filter((w) => {
        const key = `${w.source?.file}:${w.source?.line}:${w.message}`;
        return seen.has(key) ? false : (seen.add(key), true);
    });
    if (warnings.length)
        out.push(listSection('Warnings', warnings.map((w) => `${summary_where(w.source, gh)} ${format_escapeHtml(w.message)}`)));
    return out;
}
function listSection(title, items) {
    return [`### ${title}`, '', ...items.map((i) => `- ${i.trim()}`)].join('\n');
}
/** `file:line` as a link to the manifest line when the repository is known. */
/** The release this sync recorded and a link to the one before it (its commit, when the revision is one). */
function releaseRows(r, gh) {
    if (!r.release)
        return [];
    const rows = [['Release', format_inlineCode(`v${r.release.number}`)]];
    const p = r.release.previous;
    if (!p)
        return rows;
    const rev = p.revision ? format_inlineCode(p.revision.slice(0, 12)) : '\u2013';
    const link = p.revision && gh?.owner && /^[0-9a-f]{7,40}$/.test(p.revision) ? `[${rev}](${gh.serverUrl}/${gh.owner}/${gh.repo}/commit/${p.revision})` : rev;
    rows.push(['Previous release', `${format_inlineCode(`v${p.number}`)} ${link}: ${p.result}, ${p.startedAt}`]);
    return rows;
}
function summary_where(source, gh) {
    if (!source)
        return '';
    if (isLiveSource(source))
        return '(in the cluster)';
    const text = `${source.file}:${source.line}`;
    const url = blobUrl(gh, source.file, source.line);
    return url ? `[${format_escapeHtml(text)}](${url})` : format_inlineCode(text);
}
/** Joins sections until the byte budget runs out, then says what was left out. */
function assemble(head, sections, maxBytes = SUMMARY_LIMIT_BYTES) {
    const note = (n) => `\n\n> [!WARNING]\n> The summary was truncated: ${n} more section${n === 1 ? '' : 's'} did not fit in GitHub's 1 MiB limit. The check run and the step's log have the rest.\n`;
    const budget = maxBytes - Buffer.byteLength(note(sections.length)) - 1;
    let out = head;
    for (let i = 0; i < sections.length; i++) {
        const next = `${out}\n\n${sections[i]}`;
        if (Buffer.byteLength(next) > budget)
            return out + note(sections.length - i);
        out = next;
    }
    if (Buffer.byteLength(out) > budget)
        return out.slice(0, Math.floor(budget / 4)) + note(0);
    return `${out}\n`;
}
/** Appends Markdown to the step summary file (GITHUB_STEP_SUMMARY); a no-op without one. */
async function writeSummary(markdown) {
    if (!process.env.GITHUB_STEP_SUMMARY)
        return;
    core.appendSummary(markdown);
}

;// CONCATENATED MODULE: ./src/cli/summary-file.ts
// --summary FILE: the job summary a GitHub Actions run would show, written to a local file, so a
// run outside Actions (the demo, another CI system) keeps the same record of what happened.




function summaryFileReporter(file, onError) {
    return (bus, ctx) => {
        const warnings = [];
        const validationErrors = [];
        const off = bus.on((e) => {
            if (e.type === 'warning')
                warnings.push({ source: e.source ?? null, message: e.message });
            else if (e.type === 'validation-failed')
                validationErrors.push(...e.errors);
        });
        return {
            async finish(run) {
                off();
                const markdown = run.result
                    ? buildSyncSummary({ result: run.result, plan: run.plan, warnings, validationErrors }, { serverHost: serverHost(ctx.server ?? run.result.server) })
                    : refusedSummary(run.plan.app, run.problems.map(model_problems/* formatProblem */.V));
                try {
                    (0,external_node_fs_.writeFileSync)(file, markdown);
                }
                catch (err) {
                    // Reporting never changes the outcome: say it and go on.
                    onError(`could not write the summary to ${file}: ${err.message}`);
                }
            },
        };
    };
}
function refusedSummary(app, problems) {
    const lines = problems.map((p) => `- \`${p.replace(/`/g, "'")}\``);
    return `## \u274c Failed: wavesync sync of \`${app}\`\n\nNothing was applied: ${problems.length} problem${problems.length === 1 ? '' : 's'} in the input.\n\n${lines.join('\n')}\n`;
}

;// CONCATENATED MODULE: ./src/cli/sync-command.ts
// wavesync sync: deploy the manifests to a cluster, phase by phase and wave by wave, gating on health.









const sync_command_FLAGS = {
    manifests: { type: 'string', multiple: true, valueName: 'PATH', description: 'file, directory or glob of manifests' },
    kubeconfig: { type: 'string', valueName: 'FILE', description: 'kubeconfig file (default: KUBECONFIG, then ~/.kube/config)' },
    context: { type: 'string', valueName: 'NAME', description: "kubeconfig context (default: the file's current context)" },
    namespace: { type: 'string', valueName: 'NS', description: 'namespace for namespaced objects without one (default: default)' },
    app: { type: 'string', valueName: 'NAME', description: 'app name (default: the repository directory name)' },
    revision: { type: 'string', valueName: 'REV', description: 'revision being deployed (names generateName hooks)' },
    timeout: { type: 'string', valueName: 'DURATION', description: 'budget for the whole sync (default: 10m)' },
    'wave-delay': { type: 'string', valueName: 'DURATION', description: 'pause after each gate opens (default: 0s)' },
    'fail-fast-after': {
        type: 'string',
        valueName: 'DURATION',
        description: 'fail a workload whose pod is stuck in ImagePullBackOff, CrashLoopBackOff... this long (default: 60s)',
    },
    'dry-run': { type: 'boolean', description: 'validate and dry-run server-side only; change nothing' },
    'create-namespace': { type: 'boolean', description: 'create the namespace first when missing' },
    'health-checks': {
        type: 'string',
        valueName: 'FILE',
        description: 'YAML file of health rules per apiVersion/kind (CEL or Argo CD Lua), or an argocd-cm ConfigMap',
    },
    prune: { type: 'boolean', description: 'delete objects of earlier syncs that left the manifests (default: report them as "would prune")' },
    'confirm-prune': { type: 'boolean', description: 'also prune objects marked argocd.argoproj.io/sync-options: Prune=confirm' },
    'force-adopt': { type: 'boolean', description: "take over objects labelled as another app's (applyset.kubernetes.io/part-of)" },
    'lock-timeout': { type: 'string', valueName: 'DURATION', description: 'wait this long for another sync of the app to finish (default: 5m)' },
    retries: { type: 'string', valueName: 'N', description: 'try a failed sync again up to N times (default: 0)' },
    'retry-backoff': { type: 'string', valueName: 'DURATION', description: 'pause before the first retry, doubled each time, at most 3m (default: 5s)' },
    'rollback-on-failure': { type: 'boolean', description: 'after a failed sync, sync the last successful release again (reported with it)' },
    'history-limit': { type: 'string', valueName: 'N', description: 'syncs kept in the history, with their releases (default: 10)' },
    output: { type: 'string', choices: ['text', 'json'], description: 'output format (default: text)' },
    summary: { type: 'string', valueName: 'FILE', description: 'also write the job summary (Markdown, as a GitHub Actions run shows it) to FILE' },
    ...source_flags/* SOURCE_FLAGS */.sJ,
};
const SYNC_USAGE = `Usage: wavesync sync --manifests PATH [--manifests PATH ...] [--kubeconfig FILE] [--context NAME]
         [--namespace NS] [--app NAME] [--revision REV] [--timeout 10m] [--wave-delay 0s]
         [--dry-run] [--create-namespace] [--health-checks FILE] [--prune] [--confirm-prune]
         [--force-adopt] [--lock-timeout 5m] [--retries N] [--retry-backoff 5s]
         [--rollback-on-failure] [--history-limit 10] [--output text|json] [--summary FILE]
         ${source_flags/* SOURCE_USAGE */.gd}

Validates everything and dry-runs it server-side, then runs PreSync hooks, applies the sync waves
in order gating each on health, runs PostSync hooks, or SyncFail hooks when anything fails.
Objects it applies are recorded in the app's inventory (Secret wavesync-APP, an ApplySet); only one
sync of an app runs at a time (Lease wavesync-APP).
Exit codes: 0 succeeded, 1 sync failed (also: the lock was not obtained in time, an object belongs
to another app), 2 invalid input (nothing applied), 130 cancelled.

${(0,cli_args/* describeFlags */.Jv)(sync_command_FLAGS)}
`;
async function runSync(argv, io) {
    let timeoutMs = 0;
    let waveDelayMs = 0;
    let failFastAfterMs = 0;
    let lockTimeoutMs = 0;
    let retryBackoffMs = 0;
    let retries = 0;
    let historyLimit = 10;
    const args = (0,command_input/* parseCommandArgs */.Qx)('sync', argv, sync_command_FLAGS, SYNC_USAGE, io, (a) => {
        timeoutMs = (0,command_input/* durationFlag */.h5)(a.strings, 'timeout', '10m');
        waveDelayMs = (0,command_input/* durationFlag */.h5)(a.strings, 'wave-delay', '0s');
        failFastAfterMs = (0,command_input/* durationFlag */.h5)(a.strings, 'fail-fast-after', '60s');
        lockTimeoutMs = (0,command_input/* durationFlag */.h5)(a.strings, 'lock-timeout', '5m');
        retryBackoffMs = (0,command_input/* durationFlag */.h5)(a.strings, 'retry-backoff', '5s');
        const rawRetries = a.strings.retries?.[0] ?? '0';
        if (!/^\d+$/.test(rawRetries))
            throw new cli_args/* UsageError */.eb(`--retries: "${rawRetries}" is not a whole number (0, 1, 2, ...)`);
        retries = Number(rawRetries);
        const rawLimit = a.strings['history-limit']?.[0] ?? '10';
        if (!/^[1-9]\d*$/.test(rawLimit))
            throw new cli_args/* UsageError */.eb(`--history-limit: "${rawLimit}" is not a whole number of at least 1`);
        historyLimit = Number(rawLimit);
        (0,source_flags/* checkSourceArgs */.lf)(a);
    });
    if (typeof args === 'number')
        return args;
    const where = (0,command_input/* resolveApp */.Ae)('sync', args, io);
    if (typeof where === 'number')
        return where;
    const json = args.strings.output?.[0] === 'json';
    const summaryFile = args.strings.summary?.[0];
    const run = await runSyncPipeline({
        manifests: args.strings.manifests,
        root: where.root,
        cwd: io.cwd,
        app: where.app,
        namespace: args.strings.namespace?.[0] ?? 'default',
        revision: args.strings.revision?.[0] ?? null,
        mode: args.booleans['dry-run'] ? 'dry-run' : 'sync',
        cluster: { path: args.strings.kubeconfig?.[0], context: args.strings.context?.[0], env: io.env, label: 'wavesync sync' },
        timeoutMs,
        waveDelayMs,
        failFastAfterMs,
        createNamespace: args.booleans['create-namespace'] ?? false,
        healthChecks: { file: args.strings['health-checks']?.[0] },
        lifecycle: {
            prune: args.booleans.prune ?? false,
            confirmPrune: args.booleans['confirm-prune'] ?? false,
            forceAdopt: args.booleans['force-adopt'] ?? false,
            holder: cliHolder(),
            lockTimeoutMs,
            retries,
            retryBackoffMs,
            rollbackOnFailure: args.booleans['rollback-on-failure'] ?? false,
            historyLimit,
        },
        ...(0,source_flags/* sourceFromArgs */.x0)(args, io),
    }, {
        reporter: both(cliReporter(new SyncView(json ? io.stderr : io.stdout, !json && Boolean(process.stdout.isTTY) && !io.env.CI)), summaryFile ? summaryFileReporter(external_node_path_default().resolve(io.cwd, summaryFile), (m) => io.stderr(`wavesync: ${m}\n`)) : null),
        onSignal: (name) => io.stderr(`wavesync: ${name} received, cancelling: no new task starts, running hooks are deleted\n`),
        onReleaseFailure: (message) => io.stderr(`wavesync: ${message}\n`),
        onNotice: (message) => io.stderr(`wavesync: ${message}\n`),
    });
    return runOutcome(io, json, run);
}
/** The live view listens from the sync's start; problems found before it are printed as file:line lines instead. */
function cliReporter(view) {
    return (bus) => {
        let started = false;
        bus.on((e) => {
            if (e.type === 'sync-started')
                started = true;
            if (started)
                view.listener(e);
        });
        return { finish: async () => { } };
    };
}
function both(a, b) {
    if (!b)
        return a;
    return (bus, ctx) => {
        const ra = a(bus, ctx);
        const rb = b(bus, ctx);
        return { finish: async (run) => void (await Promise.all([ra.finish(run), rb.finish(run)])) };
    };
}
const syncCommand = {
    name: 'sync',
    summary: 'apply the manifests in order, gating each wave on health',
    run: runSync,
};

;// CONCATENATED MODULE: ./src/cli/cluster-commands.ts
// The commands that need a cluster, in one module so commands.ts can load them together when run.







/***/ })

};
