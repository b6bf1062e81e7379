import { describe, expect, it } from 'vitest';
import { clientMessage } from './client';
import {
  MAX_QUIZ_BODY_BYTES,
  progressQuery,
  progressResponse,
  QUIZ_ERRORS,
  quizAnswerRequest,
  quizErrorResponse,
  quizResult,
} from './quiz';
import { serverMessage } from './server';

const answer = { slug: '02-unshare', question: 'q1', option: 'b', locale: 'gl' };

describe('quiz and progress over HTTP (protocol/quiz.ts)', () => {
  it('accepts an answer of ids and a locale, nothing else', () => {
    expect(quizAnswerRequest.parse(answer)).toEqual(answer);
    for (const bad of [
      { ...answer, extra: true },
      { ...answer, locale: 'en' },
      { ...answer, slug: '../etc' },
      { ...answer, question: 'Q1' },
      { ...answer, option: 'a b' },
      { ...answer, option: 'x'.repeat(42) },
      { slug: answer.slug, question: answer.question, option: answer.option },
    ]) {
      expect(quizAnswerRequest.safeParse(bad).success).toBe(false);
    }
    // the largest valid answer fits the body cap with room to spare
    const largest = { slug: `01-${'a'.repeat(40)}`, question: 'q'.repeat(41), option: 'o'.repeat(41), locale: 'pt' };
    expect(quizAnswerRequest.safeParse(largest).success).toBe(true);
    expect(JSON.stringify(largest).length).toBeLessThan(MAX_QUIZ_BODY_BYTES / 4);
  });

  it('reads the progress query: a lesson or none, pt unless gl', () => {
    expect(progressQuery.parse({})).toEqual({ locale: 'pt' });
    expect(progressQuery.parse({ lesson: '01-chroot', locale: 'gl' })).toEqual({ lesson: '01-chroot', locale: 'gl' });
    expect(progressQuery.safeParse({ lesson: '01-chroot/../x' }).success).toBe(false);
    expect(progressQuery.safeParse({ token: 'x' }).success).toBe(false);
  });

  it('validates what the agent answers, and codes every refusal', () => {
    const result = { slug: '02-unshare', question: 'q1', option: 'b', correct: false, feedback: 'x', first: true };
    expect(quizResult.parse(result)).toEqual(result);
    expect(quizResult.safeParse({ ...result, type: 'quiz-result' }).success).toBe(false);
    const lessons = { '01-chroot': { steps: [{ id: 'chroot', done: true, doneAt: 1 }], quiz: {} } };
    expect(progressResponse.parse({ lessons })).toEqual({ lessons });
    for (const error of QUIZ_ERRORS) expect(quizErrorResponse.parse({ error })).toEqual({ error });
    expect(quizErrorResponse.safeParse({ error: 'Something went wrong' }).success).toBe(false);
  });

  it('the terminal socket carries neither answers nor saved progress any more', () => {
    expect(clientMessage.safeParse({ type: 'quiz-answer', ...answer }).success).toBe(false);
    expect(clientMessage.safeParse({ type: 'lesson', slug: '01-chroot' }).success).toBe(true);
    expect(
      serverMessage.safeParse({ type: 'quiz-result', ...answer, correct: true, feedback: '', first: true }).success,
    ).toBe(false);
    expect(serverMessage.safeParse({ type: 'lesson-progress', slug: '01-chroot', steps: [], quiz: {} }).success).toBe(
      false,
    );
  });
});
