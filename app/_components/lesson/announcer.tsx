'use client';
// The lesson page's one polite live region (issue 21): a step seen done, a check the student asked for, a quiz
// answer graded, said once each in the page's language (lib/lessons/announce.ts decides what). Visually hidden:
// the steps and the quiz show the same things where they are.
import { useEffect, useState } from 'react';
import { type AnnouncedStep, type AnnounceLabels, announcement } from '@/lib/lessons/announce';
import { useLessonStore } from '@/lib/lessons/use-lesson';

export function Announcer({
  steps,
  questions,
  labels,
}: {
  steps: readonly AnnouncedStep[];
  /** The quiz's question ids, in order. */
  questions: readonly string[];
  labels: AnnounceLabels;
}) {
  const store = useLessonStore();
  const [said, setSaid] = useState<{ text: string; n: number } | null>(null);
  useEffect(() => {
    if (!store) return;
    let prev = store.getSnapshot();
    return store.subscribe(() => {
      const next = store.getSnapshot();
      const text = announcement(prev, next, steps, questions, labels);
      prev = next;
      if (text) setSaid((s) => ({ text, n: (s?.n ?? 0) + 1 }));
    });
  }, [store, steps, questions, labels]);
  return (
    <div className="visually-hidden" role="status" aria-live="polite" aria-atomic="true" data-testid="announcer">
      {/* A new node each time: the same words said twice (two wrong answers) are read twice. */}
      {said ? <p key={said.n}>{said.text}</p> : null}
    </div>
  );
}
