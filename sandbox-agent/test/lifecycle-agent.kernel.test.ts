// Lifecycle through a real agent (issue 4, "Lifecycle"): reconnect replays the screen exactly once, a second
// tab joins the same sandbox, reset and destroy leave nothing (processes, mounts, cgroups, veths) and free the
// uid range for the next sandbox, the cap refuses with 4007, and an agent restarted after SIGKILL reclaims what
// the dead one left before it serves. Every wait polls for a state; no assertion is about time.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parentDirs, v2AgentLeafDir } from '../src/kernel/cgroup-layout';
import { releaseAgentLeaf } from '../src/kernel/cgroups';
import { defaultKernelConfig, IDS_PER_SLOT } from '../src/kernel/config';
import { reclaimLeftovers, releaseHostResources, type Sandbox } from '../src/kernel/sandbox';
import { CloseCode } from '../src/protocol';
import { type Harness, newToken, ORIGIN, startAgent, student, TermClient, tokenFor, waitUntil } from './agent-harness';
import { AgentProcess, freePort } from './agent-process';
import {
  eventually,
  hostMountPoints,
  identityExists,
  kernelSuite,
  processesInUidRange,
  processIdentity,
} from './kernel-helpers';

const { probe, skip } = kernelSuite('lifecycle-agent.kernel.test');

/**
 * Slot offsets of this file's agents (startAgent maps offset o to uid 1048576 + (1100 + o) × 65536): random and
 * far above the offsets other test files use (0–40), so a test running in parallel never shares a uid range.
 */
const OFFSET = 2000 + (randomBytes(2).readUInt16BE(0) % 3000) * 16;
/** How long a freed sandbox's last zombie may wait for the host's init to reap it (this CI host's init is slow). */
const REAP_MS = 15_000;

function studentOf(token: string): string {
  const body = JSON.parse(Buffer.from(token.split('.')[0] ?? '', 'base64url').toString('utf8')) as { s: string };
  return body.s;
}

function occurrences(text: string, needle: string): number {
  return text.split(needle).length - 1;
}

/**
 * Host pids whose namespace of `kind` is `inode` (e.g. 'net:[4026532…]'). Meaningful only while that namespace
 * lives: the kernel gives a freed namespace's number to the next one made (the lowest free), so after a
 * teardown it may name another sandbox's namespace.
 */
function processesInNamespace(kind: 'net' | 'mnt' | 'pid', inode: string): number[] {
  const out: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      if (readlinkSync(`/proc/${name}/ns/${kind}`) === inode) out.push(Number(name));
    } catch {
      // exited meanwhile, or a kernel thread
    }
  }
  return out;
}

function hostLinks(): string {
  return spawnSync('ip', ['-o', 'link'], { encoding: 'utf8' }).stdout;
}

/** What a student leaves behind in a sandbox, and where to look for it on the host afterwards. */
interface Planted {
  sandbox: Sandbox;
  /** The sandbox's init, by PID and start time (processIdentity): never the same for two sandboxes. */
  init: string;
  /**
   * Every process in the sandbox's network or mount namespace, by PID and start time, taken while the sandbox
   * runs: the namespaces (with the veth pair and the tmpfs in them) live as long as one of these does.
   */
  members: string[];
  childCgroup: string;
  veth: string;
}

/**
 * The student does everything that could outlive a teardown: a veth pair, background processes (setsid,
 * nohup), a nested user+net namespace, a tmpfs mount, a child cgroup.
 */
