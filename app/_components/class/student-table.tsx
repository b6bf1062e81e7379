'use client';
// The live class table: one row per student, one compact cell per lesson (steps done / steps, the quiz's
// right first answers and the questions answered at all, so a wrong answer differs from none), sortable by
// any column header, with a legend for the cells. Every name is rendered as text: a student
// called `<script>` is a student with an odd name, nothing more.
import type { InstructorState, StudentRow } from '@protocol';
import { useMemo } from 'react';
import { clockTime, relativeTime } from '@/lib/class/format';
import { displayName, nextSort, type Sort, type SortKey, sortStudents, totalSteps } from '@/lib/class/table';
import { intlLocales } from '@/lib/locales';
import { format } from '@/lib/template';
import styles from './class.module.css';
import type { InstructorMessages, LessonOutline } from './types';

function SortHeader({
  sortKey,
  sort,
  onSort,
  label,
  children,
  className,
}: {
  sortKey: SortKey;
  sort: Sort;
  onSort: (sort: Sort) => void;
  /** The column's full name, for the accessible name when `children` is short. */
  label: string;
  children?: React.ReactNode;
  className?: string;
}) {
  const active = sort.key === sortKey;
  return (
    <th scope="col" aria-sort={active ? sort.direction : 'none'} className={className}>
      <button type="button" className={styles.sortButton} onClick={() => onSort(nextSort(sort, sortKey))} title={label}>
        {children ?? label}
        <span aria-hidden="true" className={styles.sortMark}>
          {active ? (sort.direction === 'ascending' ? '▲' : '▼') : ''}
        </span>
      </button>
    </th>
  );
}

export function StudentTable({
  state,
  outline,
  messages,
  lang,
  now,
  sort,
  onSort,
  selected,
  onSelect,
  detailId,
}: {
  state: InstructorState;
  outline: readonly LessonOutline[];
  messages: InstructorMessages;
  lang: string;
  now: number;
  sort: Sort;
  onSort: (sort: Sort) => void;
  selected: string | null;
  onSelect: (id: string) => void;
  detailId: string;
}) {
  const col = messages.column;
  const lessons = state.lessons;
  const bySlug = useMemo(() => new Map(outline.map((l) => [l.slug, l])), [outline]);
  const rows = useMemo(
    () =>
      sortStudents(state.students, sort, {
        lessonOrder: outline.map((l) => l.slug),
        collator: new Intl.Collator(intlLocales(lang), { sensitivity: 'base', numeric: true }),
      }),
    [state.students, sort, outline, lang],
  );
  const lessonLabel = (slug: string) => {
    const l = bySlug.get(slug);
    return l ? format(col.lesson, { n: l.number, title: l.title }) : slug;
  };
  const lessonShort = (slug: string) => {
    const l = bySlug.get(slug);
    return l ? format(messages.lessonShort, { n: l.number }) : slug;
  };
  const common = { sort, onSort };
  const rowCommon = { lessons, messages, lang, now, onSelect, detailId, lessonShort, lessonLabel };

  return (
    <div className={styles.tableBlock}>
      <div className={styles.tableWrap}>
        <table className={styles.table} data-testid="class-table" data-count={rows.length}>
          <caption className="visually-hidden">{format(messages.studentsHeading, { n: rows.length })}</caption>
          <thead>
            <tr>
              <SortHeader sortKey="name" label={col.name} {...common} />
              <SortHeader sortKey="joinedAt" label={col.joinedAt} {...common} />
              <SortHeader sortKey="currentLesson" label={col.currentLesson} {...common} />
              <SortHeader sortKey="total" label={col.total} {...common} />
              {lessons.map((l) => (
                <SortHeader
                  key={l.slug}
                  sortKey={`lesson:${l.slug}`}
                  label={lessonLabel(l.slug)}
                  className={styles.lessonCol}
                  {...common}
                >
                  <span aria-hidden="true">{lessonShort(l.slug)}</span>
                  <span className="visually-hidden">{lessonLabel(l.slug)}</span>
                </SortHeader>
              ))}
              <SortHeader sortKey="online" label={col.online} {...common} />
              <SortHeader sortKey="lastSeen" label={col.lastSeen} {...common} />
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <Row key={row.id} row={row} selected={selected === row.id} {...rowCommon} />
            ))}
          </tbody>
        </table>
      </div>
      <p className={styles.legend} data-testid="class-table-legend">
        {messages.lessonLegend}
      </p>
    </div>
  );
}

