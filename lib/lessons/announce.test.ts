import { describe, expect, it } from 'vitest';
import { type AnnouncedStep, type AnnounceLabels, announcement } from './announce';
import { EMPTY_SNAPSHOT, type LessonSnapshot } from './lesson-client';

const labels: AnnounceLabels = {
  stepDone: 'Passo {n} feito: {title}.',
  stepNotYet: 'Passo {n}, {title}: ainda não.',
  stepHint: 'Dica: {hint}',
  quiz: 'Pergunta {n}: {verdict}. {feedback}',
  correct: 'Resposta correta',
  incorrect: 'Resposta incorreta',
};
const steps: AnnouncedStep[] = [
  { id: 'chroot', title: 'Entre no chroot', hints: {} },
  { id: 'proc', title: 'Monte o proc', hints: { notMounted: 'O `/proc` do PID {pid} não está montado' } },
];
const known: LessonSnapshot = { ...EMPTY_SNAPSHOT, known: true };
const say = (prev: LessonSnapshot, next: LessonSnapshot) => announcement(prev, next, steps, ['q1', 'q2'], labels);

describe('announcement', () => {
  it('says nothing when the saved progress arrives with the page, done steps included', () => {
    expect(say(EMPTY_SNAPSHOT, { ...known, steps: { chroot: { id: 'chroot', done: true } } })).toBeNull();
  });

  it('says a step seen done, once', () => {
    const done = { ...known, steps: { chroot: { id: 'chroot', done: true, doneAt: 5 } } };
    expect(say(known, done)).toBe('Passo 1 feito: Entre no chroot.');
    expect(say(done, { ...done, steps: { ...done.steps } })).toBeNull();
  });

  it('says nothing of an automatic check that finds a step not done yet', () => {
    expect(say(known, { ...known, steps: { chroot: { id: 'chroot', done: false } } })).toBeNull();
  });

  it('after a check the student asked for, says the step they are on with its hint filled in, code as text', () => {
    const asked = { ...known, checking: true, steps: { chroot: { id: 'chroot', done: true } } };
    const back = {
      ...asked,
      checking: false,
      steps: { ...asked.steps, proc: { id: 'proc', done: false, hint: { key: 'notMounted', params: { pid: 42 } } } },
    };
    expect(say(asked, back)).toBe('Passo 2, Monte o proc: ainda não. Dica: O /proc do PID 42 não está montado');
  });

  it('says a new hint an automatic check brings to the step the student is on, once, and not a first result', () => {
    const hint = (pid: number | string) => ({ key: 'notMounted', params: { pid } });
    const chrootDone = { chroot: { id: 'chroot', done: true } };
    const before = {
      ...known,
      steps: { ...chrootDone, proc: { id: 'proc', done: false, hint: { key: 'other', params: {} } } },
    };
    const hinted = { ...known, steps: { ...chrootDone, proc: { id: 'proc', done: false, hint: hint(42) } } };
    expect(say(before, hinted)).toBe('Passo 2, Monte o proc: ainda não. Dica: O /proc do PID 42 não está montado');
    // the same hint from the next check: nothing new
    expect(say(hinted, { ...hinted, steps: { ...hinted.steps } })).toBeNull();
    // another value seen: said again
    const other = { ...known, steps: { ...chrootDone, proc: { id: 'proc', done: false, hint: hint(43) } } };
    expect(say(hinted, other)).toBe('Passo 2, Monte o proc: ainda não. Dica: O /proc do PID 43 não está montado');
    // the step's first hint (the page just opened on it), a hint with a gap, or one on a later step: nothing
    expect(say({ ...known, steps: chrootDone }, hinted)).toBeNull();
    expect(say({ ...known, steps: { ...chrootDone, proc: { id: 'proc', done: false } } }, hinted)).toBeNull();
    expect(
      say(before, { ...hinted, steps: { ...chrootDone, proc: { id: 'proc', done: false, hint: hint('?') } } }),
    ).toBeNull();
    const later = {
      ...known,
      steps: { chroot: { id: 'chroot', done: false }, proc: { id: 'proc', done: false, hint: hint(42) } },
    };
    expect(
      say({ ...later, steps: { chroot: { id: 'chroot', done: false }, proc: { id: 'proc', done: false } } }, later),
    ).toBeNull();
  });

  it('leaves out a hint with a gap, as the step does', () => {
    const asked = { ...known, checking: true };
    const back = {
      ...known,
      steps: {
        chroot: { id: 'chroot', done: true },
        proc: { id: 'proc', done: false, hint: { key: 'notMounted', params: { pid: '?' } } },
      },
    };
    // The check made chroot done: that is what is said, not a "not yet".
    expect(say(asked, back)).toBe('Passo 1 feito: Entre no chroot.');
    expect(say({ ...back, checking: true }, back)).toBe('Passo 2, Monte o proc: ainda não.');
  });

  it('says a graded answer with its number, verdict and feedback, each new try again', () => {
    const first = { option: 'a', correct: false, feedback: 'Não: `unshare` cria, não entra.', first: true };
    const tried = { ...known, tries: { q2: first } };
    expect(say(known, tried)).toBe('Pergunta 2: Resposta incorreta. Não: unshare cria, não entra.');
    const again = { ...tried, tries: { q2: { ...first, first: false } } };
    expect(say(tried, again)).toBe('Pergunta 2: Resposta incorreta. Não: unshare cria, não entra.');
    expect(say(again, { ...again, checking: false })).toBeNull();
  });
});
