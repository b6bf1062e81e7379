import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteStore } from './sqlite-store';
import { MAX_AUDIT_DETAIL } from './store';

const dirs: string[] = [];
function tempDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'gaiola-db-'));
  dirs.push(d);
  return d;
}
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('Store (a real SQLite file)', () => {
  it('creates the schema once and keeps data across reopen', async () => {
    const dir = tempDir();
    const a = SqliteStore.open(dir);
    await a.upsertStudent('s1', 'solo', 1000);
    await a.upsertStudent('s1', 'solo', 2000);
    await a.close();
    const b = SqliteStore.open(dir);
    expect(await b.getStudent('s1')).toMatchObject({
      id: 's1',
      mode: 'solo',
      created_at: 1000,
      last_seen_at: 2000,
      class_id: null,
    });
    await b.close();
    expect(fs.existsSync(path.join(dir, 'gaiola.db'))).toBe(true);
  });

  it('moves the progress of lesson 06’s PIDs steps and questions to the lesson split from it, once', async () => {
    const dir = tempDir();
    const a = SqliteStore.open(dir);
    await a.upsertStudent('s1', 'solo');
    for (const step of ['quota', 'weights', 'pids', 'freeze', 'empty'])
      await a.markStepDone('s1', '06-cgroups-cpu-pids', step, 5);
    await a.addQuizAttempt('s1', '06-cgroups-cpu-pids', 'q1', 'b', true, 6);
    await a.addQuizAttempt('s1', '06-cgroups-cpu-pids', 'q4', 'a', false, 7);
    await a.addQuizAttempt('s1', '06-cgroups-cpu-pids', 'q4', 'd', true, 8);
    await a.close();
    // as a store of before the split left it
    const raw = new Database(path.join(dir, 'gaiola.db'));
    raw.pragma('user_version = 3');
    raw.close();
    const b = SqliteStore.open(dir);
    expect([...(await b.stepsDone('s1', '06-cgroups-cpu-pids')).keys()].sort()).toEqual(['quota', 'weights']);
    expect([...(await b.stepsDone('s1', '06-cgroups-pids-freezer')).entries()].sort()).toEqual([
      ['empty', 5],
      ['freeze', 5],
      ['pids', 5],
    ]);
    expect((await b.quizAttempts('s1', '06-cgroups-cpu-pids')).map((r) => r.question)).toEqual(['q1']);
    expect(await b.quizAttempts('s1', '06-cgroups-pids-freezer')).toEqual([
      { question: 'q4', attempt: 1, option: 'a', correct: false, answered_at: 7 },
      { question: 'q4', attempt: 2, option: 'd', correct: true, answered_at: 8 },
    ]);
    // a step of the old slug's name done after the split stays where it was done
    await b.markStepDone('s1', '06-cgroups-cpu-pids', 'pids', 9);
    await b.close();
    const c = SqliteStore.open(dir);
    expect((await c.stepsDone('s1', '06-cgroups-cpu-pids')).get('pids')).toBe(9);
    await c.close();
  });

  it('records sandboxes and closes the ones a crashed agent left open', async () => {
    const s = SqliteStore.open(tempDir());
    await s.upsertStudent('s1', 'solo');
    await s.sandboxCreated('gaiola-a', 's1', 10);
    await s.sandboxCreated('gaiola-b', 's1', 11);
    await s.sandboxDestroyed('gaiola-a', 'grace-expired', 20);
    expect(await s.closeStaleSandboxes(30)).toBe(1);
    expect(await s.closeStaleSandboxes(40)).toBe(0);
    await s.close();
  });

  it('refuses a sandbox of an unknown student', async () => {
    const s = SqliteStore.open(tempDir());
    await expect(s.sandboxCreated('gaiola-x', 'nobody')).rejects.toThrow(/FOREIGN KEY/);
    await s.close();
  });
});

