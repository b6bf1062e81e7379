// The key bar's bytes, checked against what xterm sends for the same hardware keys, and its sticky
// modifiers; the cursor-key mode read from xterm.js itself (its parser runs in node).
import { Terminal } from '@xterm/xterm';
import { describe, expect, it } from 'vitest';
import {
  type BarKey,
  controlChar,
  keyBytes,
  NO_MODIFIERS,
  StickyModifiers,
  SYMBOL_KEYS,
  withModifiers,
} from './key-bar-keys';

const CTRL = { ctrl: true, alt: false };
const ALT = { ctrl: false, alt: true };
const BOTH = { ctrl: true, alt: true };

describe('keyBytes', () => {
  it('sends Esc, Tab, Enter and the symbols as the keys themselves', () => {
    const plain: [BarKey, string][] = [
      ['esc', '\x1b'],
      ['tab', '\t'],
      ['enter', '\r'],
      ...SYMBOL_KEYS.map((k): [BarKey, string] => [k, k]),
    ];
    for (const [key, bytes] of plain) expect(keyBytes(key, NO_MODIFIERS, false), key).toBe(bytes);
  });

  // [key, modifiers, application cursor mode, what xterm sends for that key on a hardware keyboard]
  const cases: [BarKey, typeof CTRL, boolean, string][] = [
    ['up', NO_MODIFIERS, false, '\x1b[A'],
    ['down', NO_MODIFIERS, false, '\x1b[B'],
    ['right', NO_MODIFIERS, false, '\x1b[C'],
    ['left', NO_MODIFIERS, false, '\x1b[D'],
    ['up', NO_MODIFIERS, true, '\x1bOA'],
    ['left', NO_MODIFIERS, true, '\x1bOD'],
    // Modified arrows carry xterm's parameter in either mode.
    ['left', CTRL, false, '\x1b[1;5D'],
    ['right', CTRL, true, '\x1b[1;5C'],
    ['up', ALT, false, '\x1b[1;3A'],
    ['down', BOTH, true, '\x1b[1;7B'],
    // Alt puts ESC before a key; Ctrl leaves the keys it has no form for.
    ['esc', ALT, false, '\x1b\x1b'],
    ['enter', ALT, false, '\x1b\r'],
    ['tab', CTRL, false, '\t'],
    ['_', CTRL, false, '\x1f'],
    ['|', CTRL, false, '\x1c'],
    ['~', BOTH, false, '\x1b\x1e'],
  ];
  it.each(cases)('sends %s with %o (application mode %s) as xterm does', (key, mods, app, bytes) => {
    expect(keyBytes(key, mods, app)).toBe(bytes);
  });
});

describe('controlChar and withModifiers', () => {
  it('makes ^C, ^D, ^Z, ^L, ^R, ^[, ^@ and DEL as a terminal does, in either case', () => {
    const made = Object.fromEntries([...'cCdzlr[ ?'].map((ch) => [ch, controlChar(ch)]));
    expect(made).toEqual({
      c: '\x03',
      C: '\x03',
      d: '\x04',
      z: '\x1a',
      l: '\x0c',
      r: '\x12',
      '[': '\x1b',
      ' ': '\x00',
      '?': '\x7f',
    });
  });

  it('has no control form for digits 1 and 9, non-ASCII letters or longer text', () => {
    expect(controlChar('1')).toBeNull();
    expect(controlChar('9')).toBeNull();
    expect(controlChar('ç')).toBeNull();
    expect(controlChar('ab')).toBeNull();
  });

  it('changes only the first character of what a keyboard commits at once', () => {
    expect(withModifiers('cd', CTRL)).toBe('\x03d');
    expect(withModifiers('b', ALT)).toBe('\x1bb');
    expect(withModifiers('ção', CTRL)).toBe('ção');
    expect(withModifiers('😀x', ALT)).toBe('\x1b😀x');
    expect(withModifiers('x', NO_MODIFIERS)).toBe('x');
  });
});

describe('StickyModifiers', () => {
  it('arms Ctrl for the next key only: Ctrl then c is ^C, the c after it is c', () => {
    const sticky = new StickyModifiers();
    sticky.toggle('ctrl');
    expect(sticky.getSnapshot()).toEqual({ ctrl: true, alt: false });
    expect(sticky.apply('c')).toBe('\x03');
    expect(sticky.getSnapshot()).toEqual(NO_MODIFIERS);
    expect(sticky.apply('c')).toBe('c');
  });

  it('disarms on a second tap, combines Ctrl and Alt, and tells subscribers', () => {
    const sticky = new StickyModifiers();
    let told = 0;
    sticky.subscribe(() => {
      told += 1;
    });
    sticky.toggle('alt');
    sticky.toggle('alt');
    expect(sticky.apply('b')).toBe('b');
    sticky.toggle('alt');
    sticky.toggle('ctrl');
    expect(sticky.apply('x')).toBe('\x1b\x18');
    expect(told).toBe(5);
  });

  it("lets xterm's own sequences through and stays armed for the student's key", () => {
    const sticky = new StickyModifiers();
    sticky.toggle('ctrl');
    expect(sticky.apply('\x1b[I')).toBe('\x1b[I');
    expect(sticky.getSnapshot().ctrl).toBe(true);
    expect(keyBytes('left', sticky.take(), false)).toBe('\x1b[1;5D');
    expect(sticky.take()).toEqual(NO_MODIFIERS);
  });
});

describe('the cursor-key mode, as xterm.js tracks it', () => {
  it('switches the arrows to SS3 when a program sets DECCKM and back when it resets it', async () => {
    const term = new Terminal({ cols: 80, rows: 24 });
    const write = (data: string) => new Promise<void>((resolve) => term.write(data, resolve));
    try {
      expect(keyBytes('up', NO_MODIFIERS, term.modes.applicationCursorKeysMode)).toBe('\x1b[A');
      // What less, vim and readline's keypad-xmit send on start.
      await write('\x1b[?1h');
      expect(keyBytes('up', NO_MODIFIERS, term.modes.applicationCursorKeysMode)).toBe('\x1bOA');
      await write('\x1b[?1l');
      expect(keyBytes('up', NO_MODIFIERS, term.modes.applicationCursorKeysMode)).toBe('\x1b[A');
    } finally {
      term.dispose();
    }
  });
});
