#!/usr/bin/env bash
# Kill kube-apiserver (SIGKILL, as a crash or a node loss) and start it again with the same flags,
# for tests of a restart in the middle of a sync (e2e/faults/restart.test.ts). Refuses the shared
# cluster at test/cluster/.state: restart only a private one (WAVESYNC_CLUSTER_STATE=...), whose
# other e2e users would otherwise see their runs fail.
#   WAVESYNC_CLUSTER_STATE  the private cluster's state dir (required)
#   RESTART_DOWN_SECONDS    how long the server stays away before it starts again (default 2)
# Prints the seconds until /readyz answered again.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=lib.sh
source "$HERE/lib.sh"

[[ -n "${WAVESYNC_CLUSTER_STATE:-}" ]] || die "set WAVESYNC_CLUSTER_STATE to a private cluster's state dir; the shared one is never restarted"
[[ "$(cd "$STATE_DIR" && pwd)" != "$(cd "$CLUSTER_DIR" && pwd)/.state" ]] || die "refusing to restart the shared cluster in $STATE_DIR"
[[ -s "$STATE_DIR/pids" ]] || die "no cluster recorded in $STATE_DIR/pids"

pid=$(awk '$1=="kube-apiserver" {print $2}' "$STATE_DIR/pids" | tail -1)
[[ -n "$pid" && -r "/proc/$pid/cmdline" ]] || die "kube-apiserver (pid ${pid:-?}) is not running"
# The same binary and flags, read back from the running process.
mapfile -d '' argv < "/proc/$pid/cmdline"
[[ "${argv[0]}" == "$BIN_DIR/kube-apiserver" ]] || die "pid $pid is not $BIN_DIR/kube-apiserver"

kill -KILL "$pid"
while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
sleep "${RESTART_DOWN_SECONDS:-2}"

t0=$(date +%s%N)
setsid "${argv[@]}" >>"$STATE_DIR/logs/kube-apiserver.log" 2>&1 </dev/null 9>&- &
new=$!
# Record the new pid in place of the old one, so down.sh stops the right process.
sed -i "s/^kube-apiserver $pid\$/kube-apiserver $new/" "$STATE_DIR/pids"
for _ in $(seq 1 600); do
  if kubectl --kubeconfig "$STATE_DIR/kubeconfig" get --raw='/readyz' --request-timeout=2s >/dev/null 2>&1; then
    echo "$(( ($(date +%s%N) - t0) / 1000000 ))"
    exit 0
  fi
  sleep 0.2
done
die "kube-apiserver did not become ready within 120s after the restart (logs: $STATE_DIR/logs/kube-apiserver.log)"
