// React's view of the lesson store: the page's one LessonStore travels by context from the provider
// (app/_components/lesson/lesson-provider.tsx) to the terminal panel, the steps and the quiz. Client
// components only.
import { createContext, useContext, useSyncExternalStore } from 'react';
import { EMPTY_SNAPSHOT, type LessonSnapshot, type LessonStore } from './lesson-client';

export const LessonStoreContext = createContext<LessonStore | null>(null);

/** The page's store; null outside a lesson page. */
export function useLessonStore(): LessonStore | null {
  return useContext(LessonStoreContext);
}

const noop = () => () => {};
const empty = () => EMPTY_SNAPSHOT;

/**
 * A part of the lesson's state. `select` must return a part of the snapshot (or a primitive), never a
 * new object, so an unchanged part does not re-render.
 */
export function useLessonState<T>(select: (snapshot: LessonSnapshot) => T): T {
  const store = useLessonStore();
  return useSyncExternalStore(
    store?.subscribe ?? noop,
    () => select(store ? store.getSnapshot() : EMPTY_SNAPSHOT),
    () => select(store ? store.getServerSnapshot() : empty()),
  );
}
