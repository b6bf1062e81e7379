import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_AUDIT_DETAIL, Store } from './db';

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
  it('creates the schema once and keeps data across reopen', () => {
    const dir = tempDir();
    const a = Store.open(dir);
    a.upsertStudent('s1', 'solo', 1000);
    a.upsertStudent('s1', 'solo', 2000);
    a.close();
    const b = Store.open(dir);
    expect(b.getStudent('s1')).toMatchObject({
      id: 's1',
      mode: 'solo',
      created_at: 1000,
      last_seen_at: 2000,
      class_id: null,
    });
    b.close();
    expect(fs.existsSync(path.join(dir, 'gaiola.db'))).toBe(true);
  });

  it('moves the progress of lesson 06’s PIDs steps and questions to the lesson split from it, once', () => {
    const dir = tempDir();
    const a = Store.open(dir);
    a.upsertStudent('s1', 'solo');
    for (const step of ['quota', 'weights', 'pids', 'freeze', 'empty'])
      a.markStepDone('s1', '06-cgroups-cpu-pids', step, 5);
    a.addQuizAttempt('s1', '06-cgroups-cpu-pids', 'q1', 'b', true, 6);
    a.addQuizAttempt('s1', '06-cgroups-cpu-pids', 'q4', 'a', false, 7);
    a.addQuizAttempt('s1', '06-cgroups-cpu-pids', 'q4', 'd', true, 8);
    a.close();
    // as a store of before the split left it
    const raw = new Database(path.join(dir, 'gaiola.db'));
    raw.pragma('user_version = 3');
    raw.close();
    const b = Store.open(dir);
    expect([...b.stepsDone('s1', '06-cgroups-cpu-pids').keys()].sort()).toEqual(['quota', 'weights']);
    expect([...b.stepsDone('s1', '06-cgroups-pids-freezer').entries()].sort()).toEqual([
      ['empty', 5],
      ['freeze', 5],
      ['pids', 5],
    ]);
    expect(b.quizAttempts('s1', '06-cgroups-cpu-pids').map((r) => r.question)).toEqual(['q1']);
    expect(b.quizAttempts('s1', '06-cgroups-pids-freezer')).toEqual([
      { question: 'q4', attempt: 1, option: 'a', correct: false, answered_at: 7 },
      { question: 'q4', attempt: 2, option: 'd', correct: true, answered_at: 8 },
    ]);
    // a step of the old slug's name done after the split stays where it was done
    b.markStepDone('s1', '06-cgroups-cpu-pids', 'pids', 9);
    b.close();
    const c = Store.open(dir);
    expect(c.stepsDone('s1', '06-cgroups-cpu-pids').get('pids')).toBe(9);
    c.close();
  });

  it('records sandboxes and closes the ones a crashed agent left open', () => {
    const s = Store.open(tempDir());
    s.upsertStudent('s1', 'solo');
    s.sandboxCreated('gaiola-a', 's1', 10);
    s.sandboxCreated('gaiola-b', 's1', 11);
    s.sandboxDestroyed('gaiola-a', 'grace-expired', 20);
    expect(s.closeStaleSandboxes(30)).toBe(1);
    expect(s.closeStaleSandboxes(40)).toBe(0);
    s.close();
  });

  it('refuses a sandbox of an unknown student', () => {
    const s = Store.open(tempDir());
    expect(() => s.sandboxCreated('gaiola-x', 'nobody')).toThrow(/FOREIGN KEY/);
    s.close();
  });
});

