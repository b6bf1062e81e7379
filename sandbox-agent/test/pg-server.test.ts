// The throwaway PostgreSQL server the store's tests start (pg-server.ts): it answers node-postgres through the URL
// it gives, keeps a BIGINT and a text, and stop() leaves neither its process nor its dir behind.
import { existsSync } from 'node:fs';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { postgresAvailable, startPostgres } from './pg-server';

const skip = postgresAvailable();
if (skip) console.warn(`[pg-server.test] skipped: ${skip}`);

/** Whether a PID names a live process (or a zombie): kill(pid, 0) fails with ESRCH once it is reaped. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ESRCH') return false;
    throw err;
  }
}

describe.skipIf(skip !== undefined)('a throwaway PostgreSQL server', () => {
  it('serves node-postgres on its socket, then stops and leaves nothing', { timeout: 60_000 }, async () => {
    const t0 = performance.now();
    const server = await startPostgres();
    const startMs = performance.now() - t0;
    console.info(`[pg-server.test] started in ${startMs.toFixed(0)} ms (${server.dir})`);
    try {
      expect(server.dir).toMatch(/^\/tmp\/gaiola-pg-/);
      expect(alive(server.pid)).toBe(true);
      const pool = new pg.Pool({ connectionString: server.url });
      try {
        await pool.query('CREATE TABLE t (n BIGINT NOT NULL, s TEXT NOT NULL)');
        // Past 2^53: a BIGINT comes back as a string from node-postgres unless a parser says otherwise.
        await pool.query('INSERT INTO t (n, s) VALUES ($1, $2)', ['9007199254740993', 'olá, galego']);
        const { rows } = await pool.query<{ n: string; s: string; db: string }>(
          'SELECT n, s, current_database() AS db FROM t',
        );
        expect(rows).toEqual([{ n: '9007199254740993', s: 'olá, galego', db: 'gaiola' }]);
      } finally {
        await pool.end();
      }
    } finally {
      await server.stop();
    }
    expect(alive(server.pid)).toBe(false);
    expect(existsSync(server.dir)).toBe(false);
    await server.stop(); // a second stop is harmless
  });

  it('starts two servers at once, each on a socket in its own dir and no TCP port', { timeout: 60_000 }, async () => {
    const started = await Promise.allSettled([startPostgres(), startPostgres()]);
    const servers = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
    try {
      for (const s of started) if (s.status === 'rejected') throw s.reason;
      expect(new Set(servers.map((s) => s.dir)).size).toBe(2);
      for (const server of servers) {
        const client = new pg.Client({ connectionString: server.url });
        await client.connect();
        try {
          const { rows } = await client.query(
            "SELECT current_setting('unix_socket_directories') AS sockets, current_setting('listen_addresses') AS tcp",
          );
          expect(rows).toEqual([{ sockets: server.dir, tcp: '' }]);
        } finally {
          await client.end();
        }
      }
    } finally {
      await Promise.all(servers.map((s) => s.stop()));
    }
    for (const server of servers) expect(existsSync(server.dir)).toBe(false);
  });
});
