#!/usr/bin/env bash
# `npm test`: installs whatever is missing (Chromium and PostgreSQL from Debian included) and runs the whole suite:
# lint+format, type-check, unit, kernel integration (real namespaces and cgroups), the production build,
# e2e in a real Chromium against the real site and agent, and a quick run of the benchmarks (no timing is
# asserted). Prints one summary line and the duration.
set -uo pipefail
source "$(dirname "$0")/lib.sh"
need_root
started=$(date +%s)
bash "$GAIOLA_ROOT/scripts/setup.sh" || die "setup failed"
apt_install chromium
install_postgresql
cd "$GAIOLA_ROOT" || exit 1
export NEXT_TELEMETRY_DISABLED=1
summary_dir="$GAIOLA_ROOT/.test-summary"
rm -rf "$summary_dir" && mkdir -p "$summary_dir"
failed_stages=()

stage() {
  local name=$1; shift
  say "── $name"
  local t0=$(date +%s)
  if "$@"; then
    say "   $name ok ($(( $(date +%s) - t0 )) s)"
  else
    failed_stages+=("$name")
    say "   $name FAILED ($(( $(date +%s) - t0 )) s)"
  fi
}

stage lint npx biome check --error-on-warnings .
stage typecheck npm run -s typecheck
# gcc's static analyser over the launcher with its build flags: any finding fails the stage.
stage launcher-analysis bash scripts/build-launcher.sh --analyse
stage unit npx vitest run --config vitest.unit.config.ts --reporter=default --reporter=json --outputFile="$summary_dir/unit.json"
stage kernel npx vitest run --config vitest.kernel.config.ts --reporter=default --reporter=json --outputFile="$summary_dir/kernel.json"
stage build npx next build
PLAYWRIGHT_JSON_OUTPUT_NAME="$summary_dir/e2e.json" stage e2e npx playwright test --reporter=list,json
rm -rf "$GAIOLA_ROOT"/data/gaiola-e2e-*
# The benchmarks, reduced, so they keep working: they print a table and assert no time.
stage bench npm run -s bench -- --quick

node scripts/test-summary.mjs "$summary_dir" "${failed_stages[@]}"
rc=$?
say "test suite took $(( $(date +%s) - started )) s"
exit $rc
