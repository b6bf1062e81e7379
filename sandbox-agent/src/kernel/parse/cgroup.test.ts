import { describe, expect, it } from 'vitest';
import {
  cgroupPathFor,
  findCgroupEntry,
  parseCfsQuota,
  parseControllers,
  parseCounter,
  parseCpuMax,
  parseKeyValueFile,
  parseMax,
  parseProcCgroup,
  parseSubtreeControl,
} from './cgroup';
import { fx, itRejects } from './fixture-util';
import { ParseError } from './text';

describe('parseProcCgroup', () => {
  it('reads the recorded hybrid file: nine v1 hierarchies and the empty v2 line', () => {
    const entries = parseProcCgroup(fx('v1-hybrid/host/cgroup'));
    expect(entries).toHaveLength(10);
    expect(entries[0]).toEqual({ hierarchyId: 9, controllers: ['name=systemd'], path: '/' });
    expect(entries.at(-1)).toEqual({ hierarchyId: 0, controllers: [], path: '/' });
    expect(cgroupPathFor(entries, 'memory')).toMatch(/^\/process_api\/[0-9a-f]{32}$/);
    expect(findCgroupEntry(entries, 'memory')?.hierarchyId).toBe(4);
    expect(cgroupPathFor(entries, 'pids')).toBe('/');
    expect(cgroupPathFor(entries, 'name=systemd')).toBe('/');
    // hugetlb sits in the unified hierarchy on this host: it falls back to the 0:: line.
    expect(findCgroupEntry(entries, 'hugetlb')?.hierarchyId).toBe(0);
  });

  it('sees the same groups from inside the container (no cgroup namespace)', () => {
    expect(parseProcCgroup(fx('v1-hybrid/container/cgroup-inside'))).toEqual(
      parseProcCgroup(fx('v1-hybrid/host/cgroup')),
    );
  });

  it('reads the v2 line and resolves every controller to it', () => {
    const entries = parseProcCgroup(fx('v2/proc-self-cgroup'));
    expect(entries).toEqual([{ hierarchyId: 0, controllers: [], path: '/system.slice/gaiola.service/gaiola-agent' }]);
    expect(cgroupPathFor(entries, 'memory')).toBe('/system.slice/gaiola.service/gaiola-agent');
    expect(cgroupPathFor(entries, 'pids')).toBe('/system.slice/gaiola.service/gaiola-agent');
  });

  it('reads co-mounted controllers, a root v2 path and colons inside paths', () => {
    const entries = parseProcCgroup('2:cpu,cpuacct:/\n1:name=systemd:/user.slice\n0::/\n');
    expect(entries[0]?.controllers).toEqual(['cpu', 'cpuacct']);
    expect(cgroupPathFor(entries, 'cpuacct')).toBe('/');
    expect(cgroupPathFor(parseProcCgroup('0::/a:b/c\n'), 'cpu')).toBe('/a:b/c');
    expect(cgroupPathFor(parseProcCgroup('4:memory:/a\n'), 'pids')).toBeUndefined();
  });

  itRejects(parseProcCgroup, [
    ['empty', ''],
    ['no colons', 'memory\n'],
    ['one colon', '4:memory\n'],
    ['non-numeric id', 'x:memory:/\n'],
    ['relative path', '4:memory:a/b\n'],
    ['controllers on the v2 line', '0:memory:/\n'],
    ['v1 line without controllers', '3::/\n'],
    ['empty controller in a list', '2:cpu,:/\n'],
  ]);
});

