// The progress store: one embedded SQLite file under the data directory. Later issues add steps,
// quiz attempts and classes; this one records students and the sandboxes they were given.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

const SCHEMA_VERSION = 1;

const MIGRATIONS: Record<number, string> = {
  1: `
    CREATE TABLE students (
      id TEXT PRIMARY KEY,
      mode TEXT NOT NULL,
      created_at INTEGER NOT NULL,
      last_seen_at INTEGER NOT NULL
    );
    CREATE TABLE sandboxes (
      id TEXT PRIMARY KEY,
      student_id TEXT NOT NULL REFERENCES students(id) ON DELETE CASCADE,
      created_at INTEGER NOT NULL,
      destroyed_at INTEGER,
      end_reason TEXT
    );
    CREATE INDEX sandboxes_student ON sandboxes(student_id);
  `,
};

export interface StudentRow {
  id: string;
  mode: string;
  created_at: number;
  last_seen_at: number;
}

export class Store {
  private readonly db: Database.Database;

  constructor(file: string) {
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('foreign_keys = ON');
    this.migrate();
  }

  static open(dataDir: string): Store {
    return new Store(path.join(dataDir, 'gaiola.db'));
  }

  private migrate(): void {
    const current = this.db.pragma('user_version', { simple: true }) as number;
    for (let v = current + 1; v <= SCHEMA_VERSION; v++) {
      const sql = MIGRATIONS[v];
      if (sql === undefined) throw new Error(`missing migration ${v}`);
      this.db.transaction(() => {
        this.db.exec(sql);
        this.db.pragma(`user_version = ${v}`);
      })();
    }
  }

  upsertStudent(id: string, mode: string, now = Date.now()): void {
    this.db
      .prepare(
        `INSERT INTO students (id, mode, created_at, last_seen_at) VALUES (?, ?, ?, ?)
         ON CONFLICT(id) DO UPDATE SET last_seen_at = excluded.last_seen_at`,
      )
      .run(id, mode, now, now);
  }

  getStudent(id: string): StudentRow | undefined {
    return this.db.prepare('SELECT * FROM students WHERE id = ?').get(id) as StudentRow | undefined;
  }

  sandboxCreated(id: string, studentId: string, now = Date.now()): void {
    this.db.prepare('INSERT INTO sandboxes (id, student_id, created_at) VALUES (?, ?, ?)').run(id, studentId, now);
  }

  sandboxDestroyed(id: string, reason: string, now = Date.now()): void {
    this.db
      .prepare('UPDATE sandboxes SET destroyed_at = ?, end_reason = ? WHERE id = ? AND destroyed_at IS NULL')
      .run(now, reason, id);
  }

  /** Sandboxes a crashed agent left marked as running are closed at start (their kernel state is reclaimed). */
  closeStaleSandboxes(now = Date.now()): number {
    return this.db
      .prepare("UPDATE sandboxes SET destroyed_at = ?, end_reason = 'agent-restart' WHERE destroyed_at IS NULL")
      .run(now).changes;
  }

  close(): void {
    this.db.close();
  }
}
