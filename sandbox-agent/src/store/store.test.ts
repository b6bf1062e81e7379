// The store's behaviour, the same on every implementation (issue 22): each `describe` runs once per store, on
// SQLite (a file in a temp dir) and on PostgreSQL (a database of its own in a throwaway server, pg-server.ts).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PgStore } from './pg-store';
import { testPostgres } from './pg-test-databases';
import { SqliteStore } from './sqlite-store';
import { type AgentRow, MAX_AUDIT_DETAIL, type Store, type StoreChange } from './store';

/**
 * A store of one kind for one test, `agentId` as an agent of the cluster opens it. The first call in a test makes an
 * empty database; the next calls of that test open stores on the same one, as several agents share theirs.
 */
type OpenFresh = (agentId?: string, onChange?: (change: StoreChange) => void) => Promise<Store>;

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

let sqliteFile: string | undefined;
const sqlite: OpenFresh = async (agentId, onChange) => {
  if (sqliteFile === undefined) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gaiola-store-'));
    sqliteFile = path.join(dir, 'gaiola.db');
    cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    cleanups.push(() => {
      sqliteFile = undefined;
    });
  }
  const store = new SqliteStore(sqliteFile, { agentId, onChange });
  cleanups.push(() => store.close());
  return store;
};

const postgresServer = testPostgres('store.test');
/** This test's database, made by its first openFresh; the calls made at once with it wait for the same one. */
let pgUrl: Promise<string> | undefined;
const postgres: OpenFresh = async (agentId, onChange) => {
  if (pgUrl === undefined) {
    pgUrl = postgresServer.newDatabase();
    cleanups.push(() => {
      pgUrl = undefined;
    });
  }
  const store = await PgStore.open(await pgUrl, { agentId, onChange });
  cleanups.push(() => store.close());
  return store;
};

const kinds: [string, OpenFresh, string | undefined][] = [
  ['SQLite', sqlite, undefined],
  ['PostgreSQL', postgres, postgresServer.skip],
];

/** A kind whose engine is missing here skips each of its cases with the reason. */
function skipWhen(why: string | undefined): void {
  beforeEach((ctx) => {
    if (why !== undefined) ctx.skip(why);
  });
}

