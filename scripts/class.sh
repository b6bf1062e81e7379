#!/usr/bin/env bash
# `npm run class`: gaiola for a classroom. Like `npm start`, but the site and the agent listen on this
# machine's LAN address, and students join a class with its code and a name. The agent prints the URL
# students open, the class code, a QR code and the instructor's private link.
#   npm run class                    the class of the last run (or a new one the first time)
#   npm run class -- --new-class     a new class, with a new code
#   GAIOLA_CLASS_ADDRESS=10.0.0.5 npm run class    another address than the one of the default route
#   npm run class -- --install       a systemd service that runs the class at boot (scripts/install-service.ts)
set -euo pipefail
source "$(dirname "$0")/lib.sh"
for arg in "$@"; do
  case "$arg" in
    --new-class) ;;
    --install)
      [ "$#" -eq 1 ] || die "--install goes alone (a service that made a new class at every start would lose the old one)"
      need_root
      cd "$GAIOLA_ROOT"
      # The service keeps PATH and the GAIOLA_* settings given now; the address is found again at each start.
      exec node --import tsx scripts/install-service.ts
      ;;
    *) die "unknown option $arg (the options are --new-class and --install)" ;;
  esac
done

# The address of the interface the default route leaves through: the one the class's LAN reaches.
address=${GAIOLA_CLASS_ADDRESS:-$(ip -4 -o route get 1.1.1.1 2>/dev/null | sed -n 's/.* src \([0-9.]*\).*/\1/p')}
[ -n "$address" ] || address=$(hostname -I 2>/dev/null | awk '{print $1}')
[[ "$address" =~ ^[0-9]+(\.[0-9]+){3}$ ]] ||
  die "no LAN address found; set GAIOLA_CLASS_ADDRESS to this machine's address on the class network"
site_port=${GAIOLA_SITE_PORT:-3000}
export GAIOLA_MODE=class
export GAIOLA_SITE_HOST=$address GAIOLA_AGENT_HOST=$address
export GAIOLA_SITE_URL="http://$address:$site_port"
export GAIOLA_SITE_ORIGINS="http://$address:$site_port${GAIOLA_SITE_ORIGINS:+,$GAIOLA_SITE_ORIGINS}"
say "class mode on $address"
exec bash "$(dirname "$0")/start.sh" "$@"
