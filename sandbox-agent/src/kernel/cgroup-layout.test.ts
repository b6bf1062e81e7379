import { describe, expect, it } from 'vitest';
import {
  type CgroupLayout,
  type CgroupOp,
  controllersToEnable,
  detectCgroupLayout,
  HOST_MEMORY_RESERVE_BYTES,
  parentCaps,
  parentDirs,
  parseDelegateFiles,
  planLeafRelease,
  planParent,
  planSandbox,
  sandboxCgroupPaths,
  sandboxHierarchies,
  v2AgentCgroups,
  v2AgentLeafDir,
} from './cgroup-layout';
import { cgroupFixture } from './fixture-util';

const layoutOf = (host: string) =>
  detectCgroupLayout(cgroupFixture(host, 'proc-self-cgroup'), cgroupFixture(host, 'mountinfo'));
const limits = { memoryBytes: 536870912, pidsMax: 256, cpuQuotaUs: 100000 };
const BASE = 1114112;
const ID = 'gaiola-3f9a1c2b7e';

function v1(layout: CgroupLayout) {
  if (layout.mode !== 'v1') throw new Error(`expected v1, got ${layout.mode}`);
  return layout;
}

describe('detectCgroupLayout', () => {
  it('sees the CI machine (v1/v2 hybrid, no systemd) as v1 with one hierarchy per controller', () => {
    const layout = v1(layoutOf('v1-hybrid'));
    const byController = Object.fromEntries(layout.hierarchies.map((h) => [h.controllers.join(','), h]));
    expect(byController.memory).toEqual({
      mountPoint: '/sys/fs/cgroup/memory',
      controllers: ['memory'],
      ownPath: '/process_api/4da3afe9385417f739b1fb72b294adca',
    });
    expect(byController.pids?.mountPoint).toBe('/sys/fs/cgroup/pids');
    // name=systemd is a named hierarchy without controllers: never a sandbox hierarchy
    expect(layout.hierarchies.some((h) => h.controllers.some((c) => c.startsWith('name=')))).toBe(false);
    expect(sandboxHierarchies(layout).map((h) => h.mountPoint)).toEqual([
      '/sys/fs/cgroup/pids',
      '/sys/fs/cgroup/freezer',
      '/sys/fs/cgroup/memory',
      '/sys/fs/cgroup/cpuacct',
      '/sys/fs/cgroup/cpu',
    ]);
  });

  it('keeps co-mounted controllers as one hierarchy (cpu,cpuacct)', () => {
    const layout = v1(layoutOf('v1-comounted'));
    const mounts = sandboxHierarchies(layout).map((h) => h.mountPoint);
    expect(mounts).toEqual([
      '/sys/fs/cgroup/memory',
      '/sys/fs/cgroup/pids',
      '/sys/fs/cgroup/cpu,cpuacct',
      '/sys/fs/cgroup/freezer',
    ]);
    expect(mounts).not.toContain('/sys/fs/cgroup/net_cls,net_prio');
  });

  it('sees a systemd host with pure cgroup v2 as v2, with the service cgroup as its own', () => {
    expect(layoutOf('v2-systemd')).toEqual({
      mode: 'v2',
      mountPoint: '/sys/fs/cgroup',
      ownPath: '/system.slice/gaiola.service',
    });
  });

  it('says why when nothing usable is mounted', () => {
    const mountinfo = '27 1 254:0 / / rw,relatime - ext4 /dev/vda rw\n';
    const layout = detectCgroupLayout('0::/\n', mountinfo);
    expect(layout).toEqual({ mode: 'none', reason: 'no cgroup hierarchy with the memory controller is mounted' });
  });

  it('ignores cgroup mounts that show only a subtree (root other than /)', () => {
    const mountinfo = [
      '27 1 254:0 / / rw,relatime - ext4 /dev/vda rw',
      '32 27 0:27 /some/container /sys/fs/cgroup rw,relatime - cgroup2 cgroup2 rw',
    ].join('\n');
    expect(detectCgroupLayout('0::/\n', mountinfo).mode).toBe('none');
  });
});

