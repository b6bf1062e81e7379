// For the store's test files (not the agent's code): one throwaway PostgreSQL server per file (pg-server.ts, ~0.6 s
// to start), and an empty database in it for each test that asks, `CREATE DATABASE` being fast.
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
// biome-ignore lint/style/noRestrictedImports: the tests start the throwaway server the test tier keeps; the store's own code imports nothing of it
import { type PostgresServer, postgresAvailable, startPostgres } from '../../test/pg-server';

/** A server is started only once the file's tests begin; generous, as initdb on a busy machine can take seconds. */
const START_TIMEOUT_MS = 60_000;

export interface TestPostgres {
  /** Why PostgreSQL's cases skip here (its binaries are missing), or undefined. */
  readonly skip: string | undefined;
  /** A new, empty database's URL. */
  newDatabase(): Promise<string>;
}

/** Call at a test file's top level: its server starts before its tests and stops after them. */
export function testPostgres(file: string): TestPostgres {
  const skip = postgresAvailable();
  if (skip) console.warn(`[${file}] PostgreSQL cases skipped: ${skip}`);
  let server: PostgresServer | undefined;
  let made = 0;
  /** The next test's database, made while this test runs (CREATE DATABASE takes ~0.1 s here). */
  let next: Promise<string> | undefined;
  const create = async (): Promise<string> => {
    if (server === undefined) throw new Error(`no PostgreSQL server started${skip ? `: ${skip}` : ''}`);
    const name = `gaiola_${++made}`;
    const admin = new pg.Client({ connectionString: server.url });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE ${name}`);
    } finally {
      await admin.end();
    }
    // pg-server's URL is postgres://gaiola@/gaiola?host=<dir>: the same server, this database.
    return server.url.replace('/gaiola?', `/${name}?`);
  };
  beforeAll(async () => {
    if (skip === undefined) server = await startPostgres();
  }, START_TIMEOUT_MS);
  afterAll(async () => {
    // The database made ahead for no one is waited for, so the server stops with no connection of ours open.
    await next?.catch(() => {});
    await server?.stop();
  });
  return {
    skip,
    newDatabase() {
      const url = next ?? create();
      next = create();
      // A failure belongs to the test that takes it; until then it is not an unhandled rejection.
      next.catch(() => {});
      return url;
    },
  };
}
