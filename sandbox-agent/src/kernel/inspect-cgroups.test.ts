// The cgroup reader on recorded file contents: v1 (this machine) and v2 (cgroup-v2.rst formats), so the v2
// branch is exercised on a host that has only v1 controllers.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { CgroupLayout } from './cgroup-layout';
import {
  cgroupGroupOf,
  cgroupRoots,
  parseCpuMax,
  parseFlatKeyed,
  parseLimit,
  readSandboxCgroups,
  withSubtreeRefusals,
} from './inspect-cgroups';
import { fx } from './parse/fixture-util';
import type { CgroupGroup } from './snapshot';

const reader = (files: Record<string, string>) => (f: string) => files[f];
/** The group at `path` of the v1 hierarchy of `controller` alone, whose files hold `files`. */
const v1Group = (controller: string, path: string, files: Record<string, string>) =>
  cgroupGroupOf({ hierarchy: controller, controllers: [controller] }, 1, path, reader(files));
/** The group at `path` of the v2 tree with every controller gaiola reads, whose files hold `files`. */
const v2Group = (path: string, files: Record<string, string>) =>
  cgroupGroupOf({ hierarchy: 'unified', controllers: ['memory', 'pids', 'cpu', 'freezer'] }, 2, path, reader(files));

describe('cgroup file parsers', () => {
  it('reads limits, "max", v1 -1 and v1 huge default as no limit', () => {
    expect(parseLimit('104857600\n')).toBe(104857600);
    expect(parseLimit('max\n')).toBeNull();
    expect(parseLimit('-1\n')).toBeNull();
    expect(parseLimit('9223372036854771712\n')).toBeNull();
    expect(() => parseLimit('lots')).toThrow(/not a cgroup limit/);
  });
  it('reads flat keyed files and cpu.max', () => {
    expect(parseFlatKeyed('oom_kill_disable 0\nunder_oom 0\noom_kill 2\n').get('oom_kill')).toBe(2);
    expect(parseCpuMax('10000 100000\n')).toEqual({ quotaUs: 10000, periodUs: 100000 });
    expect(parseCpuMax('max 100000\n')).toEqual({ quotaUs: null, periodUs: 100000 });
  });
});

describe('cgroupRoots', () => {
  it('gives one root per v1 hierarchy the sandbox is in, co-mounted controllers together', () => {
    const layout = {
      mode: 'v1' as const,
      hierarchies: [
        { mountPoint: '/sys/fs/cgroup/memory', controllers: ['memory'], ownPath: '/' },
        { mountPoint: '/sys/fs/cgroup/cpu,cpuacct', controllers: ['cpu', 'cpuacct'], ownPath: '/' },
        { mountPoint: '/sys/fs/cgroup/blkio', controllers: ['blkio'], ownPath: '/' },
      ],
    };
    const dirs = ['/sys/fs/cgroup/memory/gaiola/s1', '/sys/fs/cgroup/cpu,cpuacct/gaiola/s1'];
    expect(cgroupRoots(dirs, layout).map((r) => [r.hierarchy, r.dir])).toEqual([
      ['memory', '/sys/fs/cgroup/memory/gaiola/s1'],
      ['cpu,cpuacct', '/sys/fs/cgroup/cpu,cpuacct/gaiola/s1'],
    ]);
  });
  it('gives the one v2 directory', () => {
    const layout = { mode: 'v2' as const, mountPoint: '/sys/fs/cgroup', ownPath: '/system.slice/gaiola.service' };
    expect(cgroupRoots(['/sys/fs/cgroup/gaiola/s1'], layout).map((r) => r.hierarchy)).toEqual(['unified']);
  });
});