describe('Store: progress', () => {
  it('keeps the first time a step was seen done', async () => {
    const s = SqliteStore.open(tempDir());
    await s.upsertStudent('s1', 'solo');
    expect(await s.markStepDone('s1', '01-chroot', 'chroot', 100)).toBe(100);
    expect(await s.markStepDone('s1', '01-chroot', 'chroot', 200)).toBe(100);
    expect(await s.markStepDone('s1', '01-chroot', 'proc', 300)).toBe(300);
    expect([...(await s.stepsDone('s1', '01-chroot'))]).toEqual([
      ['chroot', 100],
      ['proc', 300],
    ]);
    expect((await s.stepsDone('s1', '02-unshare')).size).toBe(0);
    await s.close();
  });

  it('numbers quiz attempts per question; the first one is kept as attempt 1', async () => {
    const s = SqliteStore.open(tempDir());
    await s.upsertStudent('s1', 'solo');
    expect(await s.addQuizAttempt('s1', '01-chroot', 'q1', 'b', false, 10)).toBe(1);
    expect(await s.addQuizAttempt('s1', '01-chroot', 'q1', 'a', true, 20)).toBe(2);
    expect(await s.addQuizAttempt('s1', '01-chroot', 'q2', 'c', true, 30)).toBe(1);
    expect(await s.quizAttempts('s1', '01-chroot')).toEqual([
      { question: 'q1', attempt: 1, option: 'b', correct: false, answered_at: 10 },
      { question: 'q1', attempt: 2, option: 'a', correct: true, answered_at: 20 },
      { question: 'q2', attempt: 1, option: 'c', correct: true, answered_at: 30 },
    ]);
    await s.close();
  });

  it('reopening the file keeps students and progress', async () => {
    const dir = tempDir();
    const s = SqliteStore.open(dir);
    await s.upsertStudent('s1', 'solo', 5);
    await s.close();
    const again = SqliteStore.open(dir);
    expect((await again.getStudent('s1'))?.created_at).toBe(5);
    expect(await again.markStepDone('s1', '01-chroot', 'chroot', 7)).toBe(7);
    await again.close();
  });
});

describe('class mode in the store', () => {
  it('keeps the current class, tags same names, deletes a class’s students with their answers', async () => {
    const dir = tempDir();
    {
      const changes: string[] = [];
      const s = new SqliteStore(path.join(dir, 'g.db'), { onChange: (c) => changes.push(c.kind) });
      const c = await s.createClass('c'.repeat(32), 'ACDEFG', 100);
      expect(await s.currentClass()).toEqual(c);
      expect((await s.classByCode('ACDEFG'))?.id).toBe(c.id);
      const ana = await s.joinClass(c.id, 'a'.repeat(32), 'Ana', 110);
      const ana2 = await s.joinClass(c.id, 'b'.repeat(32), 'ana', 120);
      const xoan = await s.joinClass(c.id, 'd'.repeat(32), 'Xoán', 130);
      expect([ana.name_tag, ana2.name_tag, xoan.name_tag]).toEqual([1, 2, 1]);
      expect(await s.studentClassId(xoan.id)).toBe(c.id);
      await s.markStepDone(ana.id, '01-chroot', 'chroot', 140);
      await s.markStepDone(ana.id, '01-chroot', 'chroot', 150); // seen again: no change
      await s.addQuizAttempt(xoan.id, '01-chroot', 'q1', 'b', false, 160);
      expect(await s.classSteps(c.id)).toEqual([
        { student_id: ana.id, lesson: '01-chroot', step: 'chroot', done_at: 140 },
      ]);
      expect(await s.classAttempts(c.id)).toHaveLength(1);
      expect(changes).toEqual(['join', 'join', 'join', 'step', 'quiz']);
      await s.setClassOpen(c.id, false, 170);
      expect((await s.currentClass())?.closed_at).toBe(170);
      expect((await s.deleteClassStudents(c.id)).sort()).toEqual([ana.id, ana2.id, xoan.id].sort());
      expect(await s.classStudents(c.id)).toEqual([]);
      expect(await s.classSteps(c.id)).toEqual([]);
      expect(await s.classAttempts(c.id)).toEqual([]);
      expect((await s.currentClass())?.code).toBe('ACDEFG');
      await s.close();
    }
  });

  it('keeps a class’s audit records with the student as shown, ends them once, and clears only that class’s', async () => {
    const s = SqliteStore.open(tempDir());
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
    await s.recordAudit({
      classId: 'c1',
      kind: 'broadcast',
      instructor: 'Marta',
      startedAt: 20,
      detail: 'x'.repeat(600),
    });
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
    expect(rows[1]?.detail).toHaveLength(MAX_AUDIT_DETAIL);
    // the record outlives the class's students
    await s.deleteClassStudents('c1');
    expect((await s.classAudit('c1'))[0]?.student_name).toBe('ana (2)');
    expect(await s.clearClassAudit('c1')).toBe(2);
    expect(await s.classAudit('c1')).toEqual([]);
    expect(await s.classAudit('c2')).toHaveLength(1);
    await s.close();
  });
});