describe('Store: progress', () => {
  it('keeps the first time a step was seen done', () => {
    const s = Store.open(tempDir());
    s.upsertStudent('s1', 'solo');
    expect(s.markStepDone('s1', '01-chroot', 'chroot', 100)).toBe(100);
    expect(s.markStepDone('s1', '01-chroot', 'chroot', 200)).toBe(100);
    expect(s.markStepDone('s1', '01-chroot', 'proc', 300)).toBe(300);
    expect([...s.stepsDone('s1', '01-chroot')]).toEqual([
      ['chroot', 100],
      ['proc', 300],
    ]);
    expect(s.stepsDone('s1', '02-unshare').size).toBe(0);
    s.close();
  });

  it('numbers quiz attempts per question; the first one is kept as attempt 1', () => {
    const s = Store.open(tempDir());
    s.upsertStudent('s1', 'solo');
    expect(s.addQuizAttempt('s1', '01-chroot', 'q1', 'b', false, 10)).toBe(1);
    expect(s.addQuizAttempt('s1', '01-chroot', 'q1', 'a', true, 20)).toBe(2);
    expect(s.addQuizAttempt('s1', '01-chroot', 'q2', 'c', true, 30)).toBe(1);
    expect(s.quizAttempts('s1', '01-chroot')).toEqual([
      { question: 'q1', attempt: 1, option: 'b', correct: false, answered_at: 10 },
      { question: 'q1', attempt: 2, option: 'a', correct: true, answered_at: 20 },
      { question: 'q2', attempt: 1, option: 'c', correct: true, answered_at: 30 },
    ]);
    s.close();
  });

  it('reopening the file keeps students and progress', () => {
    const dir = tempDir();
    const s = Store.open(dir);
    s.upsertStudent('s1', 'solo', 5);
    s.close();
    const again = Store.open(dir);
    expect(again.getStudent('s1')?.created_at).toBe(5);
    expect(again.markStepDone('s1', '01-chroot', 'chroot', 7)).toBe(7);
    again.close();
  });
});

describe('class mode in the store', () => {
  it('keeps the current class, tags same names, deletes a class’s students with their answers', () => {
    const dir = tempDir();
    {
      const changes: string[] = [];
      const s = new Store(path.join(dir, 'g.db'), (c) => changes.push(c.kind));
      const c = s.createClass('c'.repeat(32), 'ACDEFG', 100);
      expect(s.currentClass()).toEqual(c);
      expect(s.classByCode('ACDEFG')?.id).toBe(c.id);
      const ana = s.joinClass(c.id, 'a'.repeat(32), 'Ana', 110);
      const ana2 = s.joinClass(c.id, 'b'.repeat(32), 'ana', 120);
      const xoan = s.joinClass(c.id, 'd'.repeat(32), 'Xoán', 130);
      expect([ana.name_tag, ana2.name_tag, xoan.name_tag]).toEqual([1, 2, 1]);
      expect(s.studentClassId(xoan.id)).toBe(c.id);
      s.markStepDone(ana.id, '01-chroot', 'chroot', 140);
      s.markStepDone(ana.id, '01-chroot', 'chroot', 150); // seen again: no change
      s.addQuizAttempt(xoan.id, '01-chroot', 'q1', 'b', false, 160);
      expect(s.classSteps(c.id)).toEqual([{ student_id: ana.id, lesson: '01-chroot', step: 'chroot', done_at: 140 }]);
      expect(s.classAttempts(c.id)).toHaveLength(1);
      expect(changes).toEqual(['join', 'join', 'join', 'step', 'quiz']);
      s.setClassOpen(c.id, false, 170);
      expect(s.currentClass()?.closed_at).toBe(170);
      expect(s.deleteClassStudents(c.id).sort()).toEqual([ana.id, ana2.id, xoan.id].sort());
      expect(s.classStudents(c.id)).toEqual([]);
      expect(s.classSteps(c.id)).toEqual([]);
      expect(s.classAttempts(c.id)).toEqual([]);
      expect(s.currentClass()?.code).toBe('ACDEFG');
      s.close();
    }
  });

  it('keeps a class’s audit records with the student as shown, ends them once, and clears only that class’s', () => {
    const s = Store.open(tempDir());
    s.createClass('c1', 'AAAAAA', 1);
    s.joinClass('c1', 'st1', 'Ana', 2);
    s.joinClass('c1', 'st2', 'ana', 3);
    const look = s.recordAudit({ classId: 'c1', kind: 'look', instructor: 'Marta', student: 'st2', startedAt: 10 });
    s.recordAudit({ classId: 'c1', kind: 'broadcast', instructor: 'Marta', startedAt: 20, detail: 'x'.repeat(600) });
    s.endAudit(look, 15, 'end=ended');
    // a second end changes nothing: the first one is the record
    s.endAudit(look, 99, 'end=studentLeft');
    s.createClass('c2', 'CCCCCC', 30);
    s.recordAudit({ classId: 'c2', kind: 'help', instructor: 'Xoán', student: 'st1', startedAt: 31 });
    const rows = s.classAudit('c1');
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
    s.deleteClassStudents('c1');
    expect(s.classAudit('c1')[0]?.student_name).toBe('ana (2)');
    expect(s.clearClassAudit('c1')).toBe(2);
    expect(s.classAudit('c1')).toEqual([]);
    expect(s.classAudit('c2')).toHaveLength(1);
    s.close();
  });
});

