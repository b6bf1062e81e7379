// A class's SQLite file into PostgreSQL (issue 22; `npm run db:import`, scripts/db-import.ts): what one VM kept
// (classes, students, their sandboxes, steps and answers, the current class, warm targets, the audit) copied into
// the database many agents share, ids kept, in one transaction. Agents and seats are not copied: they are live
// state that the agents of the cluster write themselves.
//
// The file is opened read-only and must be at this gaiola's SQLite schema (SCHEMA_VERSION): an older one is
// refused, with a note to start the agent once on it, which migrates it. Migrating it here would write to the
// very file being moved away from (and to one an agent may still have open); the agent's start already does it,
// with its own checks, and the file stays what it was should the import be abandoned.
import Database from 'better-sqlite3';
import type pg from 'pg';
import { inTransaction, openPool } from './pg-store';
import { SCHEMA_VERSION } from './sqlite-store';

/** A table copied and its columns with their PostgreSQL types (unnest() takes one typed array per column). */
interface Table {
  name: string;
  columns: Record<string, 'text' | 'bigint' | 'integer' | 'boolean'>;
  /** How a count of its rows reads: one, many. */
  noun: [string, string];
}

/** In the order the foreign keys need: a class before its students, a student before their rows. */
const TABLES: readonly Table[] = [
  {
    name: 'classes',
    columns: { id: 'text', code: 'text', created_at: 'bigint', closed_at: 'bigint' },
    noun: ['class', 'classes'],
  },
  {
    name: 'students',
    columns: {
      id: 'text',
      mode: 'text',
      created_at: 'bigint',
      last_seen_at: 'bigint',
      class_id: 'text',
      display_name: 'text',
      name_tag: 'integer',
    },
    noun: ['student', 'students'],
  },
  {
    name: 'sandboxes',
    columns: {
      id: 'text',
      student_id: 'text',
      created_at: 'bigint',
      destroyed_at: 'bigint',
      end_reason: 'text',
      agent_id: 'text',
    },
    noun: ['sandbox', 'sandboxes'],
  },
  {
    name: 'steps_done',
    columns: { student_id: 'text', lesson: 'text', step: 'text', done_at: 'bigint' },
    noun: ['step', 'steps'],
  },
  {
    name: 'steps_prepared',
    columns: { student_id: 'text', lesson: 'text', step: 'text' },
    noun: ['step prepared', 'steps prepared'],
  },
  {
    name: 'quiz_attempts',
    columns: {
      student_id: 'text',
      lesson: 'text',
      question: 'text',
      attempt: 'integer',
      option: 'text',
      correct: 'boolean',
      answered_at: 'bigint',
    },
    noun: ['answer', 'answers'],
  },
  { name: 'settings', columns: { key: 'text', value: 'text' }, noun: ['setting', 'settings'] },
  { name: 'class_warm', columns: { class_id: 'text', target: 'integer' }, noun: ['warm target', 'warm targets'] },
  {
    name: 'audit',
    columns: {
      id: 'bigint',
      class_id: 'text',
      kind: 'text',
      instructor: 'text',
      student_id: 'text',
      student_name: 'text',
      started_at: 'bigint',
      ended_at: 'bigint',
      detail: 'text',
    },
    noun: ['audit record', 'audit records'],
  },
];

/** Rows sent per INSERT: a big class's steps go in a few statements, none of them megabytes of parameters. */
const CHUNK_ROWS = 5000;

export interface ImportOptions {
  /**
   * Rows whose id (or class code) the database already holds are left as they are and the rest copied. Without it,
   * any such row refuses the whole import and nothing is written.
   */
  skipExisting?: boolean;
}

/** Per table: the file's rows copied, and those the database already held (skipped, or the reason for refusing). */
export interface ImportResult {
  copied: Record<string, number>;
  existing: Record<string, number>;
}

/** The import was refused because the database already holds some of the file's rows; nothing was written. */
export class ImportRefused extends Error {
  override name = 'ImportRefused';
  constructor(readonly existing: Record<string, number>) {
    super(
      `the database already holds ${describeCounts(existing)} of this file (by id, or a class's code): nothing was ` +
        'written. Importing the same file twice is refused; --skip-existing copies only the rows it lacks.',
    );
  }
}

