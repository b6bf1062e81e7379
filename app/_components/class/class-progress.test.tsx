// Where the class is, rendered to markup: the lesson most students have open is the one shown, a step's median
// reads in minutes and seconds in the page's language, and a student's text never becomes markup.
import type { StudentRow } from '@protocol';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { sampleState } from '@/lib/class/test-fixtures';
import { getMessages } from '@/lib/i18n';
import { busiestLesson, ClassProgress, durationText } from './class-progress';
import type { LessonOutline } from './types';

const lesson = (slug: string, number: number): LessonOutline => ({
  slug,
  number,
  title: `Lição ${number}`,
  steps: [
    { id: 'a', title: 'Passo `a`' },
    { id: 'b', title: 'Passo b' },
  ],
  questions: [],
});
const outline = [lesson('01-chroot', 1), lesson('02-unshare', 2)];
const row = (id: string, currentLesson: string | null) => ({
  ...(sampleState.students[0] as StudentRow),
  id,
  currentLesson,
});

describe('where the class is', () => {
  it('shows the lesson most students have open, ties to the earlier one, none without any', () => {
    const state = (lessons: (string | null)[]) => ({
      ...sampleState,
      students: lessons.map((l, i) => row(String(i), l)),
    });
    expect(busiestLesson(state(['02-unshare', '01-chroot', '02-unshare']), outline)).toBe('02-unshare');
    expect(busiestLesson(state(['02-unshare', '01-chroot']), outline)).toBe('01-chroot');
    expect(busiestLesson(state([null]), outline)).toBeNull();
  });

  it('reads a median in seconds, or minutes and seconds, in pt and gl', () => {
    const pt = getMessages('pt').class.instructor.progress;
    expect(durationText(40_400, pt)).toBe('40 s');
    expect(durationText(125_000, pt)).toBe('2 min 05 s');
    expect(durationText(125_000, getMessages('gl').class.instructor.progress)).toBe('2 min 05 s');
  });

  it('draws a bar per step and one for those who finished, with counts and medians', () => {
    const state = {
      ...sampleState,
      students: [row('1', '02-unshare')],
      progress: [{ slug: '02-unshare', atStep: [0, 3, 1], medianMs: [65_000, null] }],
    };
    const html = renderToStaticMarkup(
      <ClassProgress state={state} outline={outline} messages={getMessages('gl').class.instructor} />,
    );
    expect(html).toContain('data-lesson="02-unshare"');
    expect(html).toContain('data-testid="progress-step-2" data-count="3"');
    expect(html).toContain('Paso 1: Passo a');
    expect(html).toContain('alumnos: 0 · mediana 1 min 05 s');
    expect(html).toContain('alumnos: 3 · sen mediana aínda');
    expect(html).toContain('Remataron');
  });
});