async function plant(h: Harness, t: TermClient, student: string): Promise<Planted> {
  const veth = `gv${randomBytes(3).toString('hex')}`;
  expect(
    await t.run(`ip link add ${veth}a type veth peer name ${veth}b && ip link set ${veth}a up && echo veth-ok`),
  ).toBe('veth-ok');
  expect(await t.run(`ip -o link | grep -c ${veth}`)).toBe('2');
  expect(await t.run(`echo ${veth} > /root/planted && echo file-ok`)).toBe('file-ok');
  // setsid's own process forks the detached sleep and exits: `wait $!` lets bash reap it and print its job
  // notice ("[1] Done …") inside this command, never amid a later command's output.
  await t.run('setsid sleep 1000 </dev/null >/dev/null 2>&1 & wait $!; nohup sleep 1001 >/dev/null 2>&1 & echo bg-ok');
  await t.run('unshare --user --map-root-user --net sleep 1002 </dev/null >/dev/null 2>&1 & echo ns-ok');
  expect(await t.run('mount -t tmpfs gaiola-student /mnt && echo mounted')).toBe('mounted');
  const child = 'gaiola-student-child';
  expect(
    await t.run(
      `if [ -d /sys/fs/cgroup/pids ]; then mkdir /sys/fs/cgroup/pids/${child}; else mkdir /sys/fs/cgroup/${child}; fi && echo cg-ok`,
    ),
  ).toBe('cg-ok');
  const sandbox = await h.registry.sandboxOf(student);
  if (!sandbox) throw new Error('no sandbox for the student');
  const dir = sandbox.cgroupDirs.find((d) => existsSync(`${d}/${child}`));
  if (!dir) throw new Error(`the student's child cgroup is not under ${sandbox.cgroupDirs.join(' ')}`);
  const members = new Set<string>();
  for (const kind of ['net', 'mnt'] as const) {
    for (const pid of processesInNamespace(kind, readlinkSync(`/proc/${sandbox.initPid}/ns/${kind}`))) {
      const id = processIdentity(pid);
      if (id) members.add(id);
    }
  }
  const init = processIdentity(sandbox.initPid);
  if (!init) throw new Error(`the sandbox's init ${sandbox.initPid} is gone`);
  const planted = { sandbox, init, members: [...members], childCgroup: `${dir}/${child}`, veth };
  expect(planted.members).toContain(init);
  // the sleeps run in the sandbox's uid range
  expect(processesInUidRange(sandbox.uidBase, true).length).toBeGreaterThanOrEqual(4);
  return planted;
}

/** Nothing of the planted sandbox is left on the host. */
async function expectGone(p: Planted, hostMounts: string[]): Promise<void> {
  const { sandbox } = p;
  expect(await eventually(() => processesInUidRange(sandbox.uidBase).length === 0, REAP_MS)).toBe(true);
  expect(processesInUidRange(sandbox.uidBase)).toEqual([]);
  // the sandbox's network namespace (with the veth pair) and mount namespace (with the tmpfs) are gone: no
  // process that was in them is left, and no mount holds them (the host's table is as before)
  expect(await eventually(() => !p.members.some(identityExists), REAP_MS)).toBe(true);
  expect(p.members.filter(identityExists)).toEqual([]);
  expect(hostLinks()).not.toContain(p.veth);
  expect(hostMountPoints()).toEqual(hostMounts);
  expect(existsSync(p.childCgroup)).toBe(false);
  expect(sandbox.cgroupDirs.filter((d) => existsSync(d))).toEqual([]);
}

