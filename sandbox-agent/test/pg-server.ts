// A throwaway PostgreSQL server for the store's tests, started from Debian's `postgresql` package (installed by
// `npm test`: scripts/lib.sh install_postgresql) and never the system's cluster `main`: a fresh data dir of its
// own in /tmp/gaiola-pg-*, no TCP port, only a unix socket in that dir, so test files may each start one at
// once. PostgreSQL refuses to run as root: as root, initdb and the server run as the `postgres` system user.
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { accessSync, constants, readdirSync, readFileSync } from 'node:fs';
import { chown, mkdtemp, open, readFile, rm } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';

/** Where Debian's packages put each major version's binaries: /usr/lib/postgresql/<N>/bin. */
const PG_ROOT = '/usr/lib/postgresql';
/** The superuser initdb creates. Trust authentication is safe here: the socket's dir is the server user's, 0700. */
const PG_USER = 'gaiola';
/** The database the URL names, created once the server answers. */
const PG_DATABASE = 'gaiola';
/** A server that does not answer by then has failed (a start takes well under a second here). */
const READY_TIMEOUT_MS = 30_000;
const READY_POLL_MS = 20;
/** An immediate shutdown (SIGQUIT) that takes longer gets SIGKILL; the postmaster SIGKILLs its own children after 5 s. */
const STOP_TIMEOUT_MS = 10_000;
/** How much of the server's log an error quotes. */
const LOG_TAIL_BYTES = 4096;
/** The server's settings: the socket only (its dir is added), and durability off: a test's data dies with the dir. */
const SERVER_SETTINGS = ['listen_addresses=', 'fsync=off', 'synchronous_commit=off', 'full_page_writes=off'] as const;

export interface PostgresServer extends AsyncDisposable {
  /** `postgres://gaiola@/gaiola?host=<dir>`: node-postgres' Pool and psql both take it. */
  readonly url: string;
  /** The data dir's parent, which also holds the socket and server.log. */
  readonly dir: string;
  /** The postmaster's PID. */
  readonly pid: number;
  /** Stops the server (immediate shutdown) and removes the dir; safe to call again. */
  stop(): Promise<void>;
}

interface RunAs {
  readonly uid: number;
  readonly gid: number;
}

/** The newest installed major version's bin dir that has the server (a newer client alone has only psql). */
function postgresBinDir(): string | undefined {
  let versions: number[];
  try {
    versions = readdirSync(PG_ROOT)
      .filter((name) => /^\d+$/.test(name))
      .map(Number)
      .sort((a, b) => b - a);
  } catch {
    return undefined;
  }
  for (const version of versions) {
    const bin = `${PG_ROOT}/${version}/bin`;
    try {
      accessSync(`${bin}/initdb`, constants.X_OK);
      accessSync(`${bin}/postgres`, constants.X_OK);
      return bin;
    } catch {}
  }
  return undefined;
}

/** As root, the `postgres` system user's ids from /etc/passwd; else undefined (run as ourselves). */
function serverUser(): RunAs | 'missing' | undefined {
  if (process.getuid?.() !== 0) return undefined;
  for (const line of readFileSync('/etc/passwd', 'utf8').split('\n')) {
    const [name, , uid, gid] = line.split(':');
    if (name === 'postgres' && uid && gid) return { uid: Number(uid), gid: Number(gid) };
  }
  return 'missing';
}

/** Why no server can be started here, or undefined; for `describe.skipIf`. */
export function postgresAvailable(): string | undefined {
  if (postgresBinDir() === undefined)
    return `PostgreSQL's server is not installed (no ${PG_ROOT}/<N>/bin/initdb and postgres): npm test installs it (scripts/lib.sh install_postgresql), or apt-get install postgresql`;
  if (serverUser() === 'missing')
    return 'no postgres user in /etc/passwd (the postgresql package creates it): PostgreSQL refuses to run as root';
  return undefined;
}

/**
 * The spawn options that run a PostgreSQL program as `user` in `dir`, with nothing of our environment: the C
 * locale and UTC, whatever the host's, so every server initdb makes is the same.
 */
function asServer(user: RunAs | undefined, dir: string) {
  // Built on Object.create(null): the site's type-check (a browser test imports this) types env as Next's ProcessEnv.
  const env: NodeJS.ProcessEnv = Object.assign(Object.create(null), { PATH: '/usr/bin:/bin', LC_ALL: 'C', TZ: 'UTC' });
  return {
    cwd: dir,
    env,
    ...(user && { uid: user.uid, gid: user.gid }),
  };
}

async function logTail(dir: string): Promise<string> {
  try {
    const log = await readFile(`${dir}/server.log`, 'utf8');
    return log.slice(-LOG_TAIL_BYTES).trim();
  } catch (err) {
    return `(no server log: ${(err as Error).message})`;
  }
}