describe('parseKeyValueFile', () => {
  it('reads v1 memory.oom_control after an OOM kill', () => {
    expect(parseKeyValueFile(fx('v1-hybrid/memory-limited/memory.oom_control'))).toEqual({
      oom_kill_disable: 0,
      under_oom: 0,
      oom_kill: 1,
    });
    expect(parseKeyValueFile(fx('v1-hybrid/memory-unlimited/memory.oom_control')).oom_kill).toBe(0);
  });

  it('reads v1 memory.stat, with the no-limit value as an exact bigint', () => {
    const stat = parseKeyValueFile(fx('v1-hybrid/memory-unlimited/memory.stat'));
    expect(stat.hierarchical_memory_limit).toBe(9223372036854771712n);
    expect(typeof stat.rss).toBe('number');
    expect(Object.keys(stat)).toHaveLength(42);
    const limited = parseKeyValueFile(fx('v1-hybrid/memory-limited/memory.stat'));
    expect(limited.hierarchical_memory_limit).toBe(99999744);
  });

  it('reads v1 cpu.stat of a throttled group and of the root', () => {
    const stat = parseKeyValueFile(fx('v1-hybrid/cpu/cpu.stat'));
    expect(stat.nr_periods).toBeGreaterThan(0);
    expect(stat.nr_throttled).toBeGreaterThan(0);
    expect(stat.throttled_time).toBeGreaterThan(0);
    expect(parseKeyValueFile(fx('v1-hybrid/cpu-root/cpu.stat')).nr_throttled).toBe(0);
  });

  it('reads pids.events (v1 recorded, v2 written from the doc)', () => {
    expect(parseKeyValueFile(fx('v1-hybrid/pids/pids.events'))).toEqual({ max: 1 });
    expect(parseKeyValueFile(fx('v2/sandbox/pids.events'))).toEqual({ max: 3 });
  });

  it('reads v2 memory.events, cpu.stat, memory.stat and cgroup.events', () => {
    expect(parseKeyValueFile(fx('v2/sandbox/memory.events'))).toEqual({
      low: 0,
      high: 0,
      max: 27,
      oom: 1,
      oom_kill: 1,
      oom_group_kill: 0,
    });
    const cpu = parseKeyValueFile(fx('v2/sandbox/cpu.stat'));
    expect(Object.keys(cpu)).toEqual([
      'usage_usec',
      'user_usec',
      'system_usec',
      'nr_periods',
      'nr_throttled',
      'throttled_usec',
      'nr_bursts',
      'burst_usec',
    ]);
    expect(cpu.nr_throttled).toBe(37);
    expect(parseKeyValueFile(fx('v2/sandbox/memory.stat')).anon).toBe(101703680);
    expect(parseKeyValueFile(fx('v2/sandbox/cgroup.events'))).toEqual({ populated: 1, frozen: 0 });
  });

  it('gives {} for an empty file (cpu.stat.local with the controller off)', () => {
    expect(parseKeyValueFile('')).toEqual({});
    expect(parseKeyValueFile('\n')).toEqual({});
  });

  itRejects(parseKeyValueFile, [
    ['a value that is not an integer', 'max 1.5\n'],
    ['a key without value', 'max\n'],
    ['three columns', 'max 1 2\n'],
    ['a nested-keyed line', 'some avg10=0.00 avg60=0.00\n'],
    ['a duplicate key', 'max 1\nmax 2\n'],
    ['a blank line in the middle', 'low 0\n\nhigh 0\n'],
    ['a permission error message', 'cat: memory.events: Permission denied\n'],
  ]);
});