describe('cgroupGroupOf', () => {
  it('v1 memory: limit, usage and OOM kills from memory.oom_control', () => {
    const g = v1Group('memory', '/demo', {
      'cgroup.procs': '12\n13\n',
      'memory.limit_in_bytes': '104857600\n',
      'memory.usage_in_bytes': '65536000\n',
      'memory.oom_control': 'oom_kill_disable 0\nunder_oom 0\noom_kill 1\n',
    });
    expect(g).toEqual({
      hierarchy: 'memory',
      path: '/demo',
      procs: [12, 13],
      memory: { limit: 104857600, limitText: '104857600', usage: 65536000, oomKills: 1 },
    });
  });

  it('v1 cpu, pids and freezer', () => {
    const cpu = v1Group('cpu', '/cpu10', {
      'cgroup.procs': '7\n',
      'cpu.cfs_quota_us': '10000\n',
      'cpu.cfs_period_us': '100000\n',
      'cpu.shares': '1024\n',
      'cpu.stat': 'nr_periods 20\nnr_throttled 20\nthrottled_time 1531979853\n',
    });
    expect(cpu?.cpu).toEqual({ quotaUs: 10000, periodUs: 100000, weight: 1024, nrThrottled: 20 });
    const pids = v1Group('pids', '/pid20', {
      'cgroup.procs': '',
      'pids.max': '20\n',
      'pids.current': '20\n',
      'pids.events': 'max 1\n',
    });
    expect(pids?.pids).toEqual({ max: 20, current: 20, refused: 1 });
    const fz = v1Group('freezer', '/gelo', { 'cgroup.procs': '9\n', 'freezer.state': 'FROZEN\n' });
    expect(fz?.frozen).toBe(true);
  });

  it('v2: every controller in one group, the freezer in cgroup.events, subtree_control', () => {
    const g = v2Group('/pid20', {
      'cgroup.procs': '30\n31\n',
      'memory.max': 'max\n',
      'memory.current': '1048576\n',
      'memory.events': 'low 0\nhigh 0\nmax 0\noom 0\noom_kill 0\noom_group_kill 0\n',
      'pids.max': '20\n',
      'pids.current': '20\n',
      'pids.events': 'max 3\n',
      'cpu.max': 'max 100000\n',
      'cpu.weight': '100\n',
      'cpu.stat': 'usage_usec 100\nuser_usec 50\nsystem_usec 50\nnr_periods 0\nnr_throttled 0\nthrottled_usec 0\n',
      'cgroup.events': 'populated 1\nfrozen 1\n',
      'cgroup.subtree_control': '\n',
    });
    expect(g).toEqual({
      hierarchy: 'unified',
      path: '/pid20',
      procs: [30, 31],
      memory: { limit: null, limitText: 'max', usage: 1048576, oomKills: 0 },
      pids: { max: 20, current: 20, refused: 3 },
      cpu: { quotaUs: null, periodUs: 100000, weight: 100, nrThrottled: 0 },
      frozen: true,
      subtreeControl: [],
    });
  });

  it('keeps the limit file as the kernel printed it, for a hint on a group without a limit', () => {
    // v1's file as recorded on this machine; v2's written by hand from cgroup-v2.rst (parse/fixtures/v2/README.md)
    const recorded = (dir: string, file: string) => fx(`${dir}/${file}`);
    const v1 = v1Group('memory', '/demo', {
      'cgroup.procs': '',
      'memory.limit_in_bytes': recorded('v1-hybrid/memory-unlimited', 'memory.limit_in_bytes'),
      'memory.usage_in_bytes': '0\n',
    });
    expect(v1?.memory).toMatchObject({ limit: null, limitText: '9223372036854771712' });
    const v2 = v2Group('/demo', {
      'cgroup.procs': '',
      'memory.max': recorded('v2/unlimited', 'memory.max'),
      'memory.current': '0\n',
    });
    expect(v2?.memory).toMatchObject({ limit: null, limitText: 'max' });
  });

  it('is undefined for a group removed meanwhile, and leaves out a controller whose files are absent', () => {
    expect(v1Group('memory', '/x', {})).toBeUndefined();
    const g = v2Group('/leaf', { 'cgroup.procs': '' });
    expect(g).toEqual({ hierarchy: 'unified', path: '/leaf', procs: [] });
  });
});

describe('refused forks: the same number whichever cgroup the kernel counts them in', () => {
  // fixtures/pids-events/README.md: each folder is a group whose pids.max a child group's task forked past
  const fixtures = fileURLToPath(new URL('./fixtures/pids-events', import.meta.url));
  const layouts: Record<'v1' | 'v2', CgroupLayout> = {
    v1: { mode: 'v1', hierarchies: [{ mountPoint: fixtures, controllers: ['pids'], ownPath: '/' }] },
    v2: { mode: 'v2', mountPoint: fixtures, ownPath: '/' },
  };
  const refused = (folder: string, mode: 'v1' | 'v2') =>
    Object.fromEntries(
      readSandboxCgroups([`${fixtures}/${folder}`], layouts[mode]).groups.map((g) => [g.path, g.pids?.refused]),
    );

  it('6.1 on v2 (recorded): the group whose limit refused counts the fork its leaf was refused', () => {
    // the kernel wrote `max 0` into the group and `max 1` into the leaf
    expect(refused('linux-6.1-v2', 'v2')).toEqual({ '/': 1, '/leaf': 1 });
  });

  it('v1 (recorded on 6.18): counted at the forking task, summed up to the group with the limit', () => {
    expect(refused('linux-6.18-v1', 'v1')).toEqual({ '/': 2, '/init': 1, '/pid20': 1 });
  });

  it('6.11+ on v2: pids.events.local summed, never the hierarchical pids.events (which would count pid20 twice)', () => {
    // a refusal by the group's own limit counts in the group, not in the init leaf whose task forked
    expect(refused('linux-6.11-v2', 'v2')).toEqual({ '/': 2, '/init': 0, '/pid20': 1 });
  });

  it('6.11+ on v2 mounted with pids_localevents: both files local again, the same sums as v1', () => {
    expect(refused('linux-6.11-v2-pids_localevents', 'v2')).toEqual({ '/': 2, '/init': 1, '/pid20': 1 });
  });

  it('sums per hierarchy and by path, so /a does not take /ab, and leaves groups without pids alone', () => {
    const g = (hierarchy: string, path: string, own?: number): CgroupGroup => ({
      hierarchy,
      path,
      procs: [],
      ...(own === undefined ? {} : { pids: { max: null, current: 0, refused: own } }),
    });
    const out = withSubtreeRefusals([
      g('pids', '/', 1),
      g('pids', '/a', 2),
      g('pids', '/a/b', 4),
      g('pids', '/ab', 8),
      g('memory', '/'),
      g('other', '/', 16),
    ]);
    expect(out.map((x) => [x.hierarchy, x.path, x.pids?.refused])).toEqual([
      ['pids', '/', 15],
      ['pids', '/a', 6],
      ['pids', '/a/b', 4],
      ['pids', '/ab', 8],
      ['memory', '/', undefined],
      ['other', '/', 16],
    ]);
  });
});
