// A real sandbox through the real launcher: identity, isolation, shared state between shells, caps,
// delegated cgroups, escape basics, and a teardown that leaves nothing on the host.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { cgroupDirOf } from './escape-helpers';
import {
  childrenOf,
  cleanupTestRun,
  hostMountPoints,
  isDirectory,
  kernelSuite,
  leftovers,
  processAlive,
  processesInUidRange,
  sandboxFixture,
  Terminal,
} from './kernel-helpers';

const { probe, skip } = kernelSuite('sandbox.kernel.test');

describe.skipIf(skip !== undefined)('a sandbox', () => {
  const hostname = 'gaiola-box';
  const box = sandboxFixture(probe, { hostnames: [hostname], shells: 2, size: { cols: 160, rows: 40 } });
  const { cfg, slot } = box;
  let a: Terminal;
  let b: Terminal;

  const cgroupDir = (controller: string): string => cgroupDirOf(box.sandbox(), probe, controller);
  const v1 = probe.cgroup.mode === 'v1';
  /** The sandbox root's limit files, as seen inside. */
  const inside = v1
    ? { memory: '/sys/fs/cgroup/memory/memory.limit_in_bytes', pids: '/sys/fs/cgroup/pids/pids.max' }
    : { memory: '/sys/fs/cgroup/memory.max', pids: '/sys/fs/cgroup/pids.max' };

  beforeAll(() => {
    a = box.shell(0);
    b = box.shell(1);
  });

  it('is root inside a user namespace mapped to its own host uid range', async () => {
    const s = box.sandbox();
    expect(s.uidBase).toBe(cfg.uidBase + slot * 65536);
    expect(await a.ok('id -u')).toBe('0');
    expect((await a.ok('cat /proc/self/uid_map')).split(/\s+/)).toEqual(['0', String(s.uidBase), '65536']);
    expect((await a.ok('cat /proc/self/gid_map')).split(/\s+/)).toEqual(['0', String(s.uidBase), '65536']);
    // on the host, the init and the shell (the relay's only child) run as that uid; the relay stays host root
    const [shellPid] = childrenOf(a.pty.pid);
    expect(shellPid).toBeDefined();
    expect(processesInUidRange(s.uidBase)).toContain(s.initPid);
    expect(processesInUidRange(s.uidBase)).toContain(shellPid);
    expect(processesInUidRange(s.uidBase)).not.toContain(a.pty.pid);
  });

  it('has the keeper as PID 1, and the shell has a small pid', async () => {
    expect(await a.ok('cat /proc/1/comm')).toBe('gaiola-init');
    expect(await a.ok('ps -o pid=,comm= -p 1')).toMatch(/^1 gaiola-init$/);
    const pid = Number(await a.ok('echo $$'));
    expect(pid).toBeGreaterThan(1);
    expect(pid).toBeLessThan(50);
    // the relays of the shells live on the host: inside, nothing but PID 1, the shells and their children
    expect(await a.ok('ps -e -o comm= | sort | uniq -c | sort -rn | head -1')).not.toMatch(/gaiola-sandbox/);
    // an allow-listed environment, nothing of the agent's
    const env = await a.ok('env | sort');
    expect(env).toMatch(/^HOME=\/root$/m);
    expect(env).toMatch(/^TERM=xterm-256color$/m);
    expect(env).not.toMatch(/VITEST|NODE_|npm_/);
  });

  it('has the given hostname, only loopback (up) and an overlay root', async () => {
    expect(await a.ok('hostname')).toBe(hostname);
    const links = (await a.ok('ip -o link')).split('\n');
    expect(links).toHaveLength(1);
    expect(links[0]).toMatch(/^1: lo: <LOOPBACK,UP,LOWER_UP>/);
    expect(await a.ok('findmnt -n -o FSTYPE /')).toBe('overlay');
    expect(await a.ok('findmnt -n -o FSTYPE /proc')).toBe('proc');
    expect(await a.ok('tty')).toMatch(/^\/dev\/pts\/\d+$/);
  });

  it('follows terminal resizes (SIGWINCH relayed to the inner pty)', async () => {
    expect(await a.ok('stty size')).toBe('40 160');
    a.pty.resize(100, 30);
    const deadline = Date.now() + 5000;
    let size = await a.ok('stty size');
    while (size !== '30 100' && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 20));
      size = await a.ok('stty size');
    }
    expect(size).toBe('30 100');
  });

  it('writes to its root land in its own layer, never in the base image', async () => {
    expect(await a.ok('echo gaiola-etc-marker > /etc/gaiola-foo && cat /etc/gaiola-foo')).toBe('gaiola-etc-marker');
    expect(existsSync(`${cfg.baseImageDir}/etc/gaiola-foo`)).toBe(false);
    // files of the read-only base appear owned by root inside (idmapped lower)
    expect(await a.ok('stat -c %U:%G /etc/passwd /')).toBe('root:root\nroot:root');
  });

  it('shares hostname and files between two shells; a nested UTS namespace stays private', async () => {
    await a.ok('hostname changed-x');
    expect(await b.ok('hostname')).toBe('changed-x');
    await a.ok('echo from-a > /root/shared-file');
    expect(await b.ok('cat /root/shared-file')).toBe('from-a');
    expect(await a.ok("unshare -u sh -c 'hostname inner-y && hostname'")).toBe('inner-y');
    expect(await b.ok('hostname')).toBe('changed-x');
    expect(await a.ok('hostname')).toBe('changed-x');
    await a.ok(`hostname ${hostname}`);
  });

  it('has its caps in force: limits on the host equal the config and cannot be raised inside', async () => {
    if (v1) {
      expect(readFileSync(`${cgroupDir('memory')}/memory.limit_in_bytes`, 'utf8').trim()).toBe(String(cfg.memoryBytes));
      expect(readFileSync(`${cgroupDir('pids')}/pids.max`, 'utf8').trim()).toBe(String(cfg.pidsMax));
      expect(readFileSync(`${cgroupDir('cpu')}/cpu.cfs_quota_us`, 'utf8').trim()).toBe(String(cfg.cpuQuotaUs));
    } else {
      expect(readFileSync(`${cgroupDir('memory')}/memory.max`, 'utf8').trim()).toBe(String(cfg.memoryBytes));
      expect(readFileSync(`${cgroupDir('pids')}/pids.max`, 'utf8').trim()).toBe(String(cfg.pidsMax));
    }
    // inside, the sandbox root's limits read the same and are not writable
    expect(await a.ok(`cat ${inside.memory}`)).toBe(String(cfg.memoryBytes));
    const raise = await a.run(`echo 9999999999 > ${inside.memory}`);
    expect(raise.code).not.toBe(0);
    expect(raise.out).toMatch(/Permission denied/);
    const pids = await a.run(`echo max > ${inside.pids}`);
    expect(pids.code).not.toBe(0);
    expect(pids.out).toMatch(/Permission denied/);
    expect(readFileSync(`${cgroupDir('pids')}/pids.max`, 'utf8').trim()).toBe(String(cfg.pidsMax));
    // on the host, the shells are members of the sandbox's cgroups (v2: of the init's leaf)
    for (const t of [a, b]) {
      const [shellPid] = childrenOf(t.pty.pid);
      for (const c of ['memory', 'pids']) {
        const procs = readFileSync(`${cgroupDir(c)}${v1 ? '' : '/init'}/cgroup.procs`, 'utf8').split('\n');
        expect(procs).toContain(String(shellPid));
      }
    }
  });

  it('lets the student create a child cgroup, set its limit and move into it', async () => {
    const demo = v1 ? '/sys/fs/cgroup/memory/demo' : '/sys/fs/cgroup/demo';
    const file = v1 ? 'memory.limit_in_bytes' : 'memory.max';
    expect(await a.ok(`mkdir ${demo} && echo 104857600 > ${demo}/${file} && cat ${demo}/${file}`)).toBe('104857600');
    // the host sees it at the sandbox's cgroup, with the limit the student set
    expect(readFileSync(`${cgroupDir('memory')}/demo/${file}`, 'utf8').trim()).toBe('104857600');
    await a.ok(`echo $$ > ${demo}/cgroup.procs`);
    expect(await a.ok('command grep -E "memory:|^0::" /proc/self/cgroup | head -1')).toMatch(/:\/demo$/);
    // back to the root of its cgroups (v2: the init leaf), leaving `demo` behind for teardown to remove
    await a.ok(`echo $$ > ${v1 ? '/sys/fs/cgroup/memory' : '/sys/fs/cgroup/init'}/cgroup.procs`);
    // a nested child too: teardown removes student trees depth-first
    await a.ok(`mkdir ${demo}/nested`);
  });

  it('blocks the escape basics', async () => {
    const drop = await a.run('echo 3 > /proc/sys/vm/drop_caches');
    expect(drop.code).not.toBe(0);
    expect(drop.out).toMatch(/Permission denied/);
    const mknod = await a.run('mknod /tmp/vda b 254 0');
    expect(mknod.out).toMatch(/Operation not permitted/);
    expect((await a.run(`test -e ${cfg.runDir}`)).code).toBe(1);
    let victim: ChildProcess | undefined;
    try {
      victim = spawn('sleep', ['300'], { stdio: 'ignore' });
      const pid = victim.pid as number;
      const kill = await a.run(`kill -9 ${pid}`);
      expect(kill.code).not.toBe(0);
      expect(kill.out).toMatch(/No such process/);
      expect(processAlive(pid)).toBe(true);
    } finally {
      victim?.kill('SIGKILL');
    }
    // PID 1 ignores what the student sends it
    await a.ok('kill -9 1; kill -TERM 1; true');
    expect(await a.ok('cat /proc/1/comm')).toBe('gaiola-init');
  });

  it('outlives its shells: an exiting shell reports its status, background work keeps running', async () => {
    const c = new Terminal(box.sandbox().spawnShell({ cols: 80, rows: 24 }));
    await c.ready();
    await c.ok('setsid sleep 1000 </dev/null >/dev/null 2>&1 & true');
    c.pty.write('exit 7\n');
    expect((await c.waitExit()).exitCode).toBe(7);
    expect(await a.ok('pgrep -x sleep | wc -l')).toBe('1');
    expect(await a.ok('cat /proc/1/comm')).toBe('gaiola-init');
  });

  it('is destroyed without leaving anything on the host', async () => {
    const s = box.sandbox();
    const pids = [s.initPid, s.launcherPid, a.pty.pid, b.pty.pid];
    for (const pid of pids) expect(processAlive(pid)).toBe(true);
    expect(processesInUidRange(s.uidBase).length).toBeGreaterThan(2);
    const dirs = [...s.cgroupDirs];
    expect(isDirectory(`${cgroupDir('memory')}/demo/nested`)).toBe(true);

    await s.destroy();
    await s.destroy(); // idempotent
    await s.exited;

    expect(hostMountPoints()).toEqual(box.mountsBefore);
    for (const dir of dirs) expect(existsSync(dir)).toBe(false);
    expect(processesInUidRange(s.uidBase)).toEqual([]);
    for (const pid of pids) expect(processAlive(pid)).toBe(false);
    expect(a.exited).toBeDefined();
    expect(b.exited).toBeDefined();
    expect(() => s.spawnShell({ cols: 80, rows: 24 })).toThrow(/destroyed/);
    await cleanupTestRun(cfg, probe);
    expect(leftovers(cfg, probe)).toEqual([]);
  });
});