function initdb(bin: string, data: string, user: RunAs | undefined, dir: string): Promise<void> {
  const args = ['-D', data, '-A', 'trust', '-U', PG_USER, '-E', 'UTF8', '--locale=C', '--no-sync', '--no-instructions'];
  return new Promise((resolve, reject) => {
    execFile(`${bin}/initdb`, args, asServer(user, dir), (err, _stdout, stderr) => {
      if (err) reject(new Error(`${bin}/initdb -D ${data} failed (${err.message.split('\n')[0]}): ${stderr.trim()}`));
      else resolve();
    });
  });
}

/** Connects until the server answers, then creates the database; fails early when the server exits. */
async function createDatabase(dir: string, exited: () => string | undefined): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let last = 'no attempt';
  for (;;) {
    const gone = exited();
    if (gone) throw new Error(`postgres ${gone} before accepting connections; its log:\n${await logTail(dir)}`);
    const client = new pg.Client({ host: dir, user: PG_USER, database: 'postgres' });
    try {
      await client.connect();
    } catch (err) {
      // ENOENT or ECONNREFUSED before the socket exists, 57P03 (the database system is starting up) after.
      last = (err as Error).message;
      await client.end().catch(() => {});
      if (Date.now() > deadline)
        throw new Error(
          `postgres in ${dir} did not accept connections within ${READY_TIMEOUT_MS} ms (last: ${last}); its log:\n${await logTail(dir)}`,
        );
      await sleep(READY_POLL_MS);
      continue;
    }
    try {
      await client.query(`CREATE DATABASE ${PG_DATABASE}`);
      return;
    } finally {
      await client.end();
    }
  }
}

/** SIGQUIT (immediate shutdown) to the postmaster we started, SIGKILL if it lingers, then the dir goes. */
async function stopServer(child: ChildProcess | undefined, exit: Promise<void>, dir: string): Promise<void> {
  try {
    if (child?.pid !== undefined && child.exitCode === null && child.signalCode === null) {
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
      child.kill('SIGQUIT');
      try {
        await exit;
      } finally {
        clearTimeout(timer);
      }
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Starts a fresh server: initdb into a new /tmp/gaiola-pg-* dir, the postmaster on a unix socket in it, and a
 * database `gaiola`. Throws, naming how to install it, when PostgreSQL is missing; on any failure it stops what it
 * started and removes the dir.
 */
export async function startPostgres(): Promise<PostgresServer> {
  const why = postgresAvailable();
  const bin = postgresBinDir();
  const user = serverUser();
  if (why !== undefined || bin === undefined || user === 'missing') throw new Error(why);
  const dir = await mkdtemp('/tmp/gaiola-pg-');
  let child: ChildProcess | undefined;
  let exitedHow: string | undefined;
  let exit: Promise<void> = Promise.resolve();
  // The worker exiting without stop() (a test that forgot it, vitest tearing down) still ends the server.
  const onExit = () => child?.kill('SIGQUIT');
  try {
    if (user) await chown(dir, user.uid, user.gid);
    const data = `${dir}/data`;
    await initdb(bin, data, user, dir);
    const settings = [...SERVER_SETTINGS, `unix_socket_directories=${dir}`].flatMap((s) => ['-c', s]);
    // The log file is opened by us and handed over as stdout and stderr: nothing to drain, readable on failure.
    const log = await open(`${dir}/server.log`, 'a');
    try {
      const started = spawn(`${bin}/postgres`, ['-D', data, ...settings], {
        ...asServer(user, dir),
        stdio: ['ignore', log.fd, log.fd],
      });
      child = started;
      exit = new Promise((resolve) => {
        started.once('exit', (code, signal) => {
          exitedHow = signal ? `was killed by ${signal}` : `exited with code ${code}`;
          resolve();
        });
        started.once('error', (err) => {
          exitedHow = `could not start (${err.message})`;
          resolve();
        });
      });
    } finally {
      await log.close();
    }
    process.once('exit', onExit);
    await createDatabase(dir, () => exitedHow);
  } catch (err) {
    process.off('exit', onExit);
    await stopServer(child, exit, dir);
    throw err;
  }
  // A child that answered on its socket was spawned, so it has a PID.
  const pid = child?.pid ?? 0;
  let stopping: Promise<void> | undefined;
  const stop = () => {
    process.off('exit', onExit);
    stopping ??= stopServer(child, exit, dir);
    return stopping;
  };
  const url = `postgres://${PG_USER}@/${PG_DATABASE}?host=${encodeURIComponent(dir)}`;
  return { url, dir, pid, stop, [Symbol.asyncDispose]: stop };
}
