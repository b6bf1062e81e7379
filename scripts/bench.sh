#!/usr/bin/env bash
# `npm run bench [-- --quick]`: installs what the benchmarks need, as `npm test` does (the setup, and Debian's
# Chromium for the page stage), then runs bench/run.ts with the arguments given. As root: it starts real
# sandboxes.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
need_root
bash "$GAIOLA_ROOT/scripts/setup.sh" || die "setup failed"
apt_install chromium
cd "$GAIOLA_ROOT"
exec node --expose-gc --import tsx bench/run.ts "$@"
