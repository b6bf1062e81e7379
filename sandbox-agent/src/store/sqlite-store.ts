// The store on one VM: an embedded SQLite file under the data directory (store.ts says what it keeps). Its
// calls are synchronous underneath; they answer through the async interface PostgreSQL's store shares.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { taggedName } from '../protocol';
import { agentForNewSeat } from './placement';
import {
  type AgentRow,
  type AuditRecord,
  type AuditRow,
  auditDetail,
  type ClassAttemptRow,
  type ClassRow,
  type ClassStudentRow,
  type Placement,
  type QuizAttemptRow,
  type StepRow,
  type Store,
  type StoreChange,
  type StudentRow,
} from './store';

/** The schema this code writes; a file at another user_version is migrated when opened (db-import.ts refuses it). */
export const SCHEMA_VERSION = 9;

/** A migration is SQL, or a function where SQLite's SQL cannot say "only if missing". */
const MIGRATIONS: Record<number, string | ((db: Database.Database) => void)> = {
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
  // Many agents on one database (issue 22): a sandbox belongs to the agent that made it, so an agent's restart
  // closes its own. On one VM every row is the one agent's, 'local'. (Only if missing: a store whose
  // user_version was set back runs it again.)
  8: (db) => {
    const columns = db.prepare('PRAGMA table_info(sandboxes)').all() as { name: string }[];
    if (!columns.some((c) => c.name === 'agent_id'))
      db.exec("ALTER TABLE sandboxes ADD COLUMN agent_id TEXT NOT NULL DEFAULT 'local'");
  },
  // The agents that report themselves, and the seat each student has on one (issue 22). On one VM these stay
  // empty; they are here so that one store interface holds on both databases and the tests run on both.
  9: `
    CREATE TABLE IF NOT EXISTS agents (
      id TEXT PRIMARY KEY,
      url TEXT NOT NULL,
      capacity INTEGER NOT NULL,
      used INTEGER NOT NULL,
      started_at INTEGER NOT NULL,
      last_seen_at INTEGER NOT NULL
    );
    CREATE TABLE IF NOT EXISTS seats (
      student_id TEXT PRIMARY KEY REFERENCES students(id) ON DELETE CASCADE,
      agent_id TEXT NOT NULL,
      placed_at INTEGER NOT NULL
    );
    CREATE INDEX IF NOT EXISTS seats_agent ON seats(agent_id);
  `,
};

export interface SqliteStoreOptions {
  /** Called after each committed change an instructor sees (class mode's live view listens). */
  onChange?: (change: StoreChange) => void;
  /** The agent whose sandboxes this store records; 'local' on one VM. */
  agentId?: string;
}

export class SqliteStore implements Store {
  readonly kind = 'sqlite';
  private readonly db: Database.Database;
  private readonly onChange: (change: StoreChange) => void;
  private readonly agentId: string;

  constructor(file: string, opts: SqliteStoreOptions = {}) {
    this.onChange = opts.onChange ?? (() => {});
    this.agentId = opts.agentId ?? 'local';
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('foreign_keys = ON');
    this.migrate();
  }

  static open(dataDir: string, opts?: SqliteStoreOptions): SqliteStore {
    return new SqliteStore(path.join(dataDir, 'gaiola.db'), opts);
  }

  private migrate(): void {
    const current = this.db.pragma('user_version', { simple: true }) as number;
    for (let v = current + 1; v <= SCHEMA_VERSION; v++) {
      const step = MIGRATIONS[v];
      if (step === undefined) throw new Error(`missing migration ${v}`);
      this.db.transaction(() => {
        if (typeof step === 'string') this.db.exec(step);
        else step(this.db);
        this.db.pragma(`user_version = ${v}`);
      })();
    }
  }

