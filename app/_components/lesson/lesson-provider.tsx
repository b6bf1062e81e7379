'use client';
// Creates the lesson page's one LessonStore and hands it down: the terminal panel feeds it, the steps,
// the quiz and the progress summary read it. See lib/lessons/lesson-client.ts.
import { type ReactNode, useEffect, useState } from 'react';
import { LessonStore } from '@/lib/lessons/lesson-client';
import { LessonStoreContext } from '@/lib/lessons/use-lesson';
import type { Locale } from '@/lib/locales';

export function LessonProvider({ slug, locale, children }: { slug: string; locale: Locale; children: ReactNode }) {
  const [store] = useState(() => new LessonStore(slug, locale));
  useEffect(() => () => store.dispose(), [store]);
  return <LessonStoreContext.Provider value={store}>{children}</LessonStoreContext.Provider>;
}
