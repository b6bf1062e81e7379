// The way out of a terminal by keyboard (issue 21). xterm keeps Tab (the shell completes with it) and Esc
// (readline's Meta, vi), so a keyboard user needs another key: F6 moves the focus on to the Kernel panel,
// Shift+F6 back to the step the student is on. F6 is the key browsers and VS Code's terminal already use to go
// from one part of a window to the next; bash and readline bind nothing to it. Alt+F6 (GNOME cycles an app's
// windows with it) and Ctrl+Shift+Esc (Windows' task manager) never reach a page on those systems.

export type LeaveDirection = 'next' | 'previous';

/** The key as the README and the page name it, for aria-keyshortcuts. */
export const LEAVE_KEYS = 'F6 Shift+F6';

/** Marks each step's section, in the lesson's order; a done step holds an element with data-status="done". */
export const STEP_ATTR = 'data-step';
/** The Kernel panel's open/close button: where F6 goes. */
export const KERNEL_PANEL_TOGGLE_ID = 'kernel-panel-toggle';
/** The lesson's title: where Shift+F6 goes once every step is done. */
export const LESSON_TITLE_ID = 'lesson-title';

export interface KeyLike {
  readonly type: string;
  readonly key: string;
  readonly shiftKey: boolean;
  readonly altKey: boolean;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
}

/** Where a key takes the focus out of the terminal, or null for a key the terminal keeps. */
export function leaveDirection(event: KeyLike): LeaveDirection | null {
  if (event.key !== 'F6' || event.altKey || event.ctrlKey || event.metaKey) return null;
  if (event.type !== 'keydown') return null;
  return event.shiftKey ? 'previous' : 'next';
}

function shown(el: HTMLElement | null): el is HTMLElement {
  return el !== null && el.getClientRects().length > 0;
}

/** The first step not done yet, in the page's order. */
function currentStep(doc: Document): HTMLElement | null {
  for (const el of doc.querySelectorAll<HTMLElement>(`[${STEP_ATTR}]`)) {
    if (el.querySelector('[data-status="done"]') === null && shown(el)) return el;
  }
  return null;
}

/**
 * Moves the focus out of the terminal: `next` to the Kernel panel's button, `previous` to the step the student is
 * on (the lesson's title when every step is done), each falling back to the other where one is not on show (a
 * narrow screen shows one pane). True when the focus moved.
 */
export function leaveTerminal(direction: LeaveDirection, doc: Document = document): boolean {
  const kernel = () => doc.getElementById(KERNEL_PANEL_TOGGLE_ID);
  const text = () => currentStep(doc) ?? doc.getElementById(LESSON_TITLE_ID);
  for (const find of direction === 'next' ? [kernel, text] : [text, kernel]) {
    const el = find();
    if (!shown(el)) continue;
    el.focus();
    if (doc.activeElement === el) return true;
  }
  return false;
}
