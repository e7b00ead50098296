#!/usr/bin/env bash
# Start a local Kubernetes control plane (etcd, kube-apiserver,
# kube-controller-manager, kube-scheduler) plus kwok simulating 3 Nodes
# and wavesync-logd (pod annotation -> `kubectl logs` content), all on
# 127.0.0.1 with free ports. Prints the admin kubeconfig path on stdout.
#
# Idempotent: when the recorded processes are alive and /readyz is OK, the
# running cluster is reused (takes well under a second).
#
# Env:
#   WAVESYNC_CACHE          binary cache root (see build.sh)
#   WAVESYNC_CLUSTER_STATE  state dir (default test/cluster/.state)
#   UP_TIMEOUT              seconds to wait for each readiness step (default 120)
#   WAVESYNC_APISERVER_EXTRA_ARGS  extra kube-apiserver flags, space-separated (the benchmark
#                           turns on an audit log of its contenders' requests with it)
#   UP_STATUS_FILE          if set, "reused" or "started" is written there
#   WAVESYNC_E2E_USER       set by the jest globalSetup (its pid): registers the
#                           run as a user of the cluster (see down.sh --e2e-release).
#                           Without it (a manual `npm run cluster:up`) the cluster
#                           is marked as manually started and e2e runs never stop it.
#
# Concurrent up/down calls are serialised with flock on <state dir>.lock.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=lib.sh
source "$HERE/lib.sh"

TIMEOUT="${UP_TIMEOUT:-120}"
KUBECONFIG_FILE="$STATE_DIR/kubeconfig"
NODE_COUNT=3

# ---------------------------------------------------------------------------
# helpers
# ---------------------------------------------------------------------------
pid_alive() { # <name> <pid>: alive and really our binary (guards against PID reuse)
  local exe
  kill -0 "$2" 2>/dev/null || return 1
  exe="$(readlink "/proc/$2/exe" 2>/dev/null || true)"
  [[ "$exe" == *"/$1" || "$exe" == *"/$1 (deleted)" ]]
}