describe.each(kinds)('Store on %s: agents and seats (issue 22)', (_kind, openFresh, skip) => {
  skipWhen(skip);
  const agent = (id: string, capacity: number, seen: number): AgentRow => ({
    id,
    url: `http://127.0.0.1:31${id.slice(-1)}0`,
    capacity,
    used: 0,
    started_at: 1,
    last_seen_at: seen,
  });

  it('keeps each agent’s latest report and lists those seen since a time', async () => {
    const s = await openFresh();
    await s.reportAgent(agent('gaiola-agent-0', 10, 100));
    await s.reportAgent(agent('gaiola-agent-1', 10, 50));
    await s.reportAgent({ ...agent('gaiola-agent-0', 12, 200), used: 3 });
    expect(await s.agentsSeenSince(100)).toEqual([{ ...agent('gaiola-agent-0', 12, 200), used: 3 }]);
    expect((await s.agentsSeenSince(0)).map((a) => a.id)).toEqual(['gaiola-agent-0', 'gaiola-agent-1']);
  });

  it('keeps a class together where it fits, spreads the rest, and never gives more seats than capacity', async () => {
    const s = await openFresh();
    for (const id of ['gaiola-agent-0', 'gaiola-agent-1', 'gaiola-agent-2']) await s.reportAgent(agent(id, 4, 1000));
    await s.createClass('c1', 'AAAAAA', 1);
    const placed: string[] = [];
    for (let i = 0; i < 6; i++) {
      await s.joinClass('c1', `st${i}`, `Aluno ${i}`, 2);
      placed.push((await s.placeStudent(`st${i}`, 'c1', 900))?.agent.id ?? 'none');
    }
    // four where the first sat, then the next two together on the next agent
    expect(placed.slice(0, 4)).toEqual(Array(4).fill(placed[0]));
    expect(placed[4]).not.toBe(placed[0]);
    expect(placed[5]).toBe(placed[4]);
    // a solo student goes where most seats are free
    await s.upsertStudent('solo1', 'solo');
    const solo = await s.placeStudent('solo1', undefined, 900);
    expect(solo?.agent.id).not.toBe(placed[0]);
    expect(solo?.agent.id).not.toBe(placed[4]);
    // 4 + 2 + 1 of 12 seats; the rest fill to exactly 12
    let more = 0;
    for (let i = 0; i < 10; i++) {
      await s.upsertStudent(`x${i}`, 'solo');
      if (await s.placeStudent(`x${i}`, undefined, 900)) more++;
    }
    expect(more).toBe(5);
    for (const id of ['gaiola-agent-0', 'gaiola-agent-1', 'gaiola-agent-2'])
      expect(await s.seatedOn(id)).toHaveLength(4);
  });

  it('keeps a student’s seat while its agent is seen, and moves it when the agent is not', async () => {
    const s = await openFresh();
    await s.reportAgent(agent('gaiola-agent-0', 4, 1000));
    await s.reportAgent(agent('gaiola-agent-1', 4, 1000));
    await s.upsertStudent('ana', 'solo');
    const first = await s.placeStudent('ana', undefined, 900, 1000);
    expect(first?.placed).toBe(true);
    const again = await s.placeStudent('ana', undefined, 900, 1001);
    expect(again).toEqual({ agent: first?.agent, placed: false });
    // the other agent keeps reporting; ana's stops
    const other = first?.agent.id === 'gaiola-agent-0' ? 'gaiola-agent-1' : 'gaiola-agent-0';
    await s.reportAgent(agent(other, 4, 5000));
    const moved = await s.placeStudent('ana', undefined, 4000, 5001);
    expect(moved).toMatchObject({ agent: { id: other }, placed: true });
    expect(await s.seatOf('ana')).toBe(other);
    expect(await s.seatOf('nobody')).toBeUndefined();
    expect(await s.seatedOn(other)).toEqual(['ana']);
    expect(await s.seatedOn(first?.agent.id as string)).toEqual([]);
  });

  it('frees a seat only from its own agent, and none when nobody is seen', async () => {
    const zero = await openFresh('gaiola-agent-0');
    await zero.reportAgent(agent('gaiola-agent-1', 4, 1000));
    await zero.upsertStudent('ana', 'solo');
    expect((await zero.placeStudent('ana', undefined, 900, 1000))?.agent.id).toBe('gaiola-agent-1');
    await zero.releaseSeat('ana');
    expect(await zero.seatedOn('gaiola-agent-1')).toEqual(['ana']);
    // seated before a time, or after it
    await zero.upsertStudent('eva', 'solo');
    await zero.placeStudent('eva', undefined, 900, 3000);
    expect(await zero.seatedOn('gaiola-agent-1', 3000)).toEqual(['ana']);
    expect(await zero.seatedOn('gaiola-agent-1', 3001)).toEqual(['ana', 'eva']);
    await zero.upsertStudent('rui', 'solo');
    expect(await zero.placeStudent('rui', undefined, 2000)).toBeUndefined();
  });

  it('places many students at once without giving one seat twice', async () => {
    const s = await openFresh();
    await s.reportAgent(agent('gaiola-agent-0', 7, 1000));
    await s.reportAgent(agent('gaiola-agent-1', 5, 1000));
    const ids = Array.from({ length: 20 }, (_, i) => `p${i}`);
    for (const id of ids) await s.upsertStudent(id, 'solo');
    const got = await Promise.all(ids.map((id) => s.placeStudent(id, undefined, 900)));
    expect(got.filter(Boolean)).toHaveLength(12);
    expect(await s.seatedOn('gaiola-agent-0')).toHaveLength(7);
    expect(await s.seatedOn('gaiola-agent-1')).toHaveLength(5);
  });
  it('places students from three agents at once without going over any agent’s capacity', async () => {
    const ids = ['gaiola-agent-0', 'gaiola-agent-1', 'gaiola-agent-2'];
    // the three start at once on an empty database: each makes the schema where it is missing
    const stores = await Promise.all(ids.map((id) => openFresh(id)));
    const [first] = stores as [Store];
    await Promise.all(stores.map((s, i) => s.reportAgent(agent(ids[i] as string, 5 + i, 1000))));
    await first.createClass('c1', 'AAAAAA', 1);
    // 40 students for 18 seats: half of a class, half solo, each agent placing a third of them at once
    const students = Array.from({ length: 40 }, (_, i) => `st${String(i).padStart(2, '0')}`);
    for (const [i, id] of students.entries())
      if (i % 2 === 0) await first.joinClass('c1', id, `Aluno ${i}`, 2);
      else await first.upsertStudent(id, 'solo', 2);
    const got = await Promise.all(
      students.map((id, i) => (stores[i % 3] as Store).placeStudent(id, i % 2 === 0 ? 'c1' : undefined, 900)),
    );
    expect(got.filter(Boolean)).toHaveLength(18);
    for (const [i, id] of ids.entries()) expect(await first.seatedOn(id)).toHaveLength(5 + i);
    // every student the answers placed sits where they were told, and no one else sits anywhere
    const seated = new Map<string, string>();
    for (const id of ids) for (const st of await first.seatedOn(id)) seated.set(st, id);
    expect(seated).toEqual(new Map(got.flatMap((p, i) => (p ? [[students[i] as string, p.agent.id] as const] : []))));
  });
});

