// The launcher's queries under AddressSanitizer and UndefinedBehaviorSanitizer (build-launcher.sh --sanitize):
// a short fuzzing run of `list` over generated trees of hostile names (list-fuzz.ts; the long run is
// bench/launcher-fuzz.ts), and every query once against a real sandbox. Any sanitizer report aborts the
// launcher and fails the test.
import { spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { kernelSuite, sandboxFixture } from './kernel-helpers';
import { FUZZ_SCRATCH, fuzzRound } from './list-fuzz';

const FILE = 'launcher-fuzz';
const { probe, skip } = kernelSuite(FILE);

const ROOT = new URL('../..', import.meta.url).pathname;
const SANITIZED = `${ROOT}sandbox-agent/launcher/build/gaiola-sandbox-sanitize`;
/** Rounds of the short run: each lists 32 trees of up to about 1100 names. */
const ROUNDS = 3;
const SANITIZER_ENV = { ASAN_OPTIONS: 'detect_leaks=0:abort_on_error=1', UBSAN_OPTIONS: 'print_stacktrace=1' };

describe.skipIf(skip !== undefined)('the launcher’s queries under ASan and UBSan', () => {
  // the sanitized launcher first, then the sandbox (the fixture's beforeAll runs after this one)
  beforeAll(() => {
    const build = spawnSync('bash', [`${ROOT}scripts/build-launcher.sh`, '--sanitize'], { encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`build-launcher.sh --sanitize: ${build.stderr}`);
  });
  const box = sandboxFixture(probe, { hostnames: ['gaiola-asan'], reclaim: true });

  it(`list: ${ROUNDS} rounds of generated trees, every listing exact`, async () => {
    const seed = Date.now() >>> 0;
    let names = 0;
    for (let r = 0; r < ROUNDS; r++) names += (await fuzzRound(SANITIZED, FUZZ_SCRATCH, seed + r)).names;
    expect(names).toBeGreaterThan(ROUNDS * 1000);
  }, 120_000);

  it('every query once against a sandbox', () => {
    const sb = box.sandbox();
    const who = ['--pid', String(sb.initPid), '--start-time', String(sb.initStartTime)];
    const as = ['--uid', String(sb.uidBase), '--gid', String(sb.uidBase)];
    const queries = [
      ['read-file', ...who, ...as, '--max-bytes', '65536', '/etc/passwd'],
      ['stat', ...who, ...as, '--max-bytes', '4096', '/etc/hostname'],
      ['list', ...who, ...as, '--depth', '2', '--max-entries', '200', '--', '/etc', '/nonexistent'],
      ['hostname', ...who],
      ['mountinfo', ...who],
      ['netinfo', ...who, '--what', 'addr'],
      ['netinfo', ...who, '--what', 'route'],
    ];
    for (const q of queries) {
      const r = spawnSync(SANITIZED, q, { encoding: 'utf8', env: SANITIZER_ENV });
      expect({ query: q[0], status: r.status, stderr: r.stderr }).toEqual({ query: q[0], status: 0, stderr: '' });
    }
  });
});
