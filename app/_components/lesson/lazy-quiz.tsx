'use client';
// The quiz at the end of the lesson, with its code in a chunk of its own: the server renders it whole (the HTML
// is the same), and the browser hydrates it once that chunk has arrived, fetched while the page hydrates
// instead of in the page's first load (issue 18).
import { type ComponentProps, lazy, Suspense } from 'react';
import type { Quiz as QuizForm } from './quiz';

const Quiz = lazy(() => import('./quiz').then((m) => ({ default: m.Quiz })));

export function LazyQuiz(props: ComponentProps<typeof QuizForm>) {
  return (
    <Suspense>
      <Quiz {...props} />
    </Suspense>
  );
}
