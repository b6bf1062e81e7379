#!/usr/bin/env bash
# `npm run bench [-- --quick]`: installs what the benchmarks need, as `npm test` does (the setup, Debian's
# Chromium and the site's production build for the page stage), then runs bench/run.ts with the arguments
# given. As root: it starts real sandboxes.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
need_root
bash "$GAIOLA_ROOT/scripts/setup.sh" || die "setup failed"
apt_install chromium
cd "$GAIOLA_ROOT"
if site_needs_build; then
  say "building the site for the page stage (next build: about a minute)"
  node node_modules/next/dist/bin/next build >/dev/null || die "next build failed: run it alone to see why"
fi
exec node --expose-gc --import tsx bench/run.ts "$@"
