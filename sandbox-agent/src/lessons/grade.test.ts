import { describe, expect, it } from 'vitest';
import { defineAnswers, defineLesson } from '../../../lessons/types';
import { gradeAnswer } from './grade';

const loc = (s: string) => ({ pt: `${s} (pt)`, gl: `${s} (gl)` });
const def = defineLesson({
  slug: '99-test',
  order: 99,
  title: loc('t'),
  summary: loc('s'),
  steps: [],
  quiz: [
    {
      id: 'q1',
      prompt: loc('which?'),
      options: [
        { id: 'a', text: loc('A') },
        { id: 'b', text: loc('B') },
      ],
    },
  ],
});
const answers = defineAnswers({ q1: { correct: 'b', feedback: { a: loc('no, because'), b: loc('yes, because') } } });

describe('gradeAnswer', () => {
  it('grades the right option with its feedback in the locale asked', () => {
    expect(gradeAnswer(def, answers, 'q1', 'b', 'gl')).toEqual({
      ok: true,
      correct: true,
      feedback: 'yes, because (gl)',
    });
  });

  it('grades a wrong option with that option’s feedback', () => {
    expect(gradeAnswer(def, answers, 'q1', 'a', 'pt')).toEqual({
      ok: true,
      correct: false,
      feedback: 'no, because (pt)',
    });
  });

  it('refuses an unknown question or option', () => {
    expect(gradeAnswer(def, answers, 'q9', 'a', 'pt')).toEqual({ ok: false, reason: 'unknown_question' });
    expect(gradeAnswer(def, answers, 'q1', 'z', 'pt')).toEqual({ ok: false, reason: 'unknown_question' });
  });
});
