// Adds up the test reports of every tier into one closing line: "tests: N passed, N failed, N skipped".
import fs from 'node:fs';
import path from 'node:path';

const [dir, ...failedStages] = process.argv.slice(2);
let passed = 0;
let failed = 0;
let skipped = 0;
const rows = [];

function read(name) {
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8'));
  } catch {
    return null;
  }
}

for (const tier of ['unit', 'kernel']) {
  const r = read(`${tier}.json`);
  if (!r) {
    rows.push(`${tier}: no report`);
    failed += 1;
    continue;
  }
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  skipped += r.numPendingTests + (r.numTodoTests ?? 0);
  rows.push(`${tier}: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests} skipped`);
}
const e2e = read('e2e.json');
if (!e2e) {
  rows.push('e2e: no report');
  failed += 1;
} else {
  const s = e2e.stats;
  passed += s.expected + s.flaky;
  failed += s.unexpected;
  skipped += s.skipped;
  rows.push(`e2e: ${s.expected + s.flaky} passed, ${s.unexpected} failed, ${s.skipped} skipped`);
}
for (const row of rows) console.log(`  ${row}`);
if (failedStages.length > 0) console.log(`  failed stages: ${failedStages.join(', ')}`);
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || failedStages.length > 0 || passed === 0 ? 1 : 0);