describe('parseMax / parseCounter / parseCfsQuota', () => {
  it('maps v1 "no limit" 9223372036854771712 to max', () => {
    expect(parseMax(fx('v1-hybrid/memory-unlimited/memory.limit_in_bytes'))).toBe('max');
    expect(parseMax('9223372036854710272\n')).toBe('max'); // the same with 64 KiB pages
  });

  it('reads a page-rounded v1 limit and v1 pids.max', () => {
    expect(parseMax(fx('v1-hybrid/memory-limited/memory.limit_in_bytes'))).toBe(99999744);
    expect(parseMax(fx('v1-hybrid/pids/pids.max'))).toBe(4);
  });

  it('reads v2 max and numbers', () => {
    expect(parseMax(fx('v2/sandbox/memory.max'))).toBe(104857600);
    expect(parseMax(fx('v2/sandbox/memory.high'))).toBe('max');
    expect(parseMax(fx('v2/unlimited/memory.max'))).toBe('max');
    expect(parseMax(fx('v2/sandbox/pids.max'))).toBe(256);
    expect(parseMax('0\n')).toBe(0);
  });

  itRejects(
    parseMax,
    [
      ['empty', ''],
      ['negative', '-1\n'],
      ['a suffix', '100M\n'],
      ['two lines', '1\n2\n'],
      ['Max in capitals', 'Max\n'],
      ['between 2^53 and 2^62', '9007199254740993\n'],
    ],
    'parseMax throws ParseError on %s',
  );

  it('reads counters', () => {
    expect(parseCounter(fx('v1-hybrid/pids/pids.current'))).toBeLessThanOrEqual(4);
    expect(parseCounter(fx('v1-hybrid/memory-limited/memory.failcnt'))).toBeGreaterThan(0);
    expect(parseCounter(fx('v2/sandbox/memory.current'))).toBe(104828928);
    expect(parseCounter(fx('v1-hybrid/cpu/cpu.shares'))).toBe(1024);
    expect(() => parseCounter('max\n')).toThrow(ParseError);
    expect(() => parseCounter('')).toThrow(ParseError);
  });

  it('reads cpu.cfs_quota_us: -1 is max', () => {
    expect(parseCfsQuota(fx('v1-hybrid/cpu-root/cpu.cfs_quota_us'))).toBe('max');
    expect(parseCfsQuota(fx('v1-hybrid/cpu/cpu.cfs_quota_us'))).toBe(10000);
    expect(parseCounter(fx('v1-hybrid/cpu/cpu.cfs_period_us'))).toBe(100000);
    expect(() => parseCfsQuota('-2\n')).toThrow(ParseError);
    expect(() => parseCfsQuota('0\n')).toThrow(ParseError);
    expect(() => parseCfsQuota('max\n')).toThrow(ParseError);
  });
});

describe('parseCpuMax', () => {
  it('reads a quota and the default', () => {
    expect(parseCpuMax(fx('v2/sandbox/cpu.max'))).toEqual({ quotaUs: 50000, periodUs: 100000 });
    expect(parseCpuMax(fx('v2/unlimited/cpu.max'))).toEqual({ quotaUs: 'max', periodUs: 100000 });
    expect(parseCpuMax('50000 100000')).toEqual({ quotaUs: 50000, periodUs: 100000 });
  });

  it.each([['50000'], ['max'], ['50000 max'], ['-1 100000'], ['0 100000'], ['50000 0'], ['50000  100000'], ['']])(
    'throws ParseError on %j',
    (text) => {
      expect(() => parseCpuMax(text)).toThrow(ParseError);
    },
  );
});

describe('parseControllers / parseSubtreeControl', () => {
  it('reads controller lists', () => {
    expect(parseControllers(fx('v2/root/cgroup.controllers'))).toEqual([
      'cpuset',
      'cpu',
      'io',
      'memory',
      'hugetlb',
      'pids',
      'rdma',
      'misc',
    ]);
    expect(parseSubtreeControl(fx('v2/root/cgroup.subtree_control'))).toEqual(['cpu', 'memory', 'pids']);
    expect(parseControllers(fx('v2/sandbox/cgroup.controllers'))).toEqual(['cpu', 'memory', 'pids']);
  });

  it('reads an empty subtree_control as []', () => {
    expect(parseSubtreeControl(fx('v2/sandbox/cgroup.subtree_control'))).toEqual([]);
    expect(parseSubtreeControl('')).toEqual([]);
  });

  it.each([['+memory'], ['cpu\nmemory'], ['cpu cpu'], ['Memory'], ['cpu,memory']])(
    'throws ParseError on %j',
    (text) => {
      expect(() => parseControllers(text)).toThrow(ParseError);
    },
  );
});
