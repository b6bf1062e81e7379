// A class's SQLite file into PostgreSQL (db-import.ts): the same rows read back through the Store interface, ids
// kept; a second import refused with nothing written; a file at an older schema refused.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeCounts, ImportRefused, importSqliteFile, openSqliteFile } from './db-import';
import { PgStore } from './pg-store';
import { testPostgres } from './pg-test-databases';
import { SqliteStore } from './sqlite-store';
import type { Store } from './store';

const postgres = testPostgres('db-import.test');

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** A class's file as one VM leaves it: two students, steps (one replayed), answers, audit, a solo student. */
async function classFile(): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gaiola-import-'));
  dirs.push(dir);
  const s = SqliteStore.open(dir);
  await s.createClass('c0', 'ZZZZZZ', 50); // an older class; the current one is c1
  await s.createClass('c1', 'ACDEFG', 100);
  await s.setClassWarmTarget('c1', 8);
  await s.joinClass('c1', 'st1', 'Ana', 110);
  await s.joinClass('c1', 'st2', 'ana', 120);
  await s.upsertStudent('solo1', 'solo', 130);
  await s.sandboxCreated('gaiola-a', 'st1', 131);
  await s.sandboxDestroyed('gaiola-a', 'grace-expired', 132);
  await s.markStepDone('st1', '01-chroot', 'chroot', 140);
  await s.markStepDone('st2', '01-chroot', 'chroot', 141);
  await s.restartSteps('st2', '08-overlay', ['mount'], ['whiteout'], 142);
  await s.addQuizAttempt('st1', '01-chroot', 'q1', 'b', false, 150);
  await s.addQuizAttempt('st1', '01-chroot', 'q1', 'a', true, 151);
  const look = await s.recordAudit({
    classId: 'c1',
    kind: 'look',
    instructor: 'Marta',
    student: 'st2',
    startedAt: 160,
  });
  await s.endAudit(look, 165, 'end=ended');
  await s.recordAudit({ classId: 'c1', kind: 'broadcast', instructor: 'Marta', startedAt: 170, detail: 'olá' });
  await s.close();
  return path.join(dir, 'gaiola.db');
}

/** What the instructor's page reads of class c1, through the Store interface. */
async function classView(s: Store) {
  return {
    current: await s.currentClass(),
    older: await s.classById('c0'),
    students: await s.classStudents('c1'),
    steps: await s.classSteps('c1'),
    prepared: await s.stepsPrepared('st2', '08-overlay'),
    attempts: await s.classAttempts('c1'),
    audit: await s.classAudit('c1'),
    warm: await s.classWarmTarget('c1'),
    solo: await s.getStudent('solo1'),
  };
}

describe('db:import, a SQLite file into PostgreSQL', () => {
  beforeEach((ctx) => {
    if (postgres.skip !== undefined) ctx.skip(postgres.skip);
  });

  it('copies a class so that PostgreSQL reads back the same rows, and refuses a second import', async () => {
    const file = await classFile();
    const url = await postgres.newDatabase();
    const result = await importSqliteFile(file, url);
    expect(describeCounts(result.copied)).toBe(
      '2 classes, 3 students, 1 sandbox, 3 steps, 1 step prepared, 2 answers, 1 setting, 1 warm target, 2 audit records',
    );
    expect(describeCounts(result.existing)).toBe('nothing');

    const sqlite = new SqliteStore(file);
    const pgStore = await PgStore.open(url);
    try {
      const expected = await classView(sqlite);
      expect(expected.students).toHaveLength(2);
      expect(expected.audit.map((r) => r.id)).toEqual([1, 2]);
      expect(await classView(pgStore)).toEqual(expected);
      // the audit's identity moved past the ids kept
      expect(await pgStore.recordAudit({ classId: 'c1', kind: 'help', instructor: 'Marta', startedAt: 200 })).toBe(3);
      await pgStore.clearClassAudit('c1');

      // the same file again: refused, and nothing of it written (the audit stays cleared)
      const again = await importSqliteFile(file, url).then(
        () => undefined,
        (e: Error) => e,
      );
      expect(again).toBeInstanceOf(ImportRefused);
      expect(again?.message).toMatch(/^the database already holds 2 classes, 3 students, .*nothing was written/);
      expect(await pgStore.classAudit('c1')).toEqual([]);

      // skipping what is there copies only what is missing: the audit records
      const rest = await importSqliteFile(file, url, { skipExisting: true });
      expect(describeCounts(rest.copied)).toBe('2 audit records');
      expect(await pgStore.classAudit('c1')).toEqual(expected.audit);
    } finally {
      await sqlite.close();
      await pgStore.close();
    }
  });

  it('writes nothing when one of the file’s students is already in the database', async () => {
    const file = await classFile();
    const url = await postgres.newDatabase();
    const pgStore = await PgStore.open(url);
    try {
      await pgStore.upsertStudent('solo1', 'solo', 1);
      await expect(importSqliteFile(file, url)).rejects.toThrow(/already holds 1 student of this file/);
      expect(await pgStore.currentClass()).toBeUndefined();
      expect(await pgStore.classStudents('c1')).toEqual([]);
    } finally {
      await pgStore.close();
    }
  });
});

describe('db:import: the file', () => {
  it('refuses a file at an older schema, saying to start the agent once on it, and leaves it as it was', async () => {
    const file = await classFile();
    const raw = new Database(file);
    raw.pragma('user_version = 8');
    raw.close();
    const before = fs.readFileSync(file);
    expect(() => openSqliteFile(file)).toThrow(/schema version 8, this gaiola's is 9: start the agent once/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('says which file it cannot read', () => {
    expect(() => openSqliteFile('/tmp/gaiola-no-such.db')).toThrow(
      'cannot read /tmp/gaiola-no-such.db as a SQLite database: unable to open database file',
    );
  });
});
