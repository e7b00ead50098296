# Shared helpers for build.sh / up.sh / down.sh. Sourced, not executed.
# shellcheck shell=bash

CLUSTER_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
STATE_DIR="${WAVESYNC_CLUSTER_STATE:-$CLUSTER_DIR/.state}"

log() { printf '[cluster %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# Versions come from the Go modules (single source of truth).
modver() { # <go.mod> <module path>
  awk -v m="$2" '$1==m && $2 ~ /^v/ {print $2; exit} $1=="require" && $2==m {print $3; exit}' "$1"
}
K8S_VERSION="$(modver "$CLUSTER_DIR/go.mod" k8s.io/kubernetes)"
ETCD_VERSION="$(modver "$CLUSTER_DIR/etcd/go.mod" go.etcd.io/etcd/server/v3)"
KWOK_VERSION="$(modver "$CLUSTER_DIR/kwok/go.mod" sigs.k8s.io/kwok)"
[[ -n "$K8S_VERSION" && -n "$ETCD_VERSION" && -n "$KWOK_VERSION" ]] ||
  die "cannot read versions from go.mod files (k8s=$K8S_VERSION etcd=$ETCD_VERSION kwok=$KWOK_VERSION)"

CACHE_ROOT="${WAVESYNC_CACHE:-$HOME/.cache/wavesync}"
BIN_DIR="$CACHE_ROOT/cluster/$K8S_VERSION/bin"
BINARIES=(kube-apiserver kube-controller-manager kube-scheduler etcd kwok wavesync-logd)

all_binaries_present() {
  local b
  for b in "${BINARIES[@]}"; do [[ -x "$BIN_DIR/$b" ]] || return 1; done
}
