// The hook the Playwright tests read the terminals through (always on: it exposes nothing the page
// does not already show). `window.__gaiola.text(tab)` is the active buffer of that tab as text.
import type { Terminal } from '@xterm/xterm';

export interface GaiolaTestHook {
  terminals: Record<number, Terminal>;
  /** The active buffer's lines, each trimmed right, joined by '\n', trimmed right; '' if no such tab. */
  text(tab: number): string;
}

/** `window.__gaiola`, typed here only: the e2e helpers declare the part they read themselves. */
const host = (): { __gaiola?: GaiolaTestHook } => window as unknown as { __gaiola?: GaiolaTestHook };

export function bufferText(term: Terminal): string {
  const buffer = term.buffer.active;
  const lines: string[] = [];
  for (let i = 0; i < buffer.length; i++) lines.push(buffer.getLine(i)?.translateToString(true) ?? '');
  return lines.join('\n').trimEnd();
}

function hook(): GaiolaTestHook {
  const w = host();
  if (!w.__gaiola) {
    const terminals: Record<number, Terminal> = {};
    w.__gaiola = {
      terminals,
      text: (tab) => {
        const term = terminals[tab];
        return term ? bufferText(term) : '';
      },
    };
  }
  return w.__gaiola;
}

export function registerTerminal(tab: number, term: Terminal): void {
  hook().terminals[tab] = term;
}

export function unregisterTerminal(tab: number, term: Terminal): void {
  const terminals = host().__gaiola?.terminals;
  if (terminals && terminals[tab] === term) delete terminals[tab];
}