/** "2 students, 5 steps, 1 audit record"; "nothing" when every count is 0. */
export function describeCounts(counts: Record<string, number>): string {
  const parts = TABLES.flatMap((t) => {
    const n = counts[t.name] ?? 0;
    return n === 0 ? [] : [`${n} ${n === 1 ? t.noun[0] : t.noun[1]}`];
  });
  return parts.length === 0 ? 'nothing' : parts.join(', ');
}

/** Opens a SQLite store's file read-only; refuses one that is not at this gaiola's schema (see the top). */
export function openSqliteFile(file: string): Database.Database {
  let db: Database.Database | undefined;
  let version: number;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    version = db.pragma('user_version', { simple: true }) as number;
  } catch (err) {
    db?.close();
    throw new Error(`cannot read ${file} as a SQLite database: ${(err as Error).message}`);
  }
  if (version !== SCHEMA_VERSION) {
    db.close();
    throw new Error(
      version < SCHEMA_VERSION
        ? `${file} is at schema version ${version}, this gaiola's is ${SCHEMA_VERSION}: start the agent once on ` +
            'its data dir (npm start), which migrates it, stop it, then import again'
        : `${file} is at schema version ${version}, newer than this gaiola's ${SCHEMA_VERSION}: import it with the gaiola that wrote it`,
    );
  }
  return db;
}

/**
 * Copies every row of `src` (a SQLite store's file, at SCHEMA_VERSION) into the PostgreSQL database of `pool`, whose
 * schema exists (openPool made it), in one transaction. Audit ids are kept and the identity moved past them, so the
 * records written next do not collide. `url` only names the server in an error.
 */
export async function importSqlite(
  src: Database.Database,
  pool: pg.Pool,
  url: string,
  opts: ImportOptions = {},
): Promise<ImportResult> {
  return inTransaction(pool, url, async (c) => {
    const copied: Record<string, number> = {};
    const existing: Record<string, number> = {};
    for (const table of TABLES) {
      const names = Object.keys(table.columns);
      const rows = src
        .prepare(`SELECT ${names.join(', ')} FROM ${table.name}`)
        .raw()
        .all() as unknown[][];
      let inserted = 0;
      for (let at = 0; at < rows.length; at += CHUNK_ROWS)
        inserted += await insertRows(c, table, rows.slice(at, at + CHUNK_ROWS));
      copied[table.name] = inserted;
      existing[table.name] = rows.length - inserted;
    }
    if (!opts.skipExisting && Object.values(existing).some((n) => n > 0)) throw new ImportRefused(existing);
    await c.query("SELECT setval(pg_get_serial_sequence('audit', 'id'), COALESCE(MAX(id), 0) + 1, false) FROM audit");
    return { copied, existing };
  });
}

/** One INSERT of rows as one typed array per column; a row whose key is taken is skipped. Returns how many went in. */
async function insertRows(c: pg.PoolClient, table: Table, rows: unknown[][]): Promise<number> {
  const types = Object.values(table.columns);
  const arrays = types.map((type, i) =>
    // SQLite keeps a boolean as 0 or 1.
    rows.map((row) => (type === 'boolean' && row[i] !== null ? row[i] === 1 : row[i])),
  );
  const unnest = types.map((type, i) => `$${i + 1}::${type}[]`).join(', ');
  const r = await c.query(
    `INSERT INTO ${table.name} (${Object.keys(table.columns).join(', ')})
     SELECT * FROM unnest(${unnest}) ON CONFLICT DO NOTHING`,
    arrays,
  );
  return r.rowCount ?? 0;
}

/** The whole import from a file to a URL: what `npm run db:import` runs. Both connections are closed after. */
export async function importSqliteFile(file: string, url: string, opts: ImportOptions = {}): Promise<ImportResult> {
  const src = openSqliteFile(file);
  try {
    const pool = await openPool(url);
    try {
      return await importSqlite(src, pool, url, opts);
    } finally {
      await pool.end();
    }
  } finally {
    src.close();
  }
}
