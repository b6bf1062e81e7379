// What is PostgreSQL's own in its store: the URL's password never printed, BIGINT as numbers on this pool only, the
// schema's version. Every behaviour both stores share is in store.test.ts.
import pg from 'pg';
import { beforeEach, describe, expect, it, vi } from 'vitest';
// biome-ignore lint/style/noRestrictedImports: a test stops a throwaway server of its own; the store's code imports nothing of it
import { startPostgres } from '../../test/pg-server';
import { PG_SCHEMA_VERSION, PgStore, redactUrl } from './pg-store';
import { testPostgres } from './pg-test-databases';

const postgres = testPostgres('pg-store.test');

describe('PgStore: the URL’s password', () => {
  it('is replaced by *** where the URL is printed', () => {
    expect(redactUrl('postgres://gaiola:s3cret@db.example:5432/gaiola')).toBe(
      'postgres://gaiola:***@db.example:5432/gaiola',
    );
    expect(redactUrl('postgresql://u:p%40ss:w@h/d?sslmode=require')).toBe('postgresql://u:***@h/d?sslmode=require');
    expect(redactUrl('postgres://h/d?user=u&password=s3cret&x=1')).toBe('postgres://h/d?user=u&password=***&x=1');
    expect(redactUrl('postgres://gaiola@/gaiola?host=/tmp/x')).toBe('postgres://gaiola@/gaiola?host=/tmp/x');
  });

  it('is not in the error of a server that does not answer, which names the server', async () => {
    for (const url of [
      'postgres://gaiola:s3cret-pw@/gaiola?host=/tmp/gaiola-no-server-here',
      'postgres:///gaiola?host=/tmp/gaiola-no-server-here&password=s3cret-pw',
    ]) {
      const err = await PgStore.open(url).then(
        () => undefined,
        (e: Error) => e,
      );
      expect(err?.message).toMatch(/^PostgreSQL at postgres:\/\/.*\*\*\*.*: .*ENOENT/);
      expect(String(err?.stack)).not.toContain('s3cret');
    }
  });
});

describe('PgStore on a real server', () => {
  beforeEach((ctx) => {
    if (postgres.skip !== undefined) ctx.skip(postgres.skip);
  });

  it('names the server when its database does not exist', async () => {
    const url = (await postgres.newDatabase()).replace(/\/gaiola_\d+\?/, '/gaiola_missing?');
    await expect(PgStore.open(url)).rejects.toThrow(
      /^PostgreSQL at postgres:.*database "gaiola_missing" does not exist/,
    );
  });

  it('reads times as numbers through its own pool, leaving node-postgres’ global parsers alone', async () => {
    const url = await postgres.newDatabase();
    const store = await PgStore.open(url);
    try {
      const now = Date.now();
      await store.upsertStudent('s1', 'solo', now);
      expect((await store.getStudent('s1'))?.created_at).toBe(now);
      const other = new pg.Client({ connectionString: url });
      await other.connect();
      try {
        const { rows } = await other.query('SELECT created_at, COUNT(*) AS n FROM students GROUP BY created_at');
        expect(rows).toEqual([{ created_at: String(now), n: '1' }]);
      } finally {
        await other.end();
      }
    } finally {
      await store.close();
      await store.close(); // a second close is harmless
    }
  });

  it('keeps the schema’s version, and refuses a database a newer gaiola made', async () => {
    const url = await postgres.newDatabase();
    const store = await PgStore.open(url);
    await store.close();
    const raw = new pg.Client({ connectionString: url });
    await raw.connect();
    try {
      expect((await raw.query('SELECT version FROM schema_version')).rows).toEqual([{ version: PG_SCHEMA_VERSION }]);
      await raw.query('UPDATE schema_version SET version = version + 1');
    } finally {
      await raw.end();
    }
    await expect(PgStore.open(url)).rejects.toThrow(/newer than this gaiola's/);
  });

  it('survives its server going away: the idle connections’ errors are logged, the next call fails naming the server', async () => {
    // A server of this test's own, since it stops it.
    const own = await startPostgres();
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const store = await PgStore.open(own.url);
    try {
      await store.upsertStudent('s1', 'solo', 1);
      await own.stop();
      await expect(store.getStudent('s1')).rejects.toThrow(/^PostgreSQL at postgres:\/\/gaiola@\/gaiola\?host=/);
      await expect(store.addQuizAttempt('s1', 'l', 'q1', 'a', true)).rejects.toThrow(/^PostgreSQL at /);
      expect(logged.mock.calls.flat().join('\n')).toMatch(/^\[store\] PostgreSQL at /);
    } finally {
      await store.close();
      logged.mockRestore();
      await own.stop();
    }
  });
});