describe.skipIf(skip !== undefined)('agent lifecycle: reconnect, tabs, reset, destroy', () => {
  let h: Harness;
  const clients: TermClient[] = [];
  const connect = async (token: string, tab: number) => {
    const c = new TermClient(h, token, tab);
    clients.push(c);
    await c.open();
    return c;
  };
  let hostMounts: string[];

  beforeAll(async () => {
    hostMounts = hostMountPoints();
    h = await startAgent({ slotOffset: OFFSET, lessons: true, graceMs: 60_000 });
  });
  afterAll(async () => {
    for (const c of clients) await c.close();
    await h?.stop();
  });

  it('a reconnecting tab gets the recent screen replayed exactly once, and nothing twice', async () => {
    const token = await tokenFor(h);
    const first = await connect(token, 0);
    expect((await first.hello()).resumed).toBe(false);
    const mark = `GAIOLA${randomBytes(4).toString('hex')}MARK`;
    expect(await first.run(`echo ${mark}`)).toBe(mark);
    // what the student saw: the typed line (echoed, perhaps redrawn by readline) and the printed line
    const seen = occurrences(first.output, mark);
    expect(seen).toBeGreaterThanOrEqual(2);
    await first.close();

    for (let round = 0; round < 2; round++) {
      const again = await connect(token, 0);
      expect((await again.hello()).resumed).toBe(true);
      expect(again.outputBeforeHello).toBe(0);
      // the replay is the screen as the first tab saw it (plus, at most, a prompt that came after it closed)
      await waitUntil(() => again.output.length >= first.output.length, 'the replay');
      expect(again.output.startsWith(first.output)).toBe(true);
      // and nothing is sent twice: after a new command, the marker is still there exactly as often as it was seen
      expect(await again.run('echo after-replay')).toBe('after-replay');
      expect(occurrences(again.output, mark)).toBe(seen);
      await again.close();
    }
  });

  it('a second tab of the same student attaches to the same sandbox', async () => {
    const token = await tokenFor(h);
    const created = h.events.created.length;
    const tab0 = await connect(token, 0);
    const hello0 = await tab0.hello();
    const tab1 = await connect(token, 1);
    const hello1 = await tab1.hello();
    expect(hello1.sandbox).toBe(hello0.sandbox);
    expect(h.events.created.length).toBe(created + 1);
    await tab0.run('echo from-tab-0 > /root/shared-file');
    expect(await tab1.run('cat /root/shared-file')).toBe('from-tab-0');
    // same pid namespace: tab 1 sees tab 0's shell
    const pid0 = await tab0.run('echo $$');
    expect(await tab1.run(`ps -o pid= -p ${pid0} | tr -d ' '`)).toBe(pid0);
    await tab0.close();
    await tab1.close();
  });

  it('reset ("restart") and destroy leave no process, mount, cgroup or veth, and free the uid range for reuse', async () => {
    const token = await tokenFor(h);
    const student = studentOf(token);
    const tab0 = await connect(token, 0);
    await tab0.hello();
    const tab1 = await connect(token, 1);
    await tab1.hello();
    const first = await plant(h, tab0, student);

    // reset: the lesson page's "start again" — every tab is closed with 4012, progress is kept
    tab0.sendJson({ type: 'restart', slug: '01-chroot' });
    await waitUntil(() => tab0.closeCode !== undefined && tab1.closeCode !== undefined, 'tabs closed by the reset');
    expect([tab0.closeCode, tab1.closeCode]).toEqual([CloseCode.restarted, CloseCode.restarted]);
    await waitUntil(() => h.events.destroyed.includes(first.sandbox.id), 'sandbox destroyed');
    await expectGone(first, hostMounts);

    // reconnecting gets a fresh sandbox in the same (freed) slot and uid range, with nothing of the old one:
    // only a loopback interface and no planted file (not a namespace's inode number: the kernel reuses those)
    const again = await connect(token, 0);
    await again.hello();
    expect(await again.run('ip -o link | cut -d: -f2 | tr -d " "')).toBe('lo');
    expect(await again.run('test -e /root/planted && echo kept || echo fresh')).toBe('fresh');
    const second = await plant(h, again, student);
    expect(second.sandbox.id).not.toBe(first.sandbox.id);
    expect(second.sandbox.slot).toBe(first.sandbox.slot);
    expect(second.sandbox.uidBase).toBe(first.sandbox.uidBase);
    expect(second.init).not.toBe(first.init);

    // destroy (what the grace period's end and the agent's shutdown do)
    await h.registry.destroy(student, 'test-destroy');
    await waitUntil(() => again.closeCode !== undefined, 'tab closed by destroy');
    expect(again.closeCode).toBe(CloseCode.sandboxFailed);
    await expectGone(second, hostMounts);
    expect(await h.registry.sandboxOf(student)).toBeUndefined();

    // the freed slot serves the next student
    const otherToken = await tokenFor(h);
    const other = await connect(otherToken, 0);
    await other.hello();
    const third = await h.registry.sandboxOf(studentOf(otherToken));
    expect(third?.uidBase).toBe(first.sandbox.uidBase);
    expect(await other.run('ip -o link | cut -d: -f2 | tr -d " "')).toBe('lo');
    expect(await other.run('test -e /root/planted && echo kept || echo fresh')).toBe('fresh');
    await other.close();
    await h.registry.destroy(studentOf(otherToken), 'test-end');
  });
});

describe.skipIf(skip !== undefined)('agent lifecycle: capacity', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startAgent({ slotOffset: OFFSET + 8, maxSandboxes: 2 });
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('beyond the cap a student is refused with 4007 ("class is full"), and served once a sandbox is freed', async () => {
    const tokens = [await tokenFor(h), await tokenFor(h)];
    const served = tokens.map((t) => new TermClient(h, t, 0));
    for (const c of served) {
      await c.open();
      await c.hello();
    }
    const lateToken = await tokenFor(h);
    const late = new TermClient(h, lateToken, 0);
    await late.open();
    await waitUntil(() => late.closeCode !== undefined, 'refused');
    expect(late.closeCode).toBe(CloseCode.capacity);
    expect(late.control.some((m) => m.type === 'hello')).toBe(false);
    // the students already in are unaffected
    expect(await served[0]?.run('echo still-here')).toBe('still-here');

    await h.registry.destroy(studentOf(tokens[1] as string), 'left');
    const retry = new TermClient(h, lateToken, 0);
    await retry.open();
    await retry.hello();
    expect(await retry.run('echo in')).toBe('in');
    for (const c of [...served, retry]) await c.close();
  });
});

