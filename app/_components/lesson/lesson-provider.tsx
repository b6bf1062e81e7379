'use client';
// Creates the lesson page's one LessonStore and hands it down: the terminal panel feeds it, the steps,
// the quiz and the progress summary read it; its saved progress and quiz answers go to the agent over HTTP
// (lib/lessons/quiz-agent.ts). See lib/lessons/lesson-client.ts.
import { type ReactNode, useEffect, useState } from 'react';
import { LessonStore } from '@/lib/lessons/lesson-client';
import { httpQuizAgent } from '@/lib/lessons/quiz-agent';
import { LessonStoreContext } from '@/lib/lessons/use-lesson';
import type { Locale } from '@/lib/locales';

export function LessonProvider({
  slug,
  locale,
  agentPort,
  children,
}: {
  slug: string;
  locale: Locale;
  agentPort: number;
  children: ReactNode;
}) {
  const [store] = useState(() => new LessonStore(slug, locale));
  useEffect(() => {
    // The agent is on the machine that served the page (known only in the browser).
    const at = { pageProtocol: window.location.protocol, hostname: window.location.hostname, port: agentPort };
    store.connectAgent(httpQuizAgent(at));
  }, [store, agentPort]);
  useEffect(() => () => store.dispose(), [store]);
  return <LessonStoreContext.Provider value={store}>{children}</LessonStoreContext.Provider>;
}