describe('Store: steps prepared by "Start this step again" (migration 6)', () => {
  it('keeps the student’s rows as theirs, marks replayed steps prepared and forgets the retried ones', async () => {
    const dir = tempDir();
    const a = SqliteStore.open(dir);
    await a.upsertStudent('s1', 'solo');
    await a.markStepDone('s1', '08-overlay', 'mount', 5);
    await a.markStepDone('s1', '08-overlay', 'whiteout', 6);
    await a.close();
    // a store of before migration 6: its rows are the student's
    const raw = new Database(path.join(dir, 'gaiola.db'));
    raw.exec('DROP TABLE steps_prepared');
    raw.pragma('user_version = 5');
    raw.close();
    const b = SqliteStore.open(dir);
    expect(await b.stepsPrepared('s1', '08-overlay')).toEqual(new Set());
    await b.restartSteps('s1', '08-overlay', ['mount', 'copy-up'], ['whiteout', 'layers'], 9);
    expect([...(await b.stepsDone('s1', '08-overlay')).entries()].sort()).toEqual([
      ['copy-up', 9],
      ['mount', 5],
    ]);
    expect(await b.stepsPrepared('s1', '08-overlay')).toEqual(new Set(['copy-up']));
    // started again at the first step: nothing done, nothing prepared
    await b.restartSteps('s1', '08-overlay', [], ['mount', 'copy-up', 'whiteout', 'layers'], 10);
    expect((await b.stepsDone('s1', '08-overlay')).size).toBe(0);
    expect((await b.stepsPrepared('s1', '08-overlay')).size).toBe(0);
    await b.close();
  });
});

describe('Store: the warm target the instructor keeps for a class (migration 7)', () => {
  it('keeps it per class across a reopen, replaces it, and forgets it with the class', async () => {
    const dir = tempDir();
    const a = SqliteStore.open(dir);
    await a.createClass('c1', 'ACDEFG', 1);
    await a.createClass('c2', 'HJKMNP', 2);
    expect(await a.classWarmTarget('c1')).toBeUndefined();
    await a.setClassWarmTarget('c1', 30);
    await a.setClassWarmTarget('c1', 12);
    await a.close();
    // as a store of before migration 7 would be opened again: the table stays, the row too
    const raw = new Database(path.join(dir, 'gaiola.db'));
    raw.pragma('user_version = 6');
    raw.close();
    const b = SqliteStore.open(dir);
    expect(await b.classWarmTarget('c1')).toBe(12);
    expect(await b.classWarmTarget('c2')).toBeUndefined();
    await b.close();
    const c = new Database(path.join(dir, 'gaiola.db'));
    c.pragma('foreign_keys = ON');
    c.prepare('DELETE FROM classes WHERE id = ?').run('c1');
    expect(c.prepare('SELECT COUNT(*) AS n FROM class_warm').get()).toEqual({ n: 0 });
    c.close();
  });
});