/**
 * A run of real agent processes with names of their own (cgroup parent, run dir, uid range, data dir): the
 * environment to start them with, and, after the tests, every agent and client stopped and whatever they left
 * reclaimed and freed.
 */
function useAgentRun(slotShift: number, extraEnv: Record<string, string> = {}) {
  const run = `gaiola-t${randomBytes(4).toString('hex')}`;
  const uidBase = 1048576 + (1100 + OFFSET + slotShift) * IDS_PER_SLOT;
  const kernel = defaultKernelConfig({ cgroupParent: run, runDir: `/run/${run}`, uidBase });
  const dataDir = mkdtempSync(path.join(tmpdir(), 'gaiola-t-agent-'));
  const out = { run, uidBase, agents: [] as AgentProcess[], clients: [] as TermClient[], env: {} as NodeJS.ProcessEnv };

  beforeAll(async () => {
    out.env = {
      ...process.env,
      GAIOLA_AGENT_PORT: String(await freePort()),
      // the origin the harness's clients send (http://localhost:3000) is the site's
      GAIOLA_SITE_PORT: '3000',
      GAIOLA_DATA_DIR: dataDir,
      GAIOLA_CGROUP_PARENT: run,
      GAIOLA_RUN_DIR: `/run/${run}`,
      GAIOLA_UID_BASE: String(uidBase),
      // No warm sandbox: the student's sandbox is the one on slot 0, whose uid range the test watches.
      GAIOLA_WARM_SANDBOXES: '0',
      ...extraEnv,
    };
  });
  afterAll(async () => {
    for (const c of out.clients) await c.close();
    for (const a of out.agents) {
      if (a.alive) {
        a.child.kill('SIGKILL');
        await a.exited;
      }
    }
    try {
      await reclaimLeftovers(kernel, probe);
      await releaseHostResources(kernel, probe);
      // v2 outside a delegated scope (a login session): the agent that made its leaf may have been SIGKILLed,
      // and the one restarted in it did not make it, so neither takes it away; the last one out here does.
      await releaseAgentLeaf(probe, v2AgentLeafDir(probe.cgroup));
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
  return out;
}

describe.skipIf(skip !== undefined)('agent lifecycle: restart after SIGKILL', () => {
  const r = useAgentRun(16, { GAIOLA_GRACE_SECONDS: '60' });
  const { run, uidBase, agents, clients } = r;

  it('a new agent reclaims what the SIGKILLed one left before it serves, and frees everything when stopped', async () => {
    const first = new AgentProcess(r.env);
    agents.push(first);
    await first.listening();
    const fake = { url: `http://127.0.0.1:${r.env.GAIOLA_AGENT_PORT}` } as Harness;
    const tokenRes = await newToken(fake, null, ORIGIN);
    const token = ((await tokenRes.json()) as { token: string }).token;
    const t = new TermClient(fake, token, 0);
    clients.push(t);
    await t.open();
    await t.hello();
    await t.run('setsid sleep 1000 </dev/null >/dev/null 2>&1 & wait $!; nohup sleep 1001 >/dev/null 2>&1 & echo bg');
    const parents = parentDirs(probe.cgroup, run);
    const sandboxCgroups = parents.flatMap((p) =>
      readdirSync(p, { withFileTypes: true })
        .filter((e) => e.isDirectory())
        .map((e) => `${p}/${e.name}`),
    );
    expect(sandboxCgroups.length).toBeGreaterThan(0);
    expect(processesInUidRange(uidBase, true).length).toBeGreaterThanOrEqual(3);

    // the crash: no SIGTERM handler runs, nothing is freed by the agent
    first.child.kill('SIGKILL');
    await first.exited;
    await waitUntil(() => t.closeCode !== undefined, 'the tab to notice');

    const second = new AgentProcess(r.env);
    agents.push(second);
    await second.listening();
    const reclaimedAt = second.lineIndex(/\[agent\] reclaimed \d+ cgroups and \d+ processes left by an earlier run/);
    expect(reclaimedAt, second.lines.join('\n')).toBeGreaterThanOrEqual(0);
    expect(reclaimedAt).toBeLessThan(second.lineIndex(/\[agent\] listening on/));
    const m = /reclaimed (\d+) cgroups/.exec(second.lines[reclaimedAt] ?? '');
    expect(Number(m?.[1])).toBeGreaterThanOrEqual(1);
    // by the time it serves, the old sandbox's cgroups are gone and none of its processes runs
    expect(sandboxCgroups.filter((d) => existsSync(d))).toEqual([]);
    expect(processesInUidRange(uidBase, true)).toEqual([]);
    // a zombie whose parent died waits for the host's init; it reaps it soon after
    expect(await eventually(() => processesInUidRange(uidBase).length === 0, REAP_MS)).toBe(true);

    // it serves: the same student (same secret in the data dir) gets a fresh sandbox
    const again = new TermClient(fake, token, 0);
    clients.push(again);
    await again.open();
    expect((await again.hello()).resumed).toBe(false);
    expect(await again.run('pgrep -c sleep || true')).toBe('0');

    // a clean stop (SIGTERM) frees everything, parents and run dir included
    second.child.kill('SIGTERM');
    await second.exited;
    expect(second.child.exitCode).toBe(0);
    expect(await eventually(() => processesInUidRange(uidBase).length === 0, REAP_MS)).toBe(true);
    expect(parents.filter((p) => existsSync(p))).toEqual([]);
    expect(existsSync(`/run/${run}`)).toBe(false);
  });
});

describe.skipIf(skip !== undefined)('class mode: SIGKILL mid-class loses no committed step or answer', () => {
  const r = useAgentRun(32, { GAIOLA_MODE: 'class' });
  const { agents, clients } = r;

  it('keeps the class, the student, the step and the answer; the student comes back to a fresh sandbox', async () => {
    const env = r.env;
    const port = Number(env.GAIOLA_AGENT_PORT);
    const first = new AgentProcess(env);
    agents.push(first);
    await first.listening();
    // what the instructor reads at start: the join URL with the code, and the private link with the token
    const code = /students open: .*codigo=([A-Z0-9]+)/.exec(first.lines.join('\n'))?.[1];
    const instructor = /instructor \(keep it private\): .*#t=(\S+)/.exec(first.lines.join('\n'))?.[1];
    expect(code).toMatch(/^[A-Z0-9]{6}$/);
    const agentUrl = `http://127.0.0.1:${port}`;
    const post = (p: string, body: unknown) =>
      fetch(`${agentUrl}${p}`, {
        method: 'POST',
        headers: { origin: ORIGIN, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const joined = (await (await post('/class/join', { code, name: 'Brais' })).json()) as { token: string };
    const fake = { url: agentUrl } as Harness;
    const t = new TermClient(fake, joined.token, 0);
    clients.push(t);
    await t.open();
    const firstSandbox = (await t.hello()).sandbox;
    t.sendJson({ type: 'lesson', slug: '01-chroot' });
    t.type('cd /root && chroot rootfs /bin/sh\r');
    await waitUntil(
      () =>
        t.control.some(
          (m) => m.type === 'steps' && m.steps.some((s: { id: string; done: boolean }) => s.id === 'chroot' && s.done),
        ),
      'the chroot step done',
    );
    await student(fake, joined.token).answer({ slug: '01-chroot', question: 'q1', option: 'a', locale: 'gl' });

    first.child.kill('SIGKILL');
    await first.exited;
    await waitUntil(() => t.closeCode !== undefined, 'the tab to notice');

    const second = new AgentProcess(env);
    agents.push(second);
    await second.listening();
    // the same class (same code), the same instructor secret
    expect(second.lines.join('\n')).toContain(`codigo=${code}`);
    const state = (await (await post('/instructor/state', { token: instructor })).json()) as {
      students: { name: string; steps: Record<string, number> }[];
    };
    expect(state.students.map((s) => [s.name, s.steps['01-chroot']])).toEqual([['Brais', 1]]);
    const csv = await (await post('/instructor/export', { token: instructor })).text();
    expect(csv).toMatch(/^Brais,01-chroot,,[^,]+,q1,1,a,/m);
    // the student's tab comes back with the same token: a fresh sandbox, progress kept
    const again = new TermClient(fake, joined.token, 0);
    clients.push(again);
    await again.open();
    const hello = await again.hello();
    expect(hello.resumed).toBe(false);
    expect(hello.sandbox).not.toBe(firstSandbox);
    again.sendJson({ type: 'lesson', slug: '01-chroot' });
    const saved = (await student(fake, joined.token).progress({ lesson: '01-chroot' }))['01-chroot'];
    expect(saved?.steps.some((s) => s.id === 'chroot' && s.done)).toBe(true);
    expect(saved?.quiz.q1).toMatchObject({ option: 'a', attempts: 1 });
    second.child.kill('SIGTERM');
    await second.exited;
  });
});
