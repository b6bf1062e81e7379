// The order a student sees a question's options in (issue 23: the right answer was first or second in
// 45 of 69 questions, so position told it). Shuffled per student and per question, and stable: the seed
// is a hash of the student id, the lesson and the question, so a reload shows the same order. Only the
// order changes: an answer is sent and stored as the option's id, never its position. The answer key
// plays no part, so the order tells nothing about it. Pure, for the browser and for tests.

/** FNV-1a, 32 bits: spreads similar ids (`q1`, `q2`) far apart, which is all a seed needs. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** mulberry32: a small seeded generator of numbers in [0, 1), the same on every JavaScript engine. */
function mulberry32(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `items` in this student's order for this question: a Fisher–Yates shuffle seeded by the student,
 * the lesson and the question (question ids repeat across lessons: `q1` is in every one).
 */
export function studentOrder<T>(items: readonly T[], student: string, lesson: string, question: string): T[] {
  const random = mulberry32(fnv1a(`${student}\u0000${lesson}\u0000${question}`));
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const a = out[i] as T;
    out[i] = out[j] as T;
    out[j] = a;
  }
  return out;
}