function Row({
  row,
  lessons,
  messages,
  lang,
  now,
  selected,
  onSelect,
  detailId,
  lessonShort,
  lessonLabel,
}: {
  row: StudentRow;
  lessons: InstructorState['lessons'];
  messages: InstructorMessages;
  lang: string;
  now: number;
  selected: boolean;
  onSelect: (id: string) => void;
  detailId: string;
  lessonShort: (slug: string) => string;
  lessonLabel: (slug: string) => string;
}) {
  const name = displayName(row.name, row.tag);
  const total = totalSteps(row);
  const allSteps = lessons.reduce((sum, l) => sum + l.steps, 0);
  return (
    <tr
      data-testid={`student-row-${row.id}`}
      data-steps-done={total}
      data-online={row.online}
      data-selected={selected || undefined}
      className={selected ? styles.selectedRow : undefined}
    >
      <th scope="row">
        <button
          type="button"
          className={styles.nameButton}
          onClick={() => onSelect(row.id)}
          aria-expanded={selected}
          aria-controls={detailId}
          title={format(messages.openDetail, { name })}
        >
          {name}
        </button>
        {row.stuck ? (
          <span
            className={styles.stuck}
            data-testid="student-stuck"
            data-by={row.stuckBy}
            title={
              row.stuckBy === 'failures'
                ? format(messages.stuckBy.failures, { n: row.watch?.failing?.count ?? 0 })
                : messages.stuckBy.time
            }
          >
            {messages.stuck}
          </span>
        ) : null}
      </th>
      <td className={styles.nowrap}>{clockTime(row.joinedAt, now, lang)}</td>
      <td className={styles.nowrap} title={row.currentLesson ? lessonLabel(row.currentLesson) : undefined}>
        {row.currentLesson ? lessonShort(row.currentLesson) : <span className={styles.muted}>—</span>}
      </td>
      <td className={styles.num}>
        {total}/{allSteps}
      </td>
      {lessons.map((l) => {
        const steps = row.steps[l.slug] ?? 0;
        const quiz = row.quiz[l.slug] ?? 0;
        const answered = row.answered[l.slug] ?? 0;
        const quizVars = { right: quiz, answered, total: l.questions };
        const complete = steps >= l.steps && l.steps > 0;
        return (
          <td
            key={l.slug}
            className={styles.lessonCell}
            data-lesson={l.slug}
            data-steps={steps}
            data-quiz={quiz}
            data-answered={answered}
            data-complete={complete || undefined}
          >
            <span className={steps === 0 ? styles.muted : complete ? styles.complete : undefined}>
              <span className="visually-hidden">{messages.cellSteps} </span>
              {steps}/{l.steps}
            </span>
            {l.questions > 0 ? (
              <span className={styles.quizLine} title={format(messages.quizLong, quizVars)}>
                <span className="visually-hidden">{format(messages.quizLong, quizVars)}</span>
                <span aria-hidden="true">★{format(messages.quizCell, quizVars)}</span>
              </span>
            ) : null}
          </td>
        );
      })}
      <td className={styles.nowrap}>
        <span className={styles.dot} data-on={row.online} aria-hidden="true" />
        {row.online ? messages.online : messages.offline}
      </td>
      <td className={styles.nowrap} title={clockTime(row.lastSeenAt, now, lang)}>
        {relativeTime(row.lastSeenAt, now, messages.ago)}
      </td>
    </tr>
  );
}
