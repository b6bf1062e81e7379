'use client';
// Creates the lesson page's one LessonStore and hands it down: the terminal panel feeds it, the steps,
// the quiz and the progress summary read it; its saved progress and quiz answers go to the agent over HTTP
// (lib/lessons/quiz-agent.ts). See lib/lessons/lesson-client.ts.
import { type ReactNode, useEffect, useState } from 'react';
import type { PageAgent } from '@/lib/agent/config';
import { LessonStore } from '@/lib/lessons/lesson-client';
import { httpQuizAgent } from '@/lib/lessons/quiz-agent';
import { LessonStoreContext } from '@/lib/lessons/use-lesson';
import type { Locale } from '@/lib/locales';
import { agentLocation } from '@/lib/terminal/wire';

export function LessonProvider({
  slug,
  locale,
  agent,
  children,
}: {
  slug: string;
  locale: Locale;
  agent: PageAgent;
  children: ReactNode;
}) {
  const [store] = useState(() => new LessonStore(slug, locale));
  const { port, path } = agent;
  useEffect(() => {
    // The agent is on the machine that served the page, or at a path of its origin (known only in the browser).
    store.connectAgent(httpQuizAgent(agentLocation(window.location, { port, path })));
  }, [store, port, path]);
  useEffect(() => () => store.dispose(), [store]);
  return <LessonStoreContext.Provider value={store}>{children}</LessonStoreContext.Provider>;
}
