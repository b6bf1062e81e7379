// The progress store's one interface (issue 22): students, their sandboxes, steps, answers, classes, the
// instructor's audit, and the agents that serve them. Two implementations: SQLite (one VM, the default, a file
// under the data directory) and PostgreSQL (many agents sharing one database, GAIOLA_DATABASE_URL). Every
// method is async because PostgreSQL's are; the same test suite runs against both (store.test.ts).
// Layer: imports nothing of the agent's but protocol/ (README, How it fits together; biome.json enforces it).

/** What the instructor did in class that the audit keeps (issue 20). */
export type AuditKind = 'look' | 'help' | 'broadcast';
/** A detail (a broadcast's text, why a look ended) is cut to this many characters: a record, not a store. */
export const MAX_AUDIT_DETAIL = 500;

/** A detail as stored: cut to MAX_AUDIT_DETAIL characters (code points); null for none. */
export function auditDetail(detail: string | undefined): string | null {
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
  class_id: string | null;
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

export type StepRow = { student_id: string; lesson: string; step: string; done_at: number };
export type ClassAttemptRow = QuizAttemptRow & { student_id: string; lesson: string };

/** An agent as it reports itself every few seconds (issue 22): where it is, how many it takes, how many it has. */
export interface AgentRow {
  id: string;
  /** Where a browser reaches it: `https://course.example/agents/gaiola-agent-0` or `http://127.0.0.1:3101`. */
  url: string;
  /** Sandboxes at once (GAIOLA_MAX_SANDBOXES). */
  capacity: number;
  /** Sandboxes it has now, warm ones excluded. */
  used: number;
  started_at: number;
  last_seen_at: number;
}

/** Where a student is to connect (issue 22): their agent, and whether this call gave them a new seat. */
export interface Placement {
  agent: AgentRow;
  /** True when the student had no seat or theirs was on an agent no longer seen. */
  placed: boolean;
}

/** What changed, for the instructor's live view. */
export type StoreChange = { kind: 'join' | 'step' | 'quiz' | 'delete'; studentId?: string };

export interface Store {
  /** 'sqlite' or 'postgres': the logs and the health page say which. */
  readonly kind: 'sqlite' | 'postgres';

  upsertStudent(id: string, mode: string, now?: number): Promise<void>;
  getStudent(id: string): Promise<StudentRow | undefined>;

  /** A sandbox this agent made (the store knows its agent: GAIOLA_AGENT_ID, 'local' on one VM). */
  sandboxCreated(id: string, studentId: string, now?: number): Promise<void>;
  sandboxDestroyed(id: string, reason: string, now?: number): Promise<void>;
  /** This agent's sandboxes a crash left marked as running are closed at its start; others' are not touched. */
  closeStaleSandboxes(now?: number): Promise<number>;

  /** Records a step as done the first time it is seen; later sightings keep the first time. Returns done_at. */
  markStepDone(studentId: string, lesson: string, step: string, now?: number): Promise<number>;
  /** step id → first time seen done, for one lesson. */
  stepsDone(studentId: string, lesson: string): Promise<Map<string, number>>;
  /** The steps of a lesson the agent replayed ('prepared'), done in the sandbox but not by the student. */
  stepsPrepared(studentId: string, lesson: string): Promise<Set<string>>;
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
    now?: number,
  ): Promise<void>;
  /** Stores an answer as the next attempt; the first attempt (1) is the one that scores. */
  addQuizAttempt(
    studentId: string,
    lesson: string,
    question: string,
    option: string,
    correct: boolean,
    now?: number,
  ): Promise<number>;
  quizAttempts(studentId: string, lesson: string): Promise<QuizAttemptRow[]>;

  createClass(id: string, code: string, now?: number): Promise<ClassRow>;
  /** The class the agents serve: the one made last, kept across restarts. */
  currentClass(): Promise<ClassRow | undefined>;
  classById(id: string): Promise<ClassRow | undefined>;
  classByCode(code: string): Promise<ClassRow | undefined>;
  setClassOpen(id: string, open: boolean, now?: number): Promise<void>;
  /** How many sandboxes the class's instructor asked to keep warm; undefined when they never did. */
  classWarmTarget(classId: string): Promise<number | undefined>;
  setClassWarmTarget(classId: string, target: number): Promise<void>;
  /**
   * A new student of the class. Two students with the same name (compared without case) are told apart by
   * their tag: 1 for the first, 2 for the next.
   */
  joinClass(classId: string, studentId: string, name: string, now?: number): Promise<ClassStudentRow>;
  classStudent(studentId: string): Promise<ClassStudentRow | undefined>;
  studentClassId(studentId: string): Promise<string | undefined>;
  classStudents(classId: string): Promise<ClassStudentRow[]>;
  /** Every step done by the students of a class, oldest first. */
  classSteps(classId: string): Promise<StepRow[]>;
  /** Every quiz attempt of the students of a class, oldest first. */
  classAttempts(classId: string): Promise<ClassAttemptRow[]>;
  /** Removes every student of the class with their steps, answers and sandboxes; the class itself stays. */
  deleteClassStudents(classId: string): Promise<string[]>;

  /** Writes one record; returns its id, to end it later (endAudit). */
  recordAudit(r: AuditRecord): Promise<number>;
  /** A look or help ended: its end time and, when given, its detail (why it ended, what was typed). */
  endAudit(id: number, endedAt: number, detail?: string): Promise<void>;
  /** A class's records, oldest first. */
  classAudit(classId: string): Promise<AuditRow[]>;
  /** Deletes a class's records (the instructor clears them); returns how many. */
  clearClassAudit(classId: string): Promise<number>;

  // ---- many agents on one database (issue 22) ----

  /** An agent says it is alive: its URL, capacity and sandboxes now, seen at `last_seen_at`. */
  reportAgent(a: AgentRow): Promise<void>;
  /** The agents seen at or after `since` (ms), by id. */
  agentsSeenSince(since: number): Promise<AgentRow[]>;
  /**
   * The agent a student is to use: the one of their seat while it is seen at or after `since`; otherwise a new seat
   * where placement.ts's chooseAgent() says among the agents seen since then. Undefined when every one of them is
   * full (or none is). Atomic across agents: two placements at once never take the same last seat.
   */
  placeStudent(
    studentId: string,
    classId: string | undefined,
    since: number,
    now?: number,
  ): Promise<Placement | undefined>;
  /** The agent the student has a seat on, if any (read only: placeStudent gives seats). */
  seatOf(studentId: string): Promise<string | undefined>;
  /** The student's seat is freed when it is on this store's agent (their sandbox ended there); none elsewhere. */
  releaseSeat(studentId: string): Promise<void>;
  /** The students with a seat on an agent; with `placedBefore`, only those seated there before that time (ms). */
  seatedOn(agentId: string, placedBefore?: number): Promise<string[]>;

  close(): Promise<void>;
}
