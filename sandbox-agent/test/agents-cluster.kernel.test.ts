// Many agents behind one course (issue 22), for real on this machine: three agent processes on one PostgreSQL
// server, a class of 150 with a terminal (a real sandbox) each. The class stays together where it fits and no
// agent takes more than its capacity; one agent SIGKILLed mid-class: its students, asking again as their pages
// do, get a live agent within seconds, a fresh sandbox and their answers intact; restarted, it reclaims what it
// left before it serves and takes students again. Every wait polls for a state; no assertion is about time.
import { randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parentDirs } from '../src/kernel/cgroup-layout';
import type { AgentRef } from '../src/protocol';
import { student, waitUntil } from './agent-harness';
import {
  type Cluster,
  joinClass,
  openTerminals,
  placeAwayFrom,
  placeOn,
  type Seat,
  startCluster,
} from './cluster-harness';
import { eventually, kernelSuite, processesInUidRange } from './kernel-helpers';
import { postgresAvailable } from './pg-server';

const { probe, skip } = kernelSuite('agents-cluster.kernel.test', () => postgresAvailable());

const AGENTS = 3;
const CAPACITY = 80;
const CLASS_SIZE = 150;
/** Terminals opened at once: a class arriving together, without starving this 2-core host's event loops. */
const AT_ONCE = 16;
/** Uid ranges far from every other kernel test's (they use slots up to about 51100). */
const SLOT_BASE = 55000 + (randomBytes(1).readUInt8(0) % 4) * 700;

interface Student extends Seat {
  id: string;
}

function countBy(students: readonly Student[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const s of students) out[s.agent.id] = (out[s.agent.id] ?? 0) + 1;
  return out;
}

async function health(url: string): Promise<{ sandboxes: number; maxSandboxes: number; store: string }> {
  return (await (await fetch(`${url}/health`)).json()) as { sandboxes: number; maxSandboxes: number; store: string };
}

describe.skipIf(skip !== undefined)('many agents on one PostgreSQL database (issue 22)', () => {
  let c: Cluster;
  const students: Student[] = [];
  let classId = '';
  const join = (name: string) => joinClass(c, classId, name);

  beforeAll(async () => {
    c = await startCluster({
      agents: AGENTS,
      capacity: CAPACITY,
      mode: 'class',
      slotBase: SLOT_BASE,
      probe,
      env: { GAIOLA_GRACE_SECONDS: '120' },
    });
    const cls = await c.store.currentClass();
    if (!cls) throw new Error('the first agent made no class');
    classId = cls.id;
  }, 180_000);

  afterAll(async () => {
    await Promise.all(students.map((s) => s.term?.close()));
    await c?.stop();
  }, 180_000);

  it('places a class of 150 together where it fits, never past an agent’s capacity, each with a sandbox', async () => {
    for (let i = 0; i < CLASS_SIZE; i++) {
      const { id, token } = await join(`Aluno ${i + 1}`);
      students.push({ id, token, agent: { id: '', url: '' } });
    }
    // Every page asks whichever agent answers (here each agent in turn), all at once.
    const answers = await Promise.all(students.map((s, i) => placeOn(c.agents[i % AGENTS]?.url ?? '', s.token)));
    answers.forEach((a, i) => {
      expect(a.status, JSON.stringify(a)).toBe(200);
      const s = students[i] as Student;
      s.token = a.token as string;
      s.agent = a.agent as AgentRef;
    });
    // The first agent fills with the class, the next takes the rest; the third stays free for a failover.
    expect(countBy(students)).toEqual({ 'gaiola-agent-0': CAPACITY, 'gaiola-agent-1': CLASS_SIZE - CAPACITY });
    await openTerminals(students, AT_ONCE);
    for (const a of c.agents) {
      const h = await health(a.url);
      expect(h.store).toBe('postgres');
      expect(h.sandboxes).toBe(students.filter((s) => s.agent.id === a.id).length);
      expect(h.sandboxes).toBeLessThanOrEqual(h.maxSandboxes);
    }
  }, 300_000);

  it('SIGKILL of an agent mid-class: its students get a live agent within seconds, answers intact', async () => {
    const onKilled = students.filter((s) => s.agent.id === 'gaiola-agent-0');
    const front = c.agents[2]?.url as string;
    await Promise.all(
      onKilled.map((s) =>
        student({ url: front }, s.token).answer({ slug: '01-chroot', question: 'q1', option: 'a', locale: 'pt' }),
      ),
    );
    const killedAt = Date.now();
    await c.kill(0);
    await waitUntil(() => onKilled.every((s) => s.term?.closeCode !== undefined), 'the killed agent’s tabs to close');
    // As a page does after a dropped terminal: ask for the session again until a live agent has the seat.
    await Promise.all(
      onKilled.map(async (s) => {
        Object.assign(s, await placeAwayFrom(front, s.token, 'gaiola-agent-0'));
      }),
    );
    const placedMs = Date.now() - killedAt;
    await openTerminals(onKilled, AT_ONCE);
    console.log(
      `[agents-cluster] ${onKilled.length} students placed on live agents ${placedMs} ms after the SIGKILL, ` +
        `terminals open after ${Date.now() - killedAt} ms`,
    );
    // Ten joined the classmates on the second agent, the rest went to the third; none lost an answer.
    expect(countBy(students)).toEqual({ 'gaiola-agent-1': CAPACITY, 'gaiola-agent-2': CLASS_SIZE - CAPACITY });
    for (const s of onKilled) {
      const saved = await student({ url: s.agent.url }, s.token).progress({ lesson: '01-chroot' });
      expect(saved['01-chroot']?.quiz.q1).toMatchObject({ option: 'a', attempts: 1 });
    }
    for (const s of onKilled) expect((await s.term?.run('echo vivo')) ?? '').toBe('vivo');
  }, 300_000);

  it('with every live seat taken, the next student is told the course is full', async () => {
    const more = await Promise.all(
      Array.from({ length: AGENTS * CAPACITY - CAPACITY - CLASS_SIZE + 1 }, (_, i) => join(`Mais ${i}`)),
    );
    const answers = [];
    for (const m of more) answers.push(await placeOn(c.agents[1]?.url as string, m.token));
    expect(answers.slice(0, -1).every((a) => a.status === 200 && a.agent?.id === 'gaiola-agent-2')).toBe(true);
    expect(answers.at(-1)).toMatchObject({ status: 503, error: 'full' });
  }, 120_000);

  it('the killed agent, started again, reclaims what it left before it serves, and takes students again', async () => {
    const killed = c.agents[0];
    if (!killed) throw new Error('no agent 0');
    // What the SIGKILL left: its sandboxes' cgroups (their processes die with the agent's launchers or linger).
    const sandboxDirs = () =>
      parentDirs(probe.cgroup, killed.kernel.cgroupParent).flatMap((p) =>
        readdirSync(p, { withFileTypes: true }).filter((e) => e.isDirectory()),
      );
    expect(sandboxDirs().length).toBeGreaterThan(0);
    await c.restart(0);
    expect(killed.process.lines.some((l) => /reclaimed [1-9]\d* cgroups/.test(l))).toBe(true);
    expect(sandboxDirs()).toEqual([]);
    expect(await eventually(() => processesInUidRange(killed.kernel.uidBase, true).length === 0)).toBe(true);
    const late = await join('Atrasada');
    const a = await placeOn(c.agents[1]?.url as string, late.token);
    expect(a).toMatchObject({ status: 200, agent: { id: 'gaiola-agent-0' } });
  }, 180_000);
});