  async upsertStudent(id: string, mode: string, now = Date.now()): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO students (id, mode, created_at, last_seen_at) VALUES (?, ?, ?, ?)
         ON CONFLICT(id) DO UPDATE SET last_seen_at = excluded.last_seen_at`,
      )
      .run(id, mode, now, now);
  }

  async getStudent(id: string): Promise<StudentRow | undefined> {
    return this.db.prepare('SELECT id, mode, created_at, last_seen_at, class_id FROM students WHERE id = ?').get(id) as
      | StudentRow
      | undefined;
  }

  async sandboxCreated(id: string, studentId: string, now = Date.now()): Promise<void> {
    this.db
      .prepare('INSERT INTO sandboxes (id, student_id, created_at, agent_id) VALUES (?, ?, ?, ?)')
      .run(id, studentId, now, this.agentId);
  }

  async sandboxDestroyed(id: string, reason: string, now = Date.now()): Promise<void> {
    this.db
      .prepare('UPDATE sandboxes SET destroyed_at = ?, end_reason = ? WHERE id = ? AND destroyed_at IS NULL')
      .run(now, reason, id);
  }

  async closeStaleSandboxes(now = Date.now()): Promise<number> {
    return this.db
      .prepare(
        "UPDATE sandboxes SET destroyed_at = ?, end_reason = 'agent-restart' WHERE destroyed_at IS NULL AND agent_id = ?",
      )
      .run(now, this.agentId).changes;
  }

  /** Records a step as done the first time it is seen; later sightings keep the first time. Returns done_at. */
  async markStepDone(studentId: string, lesson: string, step: string, now = Date.now()): Promise<number> {
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
  async stepsDone(studentId: string, lesson: string): Promise<Map<string, number>> {
    const rows = this.db
      .prepare('SELECT step, done_at FROM steps_done WHERE student_id = ? AND lesson = ?')
      .all(studentId, lesson) as { step: string; done_at: number }[];
    return new Map(rows.map((r) => [r.step, r.done_at]));
  }

  /** The steps of a lesson the agent replayed ('prepared'), done in the sandbox but not by the student. */
  async stepsPrepared(studentId: string, lesson: string): Promise<Set<string>> {
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
  async restartSteps(
    studentId: string,
    lesson: string,
    replayed: readonly string[],
    retry: readonly string[],
    now = Date.now(),
  ): Promise<void> {
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
  async addQuizAttempt(
    studentId: string,
    lesson: string,
    question: string,
    option: string,
    correct: boolean,
    now = Date.now(),
  ): Promise<number> {
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

  async quizAttempts(studentId: string, lesson: string): Promise<QuizAttemptRow[]> {
    const rows = this.db
      .prepare(
        `SELECT question, attempt, option, correct, answered_at FROM quiz_attempts
         WHERE student_id = ? AND lesson = ? ORDER BY question, attempt`,
      )
      .all(studentId, lesson) as (Omit<QuizAttemptRow, 'correct'> & { correct: number })[];
    return rows.map((r) => ({ ...r, correct: r.correct === 1 }));
  }

  // ---- class mode ----

  async createClass(id: string, code: string, now = Date.now()): Promise<ClassRow> {
    this.db.transaction(() => {
      this.db.prepare('INSERT INTO classes (id, code, created_at) VALUES (?, ?, ?)').run(id, code, now);
      this.db.prepare("INSERT OR REPLACE INTO settings (key, value) VALUES ('current_class', ?)").run(id);
    })();
    return this.classRow(id) as ClassRow;
  }

  /** The class the agent serves: the one made last, kept across restarts. */
  async currentClass(): Promise<ClassRow | undefined> {
    const row = this.db.prepare("SELECT value FROM settings WHERE key = 'current_class'").get() as
      | { value: string }
      | undefined;
    return row ? this.classRow(row.value) : undefined;
  }

  async classById(id: string): Promise<ClassRow | undefined> {
    return this.classRow(id);
  }

  private classRow(id: string): ClassRow | undefined {
    return this.db.prepare('SELECT * FROM classes WHERE id = ?').get(id) as ClassRow | undefined;
  }

  async classByCode(code: string): Promise<ClassRow | undefined> {
    return this.db.prepare('SELECT * FROM classes WHERE code = ?').get(code) as ClassRow | undefined;
  }

  async setClassOpen(id: string, open: boolean, now = Date.now()): Promise<void> {
    this.db.prepare('UPDATE classes SET closed_at = ? WHERE id = ?').run(open ? null : now, id);
  }

  /** How many sandboxes the class's instructor asked to keep warm; undefined when they never did. */
  async classWarmTarget(classId: string): Promise<number | undefined> {
    const row = this.db.prepare('SELECT target FROM class_warm WHERE class_id = ?').get(classId) as
      | { target: number }
      | undefined;
    return row?.target;
  }

  async setClassWarmTarget(classId: string, target: number): Promise<void> {
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
  async joinClass(classId: string, studentId: string, name: string, now = Date.now()): Promise<ClassStudentRow> {
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
      return this.studentOfClass(studentId) as ClassStudentRow;
    })();
    this.onChange({ kind: 'join', studentId });
    return row;
  }

  async classStudent(studentId: string): Promise<ClassStudentRow | undefined> {
    return this.studentOfClass(studentId);
  }

  private studentOfClass(studentId: string): ClassStudentRow | undefined {
    return this.db
      .prepare(
        'SELECT id, display_name, name_tag, created_at, last_seen_at FROM students WHERE id = ? AND class_id IS NOT NULL',
      )
      .get(studentId) as ClassStudentRow | undefined;
  }

  async studentClassId(studentId: string): Promise<string | undefined> {
    const row = this.db.prepare('SELECT class_id FROM students WHERE id = ?').get(studentId) as
      | { class_id: string | null }
      | undefined;
    return row?.class_id ?? undefined;
  }

  async classStudents(classId: string): Promise<ClassStudentRow[]> {
    return this.db
      .prepare(
        'SELECT id, display_name, name_tag, created_at, last_seen_at FROM students WHERE class_id = ? ORDER BY created_at, id',
      )
      .all(classId) as ClassStudentRow[];
  }

  /** Every step done by the students of a class. */
  async classSteps(classId: string): Promise<StepRow[]> {
    return this.db
      .prepare(
        `SELECT d.student_id, d.lesson, d.step, d.done_at FROM steps_done d JOIN students s ON s.id = d.student_id
         WHERE s.class_id = ? ORDER BY d.done_at`,
      )
      .all(classId) as StepRow[];
  }

  /** Every quiz attempt of the students of a class. */
  async classAttempts(classId: string): Promise<ClassAttemptRow[]> {
    const rows = this.db
      .prepare(
        `SELECT a.student_id, a.lesson, a.question, a.attempt, a.option, a.correct, a.answered_at FROM quiz_attempts a
         JOIN students s ON s.id = a.student_id WHERE s.class_id = ? ORDER BY a.answered_at`,
      )
      .all(classId) as (Omit<QuizAttemptRow, 'correct'> & { correct: number; student_id: string; lesson: string })[];
    return rows.map((r) => ({ ...r, correct: r.correct === 1 }));
  }

  /** Removes every student of the class with their steps, answers and sandboxes; the class itself stays. */
  async deleteClassStudents(classId: string): Promise<string[]> {
    const ids = (await this.classStudents(classId)).map((s) => s.id);
    this.db.prepare('DELETE FROM students WHERE class_id = ?').run(classId);
    this.onChange({ kind: 'delete' });
    return ids;
  }

  // ---- the instructor's audit (issue 20) ----

  /** Writes one record; returns its id, to end it later (endAudit). */
  async recordAudit(r: AuditRecord): Promise<number> {
    const student = r.student === undefined ? undefined : this.studentOfClass(r.student);
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
  async endAudit(id: number, endedAt: number, detail?: string): Promise<void> {
    this.db
      .prepare('UPDATE audit SET ended_at = ?, detail = COALESCE(?, detail) WHERE id = ? AND ended_at IS NULL')
      .run(endedAt, auditDetail(detail), id);
  }

  /** A class's records, oldest first. */
  async classAudit(classId: string): Promise<AuditRow[]> {
    return this.db
      .prepare(
        `SELECT id, kind, instructor, student_id, student_name, started_at, ended_at, detail FROM audit
         WHERE class_id = ? ORDER BY started_at, id`,
      )
      .all(classId) as AuditRow[];
  }

  /** Deletes a class's records (the instructor clears them); returns how many. */
  async clearClassAudit(classId: string): Promise<number> {
    return this.db.prepare('DELETE FROM audit WHERE class_id = ?').run(classId).changes;
  }

  // ---- many agents (issue 22) ----

  async reportAgent(a: AgentRow): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO agents (id, url, capacity, used, started_at, last_seen_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET url = excluded.url, capacity = excluded.capacity, used = excluded.used,
           started_at = excluded.started_at, last_seen_at = excluded.last_seen_at`,
      )
      .run(a.id, a.url, a.capacity, a.used, a.started_at, a.last_seen_at);
  }

  async agentsSeenSince(since: number): Promise<AgentRow[]> {
    return this.db.prepare('SELECT * FROM agents WHERE last_seen_at >= ? ORDER BY id').all(since) as AgentRow[];
  }

  async placeStudent(
    studentId: string,
    classId: string | undefined,
    since: number,
    now = Date.now(),
  ): Promise<Placement | undefined> {
    // One writer at a time in SQLite: the transaction alone makes the choice and the seat atomic.
    return this.db
      .transaction((): Placement | undefined => {
        const live = this.db.prepare('SELECT * FROM agents WHERE last_seen_at >= ?').all(since) as AgentRow[];
        const seat = this.db.prepare('SELECT agent_id FROM seats WHERE student_id = ?').get(studentId) as
          | { agent_id: string }
          | undefined;
        const kept = seat && live.find((a) => a.id === seat.agent_id);
        if (kept) return { agent: kept, placed: false };
        const counts = this.db
          .prepare(
            `SELECT se.agent_id AS id, COUNT(*) AS seats,
             SUM(CASE WHEN ? IS NOT NULL AND st.class_id = ? THEN 1 ELSE 0 END) AS classmates
           FROM seats se JOIN students st ON st.id = se.student_id GROUP BY se.agent_id`,
          )
          .all(classId ?? null, classId ?? null) as { id: string; seats: number; classmates: number }[];
        const agent = agentForNewSeat(live, counts);
        if (!agent) return undefined;
        this.db
          .prepare(
            `INSERT INTO seats (student_id, agent_id, placed_at) VALUES (?, ?, ?)
           ON CONFLICT (student_id) DO UPDATE SET agent_id = excluded.agent_id, placed_at = excluded.placed_at`,
          )
          .run(studentId, agent.id, now);
        return { agent, placed: true };
      })
      .immediate();
  }

  async seatOf(studentId: string): Promise<string | undefined> {
    const row = this.db.prepare('SELECT agent_id FROM seats WHERE student_id = ?').get(studentId) as
      | { agent_id: string }
      | undefined;
    return row?.agent_id;
  }

  async releaseSeat(studentId: string): Promise<void> {
    this.db.prepare('DELETE FROM seats WHERE student_id = ? AND agent_id = ?').run(studentId, this.agentId);
  }

  async seatedOn(agentId: string, placedBefore = Number.MAX_SAFE_INTEGER): Promise<string[]> {
    const rows = this.db
      .prepare('SELECT student_id FROM seats WHERE agent_id = ? AND placed_at < ? ORDER BY student_id')
      .all(agentId, placedBefore) as { student_id: string }[];
    return rows.map((r) => r.student_id);
  }

  async close(): Promise<void> {
    this.db.close();
  }
}
