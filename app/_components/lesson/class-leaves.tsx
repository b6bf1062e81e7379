'use client';
// Help in class and the instructor's broadcast, as the lesson page renders them: nothing until the agent sends
// their state, which it does only in a class. Their code is a chunk of its own, fetched then, so a student
// working alone never downloads it and the page's first load does not carry it (issue 18).
// React.lazy rather than next/dynamic: on the server neither renders (no class yet), and next/dynamic's own
// runtime would cost the first load as much as these leaves.
import { lazy, Suspense } from 'react';
import { useLessonState } from '@/lib/lessons/use-lesson';
import type { BroadcastLabels } from './broadcast-banner';
import type { HelpLabels } from './help-button';

const LazyHelpButton = lazy(() => import('./help-button').then((m) => ({ default: m.HelpButton })));
const LazyBroadcastBanner = lazy(() => import('./broadcast-banner').then((m) => ({ default: m.BroadcastBanner })));

export function ClassHelp({ labels }: { labels: HelpLabels }) {
  const inClass = useLessonState((s) => s.help !== null);
  return inClass ? (
    <Suspense>
      <LazyHelpButton labels={labels} />
    </Suspense>
  ) : null;
}

export function ClassBroadcast({ labels }: { labels: BroadcastLabels }) {
  const broadcast = useLessonState((s) => s.broadcast !== null);
  return broadcast ? (
    <Suspense>
      <LazyBroadcastBanner labels={labels} />
    </Suspense>
  ) : null;
}