describe('Store: steps prepared by "Start this step again" (migration 6)', () => {
  it('keeps the student’s rows as theirs, marks replayed steps prepared and forgets the retried ones', () => {
    const dir = tempDir();
    const a = Store.open(dir);
    a.upsertStudent('s1', 'solo');
    a.markStepDone('s1', '08-overlay', 'mount', 5);
    a.markStepDone('s1', '08-overlay', 'whiteout', 6);
    a.close();
    // a store of before migration 6: its rows are the student's
    const raw = new Database(path.join(dir, 'gaiola.db'));
    raw.exec('DROP TABLE steps_prepared');
    raw.pragma('user_version = 5');
    raw.close();
    const b = Store.open(dir);
    expect(b.stepsPrepared('s1', '08-overlay')).toEqual(new Set());
    b.restartSteps('s1', '08-overlay', ['mount', 'copy-up'], ['whiteout', 'layers'], 9);
    expect([...b.stepsDone('s1', '08-overlay').entries()].sort()).toEqual([
      ['copy-up', 9],
      ['mount', 5],
    ]);
    expect(b.stepsPrepared('s1', '08-overlay')).toEqual(new Set(['copy-up']));
    // started again at the first step: nothing done, nothing prepared
    b.restartSteps('s1', '08-overlay', [], ['mount', 'copy-up', 'whiteout', 'layers'], 10);
    expect(b.stepsDone('s1', '08-overlay').size).toBe(0);
    expect(b.stepsPrepared('s1', '08-overlay').size).toBe(0);
    b.close();
  });
});

describe('Store: the warm target the instructor keeps for a class (migration 7)', () => {
  it('keeps it per class across a reopen, replaces it, and forgets it with the class', () => {
    const dir = tempDir();
    const a = Store.open(dir);
    a.createClass('c1', 'ACDEFG', 1);
    a.createClass('c2', 'HJKMNP', 2);
    expect(a.classWarmTarget('c1')).toBeUndefined();
    a.setClassWarmTarget('c1', 30);
    a.setClassWarmTarget('c1', 12);
    a.close();
    // as a store of before migration 7 would be opened again: the table stays, the row too
    const raw = new Database(path.join(dir, 'gaiola.db'));
    raw.pragma('user_version = 6');
    raw.close();
    const b = Store.open(dir);
    expect(b.classWarmTarget('c1')).toBe(12);
    expect(b.classWarmTarget('c2')).toBeUndefined();
    b.close();
    const c = new Database(path.join(dir, 'gaiola.db'));
    c.pragma('foreign_keys = ON');
    c.prepare('DELETE FROM classes WHERE id = ?').run('c1');
    expect(c.prepare('SELECT COUNT(*) AS n FROM class_warm').get()).toEqual({ n: 0 });
    c.close();
  });
});
