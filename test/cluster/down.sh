#!/usr/bin/env bash
# Stop exactly the processes recorded by up.sh and remove the state dir.
#   --keep-logs            stop the processes but keep the state dir (debugging)
#   --e2e-release <user>   used by the jest globalTeardown: unregister <user>
#                          (see up.sh WAVESYNC_E2E_USER) and stop the cluster only
#                          if an e2e run started it and no other live e2e run
#                          still uses it. A manually started cluster is kept.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=lib.sh
source "$HERE/lib.sh"

KEEP=0 RELEASE=""
case "${1:-}" in
  --keep-logs) KEEP=1 ;;
  --e2e-release) RELEASE="${2:?--e2e-release needs a user id}" ;;
  "") ;;
  *) die "unknown argument: $1" ;;
esac

if [[ "${WAVESYNC_CLUSTER_LOCKED:-}" != 1 ]]; then
  mkdir -p "$(dirname "$STATE_DIR")"
  exec 9>"$STATE_DIR.lock"
  flock -w 600 9 || die "could not lock $STATE_DIR.lock"
fi

if [[ -n "$RELEASE" ]]; then
  rm -f "$STATE_DIR/e2e-users/$RELEASE"
  if [[ ! -f "$STATE_DIR/started-by-e2e" ]]; then
    log "cluster was started manually (npm run cluster:up); leaving it running"
    exit 0
  fi
  for f in "$STATE_DIR"/e2e-users/*; do
    [[ -e "$f" ]] || continue
    if kill -0 "$(basename "$f")" 2>/dev/null; then
      log "cluster still used by e2e run $(basename "$f"); leaving it running"
      exit 0
    fi
  done
fi

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
