// `npm start` on a fresh clone must leave the clone's tree as git checked it out (issue 24 item 11: `npm
// install` rewrote the tracked package-lock.json, adding the other platforms' optional packages). This clones
// the committed HEAD (uncommitted changes are not in it), runs the install step as `npm start` does (setup.sh's
// install_npm_deps, under npm and the environment it exports to its scripts), and asks git. It lives in the slow tier: a clean install builds the native modules from source.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../..');
// npm ci downloads from npm's cache or the registry and compiles node-pty and better-sqlite3 (about two
// minutes on this project's 2-core CI machine); the bound only stops a hung install.
const INSTALL_TIMEOUT_MS = 15 * 60_000;
/** scripts/setup.sh's npm step, alone (the rest of setup needs apt and builds the base image). */
const INSTALL_STEP = 'bash -c "source scripts/lib.sh && install_npm_deps"';

/**
 * The environment minus what an enclosing `npm test`/`npx` exports: npm_config_local_prefix and friends name
 * this checkout; `npm exec` in the clone exports the clone's own, as a user's `npm start` there would.
 */
function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (!/^npm_/i.test(k) && k !== 'INIT_CWD') env[k] = v;
  }
  return env;
}

describe('a fresh clone', () => {
  it(
    "keeps a clean git tree after npm start's install step, with the native modules built",
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'gaiola-clone-'));
      try {
        await run('git', ['clone', '--quiet', '--no-hardlinks', ROOT, dir]);
        const opts = { cwd: dir, env: cleanEnv(), timeout: INSTALL_TIMEOUT_MS, maxBuffer: 64 << 20 };
        await run('npm', ['exec', '--call', INSTALL_STEP], opts);
        const { stdout: status } = await run('git', ['status', '--porcelain', '--untracked-files=all'], opts);
        expect(status).toBe('');
        // allowScripts in package.json let the native modules' install scripts run: each loads and works.
        const probe = [
          "require('better-sqlite3')(':memory:').prepare('select 1').get();",
          "require('node-pty');",
          "require('esbuild').transformSync('let a = 1');",
          "console.log('loaded');",
        ].join('');
        const { stdout } = await run('node', ['-e', probe], opts);
        expect(stdout.trim()).toBe('loaded');
        // A second install step finds everything current and leaves node_modules alone.
        const { stdout: again } = await run('npm', ['exec', '--call', INSTALL_STEP], opts);
        expect(again).not.toContain('installing npm dependencies');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    INSTALL_TIMEOUT_MS + 60_000,
  );
});
