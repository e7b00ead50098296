#!/usr/bin/env bash
# Build the gitops-engine peer into the wavesync tool cache and print the binary's path.
# The cache key is a hash of this folder's sources (main.go, go.mod, go.sum, this script) and the
# Go version, so an edited peer is always rebuilt and a stale binary is never used.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
export PATH="/usr/local/go/bin:$PATH"
command -v go >/dev/null || { echo "gitops-engine peer: go not found" >&2; exit 1; }
version="$(grep -oE 'github.com/argoproj/gitops-engine v[^ ]+' "$HERE/go.mod" | head -1 | cut -d' ' -f2)"
key="$( { cat "$HERE/main.go" "$HERE/go.mod" "$HERE/go.sum" "$HERE/build.sh"; go version; } | sha256sum | cut -c1-12)"
out_dir="${WAVESYNC_CACHE:-$HOME/.cache/wavesync}/tools/gitops-engine-$version-$key"
bin="$out_dir/gitops-engine-sync"
if [[ -x "$bin" ]]; then echo "$bin"; exit 0; fi
mkdir -p "$out_dir"
echo "[peer $(date +%H:%M:%S)] building gitops-engine $version peer (source $key)" >&2
start=$(date +%s)
( cd "$HERE" && CGO_ENABLED=0 GOTOOLCHAIN=local GOFLAGS=-mod=mod \
    go build -trimpath -ldflags "-s -w" -p "${BUILD_P:-2}" -o "$bin.tmp" . )
mv "$bin.tmp" "$bin"
echo "[peer $(date +%H:%M:%S)] built in $(( $(date +%s) - start ))s -> $bin" >&2
echo "$bin"
