// Terminal queries: sequences a program prints to make the terminal answer on the program's input.
// A redrawn screen (the replay a reconnecting tab gets) must never answer them again, or the answers
// land in the live shell as typed junk (BusyBox's line editor asks for the cursor position at every
// prompt). The agent strips them from the replay (sessions/terminal-queries.ts) and the browser
// ignores them while it redraws (lib/terminal/reply-guard.ts); both read this one list.
//
// It is what @xterm/xterm 6 answers (common/InputHandler.ts: DSR, DECDSR, DA1, DA2, DECRQM, XTWINOPS
// reports, DECRQSS; browser/CoreBrowserTerminal.ts: OSC colour reports and the pixel sizes), plus the
// queries xterm itself answers and xterm.js may learn (DA3, XTVERSION, XTGETTCAP, OSC 5/13–19/52).

/** A CSI function as xterm.js identifies it: private prefix, intermediates, final byte. */
export interface CsiQuery {
  readonly prefix: '' | '?' | '>' | '=';
  readonly intermediates: '' | '$';
  readonly final: string;
  /** When only some first parameters ask (the others of the same function act): those. */
  readonly firstParams?: readonly number[];
}

export const CSI_QUERIES: readonly CsiQuery[] = [
  { prefix: '', intermediates: '', final: 'n' }, // DSR: 5 status, 6 cursor position
  { prefix: '?', intermediates: '', final: 'n' }, // DECDSR: ?6 cursor position, printer, keyboard…
  { prefix: '', intermediates: '', final: 'c' }, // DA1, primary device attributes
  { prefix: '>', intermediates: '', final: 'c' }, // DA2, secondary
  { prefix: '=', intermediates: '', final: 'c' }, // DA3, tertiary
  { prefix: '', intermediates: '$', final: 'p' }, // DECRQM, an ANSI mode
  { prefix: '?', intermediates: '$', final: 'p' }, // DECRQM, a DEC private mode
  { prefix: '>', intermediates: '', final: 'q' }, // XTVERSION
  // XTWINOPS reports: window state, position, size in pixels and cells, screen size, titles. The
  // other window operations (title stack 22/23, moves and resizes) answer nothing.
  { prefix: '', intermediates: '', final: 't', firstParams: [11, 13, 14, 15, 16, 18, 19, 20, 21] },
];

/** DCS functions that answer: DECRQSS (`DCS $ q Pt ST`) and XTGETTCAP (`DCS + q Pt ST`). */
export const DCS_QUERIES: readonly { readonly intermediates: string; readonly final: string }[] = [
  { intermediates: '$', final: 'q' },
  { intermediates: '+', final: 'q' },
];

/** OSC numbers whose `?` asks instead of sets: palette 4, special 5, dynamic colours 10–19, clipboard 52. */
export const OSC_QUERY_IDS: ReadonlySet<number> = new Set([4, 5, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 52]);

/** Whether a CSI function (its collected prefix and intermediates, final byte, first parameter) asks. */
export function isCsiQuery(collect: string, final: string, firstParam: number): boolean {
  return CSI_QUERIES.some(
    (q) =>
      q.prefix + q.intermediates === collect &&
      q.final === final &&
      (q.firstParams === undefined || q.firstParams.includes(firstParam)),
  );
}

export function isDcsQuery(collect: string, final: string): boolean {
  return DCS_QUERIES.some((q) => q.intermediates === collect && q.final === final);
}

/** `data` is what follows `OSC id ;`: a `?` in it asks for a colour (or the clipboard). */
export function isOscQuery(id: number, data: string): boolean {
  return OSC_QUERY_IDS.has(id) && data.includes('?');
}