describe.each(kinds)('Store on %s: students and sandboxes', (_kind, openFresh, skip) => {
  skipWhen(skip);

  it('keeps a student’s first time and updates when they were last seen; another store sees them', async () => {
    const a = await openFresh();
    await a.upsertStudent('s1', 'solo', 1000);
    await a.upsertStudent('s1', 'class', 2000);
    expect(await a.getStudent('nobody')).toBeUndefined();
    // a second store on the same database (an agent started again, or another agent) finds the schema made
    const b = await openFresh();
    expect(await b.getStudent('s1')).toEqual({
      id: 's1',
      mode: 'solo',
      created_at: 1000,
      last_seen_at: 2000,
      class_id: null,
    });
    expect(b.kind).toBe(a.kind);
  });

  it('records sandboxes and closes, at an agent’s start, only the ones it left open', async () => {
    const zero = await openFresh('gaiola-agent-0');
    const one = await openFresh('gaiola-agent-1');
    await zero.upsertStudent('s1', 'solo');
    await zero.sandboxCreated('gaiola-a', 's1', 10);
    await zero.sandboxCreated('gaiola-b', 's1', 11);
    await one.sandboxCreated('gaiola-c', 's1', 12);
    await zero.sandboxDestroyed('gaiola-a', 'grace-expired', 20);
    await zero.sandboxDestroyed('gaiola-a', 'again', 21); // ended once: no change
    expect(await zero.closeStaleSandboxes(30)).toBe(1);
    expect(await zero.closeStaleSandboxes(40)).toBe(0);
    expect(await one.closeStaleSandboxes(50)).toBe(1);
  });

  it('refuses a sandbox of an unknown student', async () => {
    const s = await openFresh();
    await expect(s.sandboxCreated('gaiola-x', 'nobody')).rejects.toThrow(/foreign key/i);
  });
});

