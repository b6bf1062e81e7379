#!/usr/bin/env bash
# `npm start`: installs what is missing, builds the site, and runs the site and the sandbox agent
# together on this machine (solo mode, localhost). Ctrl-C stops both and frees every sandbox.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
need_root
bash "$GAIOLA_ROOT/scripts/setup.sh"
# pid_max, the overlay module, the AppArmor profile (Ubuntu 24.04), the uid range: see scripts/lib.sh.
tune_host
cd "$GAIOLA_ROOT"
export NEXT_TELEMETRY_DISABLED=1
SITE_PORT=${GAIOLA_SITE_PORT:-3000}
AGENT_PORT=${GAIOLA_AGENT_PORT:-3001}
export GAIOLA_SITE_PORT=$SITE_PORT GAIOLA_AGENT_PORT=$AGENT_PORT

# Rebuild the site only when a source changed since the last build.
if [ ! -f .next/BUILD_ID ] || [ -n "$(find app lib lessons messages public proxy.ts next.config.mjs package-lock.json \
    -newer .next/BUILD_ID -print -quit 2>/dev/null)" ]; then
  say "building the site (production build: a minute or two)"
  node node_modules/next/dist/bin/next build
fi

pids=()
cleanup() {
  trap - EXIT INT TERM
  for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup EXIT INT TERM

# On a systemd host with cgroup v2, in a delegated cgroup (systemd-run --scope -p Delegate=yes): see run_agent
# in scripts/lib.sh. Directly otherwise.
run_agent node --import tsx sandbox-agent/src/main.ts "$@" &
pids+=($!)
# Run Next directly (not through npx) so this script holds the real server PID and can stop it.
node node_modules/next/dist/bin/next start -H "${GAIOLA_SITE_HOST:-127.0.0.1}" -p "$SITE_PORT" &
pids+=($!)

SITE_HOST=${GAIOLA_SITE_HOST:-127.0.0.1}
for _ in $(seq 1 100); do
  curl -fsS -o /dev/null "http://$SITE_HOST:$SITE_PORT/pt" 2>/dev/null && break
  sleep 0.2
done
if [ "${GAIOLA_MODE:-solo}" = class ]; then
  say "gaiola is running in class mode: students open http://$SITE_HOST:$SITE_PORT/ (Ctrl-C stops it)"
else
  say "gaiola is running: open http://localhost:$SITE_PORT/ (Ctrl-C stops it)"
fi
wait -n "${pids[@]}"