all_recorded_alive() {
  [[ -s "$STATE_DIR/pids" ]] || return 1
  local name pid n=0
  while read -r name pid; do
    pid_alive "$name" "$pid" || return 1
    n=$((n + 1))
  done < "$STATE_DIR/pids"
  [[ $n -eq ${#BINARIES[@]} ]]
}

kc() { kubectl --kubeconfig "$KUBECONFIG_FILE" "$@"; }

readyz_ok() { kc get --raw='/readyz' --request-timeout=5s >/dev/null 2>&1; }

wait_for() { # <description> <command...>
  local what="$1"; shift
  local deadline=$(( $(date +%s) + TIMEOUT ))
  until "$@" >/dev/null 2>&1; do
    if (( $(date +%s) > deadline )); then
      die "timed out after ${TIMEOUT}s waiting for $what (logs: $STATE_DIR/logs)"
    fi
    check_processes
    sleep 0.2
  done
}

check_processes() {
  local name pid
  [[ -f "$STATE_DIR/pids" ]] || return 0
  while read -r name pid; do
    if ! kill -0 "$pid" 2>/dev/null; then
      log "$name (pid $pid) exited; last log lines:"
      tail -n 30 "$STATE_DIR/logs/$name.log" >&2 || true
      die "$name failed to start"
    fi
  done < "$STATE_DIR/pids"
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

start() { # <name> <args...>: start detached, record pid
  local name="$1"; shift
  # 9>&-: do not leak the up/down lock fd into the long-running daemons.
  setsid "$BIN_DIR/$name" "$@" >"$STATE_DIR/logs/$name.log" 2>&1 </dev/null 9>&- &
  echo "$name $!" >> "$STATE_DIR/pids"
}

# Record who uses the cluster: e2e runs register themselves; a manual up marks
# the cluster as manually owned so that e2e teardown leaves it running.
finish() { # <reused|started>
  if [[ -n "${WAVESYNC_E2E_USER:-}" ]]; then
    mkdir -p "$STATE_DIR/e2e-users"
    echo "$1" > "$STATE_DIR/e2e-users/$WAVESYNC_E2E_USER"
    [[ "$1" == started ]] && touch "$STATE_DIR/started-by-e2e"
  else
    rm -f "$STATE_DIR/started-by-e2e"
  fi
  if [[ -n "${UP_STATUS_FILE:-}" ]]; then echo "$1" > "$UP_STATUS_FILE"; fi
  echo "$KUBECONFIG_FILE"
}

# ---------------------------------------------------------------------------
# serialise with other up/down calls
# ---------------------------------------------------------------------------
mkdir -p "$(dirname "$STATE_DIR")"
exec 9>"$STATE_DIR.lock"
if ! flock -n 9; then
  log "waiting for another up/down holding $STATE_DIR.lock"
  flock -w 3600 9 || die "could not lock $STATE_DIR.lock"
fi
export WAVESYNC_CLUSTER_LOCKED=1 # down.sh called from here must not re-lock

# ---------------------------------------------------------------------------
# reuse a running cluster
# ---------------------------------------------------------------------------
if [[ -f "$KUBECONFIG_FILE" ]] && all_recorded_alive && readyz_ok; then
  log "reusing running cluster ($K8S_VERSION)"
  finish reused
  exit 0
fi

if [[ -d "$STATE_DIR" ]]; then
  log "found stale state in $STATE_DIR; cleaning up"
  bash "$HERE/down.sh"
fi

bash "$HERE/build.sh"
all_binaries_present || die "binaries missing in $BIN_DIR"

t0=$(date +%s%N)
mkdir -p "$STATE_DIR"/{pki,logs,etcd,kwok-logs}
: > "$STATE_DIR/pids"
# If anything below fails, stop whatever was started.
trap 'rc=$?; if (( rc != 0 )); then log "up failed (rc=$rc); stopping started processes"; bash "$HERE/down.sh" --keep-logs || true; fi' EXIT

ETCD_PORT=$(free_port); ETCD_PEER_PORT=$(free_port)
API_PORT=$(free_port); KCM_PORT=$(free_port); SCHED_PORT=$(free_port); KWOK_PORT=$(free_port)
cat > "$STATE_DIR/env" <<EOF
K8S_VERSION=$K8S_VERSION
ETCD_PORT=$ETCD_PORT
API_PORT=$API_PORT
KCM_PORT=$KCM_PORT
SCHED_PORT=$SCHED_PORT
KWOK_PORT=$KWOK_PORT
SERVER=https://127.0.0.1:$API_PORT
EOF

# ---------------------------------------------------------------------------
# PKI (openssl): CA, apiserver serving cert, client certs, SA key pair
# ---------------------------------------------------------------------------
PKI="$STATE_DIR/pki"
(
  cd "$PKI"
  openssl ecparam -name prime256v1 -genkey -noout -out ca.key 2>/dev/null
  openssl req -x509 -new -key ca.key -sha256 -days 3650 -subj "/CN=wavesync-test-ca" -out ca.crt 2>/dev/null
  # Service-account signing keys (RSA; RS256 is what every consumer supports).
  openssl genrsa -out sa.key 2048 2>/dev/null
  openssl rsa -in sa.key -pubout -out sa.pub 2>/dev/null

  issue() { # <name> <subject> [<subjectAltName>] [serverAuth|clientAuth]
    local name="$1" subj="$2" san="${3:-}" eku="${4:-clientAuth}"
    openssl ecparam -name prime256v1 -genkey -noout -out "$name.key" 2>/dev/null
    openssl req -new -key "$name.key" -subj "$subj" -out "$name.csr" 2>/dev/null
    {
      echo "basicConstraints=CA:FALSE"
      echo "keyUsage=critical,digitalSignature,keyEncipherment"
      echo "extendedKeyUsage=$eku"
      [[ -n "$san" ]] && echo "subjectAltName=$san"
    } > "$name.ext"
    openssl x509 -req -in "$name.csr" -CA ca.crt -CAkey ca.key -CAcreateserial \
      -days 3650 -sha256 -extfile "$name.ext" -out "$name.crt" 2>/dev/null
    rm -f "$name.csr" "$name.ext"
  }
  issue apiserver "/CN=kube-apiserver" \
    "DNS:localhost,DNS:kubernetes,DNS:kubernetes.default,DNS:kubernetes.default.svc,DNS:kubernetes.default.svc.cluster.local,IP:127.0.0.1,IP:10.96.0.1" \
    serverAuth
  issue kwok-serving "/CN=kwok" "DNS:localhost,IP:127.0.0.1" serverAuth
  issue admin "/O=system:masters/CN=wavesync-admin"
  issue apiserver-kubelet-client "/O=system:masters/CN=kube-apiserver-kubelet-client"
  issue controller-manager "/CN=system:kube-controller-manager"
  issue scheduler "/CN=system:kube-scheduler"
  issue kwok "/O=system:masters/CN=kwok-controller"
)

write_kubeconfig() { # <file> <cert-name>
  cat > "$1" <<EOF
apiVersion: v1
kind: Config
clusters:
- name: wavesync
  cluster:
    server: https://127.0.0.1:$API_PORT
    certificate-authority-data: $(base64 -w0 < "$PKI/ca.crt")
users:
- name: $2
  user:
    client-certificate-data: $(base64 -w0 < "$PKI/$2.crt")
    client-key-data: $(base64 -w0 < "$PKI/$2.key")
contexts:
- name: wavesync
  context:
    cluster: wavesync
    user: $2
    namespace: default
current-context: wavesync
EOF
  chmod 600 "$1"
}
write_kubeconfig "$KUBECONFIG_FILE" admin
write_kubeconfig "$STATE_DIR/controller-manager.kubeconfig" controller-manager
write_kubeconfig "$STATE_DIR/scheduler.kubeconfig" scheduler
write_kubeconfig "$STATE_DIR/kwok.kubeconfig" kwok

# ---------------------------------------------------------------------------
# etcd
# ---------------------------------------------------------------------------
log "starting etcd $ETCD_VERSION on :$ETCD_PORT"
start etcd \
  --name=wavesync \
  --data-dir="$STATE_DIR/etcd" \
  --listen-client-urls="http://127.0.0.1:$ETCD_PORT" \
  --advertise-client-urls="http://127.0.0.1:$ETCD_PORT" \
  --listen-peer-urls="http://127.0.0.1:$ETCD_PEER_PORT" \
  --initial-advertise-peer-urls="http://127.0.0.1:$ETCD_PEER_PORT" \
  --initial-cluster="wavesync=http://127.0.0.1:$ETCD_PEER_PORT" \
  --initial-cluster-state=new \
  --unsafe-no-fsync \
  --quota-backend-bytes=2147483648 \
  --log-level=warn
wait_for "etcd health" curl -fsS "http://127.0.0.1:$ETCD_PORT/health"

# ---------------------------------------------------------------------------
# kube-apiserver
# ---------------------------------------------------------------------------
read -r -a APISERVER_EXTRA_ARGS <<< "${WAVESYNC_APISERVER_EXTRA_ARGS:-}"
log "starting kube-apiserver $K8S_VERSION on https://127.0.0.1:$API_PORT"
start kube-apiserver \
  --bind-address=127.0.0.1 \
  --advertise-address=127.0.0.1 \
  --secure-port="$API_PORT" \
  --etcd-servers="http://127.0.0.1:$ETCD_PORT" \
  --tls-cert-file="$PKI/apiserver.crt" \
  --tls-private-key-file="$PKI/apiserver.key" \
  --client-ca-file="$PKI/ca.crt" \
  --authorization-mode=Node,RBAC \
  --service-account-issuer=https://kubernetes.default.svc.cluster.local \
  --service-account-key-file="$PKI/sa.pub" \
  --service-account-signing-key-file="$PKI/sa.key" \
  --service-cluster-ip-range=10.96.0.0/16 \
  --kubelet-client-certificate="$PKI/apiserver-kubelet-client.crt" \
  --kubelet-client-key="$PKI/apiserver-kubelet-client.key" \
  --kubelet-preferred-address-types=InternalIP \
  --allow-privileged=true \
  --profiling=false \
  "${APISERVER_EXTRA_ARGS[@]}" \
  --v=1
wait_for "kube-apiserver /readyz" readyz_ok

# ---------------------------------------------------------------------------
# kube-controller-manager, kube-scheduler
# ---------------------------------------------------------------------------
log "starting kube-controller-manager and kube-scheduler"
# Production-like client limits and worker counts: with the defaults (20 QPS / burst 30, 5
# deployment and replicaset workers) a sync of 1,000 objects waits on the throttled controllers,
# not on the API server, and every contender in the benchmark measures that throttle.
CONTROL_PLANE_CLIENT_FLAGS=(--kube-api-qps=100 --kube-api-burst=200)
CONTROLLER_WORKER_FLAGS=(
  --concurrent-deployment-syncs=20 --concurrent-replicaset-syncs=20 --concurrent-job-syncs=20
  --concurrent-endpoint-syncs=10 --concurrent-service-endpoint-syncs=10
  --concurrent-serviceaccount-token-syncs=10 --concurrent-gc-syncs=30 --concurrent-namespace-syncs=20
)
start kube-controller-manager \
  --kubeconfig="$STATE_DIR/controller-manager.kubeconfig" \
  --authentication-kubeconfig="$STATE_DIR/controller-manager.kubeconfig" \
  --authorization-kubeconfig="$STATE_DIR/controller-manager.kubeconfig" \
  --bind-address=127.0.0.1 \
  --secure-port="$KCM_PORT" \
  --leader-elect=false \
  --use-service-account-credentials=true \
  --service-account-private-key-file="$PKI/sa.key" \
  --root-ca-file="$PKI/ca.crt" \
  --cluster-signing-cert-file="$PKI/ca.crt" \
  --cluster-signing-key-file="$PKI/ca.key" \
  --controllers='*,-nodeipam' \
  "${CONTROL_PLANE_CLIENT_FLAGS[@]}" \
  "${CONTROLLER_WORKER_FLAGS[@]}" \
  --profiling=false \
  --v=1
start kube-scheduler \
  --kubeconfig="$STATE_DIR/scheduler.kubeconfig" \
  --authentication-kubeconfig="$STATE_DIR/scheduler.kubeconfig" \
  --authorization-kubeconfig="$STATE_DIR/scheduler.kubeconfig" \
  --bind-address=127.0.0.1 \
  --secure-port="$SCHED_PORT" \
  --leader-elect=false \
  "${CONTROL_PLANE_CLIENT_FLAGS[@]}" \
  --profiling=false \
  --v=1

# ---------------------------------------------------------------------------
# kwok: fake nodes + pod lifecycle stages
# ---------------------------------------------------------------------------
# One multi-document config: the Stage files plus a default ClusterLogs.
: > "$STATE_DIR/kwok-logs/empty.log"
{
  for f in "$HERE"/stages/*.yaml; do echo "---"; cat "$f"; done
  # kwok's client has no rate limit; give its pod stages more than the default 4 workers.
  cat <<EOF
---
apiVersion: config.kwok.x-k8s.io/v1alpha1
kind: KwokConfiguration
options: # a config document gets no defaults: every option kwok needs is spelled out
  manageAllNodes: false
  enableDebuggingHandlers: true
  enableContentionProfiling: false
  enableProfilingHandler: false
  podPlayStageParallelism: 16
  nodePlayStageParallelism: 4
  nodeLeaseParallelism: 4
  podsOnNodeSyncParallelism: 4
  enablePodsOnNodeSyncListPager: true
  enablePodsOnNodeSyncStreamWatch: false
EOF
  cat <<EOF
---
apiVersion: kwok.x-k8s.io/v1alpha1
kind: ClusterLogs
metadata:
  name: default-empty-logs
spec:
  logs:
  - logsFile: $STATE_DIR/kwok-logs/empty.log
EOF
} > "$STATE_DIR/kwok.yaml"

# kwok reads per-pod `Logs` objects from the API (written by wavesync-logd).
wait_for "kwok Logs CRD" kc apply --server-side -f "$HERE/crds/kwok.x-k8s.io_logs.yaml"
wait_for "kwok Logs CRD established" kc wait --for=condition=Established --timeout=5s crd/logs.kwok.x-k8s.io

log "starting kwok $KWOK_VERSION (kubelet API on 127.0.0.1:$KWOK_PORT)"
start kwok \
  --kubeconfig="$STATE_DIR/kwok.kubeconfig" \
  --config="$STATE_DIR/kwok.yaml" \
  --manage-nodes-with-annotation-selector=kwok.x-k8s.io/node=fake \
  --node-ip=127.0.0.1 \
  --node-port="$KWOK_PORT" \
  --server-address="127.0.0.1:$KWOK_PORT" \
  --tls-cert-file="$PKI/kwok-serving.crt" \
  --tls-private-key-file="$PKI/kwok-serving.key" \
  --cidr=10.244.0.0/16 \
  --node-lease-duration-seconds=40 \
  --enable-crds=Logs
start wavesync-logd -kubeconfig="$STATE_DIR/kwok.kubeconfig" -dir="$STATE_DIR/kwok-logs/pods"

for i in $(seq 0 $((NODE_COUNT - 1))); do
  cat <<EOF
---
apiVersion: v1
kind: Node
metadata:
  name: kwok-node-$i
  annotations:
    kwok.x-k8s.io/node: fake
    node.alpha.kubernetes.io/ttl: "0"
  labels:
    type: kwok
    kubernetes.io/arch: amd64
    kubernetes.io/hostname: kwok-node-$i
    kubernetes.io/os: linux
    kubernetes.io/role: agent
    node-role.kubernetes.io/agent: ""
    topology.kubernetes.io/zone: zone-$i
EOF
done > "$STATE_DIR/nodes.yaml"
wait_for "node creation" kc apply -f "$STATE_DIR/nodes.yaml"

nodes_ready() {
  local out
  out="$(kc get nodes -o jsonpath='{range .items[*]}{.metadata.name}{" "}{.status.conditions[?(@.type=="Ready")].status}{" "}{.spec.taints[*].key}{"\n"}{end}')"
  [[ "$(grep -c ' True *$' <<<"$out")" -eq $NODE_COUNT ]]
}
wait_for "$NODE_COUNT Ready nodes without taints" nodes_ready
wait_for "default ServiceAccount" kc -n default get serviceaccount default
check_processes

trap - EXIT
log "cluster up in $(awk -v a="$t0" -v b="$(date +%s%N)" 'BEGIN{printf "%.1f", (b-a)/1e9}')s; kubeconfig: $KUBECONFIG_FILE"
finish started