describe('v2AgentCgroups', () => {
  it('puts the agent in a leaf of its service cgroup', () => {
    expect(v2AgentCgroups('/system.slice/gaiola.service')).toEqual({
      service: '/system.slice/gaiola.service',
      leaf: '/system.slice/gaiola.service/gaiola-agent',
    });
  });
  it('recognises an agent restarted inside its leaf', () => {
    expect(v2AgentCgroups('/system.slice/gaiola.service/gaiola-agent')).toEqual({
      service: '/system.slice/gaiola.service',
      leaf: '/system.slice/gaiola.service/gaiola-agent',
    });
  });
  it('needs no leaf in the root cgroup (the no-internal-process rule does not apply to it)', () => {
    expect(v2AgentCgroups('/')).toEqual({ service: '/', leaf: undefined });
  });
});

describe('sandbox cgroup paths', () => {
  it('v1: one directory per delegated hierarchy, at the hierarchy root, shells join each', () => {
    const paths = sandboxCgroupPaths(layoutOf('v1-hybrid'), 'gaiola', ID);
    expect(paths.mode).toBe('v1');
    expect(paths.dirs).toContain(`/sys/fs/cgroup/memory/gaiola/${ID}`);
    expect(paths.dirs).toContain(`/sys/fs/cgroup/cpu/gaiola/${ID}`);
    expect(paths.dirs).not.toContain(`/sys/fs/cgroup/cpuset/gaiola/${ID}`);
    expect(paths.dirs).not.toContain(`/sys/fs/cgroup/devices/gaiola/${ID}`);
    expect(paths.shellProcs).toEqual(paths.dirs.map((d) => `${d}/cgroup.procs`));
  });

  it("v2: under the agent's service cgroup; shells join the init's leaf", () => {
    const paths = sandboxCgroupPaths(layoutOf('v2-systemd'), 'gaiola', ID);
    expect(paths).toEqual({
      mode: 'v2',
      dirs: [`/sys/fs/cgroup/system.slice/gaiola.service/gaiola/${ID}`],
      shellProcs: [`/sys/fs/cgroup/system.slice/gaiola.service/gaiola/${ID}/init/cgroup.procs`],
    });
  });

  it('v2 with the agent in the root cgroup: the parent is at the top', () => {
    const layout: CgroupLayout = { mode: 'v2', mountPoint: '/sys/fs/cgroup', ownPath: '/' };
    expect(parentDirs(layout, 'gaiola')).toEqual(['/sys/fs/cgroup/gaiola']);
  });
});

describe('planParent', () => {
  const caps = { memoryBytes: 20 * 2 ** 30, pidsMax: 24576 };

  it('v1: creates the parent in each hierarchy and caps memory and pids', () => {
    const ops = planParent(layoutOf('v1-hybrid'), 'gaiola', caps);
    expect(ops).toContainEqual({ kind: 'mkdir', path: '/sys/fs/cgroup/memory/gaiola' });
    expect(ops).toContainEqual({
      kind: 'write',
      path: '/sys/fs/cgroup/memory/gaiola/memory.limit_in_bytes',
      value: String(caps.memoryBytes),
    });
    expect(ops).toContainEqual({ kind: 'write', path: '/sys/fs/cgroup/pids/gaiola/pids.max', value: '24576' });
  });

  it('v2: moves the service into the agent leaf before enabling controllers, from the root down', () => {
    const ops = planParent(layoutOf('v2-systemd'), 'gaiola', caps);
    const svc = '/sys/fs/cgroup/system.slice/gaiola.service';
    const wanted = ['memory', 'pids', 'cpu'];
    expect(ops).toEqual<CgroupOp[]>([
      { kind: 'mkdir', path: `${svc}/gaiola-agent` },
      { kind: 'move-procs', from: svc, to: `${svc}/gaiola-agent` },
      { kind: 'enable-controllers', dir: '/sys/fs/cgroup', wanted },
      { kind: 'enable-controllers', dir: '/sys/fs/cgroup/system.slice', wanted },
      { kind: 'enable-controllers', dir: svc, wanted },
      { kind: 'mkdir', path: `${svc}/gaiola` },
      { kind: 'enable-controllers', dir: `${svc}/gaiola`, wanted },
      { kind: 'write', path: `${svc}/gaiola/memory.max`, value: String(caps.memoryBytes) },
      { kind: 'write', path: `${svc}/gaiola/pids.max`, value: '24576' },
    ]);
  });

  it('refuses a host without cgroups', () => {
    expect(() => planParent({ mode: 'none', reason: 'x' }, 'gaiola', caps)).toThrow(/no usable cgroup/);
  });
});

