import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { quote, renderUnit, serviceEnvironment, UNIT_PATH } from './service-unit';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

describe('renderUnit', () => {
  it('writes a service that runs the class, restarts on failure and owns a delegated cgroup', () => {
    const unit = renderUnit({
      root: '/srv/gaiola',
      bash: '/usr/bin/bash',
      env: { GAIOLA_SITE_PORT: '8080', PATH: '/usr/local/bin:/usr/bin:/bin' },
    });
    // The whole unit, line for line: the fixture is the expected file for these options, as systemd would read it.
    expect(unit).toBe(readFileSync(path.join(root, 'scripts/fixtures/gaiola-class.service'), 'utf8'));
  });

  it('quotes what systemd would expand or split: spaces, quotes, backslashes, % and (in ExecStart) $', () => {
    const unit = renderUnit({ root: '/home/ana/my "50%" $dir\\x', bash: '/bin/bash', env: { GAIOLA_X: 'a b%$' } });
    expect(unit).toContain('WorkingDirectory=/home/ana/my "50%%" $dir\\x');
    expect(unit).toContain('Documentation=file:///home/ana/my%%20%%2250%%25%%22%%20$dir%%5Cx/README.md');
    expect(unit).toContain('ExecStart="/bin/bash" "/home/ana/my \\"50%%\\" $$dir\\\\x/scripts/class.sh"');
    expect(unit).toContain('Environment="GAIOLA_X=a b%%$"');
  });

  // systemd's own parser is the judge: `systemd-analyze verify` loads the unit as systemd would, offline (it
  // needs no systemd running), and fails on a setting systemd refuses (a quoted WorkingDirectory= was one).
  const analyze = spawnSync('systemd-analyze', ['--version'], { encoding: 'utf8' });
  const noAnalyze = analyze.status === 0 ? undefined : 'no systemd-analyze on this host (Debian: apt install systemd)';
  if (noAnalyze) console.warn(`[service-unit.test] systemd check skipped: ${noAnalyze}`);
  it.skipIf(noAnalyze !== undefined).each([
    ['this checkout', root],
    ['an odd path', '/home/ana/my "50%" $dir\\x'],
  ])('is a unit systemd loads without a complaint (%s)', (_what, unitRoot) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'gaiola-unit-'));
    try {
      const file = path.join(dir, 'gaiola-class.service');
      writeFileSync(file, renderUnit({ root: unitRoot, bash: '/bin/bash', env: { PATH: '/usr/bin:/bin' } }));
      const r = spawnSync('systemd-analyze', ['verify', '--man=no', file], { encoding: 'utf8' });
      expect(`${r.stdout}${r.stderr}`).toBe('');
      expect(r.status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a newline or a bad variable name instead of writing a broken unit', () => {
    expect(() => quote('a\nb', false)).toThrow(/newline/);
    expect(() => renderUnit({ root: '/r', bash: '/bin/bash', env: { 'A B': 'x' } })).toThrow(/variable name/);
  });
});

describe('serviceEnvironment', () => {
  it("keeps PATH and the instructor's GAIOLA_* settings, nothing else and not the repository's path", () => {
    expect(
      serviceEnvironment({
        PATH: '/usr/bin',
        HOME: '/root',
        SSH_AUTH_SOCK: '/tmp/x',
        GAIOLA_ROOT: '/srv/gaiola',
        GAIOLA_MAX_SANDBOXES: '30',
        GAIOLA_CLASS_ADDRESS: '10.0.0.5',
        gaiola_lower: 'x',
        GAIOLA_UNSET: undefined,
      }),
    ).toEqual({ GAIOLA_CLASS_ADDRESS: '10.0.0.5', GAIOLA_MAX_SANDBOXES: '30', PATH: '/usr/bin' });
  });
});

// Only where it can refuse: as root (else it refuses for want of root) on a host without systemd as init (on a
// systemd host it would really install the service).
const refusalSkip =
  process.getuid?.() !== 0
    ? 'needs root'
    : existsSync('/run/systemd/system')
      ? 'this host runs systemd: --install would install'
      : undefined;
if (refusalSkip) console.warn(`[service-unit.test] --install refusal skipped: ${refusalSkip}`);

describe.skipIf(refusalSkip)('npm run class -- --install on a host without systemd', () => {
  it('refuses, saying why and what to do, and writes nothing', () => {
    const r = spawnSync('bash', [path.join(root, 'scripts/class.sh'), '--install'], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/does not run systemd as its init/);
    expect(r.stderr).toMatch(/npm run class/);
    expect(existsSync(UNIT_PATH)).toBe(false);
  });
  it('refuses --install with another option', () => {
    const r = spawnSync('bash', [path.join(root, 'scripts/class.sh'), '--install', '--new-class'], {
      encoding: 'utf8',
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/--install goes alone/);
  });
});
