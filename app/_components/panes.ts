'use client';
// Which of the lesson page's two panes a narrow screen shows (the text or the terminals), for the parts inside
// them: "run in terminal" brings the terminals forward, a step in the step list brings the text back. On a wide
// screen both are always shown and these do nothing visible. SplitPane provides it.
import { createContext, useContext } from 'react';

export type Pane = 'text' | 'terminal';

export interface Panes {
  readonly shown: Pane;
  show(pane: Pane): void;
}

export const PanesContext = createContext<Panes | null>(null);

/** The page's panes; null outside a lesson page. */
export function usePanes(): Panes | null {
  return useContext(PanesContext);
}
