import { describe, expect, it } from 'vitest';
import { summarize } from './summary';

const totals = { stepIds: ['a', 'b', 'c'], questionIds: ['q1', 'q2'] };

describe('summarize', () => {
  it('counts the lesson’s own steps done and first answers right', () => {
    const sum = summarize(
      totals,
      [
        { id: 'a', done: true, doneAt: 1 },
        { id: 'b', done: false },
        { id: 'gone', done: true },
      ],
      { q1: { correct: true }, q9: { correct: true } },
    );
    expect(sum).toEqual({ stepsDone: 1, steps: 3, quizCorrect: 1, quizAnswered: 1, questions: 2, complete: false });
  });
  it('is complete when every step is done and every question answered, right or not', () => {
    const steps = { a: { id: 'a', done: true }, b: { id: 'b', done: true }, c: { id: 'c', done: true } };
    expect(summarize(totals, steps, { q1: { correct: false }, q2: { correct: true } }).complete).toBe(true);
  });
});
