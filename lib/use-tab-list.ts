// A tablist's keyboard (WAI-ARIA's tabs pattern), shared by the terminal tabs and the Kernel panel's
// sections: the keys move the selection (tab-keys.ts) and the focus follows it to the tab now selected.
import { type KeyboardEvent, useRef } from 'react';
import { tabKeyTarget } from './tab-keys';

/**
 * `onKeyDown` goes on the tablist, `tabRef(i)` on tab `i`'s button; `select(i)` shows tab `i` (and is
 * what a click on it does too).
 */
export function useTabList(active: number, count: number, select: (index: number) => void) {
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    const next = tabKeyTarget(event.key, active, count);
    if (next === null) return;
    event.preventDefault();
    select(next);
    buttons.current[next]?.focus();
  };
  const tabRef = (index: number) => (el: HTMLButtonElement | null) => {
    buttons.current[index] = el;
  };
  return { onKeyDown, tabRef };
}
