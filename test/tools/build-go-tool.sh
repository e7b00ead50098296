#!/usr/bin/env bash
# Build a Go command from the Go module proxy into the wavesync cache and print its path.
#   build-go-tool.sh <name> <module@version> <package>
# e.g. build-go-tool.sh helm helm.sh/helm/v4@v4.3.2 helm.sh/helm/v4/cmd/helm
# Output: ${WAVESYNC_CACHE:-~/.cache/wavesync}/tools/<name>-<version>/<name>
# Cached by version: a second call is a no-op that prints the path. Test-only: the action never
# runs Go; tests and benchmarks use these tools (helm, actionlint, ...).
set -euo pipefail
name="${1:?name}"; modver="${2:?module@version}"; pkg="${3:?package}"
version="${modver##*@}"
out_dir="${WAVESYNC_CACHE:-$HOME/.cache/wavesync}/tools/$name-$version"
bin="$out_dir/$name"
if [[ -x "$bin" ]]; then echo "$bin"; exit 0; fi
export PATH="/usr/local/go/bin:$PATH"
command -v go >/dev/null || { echo "build-go-tool: go not found (install Go, see test/cluster/README.md)" >&2; exit 1; }
mkdir -p "$out_dir"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
echo "[tools $(date +%H:%M:%S)] building $name $version from $modver" >&2
start=$(date +%s)
# A throwaway module so the tool's own go.mod decides its dependencies (go install pkg@version).
( cd "$work" && CGO_ENABLED=0 GOTOOLCHAIN="${GOTOOLCHAIN:-local}" GOBIN="$work/bin" \
    go install -trimpath -ldflags "-s -w" -p "${BUILD_P:-2}" "$pkg@$version" )
mv "$work/bin/$(basename "$pkg")" "$bin"
echo "[tools $(date +%H:%M:%S)] built $name in $(( $(date +%s) - start ))s -> $bin" >&2
echo "$bin"
