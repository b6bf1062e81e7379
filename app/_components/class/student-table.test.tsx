// The instructor's table rendered to markup: a wrong first answer and no answer at all must not look alike
// in a lesson's cell, in either language.
import type { InstructorState, StudentRow } from '@protocol';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SORT } from '@/lib/class/table';
import { getMessages } from '@/lib/i18n';
import { htmlLang } from '@/lib/locales';
import { find } from '../kernel-panel/test-html';
import { StudentTable } from './student-table';
import type { LessonOutline } from './types';

const NOW = Date.UTC(2025, 2, 14, 15, 0, 0);

function student(id: string, name: string, over: Partial<StudentRow>): StudentRow {
  return {
    id: id.repeat(32),
    name,
    tag: 1,
    joinedAt: NOW - 600_000,
    lastSeenAt: NOW - 60_000,
    online: true,
    currentLesson: '01-chroot',
    steps: {},
    quiz: {},
    answered: {},
    ...over,
  };
}

const state: InstructorState = {
  class: { code: 'ACDEFG', open: true, createdAt: 1, joinUrl: 'http://10.0.0.5:3000/pt/turma?codigo=ACDEFG' },
  capacity: {
    sandboxes: 2,
    maxSandboxes: 60,
    refused: 0,
    memUsedBytes: 2e9,
    memTotalBytes: 8e9,
    cpuPercent: 5,
    warm: { ready: 2, starting: 0, target: 2 },
  },
  lessons: [{ slug: '01-chroot', steps: 4, questions: 6 }],
  help: [],
  students: [
    // answered q1 wrong first: no score, but an answer
    student('a', 'Wrong', { answered: { '01-chroot': 1 } }),
    student('b', 'None', {}),
  ],
};

const outline: LessonOutline[] = [{ slug: '01-chroot', number: 1, title: 'chroot', steps: [], questions: [] }];

function render(locale: 'pt' | 'gl'): string {
  return renderToStaticMarkup(
    <StudentTable
      state={state}
      outline={outline}
      messages={getMessages(locale).class.instructor}
      lang={htmlLang[locale]}
      now={NOW}
      sort={DEFAULT_SORT}
      onSort={() => {}}
      selected={null}
      onSelect={() => {}}
      detailId="detail"
    />,
  );
}

describe('the instructor’s table', () => {
  for (const locale of ['pt', 'gl'] as const) {
    it(`tells a wrong first answer from no answer (${locale})`, () => {
      const html = render(locale);
      const cell = (id: string) =>
        find(find(html, { 'data-testid': `student-row-${id.repeat(32)}` }).html, { 'data-lesson': '01-chroot' }).text;
      const wrong = cell('a');
      const none = cell('b');
      expect(wrong).not.toBe(none);
      expect(wrong).toContain('0/6 · 1 resp.');
      expect(none).toContain('0/6 · 0 resp.');
      // read aloud in full, and explained under the table
      expect(wrong).toContain('1 de 6 respondidas');
      expect(find(html, { 'data-testid': 'class-table-legend' }).text).toContain('resp.');
    });
  }
});
