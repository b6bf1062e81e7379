#!/usr/bin/env bash
# Runs the site and the sandbox agent together on what start.sh installed and built (start.sh ends here; tests
# run it alone, with ports and directories of their own). A dead agent is started again while the site stays
# up; Ctrl-C stops both and frees every sandbox.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
need_root
cd "$GAIOLA_ROOT"
export NEXT_TELEMETRY_DISABLED=1
SITE_PORT=${GAIOLA_SITE_PORT:-3000}
AGENT_PORT=${GAIOLA_AGENT_PORT:-3001}
export GAIOLA_SITE_PORT=$SITE_PORT GAIOLA_AGENT_PORT=$AGENT_PORT

# The site and the agent under a supervisor that restarts a dead agent and keeps the site up: scripts/supervise.ts.
exec node --import tsx scripts/supervise.ts "$@"
