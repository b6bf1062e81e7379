// The launcher under AddressSanitizer and UndefinedBehaviorSanitizer (build-launcher.sh --sanitize), in CI's
// kernel tier: a short fuzzing run of `list` over generated trees of hostile names (list-fuzz.ts; the long run is
// bench/launcher-fuzz.ts), every query once against a real sandbox, and a whole sandbox's life (create, a
// shell, a marker killed from inside, the end). Any sanitizer report aborts the launcher and fails the test.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixture } from '../src/kernel/lesson-fixtures';
import { createSandbox } from '../src/kernel/sandbox';
import { kernelSuite, sandboxFixture, Terminal, testId } from './kernel-helpers';
import { FUZZ_SCRATCH, fuzzRound } from './list-fuzz';

const FILE = 'launcher-fuzz';
const { probe, skip } = kernelSuite(FILE);

const ROOT = new URL('../..', import.meta.url).pathname;
const SANITIZED = `${ROOT}sandbox-agent/launcher/build/gaiola-sandbox-sanitize`;
/** Rounds of the short run: each lists 32 trees of up to about 1100 names. */
const ROUNDS = 3;
const SANITIZER_ENV = { ASAN_OPTIONS: 'detect_leaks=0:abort_on_error=1', UBSAN_OPTIONS: 'print_stacktrace=1' };

describe.skipIf(skip !== undefined)('the launcher under ASan and UBSan', () => {
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

  describe('a sandbox’s life', () => {
    // The agent starts the launcher with an empty environment and reads its stderr only for a failure's
    // reason: a wrapper sends every sanitized process's stderr (create, its init until it takes /dev/null, the
    // relays, their children until they exec) to one file, where a report would stay. (On a v1 host the init
    // runs on a stack of the launcher's malloc, and ASan warns once that it cannot check that stack: a warning,
    // not a report.)
    const dir = mkdtempSync(`${tmpdir()}/gaiola-asan-`);
    const log = `${dir}/stderr`;
    const wrapper = `${dir}/launcher`;
    writeFileSync(wrapper, `#!/bin/sh\nexec ${SANITIZED} "$@" 2>>${log}\n`);
    chmodSync(wrapper, 0o755);
    writeFileSync(log, '');
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('create, a shell, a marker killed from inside, the end: no sanitizer report', async () => {
      const cfg = { ...box.cfg, launcherPath: wrapper };
      const sb = box.own(
        await createSandbox(cfg, probe, { id: testId(), slot: box.slot + 1, hostname: 'gaiola-asan2' }),
      );
      const t = new Terminal(sb.spawnShell({ cols: 100, rows: 30 }));
      await t.ready();
      const marker = startFixture(sb, 'gaiola-mark', { launcherPath: wrapper });
      try {
        await marker.ready;
        const n = 1 + Math.floor(Math.random() * 1000);
        expect(await t.ok(`echo $((${n}*7))`)).toBe(String(n * 7));
        await t.ok(`kill ${marker.sandboxPid()}`);
        await marker.exited;
        expect(marker.state().killedBy).toMatchObject({ signal: 15, pid: Number(await t.ok('echo $$')) });
      } finally {
        await marker.stop();
        t.pty.kill('SIGHUP');
      }
      expect((await t.waitExit()).exitCode).toBe(128 + 1);
      await sb.destroy();
      expect(readFileSync(log, 'utf8')).not.toMatch(/Sanitizer|runtime error/);
    });
  });
});
