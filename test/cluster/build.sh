#!/usr/bin/env bash
# Build the local control-plane binaries (kube-apiserver, kube-controller-manager,
# kube-scheduler, etcd, kwok) from source through the Go module proxy.
#
# Output: ${WAVESYNC_CACHE:-~/.cache/wavesync}/cluster/<k8s-version>/bin
# Idempotent: a stamp file records the inputs (versions + go.mod/go.sum hashes);
# when it matches and every binary exists, this is a fast no-op.
#
# Env:
#   WAVESYNC_CACHE   cache root (default ~/.cache/wavesync)
#   BUILD_P          go build -p (default 2)
#   FORCE_BUILD=1    rebuild even when the stamp matches
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

stamp_inputs() {
  echo "k8s=$K8S_VERSION etcd=$ETCD_VERSION kwok=$KWOK_VERSION go=$(go env GOVERSION)"
  cat "$HERE/build.sh" "$HERE/go.mod" "$HERE/go.sum" \
      "$HERE/etcd/go.mod" "$HERE/etcd/go.sum" "$HERE/etcd/main.go" \
      "$HERE/kwok/go.mod" "$HERE/kwok/go.sum" | sha256sum | cut -d' ' -f1
}

STAMP="$BIN_DIR/.stamp"
WANT="$(stamp_inputs)"
if [[ "${FORCE_BUILD:-0}" != 1 && -f "$STAMP" && "$(cat "$STAMP")" == "$WANT" ]] && all_binaries_present; then
  log "binaries up to date in $BIN_DIR"
  exit 0
fi

mkdir -p "$BIN_DIR"
rm -f "$STAMP"
start=$(date +%s)

# --- kubernetes ---------------------------------------------------------------
minor="${K8S_VERSION#v1.}"; minor="${minor%%.*}"
build_date="$(date -u +%Y-%m-%dT%H:%M:%SZ)"
git_commit="${K8S_GIT_COMMIT:-0000000000000000000000000000000000000000}"
ld="-s -w"
for pkg in k8s.io/component-base/version k8s.io/client-go/pkg/version; do
  ld+=" -X $pkg.gitVersion=$K8S_VERSION -X $pkg.gitMajor=1 -X $pkg.gitMinor=$minor"
  ld+=" -X $pkg.gitCommit=$git_commit -X $pkg.gitTreeState=clean -X $pkg.buildDate=$build_date"
done
log "building kubernetes $K8S_VERSION (kube-apiserver, kube-controller-manager, kube-scheduler)"
(cd "$HERE" && go build -p "$P" -trimpath -ldflags "$ld" -o "$BIN_DIR/" \
  k8s.io/kubernetes/cmd/kube-apiserver \
  k8s.io/kubernetes/cmd/kube-controller-manager \
  k8s.io/kubernetes/cmd/kube-scheduler)

# --- etcd ---------------------------------------------------------------------
log "building etcd $ETCD_VERSION"
(cd "$HERE/etcd" && go build -p "$P" -trimpath \
  -ldflags "-s -w" -o "$BIN_DIR/etcd" .)

# --- kwok ---------------------------------------------------------------------
log "building kwok $KWOK_VERSION"
(cd "$HERE/kwok" && go build -p "$P" -trimpath -ldflags "-s -w" -o "$BIN_DIR/kwok" sigs.k8s.io/kwok/cmd/kwok)

all_binaries_present || die "build finished but binaries are missing in $BIN_DIR"
echo "$WANT" > "$STAMP"
log "built in $(( $(date +%s) - start ))s -> $BIN_DIR"
"$BIN_DIR/kube-apiserver" --version
