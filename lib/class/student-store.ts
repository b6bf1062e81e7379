// Who this browser joined the class as, for the join page's "you are in as Ana (2)". Kept beside the
// token (same storage, its own key); only what the agent answered, validated again when read, since
// anything in localStorage may have been edited.
import { joinResponse } from '@protocol';
import type { z } from 'zod';

export const STUDENT_STORAGE_KEY = 'gaiola.student';

const joinedStudent = joinResponse.shape.student;
export type JoinedStudent = z.infer<typeof joinedStudent>;

/** The part of Storage used here: tests pass a Map-backed one. */
export type KeyValueStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** localStorage, or null where the browser refuses it (private modes, disabled storage). */
export function browserLocalStorage(): KeyValueStore | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export function loadJoinedStudent(store: KeyValueStore | null): JoinedStudent | null {
  try {
    const raw = store?.getItem(STUDENT_STORAGE_KEY);
    if (!raw) return null;
    const parsed = joinedStudent.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function saveJoinedStudent(store: KeyValueStore | null, student: JoinedStudent): void {
  try {
    store?.setItem(STUDENT_STORAGE_KEY, JSON.stringify(student));
  } catch {
    // Quota or refusal: the page only loses the "you are in as" line.
  }
}
