#!/usr/bin/env bash
# Build the local control-plane binaries (kube-apiserver, kube-controller-manager,
# kube-scheduler, etcd, kwok, wavesync-logd) from source through the Go module proxy.
#
# Output: ${WAVESYNC_CACHE:-~/.cache/wavesync}/cluster/<k8s-version>/bin
# Idempotent: one stamp file per component records its inputs (version,
# go.mod/go.sum/source hashes, Go version); a component is rebuilt only when its
# stamp differs or a binary is missing, so a warm call is a fast no-op.
#
# Env:
#   WAVESYNC_CACHE   cache root (default ~/.cache/wavesync)
#   BUILD_P          go build -p (default 2)
#   FORCE_BUILD=1    rebuild even when the stamps match
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=lib.sh
source "$HERE/lib.sh"

export PATH="/usr/local/go/bin:$PATH"
command -v go >/dev/null || die "go not found (expected /usr/local/go/bin/go)"

export GOFLAGS="-mod=mod -buildvcs=false"
export CGO_ENABLED=0
export GOTOOLCHAIN="${GOTOOLCHAIN:-local}"
P="${BUILD_P:-2}"
GOVERSION="$(go env GOVERSION)"

mkdir -p "$BIN_DIR"
start=$(date +%s)
built=0

# build_component <name> <module dir> <binaries...> -- <go build args...>
build_component() {
  local name="$1" dir="$2"; shift 2
  local bins=() b
  while [[ "$1" != "--" ]]; do bins+=("$1"); shift; done
  shift
  local want
  want="$(cd "$dir" && { echo "$GOVERSION $*"; cat go.mod go.sum; find . -maxdepth 1 -name '*.go' -exec cat {} +; } | sha256sum | cut -d' ' -f1)"
  local stamp="$BIN_DIR/.stamp-$name" ok=1
  for b in "${bins[@]}"; do [[ -x "$BIN_DIR/$b" ]] || ok=0; done
  if [[ "${FORCE_BUILD:-0}" != 1 && $ok == 1 && -f "$stamp" && "$(cat "$stamp")" == "$want" ]]; then
    return 0
  fi
  log "building $name (${bins[*]})"
  rm -f "$stamp"
  (cd "$dir" && go build -p "$P" -trimpath "$@")
  echo "$want" > "$stamp"
  built=1
}

# --- kubernetes ---------------------------------------------------------------
minor="${K8S_VERSION#v1.}"; minor="${minor%%.*}"
# buildDate = the release's publication time from the module proxy (.info), so
# the ldflags (and hence the stamp) are stable across calls.
info="$(go env GOMODCACHE)/cache/download/k8s.io/kubernetes/@v/$K8S_VERSION.info"
build_date="${K8S_BUILD_DATE:-$(sed -n 's/.*"Time":"\([^"]*\)".*/\1/p' "$info" 2>/dev/null || true)}"
build_date="${build_date:-1970-01-01T00:00:00Z}"
git_commit="${K8S_GIT_COMMIT:-0000000000000000000000000000000000000000}"
ld="-s -w"
for pkg in k8s.io/component-base/version k8s.io/client-go/pkg/version; do
  ld+=" -X $pkg.gitVersion=$K8S_VERSION -X $pkg.gitMajor=1 -X $pkg.gitMinor=$minor"
  ld+=" -X $pkg.gitCommit=$git_commit -X $pkg.gitTreeState=clean -X $pkg.buildDate=$build_date"
done
build_component "kubernetes-$K8S_VERSION" "$HERE" kube-apiserver kube-controller-manager kube-scheduler -- \
  -ldflags "$ld" -o "$BIN_DIR/" \
  k8s.io/kubernetes/cmd/kube-apiserver \
  k8s.io/kubernetes/cmd/kube-controller-manager \
  k8s.io/kubernetes/cmd/kube-scheduler

# --- etcd (tiny main around go.etcd.io/etcd/server/v3/etcdmain) ---------------
build_component "etcd-$ETCD_VERSION" "$HERE/etcd" etcd -- -ldflags "-s -w" -o "$BIN_DIR/etcd" .

# --- kwok ---------------------------------------------------------------------
build_component "kwok-$KWOK_VERSION" "$HERE/kwok" kwok -- -ldflags "-s -w" -o "$BIN_DIR/kwok" sigs.k8s.io/kwok/cmd/kwok

# --- wavesync-logd (pod annotation -> kwok Logs) -------------------------------
build_component logd "$HERE/logd" wavesync-logd -- -ldflags "-s -w" -o "$BIN_DIR/wavesync-logd" .

all_binaries_present || die "binaries are missing in $BIN_DIR"
if [[ $built == 1 ]]; then
  log "built in $(( $(date +%s) - start ))s -> $BIN_DIR"
  "$BIN_DIR/kube-apiserver" --version >&2
else
  log "binaries up to date in $BIN_DIR"
fi