describe('planLeafRelease', () => {
  const session = '/user.slice/user-0.slice/session-1.scope';
  const svc = `/sys/fs/cgroup${session}`;

  it('v2, the leaf alone in the service: controllers off, then the leaf goes (made from a login session)', () => {
    const layout: CgroupLayout = { mode: 'v2', mountPoint: '/sys/fs/cgroup', ownPath: session };
    expect(planLeafRelease(layout, ['gaiola-agent'], 'cpu memory pids\n')).toEqual({
      serviceDir: svc,
      leafDir: `${svc}/gaiola-agent`,
      disable: '-cpu -memory -pids',
    });
  });

  it('v2, an agent started inside the leaf: the same leaf', () => {
    const layout: CgroupLayout = { mode: 'v2', mountPoint: '/sys/fs/cgroup', ownPath: `${session}/gaiola-agent` };
    expect(planLeafRelease(layout, ['gaiola-agent'], '\n')).toEqual({
      serviceDir: svc,
      leafDir: `${svc}/gaiola-agent`,
      disable: '',
    });
  });

  it('the leaf’s directory, whether the agent is still in the service or already in the leaf', () => {
    const mount = '/sys/fs/cgroup';
    expect(v2AgentLeafDir({ mode: 'v2', mountPoint: mount, ownPath: session })).toBe(`${svc}/gaiola-agent`);
    expect(v2AgentLeafDir({ mode: 'v2', mountPoint: mount, ownPath: `${session}/gaiola-agent` })).toBe(
      `${svc}/gaiola-agent`,
    );
    expect(v2AgentLeafDir({ mode: 'v2', mountPoint: mount, ownPath: '/' })).toBeUndefined();
    expect(v2AgentLeafDir(layoutOf('v1-hybrid'))).toBeUndefined();
  });

  it('nothing while another agent’s parent is beside the leaf, nor without a leaf, nor on v1', () => {
    const layout: CgroupLayout = { mode: 'v2', mountPoint: '/sys/fs/cgroup', ownPath: session };
    expect(planLeafRelease(layout, ['gaiola-agent', 'gaiola-t1234'], 'memory pids')).toBeUndefined();
    expect(planLeafRelease(layout, [], '')).toBeUndefined();
    expect(planLeafRelease({ mode: 'v2', mountPoint: '/sys/fs/cgroup', ownPath: '/' }, [], '')).toBeUndefined();
    expect(planLeafRelease(layoutOf('v1-hybrid'), ['gaiola-agent'], '')).toBeUndefined();
  });
});

