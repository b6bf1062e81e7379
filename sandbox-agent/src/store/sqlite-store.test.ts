// What is SQLite's own: the file on disk and its migrations by user_version. Every behaviour both stores share is
// in store.test.ts, run on SQLite and PostgreSQL.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteStore } from './sqlite-store';

const dirs: string[] = [];
function tempDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'gaiola-db-'));
  dirs.push(d);
  return d;
}
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('SqliteStore: the file', () => {
  it('creates gaiola.db in the data dir once and keeps students and progress across reopen', async () => {
    const dir = tempDir();
    const a = SqliteStore.open(dir);
    await a.upsertStudent('s1', 'solo', 1000);
    await a.upsertStudent('s1', 'solo', 2000);
    await a.markStepDone('s1', '01-chroot', 'chroot', 1500);
    await a.close();
    expect(fs.existsSync(path.join(dir, 'gaiola.db'))).toBe(true);
    const b = SqliteStore.open(dir);
    expect(await b.getStudent('s1')).toMatchObject({ created_at: 1000, last_seen_at: 2000 });
    expect(await b.markStepDone('s1', '01-chroot', 'chroot', 7)).toBe(1500);
    await b.close();
  });
});

describe('SqliteStore: migrations by user_version', () => {
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

  it('migration 6: every step done before it is the student’s, none prepared', async () => {
    const dir = tempDir();
    const a = SqliteStore.open(dir);
    await a.upsertStudent('s1', 'solo');
    await a.markStepDone('s1', '08-overlay', 'mount', 5);
    await a.close();
    // a store of before migration 6
    const raw = new Database(path.join(dir, 'gaiola.db'));
    raw.exec('DROP TABLE steps_prepared');
    raw.pragma('user_version = 5');
    raw.close();
    const b = SqliteStore.open(dir);
    expect(await b.stepsPrepared('s1', '08-overlay')).toEqual(new Set());
    // replayed, 'mount' stays the student's own
    await b.restartSteps('s1', '08-overlay', ['mount', 'copy-up'], [], 9);
    expect(await b.stepsPrepared('s1', '08-overlay')).toEqual(new Set(['copy-up']));
    await b.close();
  });

  it('migration 7: the warm target stays across a user_version set back, and goes with its class', async () => {
    const dir = tempDir();
    const a = SqliteStore.open(dir);
    await a.createClass('c1', 'ACDEFG', 1);
    await a.setClassWarmTarget('c1', 12);
    await a.close();
    // as a store of before migration 7 would be opened again: the table stays, the row too
    const raw = new Database(path.join(dir, 'gaiola.db'));
    raw.pragma('user_version = 6');
    raw.close();
    const b = SqliteStore.open(dir);
    expect(await b.classWarmTarget('c1')).toBe(12);
    await b.close();
    const c = new Database(path.join(dir, 'gaiola.db'));
    c.pragma('foreign_keys = ON');
    c.prepare('DELETE FROM classes WHERE id = ?').run('c1');
    expect(c.prepare('SELECT COUNT(*) AS n FROM class_warm').get()).toEqual({ n: 0 });
    c.close();
  });

  it('migration 8: sandboxes of before it are the one agent’s, closed at its start', async () => {
    const dir = tempDir();
    const a = SqliteStore.open(dir);
    await a.upsertStudent('s1', 'solo');
    await a.close();
    const raw = new Database(path.join(dir, 'gaiola.db'));
    raw.exec('ALTER TABLE sandboxes DROP COLUMN agent_id');
    raw.prepare("INSERT INTO sandboxes (id, student_id, created_at) VALUES ('gaiola-a', 's1', 1)").run();
    raw.pragma('user_version = 7');
    raw.close();
    const b = SqliteStore.open(dir);
    expect(await b.closeStaleSandboxes(2)).toBe(1);
    await b.close();
  });
});
