// The progress store: one embedded SQLite file under the data directory. Later issues add steps,
// quiz attempts and classes; this one records students and the sandboxes they were given.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

const SCHEMA_VERSION = 2;

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
  2: `
    CREATE TABLE steps_done (
      student_id TEXT NOT NULL REFERENCES students(id) ON DELETE CASCADE,
      lesson TEXT NOT NULL,
      step TEXT NOT NULL,
      done_at INTEGER NOT NULL,
      PRIMARY KEY (student_id, lesson, step)
    );
    CREATE TABLE quiz_attempts (
      student_id TEXT NOT NULL REFERENCES students(id) ON DELETE CASCADE,
      lesson TEXT NOT NULL,
      question TEXT NOT NULL,
      attempt INTEGER NOT NULL,
      option TEXT NOT NULL,
      correct INTEGER NOT NULL,
      answered_at INTEGER NOT NULL,
      PRIMARY KEY (student_id, lesson, question, attempt)
    );
  `,
};

export interface QuizAttemptRow {
  question: string;
  attempt: number;
  option: string;
  correct: boolean;
  answered_at: number;
}

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

  /** Records a step as done the first time it is seen; later sightings keep the first time. Returns done_at. */
  markStepDone(studentId: string, lesson: string, step: string, now = Date.now()): number {
    this.db
      .prepare('INSERT OR IGNORE INTO steps_done (student_id, lesson, step, done_at) VALUES (?, ?, ?, ?)')
      .run(studentId, lesson, step, now);
    const row = this.db
      .prepare('SELECT done_at FROM steps_done WHERE student_id = ? AND lesson = ? AND step = ?')
      .get(studentId, lesson, step) as { done_at: number };
    return row.done_at;
  }

  /** step id → first time seen done, for one lesson; or for every lesson when `lesson` is omitted. */
  stepsDone(studentId: string, lesson: string): Map<string, number> {
    const rows = this.db
      .prepare('SELECT step, done_at FROM steps_done WHERE student_id = ? AND lesson = ?')
      .all(studentId, lesson) as { step: string; done_at: number }[];
    return new Map(rows.map((r) => [r.step, r.done_at]));
  }

  /** Stores an answer as the next attempt; the first attempt (1) is the one that scores. */
  addQuizAttempt(
    studentId: string,
    lesson: string,
    question: string,
    option: string,
    correct: boolean,
    now = Date.now(),
  ): number {
    return this.db.transaction(() => {
      const { n } = this.db
        .prepare('SELECT COUNT(*) AS n FROM quiz_attempts WHERE student_id = ? AND lesson = ? AND question = ?')
        .get(studentId, lesson, question) as { n: number };
      this.db
        .prepare(
          `INSERT INTO quiz_attempts (student_id, lesson, question, attempt, option, correct, answered_at)
           VALUES (?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(studentId, lesson, question, n + 1, option, correct ? 1 : 0, now);
      return n + 1;
    })();
  }

  quizAttempts(studentId: string, lesson: string): QuizAttemptRow[] {
    const rows = this.db
      .prepare(
        `SELECT question, attempt, option, correct, answered_at FROM quiz_attempts
         WHERE student_id = ? AND lesson = ? ORDER BY question, attempt`,
      )
      .all(studentId, lesson) as (Omit<QuizAttemptRow, 'correct'> & { correct: number })[];
    return rows.map((r) => ({ ...r, correct: r.correct === 1 }));
  }

  close(): void {
    this.db.close();
  }
}
