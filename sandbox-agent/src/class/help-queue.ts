// The class's raised hands (issue 20), oldest first: one per student; raising again changes the question and
// keeps the place; lowering (by the student) or answering (by the instructor) takes it out. Pure: times come
// from the caller, questions are cleaned here.
import { cleanHelpQuestion } from '../protocol';

export interface Hand {
  readonly student: string;
  readonly question: string;
  readonly raisedAt: number;
}

export class HelpQueue {
  /** A Map keeps insertion order: the first key is the oldest hand. */
  private readonly hands = new Map<string, Hand>();

  /** Raises `student`'s hand, or changes its question; false (and no change) when the question is refused. */
  raise(student: string, question: string, now: number): boolean {
    const q = cleanHelpQuestion(question);
    if (q === null) return false;
    const old = this.hands.get(student);
    this.hands.set(student, { student, question: q, raisedAt: old?.raisedAt ?? now });
    return true;
  }

  /** Lowers the hand; false when it was not raised. */
  lower(student: string): boolean {
    return this.hands.delete(student);
  }

  hand(student: string): Hand | undefined {
    return this.hands.get(student);
  }

  /** 1 for the oldest hand; undefined when not raised. */
  position(student: string): number | undefined {
    let n = 0;
    for (const id of this.hands.keys()) {
      n += 1;
      if (id === student) return n;
    }
    return undefined;
  }

  /** The students whose place is at or after `student`'s (their places move when it leaves). */
  from(student: string): string[] {
    const ids = [...this.hands.keys()];
    const i = ids.indexOf(student);
    return i < 0 ? [] : ids.slice(i);
  }

  /** Oldest first. */
  list(): Hand[] {
    return [...this.hands.values()];
  }

  get size(): number {
    return this.hands.size;
  }

  clear(): void {
    this.hands.clear();
  }
}
