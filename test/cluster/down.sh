#!/usr/bin/env bash
# Stop exactly the processes recorded by up.sh and remove the state dir.
#   --keep-logs   stop the processes but keep the state dir (for debugging)
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=lib.sh
source "$HERE/lib.sh"

KEEP=0
[[ "${1:-}" == "--keep-logs" ]] && KEEP=1

ours() { # <name> <pid>: the pid is alive and is our binary (guards against PID reuse)
  local exe
  kill -0 "$2" 2>/dev/null || return 1
  exe="$(readlink "/proc/$2/exe" 2>/dev/null || true)"
  [[ "$exe" == *"/$1" || "$exe" == *"/$1 (deleted)" ]]
}

stop_group() { # <names...>: SIGTERM the recorded pids of these names, wait up to 5s, then SIGKILL
  local want=" $* " name pid pids=()
  while read -r name pid; do
    [[ "$want" == *" $name "* ]] || continue
    if ours "$name" "$pid"; then
      log "stopping $name (pid $pid)"
      kill -TERM "$pid" 2>/dev/null || true
      pids+=("$name:$pid")
    fi
  done < "$STATE_DIR/pids"
  local deadline=$(( $(date +%s) + 5 )) np
  for np in "${pids[@]}"; do
    name="${np%%:*}"; pid="${np##*:}"
    while ours "$name" "$pid" && (( $(date +%s) < deadline )); do sleep 0.1; done
    if ours "$name" "$pid"; then
      log "$name (pid $pid) did not exit after SIGTERM; sending SIGKILL"
      kill -KILL "$pid" 2>/dev/null || true
    fi
  done
}

if [[ -f "$STATE_DIR/pids" ]]; then
  # Clients first, then the apiserver, then etcd (the apiserver's graceful
  # shutdown stalls if etcd disappears under it).
  stop_group wavesync-logd kwok kube-scheduler kube-controller-manager
  stop_group kube-apiserver
  stop_group etcd
fi

if [[ $KEEP -eq 0 ]]; then
  rm -rf "$STATE_DIR"
  log "cluster stopped; removed $STATE_DIR"
else
  log "cluster stopped; kept $STATE_DIR"
fi