describe('planSandbox', () => {
  it('v1: limits stay root-owned, the directory and delegation files go to the sandbox root', () => {
    const ops = planSandbox(layoutOf('v1-hybrid'), 'gaiola', ID, limits, BASE);
    const mem = `/sys/fs/cgroup/memory/gaiola/${ID}`;
    const writes = ops.filter((o) => o.kind === 'write');
    expect(writes).toContainEqual({ kind: 'write', path: `${mem}/memory.limit_in_bytes`, value: '536870912' });
    expect(writes).toContainEqual({
      kind: 'write',
      path: `${mem}/memory.memsw.limit_in_bytes`,
      value: '536870912',
      ifExists: true,
    });
    expect(writes).toContainEqual({ kind: 'write', path: `/sys/fs/cgroup/pids/gaiola/${ID}/pids.max`, value: '256' });
    expect(writes).toContainEqual({
      kind: 'write',
      path: `/sys/fs/cgroup/cpu/gaiola/${ID}/cpu.cfs_quota_us`,
      value: '100000',
    });
    // memsw must follow the memory limit (the kernel requires memsw >= limit)
    const idx = (p: string) => ops.findIndex((o) => o.kind === 'write' && o.path === p);
    expect(idx(`${mem}/memory.limit_in_bytes`)).toBeLessThan(idx(`${mem}/memory.memsw.limit_in_bytes`));
    const chowned = ops.filter((o) => o.kind === 'chown').map((o) => (o.kind === 'chown' ? o.path : ''));
    expect(chowned).toContain(mem);
    expect(chowned).toContain(`${mem}/cgroup.procs`);
    expect(chowned).toContain(`${mem}/tasks`);
    expect(chowned).not.toContain(`${mem}/memory.limit_in_bytes`);
    expect(ops.every((o) => o.kind !== 'chown' || (o.uid === BASE && o.gid === BASE))).toBe(true);
    expect(ops).toContainEqual({ kind: 'mkdir', path: mem, exclusive: true });
  });

  it('v1 co-mounted: cpu limits go to the cpu,cpuacct hierarchy', () => {
    const ops = planSandbox(layoutOf('v1-comounted'), 'gaiola', ID, limits, BASE);
    expect(ops).toContainEqual({
      kind: 'write',
      path: `/sys/fs/cgroup/cpu,cpuacct/gaiola/${ID}/cpu.cfs_period_us`,
      value: '100000',
    });
  });

  it('v2: memory.max, no swap, pids.max, cpu.max; chowns exactly the delegate files', () => {
    const delegate = parseDelegateFiles(cgroupFixture('v2-systemd', 'delegate'));
    const ops = planSandbox(layoutOf('v2-systemd'), 'gaiola', ID, limits, BASE, delegate);
    const dir = `/sys/fs/cgroup/system.slice/gaiola.service/gaiola/${ID}`;
    expect(ops).toEqual<CgroupOp[]>([
      { kind: 'mkdir', path: dir, exclusive: true },
      { kind: 'write', path: `${dir}/memory.max`, value: '536870912' },
      { kind: 'write', path: `${dir}/memory.swap.max`, value: '0', ifExists: true },
      { kind: 'write', path: `${dir}/pids.max`, value: '256' },
      { kind: 'write', path: `${dir}/cpu.max`, value: '100000 100000', ifExists: true },
      { kind: 'chown', path: dir, uid: BASE, gid: BASE, ifExists: false },
      ...['cgroup.procs', 'cgroup.threads', 'cgroup.subtree_control', 'memory.oom.group', 'memory.reclaim'].map(
        (f): CgroupOp => ({ kind: 'chown', path: `${dir}/${f}`, uid: BASE, gid: BASE, ifExists: true }),
      ),
    ]);
    // a student's own OOM demo must kill only the hog
    expect(ops.some((o) => o.kind === 'write' && o.path.endsWith('memory.oom.group'))).toBe(false);
  });
});

describe('helpers', () => {
  it('enables only the wanted controllers the cgroup offers, in order', () => {
    expect(controllersToEnable(cgroupFixture('v2-systemd', 'cgroup.controllers'), ['memory', 'pids', 'cpu'])).toBe(
      '+memory +pids +cpu',
    );
    expect(controllersToEnable('cpuset io memory pids\n', ['memory', 'pids', 'cpu'])).toBe('+memory +pids');
    expect(controllersToEnable('\n', ['memory'])).toBe('');
  });

  it('caps the parent below RAM and kernel.pid_max', () => {
    const caps = parentCaps(25276063744, 32768);
    expect(caps.memoryBytes).toBe(25276063744 - HOST_MEMORY_RESERVE_BYTES);
    expect(caps.pidsMax).toBe(24576);
    expect(caps.pidsMax).toBeLessThan(32768);
  });

  it('reads /sys/kernel/cgroup/delegate', () => {
    expect(parseDelegateFiles(cgroupFixture('v1-hybrid', 'delegate'))).toEqual([
      'cgroup.procs',
      'cgroup.threads',
      'cgroup.subtree_control',
      'memory.oom.group',
      'memory.reclaim',
    ]);
  });
});
