// The touch key bar's keys apart from React and the DOM: the bytes each key sends (as xterm sends them for
// a hardware key), how a sticky Ctrl or Alt changes the next key, whether it comes from the bar or from the
// platform keyboard, and the sticky state itself. The bar (app/_components/terminal/key-bar.tsx) renders it.
import { SnapshotStore } from '@/lib/snapshot-store';

export type ModifierKey = 'ctrl' | 'alt';
export type ArrowKey = 'up' | 'down' | 'left' | 'right';
/** Characters a phone keyboard hides on its second or third page, which a shell line needs often. */
export const SYMBOL_KEYS = ['|', '~', '/', '-', '_'] as const;
export type SymbolKey = (typeof SYMBOL_KEYS)[number];
export type BarKey = 'esc' | 'tab' | 'enter' | ArrowKey | SymbolKey;

export interface Modifiers {
  readonly ctrl: boolean;
  readonly alt: boolean;
}

export const NO_MODIFIERS: Modifiers = Object.freeze({ ctrl: false, alt: false });

const ESC = '\x1b';
/** The final byte of an arrow's sequence (ECMA-48 CUU, CUD, CUF, CUB). */
const ARROW_FINAL: Readonly<Record<ArrowKey, string>> = { up: 'A', down: 'B', right: 'C', left: 'D' };
const PLAIN: Readonly<Record<'esc' | 'tab' | 'enter', string>> = { esc: ESC, tab: '\t', enter: '\r' };

function isArrow(key: BarKey): key is ArrowKey {
  return key in ARROW_FINAL;
}

/**
 * The control character Ctrl makes of `ch`, as xterm sends it: `@`–`~` keep their low five bits (Ctrl+C is
 * 0x03, Ctrl+[ is ESC, Ctrl+\ is 0x1c), and the US keyboard's other Ctrl combinations (Ctrl+Space, Ctrl+2 to
 * Ctrl+8, Ctrl+/, Ctrl+-, Ctrl+?); null when Ctrl does not change it (Tab, Enter, a digit like 1, a letter
 * beyond ASCII).
 */
export function controlChar(ch: string): string | null {
  if (ch.length !== 1) return null;
  const code = ch.charCodeAt(0);
  if (code >= 0x40 && code <= 0x7e) return String.fromCharCode(code & 0x1f);
  const other: Readonly<Record<string, number>> = {
    ' ': 0x00,
    '2': 0x00,
    '3': 0x1b,
    '4': 0x1c,
    '5': 0x1d,
    '6': 0x1e,
    '7': 0x1f,
    '/': 0x1f,
    '-': 0x1f,
    '8': 0x7f,
    '?': 0x7f,
  };
  const mapped = other[ch];
  return mapped === undefined ? null : String.fromCharCode(mapped);
}

/**
 * `data` as typed with the modifiers held: Ctrl turns its first character into a control character (when it has
 * one), Alt puts ESC before it (the "meta sends escape" convention bash and readline expect). The rest of `data`
 * (a word an on-screen keyboard commits at once) follows unchanged.
 */
export function withModifiers(data: string, mods: Modifiers): string {
  if (!data || (!mods.ctrl && !mods.alt)) return data;
  const first = String.fromCodePoint(data.codePointAt(0) ?? 0);
  const rest = data.slice(first.length);
  const key = mods.ctrl ? (controlChar(first) ?? first) : first;
  return `${mods.alt ? ESC : ''}${key}${rest}`;
}

/**
 * What a key of the bar sends. Arrows follow the cursor-key mode the program in the terminal asked for (DECCKM:
 * `ESC O A` in application mode, as in less or vim; `ESC [ A` otherwise) and, with a modifier, carry xterm's
 * modifier parameter (`ESC [ 1 ; 5 D` is Ctrl+Left, a word back in readline) whatever the mode.
 */
export function keyBytes(key: BarKey, mods: Modifiers, applicationCursor: boolean): string {
  if (isArrow(key)) {
    const final = ARROW_FINAL[key];
    // xterm's parameter: 1, plus 2 for Alt, plus 4 for Ctrl.
    if (mods.ctrl || mods.alt) return `${ESC}[1;${1 + (mods.alt ? 2 : 0) + (mods.ctrl ? 4 : 0)}${final}`;
    return `${ESC}${applicationCursor ? 'O' : '['}${final}`;
  }
  return withModifiers(key in PLAIN ? PLAIN[key as keyof typeof PLAIN] : key, mods);
}

/**
 * The bar's sticky Ctrl and Alt: a tap arms one (a second tap disarms it), and the next key, from the bar or
 * the platform keyboard, takes it and clears it. A snapshot store, so the bar shows which one is armed.
 */
export class StickyModifiers extends SnapshotStore<Modifiers> {
  constructor() {
    super(NO_MODIFIERS);
  }

  toggle(which: ModifierKey): void {
    this.update({ [which]: !this.state[which] });
  }

  /** The armed modifiers, cleared: the key being sent takes them. */
  take(): Modifiers {
    const mods = this.state;
    if (mods.ctrl || mods.alt) this.update(NO_MODIFIERS);
    return mods;
  }

  /**
   * Input from the terminal (the platform keyboard through xterm) with the armed modifiers applied. A sequence
   * that starts with ESC is a key xterm already encoded (a hardware arrow) or xterm's answer to a query, never
   * the key the student meant: it passes unchanged and the modifiers stay armed.
   */
  apply(data: string): string {
    if (!data || data.startsWith(ESC) || (!this.state.ctrl && !this.state.alt)) return data;
    return withModifiers(data, this.take());
  }
}
