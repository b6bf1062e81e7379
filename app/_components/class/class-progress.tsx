'use client';
// Where the class is (issue 20), live: for one lesson (the one most students have open, or the instructor's
// pick), how many students are at each step (their first step not done) and how many finished, with each step's
// median time. The counts come from the agent's state (InstructorState.progress); this only lays them out.
import type { InstructorState } from '@protocol';
import { useId, useState } from 'react';
import { format } from '@/lib/template';
import styles from './class.module.css';
import local from './class-progress.module.css';
import type { InstructorMessages, LessonOutline } from './types';

/** The lesson most students have open (ties: the earlier lesson); null when nobody has one open. */
export function busiestLesson(state: InstructorState, outline: readonly LessonOutline[]): string | null {
  const counts = new Map<string, number>();
  for (const s of state.students)
    if (s.currentLesson) counts.set(s.currentLesson, (counts.get(s.currentLesson) ?? 0) + 1);
  let best: string | null = null;
  for (const l of outline) if ((counts.get(l.slug) ?? 0) > (best ? (counts.get(best) ?? 0) : 0)) best = l.slug;
  return best;
}

/** "2 min 05 s", "40 s": a step's median time, to the second. */
export function durationText(ms: number, m: InstructorMessages['progress']): string {
  const total = Math.round(ms / 1000);
  const min = Math.floor(total / 60);
  const s = total % 60;
  return min > 0 ? format(m.minutes, { m: min, s: String(s).padStart(2, '0') }) : format(m.seconds, { s });
}

export function ClassProgress({
  state,
  outline,
  messages,
}: {
  state: InstructorState;
  outline: readonly LessonOutline[];
  messages: InstructorMessages;
}) {
  const m = messages.progress;
  const pickId = useId();
  const [picked, setPicked] = useState<string | null>(null);
  const slug = picked ?? busiestLesson(state, outline) ?? outline[0]?.slug ?? null;
  const lesson = outline.find((l) => l.slug === slug);
  const progress = state.progress?.find((p) => p.slug === slug);
  if (!lesson || !progress) return null;
  const max = Math.max(1, ...progress.atStep);
  const rows = [
    ...lesson.steps.map((s, i) => ({
      key: s.id,
      name: `${format(m.step, { n: i + 1 })}: ${s.title.replaceAll('`', '')}`,
      median: progress.medianMs[i] ?? null,
    })),
    { key: '__done', name: m.done, median: undefined },
  ];
  return (
    <section aria-labelledby="progress-heading" data-testid="class-progress" data-lesson={slug} className={local.panel}>
      <h2 id="progress-heading" className={styles.sectionHeading}>
        {m.heading}
      </h2>
      <div className={local.lessonPick}>
        <label htmlFor={pickId}>{m.lesson}</label>
        <select
          id={pickId}
          className={local.select}
          value={slug ?? ''}
          onChange={(e) => setPicked(e.target.value)}
          data-testid="progress-lesson"
        >
          {outline.map((l) => (
            <option key={l.slug} value={l.slug}>
              {`${format(messages.lessonShort, { n: l.number })} · ${l.title}`}
            </option>
          ))}
        </select>
      </div>
      {progress.atStep.every((n) => n === 0) ? <p className={styles.muted}>{m.none}</p> : null}
      <ol className={local.histogram}>
        {rows.map((row, i) => {
          const n = progress.atStep[i] ?? 0;
          return (
            <li key={row.key} data-testid={`progress-step-${i + 1}`} data-count={n}>
              <span className={local.stepName} title={row.name}>
                {row.name}
              </span>
              <span className={local.barTrack} aria-hidden="true">
                <span className={local.bar} style={{ width: `${(100 * n) / max}%`, display: 'block' }} />
              </span>
              <span className={local.figures}>
                {format(m.students, { n })}
                {row.median === undefined
                  ? null
                  : ` · ${row.median === null ? m.noMedian : format(m.median, { time: durationText(row.median, m) })}`}
              </span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