describe.each(kinds)('Store on %s: progress', (_kind, openFresh, skip) => {
  skipWhen(skip);

  it('keeps the first time a step was seen done', async () => {
    const changes: string[] = [];
    const s = await openFresh(undefined, (c) => changes.push(`${c.kind} ${c.studentId}`));
    await s.upsertStudent('s1', 'solo');
    expect(await s.markStepDone('s1', '01-chroot', 'chroot', 100)).toBe(100);
    expect(await s.markStepDone('s1', '01-chroot', 'chroot', 200)).toBe(100);
    expect(await s.markStepDone('s1', '01-chroot', 'proc', 300)).toBe(300);
    expect([...(await s.stepsDone('s1', '01-chroot'))]).toEqual([
      ['chroot', 100],
      ['proc', 300],
    ]);
    expect((await s.stepsDone('s1', '02-unshare')).size).toBe(0);
    expect(changes).toEqual(['step s1', 'step s1']);
  });

  it('numbers quiz attempts per question; the first one is kept as attempt 1', async () => {
    const s = await openFresh();
    await s.upsertStudent('s1', 'solo');
    expect(await s.addQuizAttempt('s1', '01-chroot', 'q1', 'b', false, 10)).toBe(1);
    expect(await s.addQuizAttempt('s1', '01-chroot', 'q1', 'a', true, 20)).toBe(2);
    expect(await s.addQuizAttempt('s1', '01-chroot', 'q2', 'c', true, 30)).toBe(1);
    expect(await s.quizAttempts('s1', '01-chroot')).toEqual([
      { question: 'q1', attempt: 1, option: 'b', correct: false, answered_at: 10 },
      { question: 'q1', attempt: 2, option: 'a', correct: true, answered_at: 20 },
      { question: 'q2', attempt: 1, option: 'c', correct: true, answered_at: 30 },
    ]);
  });

  it('numbers two answers to one question sent at once 1 and 2, from one store or two', async () => {
    const a = await openFresh('gaiola-agent-0');
    const b = await openFresh('gaiola-agent-1');
    await a.upsertStudent('s1', 'solo');
    const once = await Promise.all([
      a.addQuizAttempt('s1', '01-chroot', 'q1', 'a', false, 10),
      a.addQuizAttempt('s1', '01-chroot', 'q1', 'b', true, 10),
    ]);
    expect(once.sort()).toEqual([1, 2]);
    const twice = await Promise.all([
      a.addQuizAttempt('s1', '01-chroot', 'q2', 'a', false, 20),
      b.addQuizAttempt('s1', '01-chroot', 'q2', 'b', true, 20),
    ]);
    expect(twice.sort()).toEqual([1, 2]);
    expect((await b.quizAttempts('s1', '01-chroot')).map((r) => `${r.question}#${r.attempt}`)).toEqual([
      'q1#1',
      'q1#2',
      'q2#1',
      'q2#2',
    ]);
  });

  it('restarts a lesson at a step: the student’s rows stay theirs, replayed ones are prepared, retried ones go', async () => {
    const changes: string[] = [];
    const s = await openFresh(undefined, (c) => changes.push(c.kind));
    await s.upsertStudent('s1', 'solo');
    await s.markStepDone('s1', '08-overlay', 'mount', 5);
    await s.markStepDone('s1', '08-overlay', 'whiteout', 6);
    expect(await s.stepsPrepared('s1', '08-overlay')).toEqual(new Set());
    await s.restartSteps('s1', '08-overlay', ['mount', 'copy-up'], ['whiteout', 'layers'], 9);
    expect([...(await s.stepsDone('s1', '08-overlay')).entries()].sort()).toEqual([
      ['copy-up', 9],
      ['mount', 5],
    ]);
    expect(await s.stepsPrepared('s1', '08-overlay')).toEqual(new Set(['copy-up']));
    // started again at the first step: nothing done, nothing prepared
    await s.restartSteps('s1', '08-overlay', [], ['mount', 'copy-up', 'whiteout', 'layers'], 10);
    expect((await s.stepsDone('s1', '08-overlay')).size).toBe(0);
    expect((await s.stepsPrepared('s1', '08-overlay')).size).toBe(0);
    expect(changes).toEqual(['step', 'step', 'step', 'step']);
  });
});

