// The progress store: one embedded SQLite file under the data directory. Later issues add steps,
// quiz attempts and classes; this one records students and the sandboxes they were given.
// Layer: imports nothing of the agent's but protocol/ (README, How it fits together; biome.json enforces it).
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { taggedName } from '../protocol';

const SCHEMA_VERSION = 7;

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
  3: `
    CREATE TABLE classes (
      id TEXT PRIMARY KEY,
      code TEXT NOT NULL UNIQUE,
      created_at INTEGER NOT NULL,
      closed_at INTEGER
    );
    ALTER TABLE students ADD COLUMN class_id TEXT REFERENCES classes(id) ON DELETE CASCADE;
    ALTER TABLE students ADD COLUMN display_name TEXT;
    ALTER TABLE students ADD COLUMN name_tag INTEGER;
    CREATE INDEX students_class ON students(class_id);
    CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  `,
  // Lesson 06 split in two (issue 23): its steps pids, freeze and empty and its questions q3-q5 are now the
  // lesson 06-cgroups-pids-freezer's, same ids; what a student did of them moves there with them. Its CPU
  // steps and questions keep the slug 06-cgroups-cpu-pids, so their rows stay.
  4: `
    UPDATE OR IGNORE steps_done SET lesson = '06-cgroups-pids-freezer'
      WHERE lesson = '06-cgroups-cpu-pids' AND step IN ('pids', 'freeze', 'empty');
    UPDATE OR IGNORE quiz_attempts SET lesson = '06-cgroups-pids-freezer'
      WHERE lesson = '06-cgroups-cpu-pids' AND question IN ('q3', 'q4', 'q5');
  `,
  // In class, every look, help and broadcast of the instructor (issue 20). The student's name is kept as it
  // was shown, so the record still reads after the class's students were deleted; no foreign key to them.
  5: `
    CREATE TABLE IF NOT EXISTS audit (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      class_id TEXT NOT NULL REFERENCES classes(id) ON DELETE CASCADE,
      kind TEXT NOT NULL,
      instructor TEXT NOT NULL,
      student_id TEXT,
      student_name TEXT,
      started_at INTEGER NOT NULL,
      ended_at INTEGER,
      detail TEXT
    );
    CREATE INDEX IF NOT EXISTS audit_class ON audit(class_id, started_at);
  `,
  // "Start this step again" (issue 21): a step before the one restarted is done in the sandbox by the agent's
  // replay, not by the student. Its steps_done row is kept with one here beside it; every row before was the
  // student's. (A table, not a column: it can be made again on a store whose user_version was set back.)
  6: `
    CREATE TABLE IF NOT EXISTS steps_prepared (
      student_id TEXT NOT NULL REFERENCES students(id) ON DELETE CASCADE,
      lesson TEXT NOT NULL,
      step TEXT NOT NULL,
      PRIMARY KEY (student_id, lesson, step)
    );
  `,
  // How many sandboxes the class's instructor keeps warm (issue 18), so a restart keeps their choice; a class
  // without a row keeps GAIOLA_WARM_SANDBOXES. (A table, not a column, for the reason migration 6 gives.)
  7: `
    CREATE TABLE IF NOT EXISTS class_warm (
      class_id TEXT PRIMARY KEY REFERENCES classes(id) ON DELETE CASCADE,
      target INTEGER NOT NULL
    );
  `,
};

/** What the instructor did in class that the audit keeps (issue 20). */
export type AuditKind = 'look' | 'help' | 'broadcast';
/** A detail (a broadcast's text, why a look ended) is cut to this many characters: a record, not a store. */
export const MAX_AUDIT_DETAIL = 500;

/** A detail as stored: cut to MAX_AUDIT_DETAIL characters (code points); null for none. */
function auditDetail(detail: string | undefined): string | null {
  return detail === undefined ? null : [...detail].slice(0, MAX_AUDIT_DETAIL).join('');
}

/** One record to write: who (the instructor's name as given), at whom, when; ended later for a look or help. */
export interface AuditRecord {
  classId: string;
  kind: AuditKind;
  instructor: string;
  /** The student looked at or helped; none for a broadcast. */
  student?: string;
  startedAt: number;
  endedAt?: number;
  detail?: string;
}

export interface AuditRow {
  id: number;
  kind: AuditKind;
  instructor: string;
  student_id: string | null;
  /** The student as shown when the record was made ("Ana (2)"). */
  student_name: string | null;
  started_at: number;
  ended_at: number | null;
  detail: string | null;
}

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

export interface ClassRow {
  id: string;
  code: string;
  created_at: number;
  closed_at: number | null;
}

/** One student of a class with what the instructor's table shows. */
export interface ClassStudentRow {
  id: string;
  display_name: string;
  name_tag: number;
  created_at: number;
  last_seen_at: number;
}

