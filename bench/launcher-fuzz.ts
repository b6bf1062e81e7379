// The long fuzzing run of the launcher's `list` (sandbox-agent/test/list-fuzz.ts) under AddressSanitizer and
// UndefinedBehaviorSanitizer: rounds of 32 generated trees of hostile names until at least --names of them
// (a million by default) have been listed and every listing checked. As root:
//   node --import tsx bench/launcher-fuzz.ts [--names N] [--seed S]
// Prints the names, listings and rounds done and the time; exits non-zero at the first crash, sanitizer report
// or wrong listing, with the seed that reproduces it.
import { spawnSync } from 'node:child_process';
import { FUZZ_SCRATCH, fuzzRound } from '../sandbox-agent/test/list-fuzz';

const ROOT = new URL('..', import.meta.url).pathname;
const SANITIZED = `${ROOT}sandbox-agent/launcher/build/gaiola-sandbox-sanitize`;

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isSafeInteger(v) || v < 0) throw new Error(`${name}: expected a whole number`);
  return v;
}

const want = option('--names', 1_000_000);
const seed = option('--seed', Date.now() >>> 0);
if (process.getuid?.() !== 0) throw new Error('run as root: the listing drops to nobody, as it drops to a sandbox uid');
const build = spawnSync('bash', [`${ROOT}scripts/build-launcher.sh`, '--sanitize'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(1);

const t0 = performance.now();
let names = 0;
let listings = 0;
let rounds = 0;
while (names < want) {
  const r = await fuzzRound(SANITIZED, FUZZ_SCRATCH, seed + rounds);
  names += r.names;
  listings += r.listings;
  rounds++;
}
const s = (performance.now() - t0) / 1000;
console.log(
  `launcher list fuzzing (ASan+UBSan): ${names} names in ${listings} listings (${rounds} rounds from seed ${seed}), ` +
    `0 crashes, 0 sanitizer reports, 0 wrong listings, ${s.toFixed(1)} s (${Math.round(names / s)} names/s)`,
);
