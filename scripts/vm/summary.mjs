// The VM tier's closing: reads stages.tsv (one row per stage: name, status, milliseconds, note) and the
// kernel tier's and the e2e smoke's JSON reports from a results directory, writes summary.json there, prints
// one row per stage and the line "vm: N passed, N failed, N skipped". Exits 1 on any failure.
//   node scripts/vm/summary.mjs RESULTS_DIR TARGET [STOPPED_AT]
import fs from 'node:fs';
import path from 'node:path';

const [dir, target, stoppedAt] = process.argv.slice(2);
if (!dir || !target) throw new Error('usage: summary.mjs RESULTS_DIR TARGET [STOPPED_AT]');

/** The parsed JSON report `name` in the results directory, or null when there is none. */
function report(name) {
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8'));
  } catch {
    return null;
  }
}

/** Test counts of a stage: the runner's own for the kernel tier (vitest) and the e2e smoke (Playwright). */
function counts(name) {
  if (name === 'kernel') {
    const r = report('kernel.json');
    if (!r) return null;
    // Files the guest cannot run, left out by jobs/kernel.sh with their reason: one line each.
    let excluded = 0;
    try {
      excluded = fs.readFileSync(path.join(dir, 'kernel-excluded.txt'), 'utf8').split('\n').filter(Boolean).length;
    } catch {}
    return {
      passed: r.numPassedTests,
      failed: r.numFailedTests,
      skipped: r.numPendingTests + (r.numTodoTests ?? 0) + excluded,
    };
  }
  if (name === 'e2e') {
    const s = report('e2e.json')?.stats;
    if (!s) return null;
    return { passed: s.expected + s.flaky, failed: s.unexpected, skipped: s.skipped };
  }
  return null;
}

// Stages that only prepare or end the run (host, image, checkout, boot, poweroff) count when they fail.
const SETUP = new Set(['host', 'image', 'checkout', 'boot', 'poweroff']);
const rows = fs
  .readFileSync(path.join(dir, 'stages.tsv'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => {
    const [name = '?', status = '?', ms = '0', note = ''] = line.split('\t');
    const ok = status === 'passed';
    // A stage left out on purpose (--kernel-only) is neither a pass nor a failure.
    if (status === 'skipped') return { name, status, seconds: 0, note, passed: 0, failed: 0, skipped: 1 };
    let c = counts(name) ?? (SETUP.has(name) && ok ? { passed: 0, failed: 0, skipped: 0 } : null);
    if (!c) c = ok ? { passed: 1, failed: 0, skipped: 0 } : { passed: 0, failed: 1, skipped: 0 };
    // A runner that exited non-zero (or was stopped) with no failed test in its report still failed.
    else if (!ok && c.failed === 0) c = { ...c, failed: 1 };
    return { name, status, seconds: Math.round(Number(ms) / 1000), note, ...c };
  });

const total = { passed: 0, failed: 0, skipped: 0 };
for (const r of rows) {
  total.passed += r.passed;
  total.failed += r.failed;
  total.skipped += r.skipped;
}
if (stoppedAt) total.failed = Math.max(total.failed, 1);
fs.writeFileSync(
  path.join(dir, 'summary.json'),
  `${JSON.stringify({ target, stoppedAt: stoppedAt || null, stages: rows, ...total }, null, 2)}\n`,
);
for (const r of rows) {
  const tests = `${r.passed} passed, ${r.failed} failed, ${r.skipped} skipped`;
  console.log(
    `  ${r.name.padEnd(9)} ${r.status.padEnd(8)} ${String(r.seconds).padStart(5)} s  ${tests}${r.note ? `  (${r.note})` : ''}`,
  );
}
if (stoppedAt) console.log(`  stopped at stage: ${stoppedAt}`);
console.log(`vm: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(total.failed > 0 || total.passed === 0 ? 1 : 0);