/** What changed, for the instructor's live view. */
export type StoreChange = { kind: 'join' | 'step' | 'quiz' | 'delete'; studentId?: string };

export class Store {
  private readonly db: Database.Database;

  constructor(
    file: string,
    /** Called after each committed change an instructor sees (class mode's live view listens). */
    private readonly onChange: (change: StoreChange) => void = () => {},
  ) {
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('foreign_keys = ON');
    this.migrate();
  }

  static open(dataDir: string, onChange?: (change: StoreChange) => void): Store {
    return new Store(path.join(dataDir, 'gaiola.db'), onChange);
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
    const added = this.db
      .prepare('INSERT OR IGNORE INTO steps_done (student_id, lesson, step, done_at) VALUES (?, ?, ?, ?)')
      .run(studentId, lesson, step, now).changes;
    if (added > 0) this.onChange({ kind: 'step', studentId });
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

  /** The steps of a lesson the agent replayed ('prepared'), done in the sandbox but not by the student. */
  stepsPrepared(studentId: string, lesson: string): Set<string> {
    const rows = this.db
      .prepare('SELECT step FROM steps_prepared WHERE student_id = ? AND lesson = ?')
      .all(studentId, lesson) as { step: string }[];
    return new Set(rows.map((r) => r.step));
  }

  /**
   * A lesson started again at a step: `retry` (that step and those after it) are no longer done, so the checks
   * judge them again; `replayed` (those before, redone by the agent) are done as 'prepared', except where the
   * student had done them (their own record stays).
   */
  restartSteps(
    studentId: string,
    lesson: string,
    replayed: readonly string[],
    retry: readonly string[],
    now = Date.now(),
  ): void {
    this.db.transaction(() => {
      for (const table of ['steps_done', 'steps_prepared']) {
        const del = this.db.prepare(`DELETE FROM ${table} WHERE student_id = ? AND lesson = ? AND step = ?`);
        for (const step of retry) del.run(studentId, lesson, step);
      }
      const add = this.db.prepare(
        'INSERT OR IGNORE INTO steps_done (student_id, lesson, step, done_at) VALUES (?, ?, ?, ?)',
      );
      const mark = this.db.prepare('INSERT OR IGNORE INTO steps_prepared (student_id, lesson, step) VALUES (?, ?, ?)');
      for (const step of replayed)
        if (add.run(studentId, lesson, step, now).changes > 0) mark.run(studentId, lesson, step);
    })();
    this.onChange({ kind: 'step', studentId });
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
    const attempt = this.db.transaction(() => {
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
    this.onChange({ kind: 'quiz', studentId });
    return attempt;
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

  // ---- class mode ----

  createClass(id: string, code: string, now = Date.now()): ClassRow {
    this.db.transaction(() => {
      this.db.prepare('INSERT INTO classes (id, code, created_at) VALUES (?, ?, ?)').run(id, code, now);
      this.db.prepare("INSERT OR REPLACE INTO settings (key, value) VALUES ('current_class', ?)").run(id);
    })();
    return this.classById(id) as ClassRow;
  }

  /** The class the agent serves: the one made last, kept across restarts. */
  currentClass(): ClassRow | undefined {
    const row = this.db.prepare("SELECT value FROM settings WHERE key = 'current_class'").get() as
      | { value: string }
      | undefined;
    return row ? this.classById(row.value) : undefined;
  }

  classById(id: string): ClassRow | undefined {
    return this.db.prepare('SELECT * FROM classes WHERE id = ?').get(id) as ClassRow | undefined;
  }

  classByCode(code: string): ClassRow | undefined {
    return this.db.prepare('SELECT * FROM classes WHERE code = ?').get(code) as ClassRow | undefined;
  }

  setClassOpen(id: string, open: boolean, now = Date.now()): void {
    this.db.prepare('UPDATE classes SET closed_at = ? WHERE id = ?').run(open ? null : now, id);
  }

  /** How many sandboxes the class's instructor asked to keep warm; undefined when they never did. */
  classWarmTarget(classId: string): number | undefined {
    const row = this.db.prepare('SELECT target FROM class_warm WHERE class_id = ?').get(classId) as
      | { target: number }
      | undefined;
    return row?.target;
  }

  setClassWarmTarget(classId: string, target: number): void {
    this.db
      .prepare(
        'INSERT INTO class_warm (class_id, target) VALUES (?, ?) ON CONFLICT (class_id) DO UPDATE SET target = excluded.target',
      )
      .run(classId, target);
  }

  /**
   * A new student of the class. Two students with the same name (compared without case) are told apart by
   * their tag: 1 for the first, 2 for the next.
   */
  joinClass(classId: string, studentId: string, name: string, now = Date.now()): ClassStudentRow {
    const row = this.db.transaction(() => {
      const { n } = this.db
        .prepare(
          'SELECT COALESCE(MAX(name_tag), 0) AS n FROM students WHERE class_id = ? AND lower(display_name) = lower(?)',
        )
        .get(classId, name) as { n: number };
      this.db
        .prepare(
          `INSERT INTO students (id, mode, created_at, last_seen_at, class_id, display_name, name_tag)
           VALUES (?, 'class', ?, ?, ?, ?, ?)`,
        )
        .run(studentId, now, now, classId, name, n + 1);
      return this.classStudent(studentId) as ClassStudentRow;
    })();
    this.onChange({ kind: 'join', studentId });
    return row;
  }

  classStudent(studentId: string): ClassStudentRow | undefined {
    return this.db
      .prepare(
        'SELECT id, display_name, name_tag, created_at, last_seen_at FROM students WHERE id = ? AND class_id IS NOT NULL',
      )
      .get(studentId) as ClassStudentRow | undefined;
  }

  studentClassId(studentId: string): string | undefined {
    const row = this.db.prepare('SELECT class_id FROM students WHERE id = ?').get(studentId) as
      | { class_id: string | null }
      | undefined;
    return row?.class_id ?? undefined;
  }

  classStudents(classId: string): ClassStudentRow[] {
    return this.db
      .prepare(
        'SELECT id, display_name, name_tag, created_at, last_seen_at FROM students WHERE class_id = ? ORDER BY created_at, id',
      )
      .all(classId) as ClassStudentRow[];
  }

  /** Every step done by the students of a class. */
  classSteps(classId: string): { student_id: string; lesson: string; step: string; done_at: number }[] {
    return this.db
      .prepare(
        `SELECT d.student_id, d.lesson, d.step, d.done_at FROM steps_done d JOIN students s ON s.id = d.student_id
         WHERE s.class_id = ? ORDER BY d.done_at`,
      )
      .all(classId) as { student_id: string; lesson: string; step: string; done_at: number }[];
  }

  /** Every quiz attempt of the students of a class. */
  classAttempts(classId: string): (QuizAttemptRow & { student_id: string; lesson: string })[] {
    const rows = this.db
      .prepare(
        `SELECT a.student_id, a.lesson, a.question, a.attempt, a.option, a.correct, a.answered_at FROM quiz_attempts a
         JOIN students s ON s.id = a.student_id WHERE s.class_id = ? ORDER BY a.answered_at`,
      )
      .all(classId) as (Omit<QuizAttemptRow, 'correct'> & { correct: number; student_id: string; lesson: string })[];
    return rows.map((r) => ({ ...r, correct: r.correct === 1 }));
  }

  /** Removes every student of the class with their steps, answers and sandboxes; the class itself stays. */
  deleteClassStudents(classId: string): string[] {
    const ids = this.classStudents(classId).map((s) => s.id);
    this.db.prepare('DELETE FROM students WHERE class_id = ?').run(classId);
    this.onChange({ kind: 'delete' });
    return ids;
  }

  // ---- the instructor's audit (issue 20) ----

  /** Writes one record; returns its id, to end it later (endAudit). */
  recordAudit(r: AuditRecord): number {
    const student = r.student === undefined ? undefined : this.classStudent(r.student);
    const shown = student && taggedName(student.display_name, student.name_tag);
    const info = this.db
      .prepare(
        `INSERT INTO audit (class_id, kind, instructor, student_id, student_name, started_at, ended_at, detail)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        r.classId,
        r.kind,
        r.instructor,
        r.student ?? null,
        shown ?? null,
        r.startedAt,
        r.endedAt ?? null,
        auditDetail(r.detail),
      );
    return Number(info.lastInsertRowid);
  }

  /** A look or help ended: its end time and, when given, its detail (why it ended, what was typed). */
  endAudit(id: number, endedAt: number, detail?: string): void {
    this.db
      .prepare('UPDATE audit SET ended_at = ?, detail = COALESCE(?, detail) WHERE id = ? AND ended_at IS NULL')
      .run(endedAt, auditDetail(detail), id);
  }

  /** A class's records, oldest first. */
  classAudit(classId: string): AuditRow[] {
    return this.db
      .prepare(
        `SELECT id, kind, instructor, student_id, student_name, started_at, ended_at, detail FROM audit
         WHERE class_id = ? ORDER BY started_at, id`,
      )
      .all(classId) as AuditRow[];
  }

  /** Deletes a class's records (the instructor clears them); returns how many. */
  clearClassAudit(classId: string): number {
    return this.db.prepare('DELETE FROM audit WHERE class_id = ?').run(classId).changes;
  }

  close(): void {
    this.db.close();
  }
}