describe.each(kinds)('Store on %s: class mode', (_kind, openFresh, skip) => {
  skipWhen(skip);

  it('keeps the current class, tags same names, deletes a class’s students with their answers', async () => {
    const changes: string[] = [];
    const s = await openFresh(undefined, (c) => changes.push(c.kind));
    const c = await s.createClass('c'.repeat(32), 'ACDEFG', 100);
    expect(c).toEqual({ id: 'c'.repeat(32), code: 'ACDEFG', created_at: 100, closed_at: null });
    expect(await s.currentClass()).toEqual(c);
    expect((await s.classByCode('ACDEFG'))?.id).toBe(c.id);
    expect(await s.classById(c.id)).toEqual(c);
    const ana = await s.joinClass(c.id, 'a'.repeat(32), 'Ana', 110);
    const ana2 = await s.joinClass(c.id, 'b'.repeat(32), 'ana', 120);
    const xoan = await s.joinClass(c.id, 'd'.repeat(32), 'Xoán', 130);
    expect([ana.name_tag, ana2.name_tag, xoan.name_tag]).toEqual([1, 2, 1]);
    expect(ana2).toEqual({ id: 'b'.repeat(32), display_name: 'ana', name_tag: 2, created_at: 120, last_seen_at: 120 });
    expect(await s.classStudent(ana2.id)).toEqual(ana2);
    expect(await s.studentClassId(xoan.id)).toBe(c.id);
    expect((await s.classStudents(c.id)).map((r) => r.id)).toEqual([ana.id, ana2.id, xoan.id]);
    await s.sandboxCreated('gaiola-ana', ana.id, 135);
    await s.markStepDone(ana.id, '01-chroot', 'chroot', 140);
    await s.markStepDone(ana.id, '01-chroot', 'chroot', 150); // seen again: no change
    await s.addQuizAttempt(xoan.id, '01-chroot', 'q1', 'b', false, 160);
    expect(await s.classSteps(c.id)).toEqual([
      { student_id: ana.id, lesson: '01-chroot', step: 'chroot', done_at: 140 },
    ]);
    expect(await s.classAttempts(c.id)).toEqual([
      {
        student_id: xoan.id,
        lesson: '01-chroot',
        question: 'q1',
        attempt: 1,
        option: 'b',
        correct: false,
        answered_at: 160,
      },
    ]);
    expect(changes).toEqual(['join', 'join', 'join', 'step', 'quiz']);
    await s.setClassOpen(c.id, false, 170);
    expect((await s.currentClass())?.closed_at).toBe(170);
    await s.setClassOpen(c.id, true);
    expect((await s.currentClass())?.closed_at).toBeNull();
    expect((await s.deleteClassStudents(c.id)).sort()).toEqual([ana.id, ana2.id, xoan.id].sort());
    expect(changes.at(-1)).toBe('delete');
    expect(await s.classStudents(c.id)).toEqual([]);
    expect(await s.classSteps(c.id)).toEqual([]);
    expect(await s.classAttempts(c.id)).toEqual([]);
    expect(await s.getStudent(ana.id)).toBeUndefined();
    // the sandbox went with its student: nothing is left open to close
    expect(await s.closeStaleSandboxes()).toBe(0);
    expect((await s.currentClass())?.code).toBe('ACDEFG');
    // a class made later is the current one
    await s.createClass('c2', 'HJKMNP', 200);
    expect((await s.currentClass())?.id).toBe('c2');
  });

  it('tags two students of one name who join at once 1 and 2', async () => {
    const a = await openFresh('gaiola-agent-0');
    const b = await openFresh('gaiola-agent-1');
    await a.createClass('c1', 'AAAAAA', 1);
    const both = await Promise.all([a.joinClass('c1', 'st1', 'Rui', 2), b.joinClass('c1', 'st2', 'RUI', 2)]);
    expect(both.map((r) => r.name_tag).sort()).toEqual([1, 2]);
  });

  it('keeps a class’s warm target, replaces it, and has none for a class that never set one', async () => {
    const a = await openFresh();
    await a.createClass('c1', 'ACDEFG', 1);
    await a.createClass('c2', 'HJKMNP', 2);
    expect(await a.classWarmTarget('c1')).toBeUndefined();
    await a.setClassWarmTarget('c1', 30);
    await a.setClassWarmTarget('c1', 12);
    const b = await openFresh();
    expect(await b.classWarmTarget('c1')).toBe(12);
    expect(await b.classWarmTarget('c2')).toBeUndefined();
  });

  it('keeps a class’s audit records with the student as shown, ends them once, and clears only that class’s', async () => {
    const s = await openFresh();
    await s.createClass('c1', 'AAAAAA', 1);
    await s.joinClass('c1', 'st1', 'Ana', 2);
    await s.joinClass('c1', 'st2', 'ana', 3);
    const look = await s.recordAudit({
      classId: 'c1',
      kind: 'look',
      instructor: 'Marta',
      student: 'st2',
      startedAt: 10,
    });
    const broadcast = await s.recordAudit({
      classId: 'c1',
      kind: 'broadcast',
      instructor: 'Marta',
      startedAt: 20,
      detail: 'x'.repeat(600),
    });
    expect(typeof look).toBe('number');
    expect(broadcast).toBeGreaterThan(look);
    await s.endAudit(look, 15, 'end=ended');
    // a second end changes nothing: the first one is the record
    await s.endAudit(look, 99, 'end=studentLeft');
    await s.createClass('c2', 'CCCCCC', 30);
    await s.recordAudit({ classId: 'c2', kind: 'help', instructor: 'Xoán', student: 'st1', startedAt: 31 });
    const rows = await s.classAudit('c1');
    expect(rows.map(({ id, ...r }) => ({ ...r, detail: r.detail?.slice(0, 12) }))).toEqual([
      {
        kind: 'look',
        instructor: 'Marta',
        student_id: 'st2',
        student_name: 'ana (2)',
        started_at: 10,
        ended_at: 15,
        detail: 'end=ended',
      },
      {
        kind: 'broadcast',
        instructor: 'Marta',
        student_id: null,
        student_name: null,
        started_at: 20,
        ended_at: null,
        detail: 'xxxxxxxxxxxx',
      },
    ]);
    expect(rows.map((r) => r.id)).toEqual([look, broadcast]);
    expect(rows[1]?.detail).toHaveLength(MAX_AUDIT_DETAIL);
    // the record outlives the class's students
    await s.deleteClassStudents('c1');
    expect((await s.classAudit('c1'))[0]?.student_name).toBe('ana (2)');
    expect(await s.clearClassAudit('c1')).toBe(2);
    expect(await s.classAudit('c1')).toEqual([]);
    expect(await s.classAudit('c2')).toHaveLength(1);
  });
});
