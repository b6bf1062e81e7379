#!/usr/bin/env bash
# `npm start`: installs what is missing, builds the site, and runs the site and the sandbox agent
# together on this machine (solo mode, localhost): an agent that dies is started again while the site stays up
# (scripts/serve.sh, scripts/supervise.ts). Ctrl-C stops both and frees every sandbox.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
need_root
bash "$GAIOLA_ROOT/scripts/setup.sh"
# pid_max, the overlay module, the AppArmor profile (Ubuntu 24.04), the uid range: see scripts/lib.sh.
tune_host
cd "$GAIOLA_ROOT"
export NEXT_TELEMETRY_DISABLED=1

# Rebuild the site only when a source changed since the last build.
if [ ! -f .next/BUILD_ID ] || [ -n "$(find app lib lessons messages public proxy.ts next.config.mjs package-lock.json \
    -newer .next/BUILD_ID -print -quit 2>/dev/null)" ]; then
  say "building the site (production build: a minute or two)"
  node node_modules/next/dist/bin/next build
fi

# The site and the agent: see scripts/serve.sh.
exec bash "$GAIOLA_ROOT/scripts/serve.sh" "$@"
