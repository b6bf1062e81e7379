'use client';
// The keys a phone or tablet keyboard lacks, above the terminal: Esc, Tab, a sticky Ctrl and Alt, arrows,
// Enter, the symbols a shell line needs, and paste. A tap never takes the focus from the terminal (the
// pointerdown's default is what moves it), so the platform keyboard stays open. The bytes come from
// lib/terminal/key-bar-keys.ts; the panel sends them to the tab on show.
import { useEffect, useState, useSyncExternalStore } from 'react';
import {
  type BarKey,
  type ModifierKey,
  NO_MODIFIERS,
  type StickyModifiers,
  type SymbolKey,
} from '@/lib/terminal/key-bar-keys';
import { useRememberedChoice } from '../remembered-choice';
import { TerminalAction } from './terminal-action';
import styles from './terminal-panel.module.css';
import type { TerminalMessages } from './types';

type KeyLabels = TerminalMessages['keys'];

const TOUCH_QUERY = '(pointer: coarse)';

/**
 * Whether the bar is shown: the student's own choice (remembered), or else where the main pointer is coarse
 * (a finger); and the toggle.
 */
export function useKeyBarShown(): [boolean, () => void] {
  const [touch, setTouch] = useState(false);
  const [choice, choose] = useRememberedChoice('gaiola.keyBar');
  useEffect(() => {
    const media = window.matchMedia(TOUCH_QUERY);
    const follow = () => setTouch(media.matches);
    follow();
    media.addEventListener('change', follow);
    return () => media.removeEventListener('change', follow);
  }, []);
  const shown = choice ?? touch;
  return [shown, () => choose(!shown)];
}

/** Each symbol's accessible name, and its test id's suffix. */
const SYMBOLS: readonly { key: SymbolKey; name: 'pipe' | 'tilde' | 'slash' | 'dash' | 'underscore' }[] = [
  { key: '|', name: 'pipe' },
  { key: '~', name: 'tilde' },
  { key: '/', name: 'slash' },
  { key: '-', name: 'dash' },
  { key: '_', name: 'underscore' },
];

const ARROWS = [
  { key: 'left', cap: '←' },
  { key: 'down', cap: '↓' },
  { key: 'up', cap: '↑' },
  { key: 'right', cap: '→' },
] as const;

export function KeyBar({
  labels,
  sticky,
  onKey,
  onModifier,
  onPaste,
}: {
  labels: KeyLabels;
  sticky: StickyModifiers;
  /** A key to send, with whatever modifier is armed (the panel takes it from `sticky`). */
  onKey: (key: BarKey) => void;
  /** Ctrl or Alt tapped: armed or disarmed in `sticky` already. */
  onModifier: () => void;
  onPaste: () => void;
}) {
  const mods = useSyncExternalStore(sticky.subscribe, sticky.getSnapshot, () => NO_MODIFIERS);
  const modifier = (which: ModifierKey) => () => {
    sticky.toggle(which);
    onModifier();
  };
  // One row, in the order a phone needs them most: the keys its keyboard lacks, then the symbols it hides.
  const keys: readonly { id: string; name: string; cap: string; pressed?: boolean; onClick: () => void }[] = [
    { id: 'esc', name: labels.esc, cap: labels.escCap, onClick: () => onKey('esc') },
    { id: 'tab', name: labels.tab, cap: labels.tabCap, onClick: () => onKey('tab') },
    { id: 'ctrl', name: labels.ctrl, cap: labels.ctrlCap, pressed: mods.ctrl, onClick: modifier('ctrl') },
    { id: 'alt', name: labels.alt, cap: labels.altCap, pressed: mods.alt, onClick: modifier('alt') },
    ...ARROWS.map(({ key, cap }) => ({ id: key, name: labels[key], cap, onClick: () => onKey(key) })),
    { id: 'enter', name: labels.enter, cap: '↵', onClick: () => onKey('enter') },
    ...SYMBOLS.map(({ key, name }) => ({ id: name, name: labels[name], cap: key, onClick: () => onKey(key) })),
    { id: 'paste', name: labels.pasteHint, cap: labels.paste, onClick: onPaste },
  ];
  return (
    <div role="toolbar" aria-label={labels.label} className={styles.keyBar} data-testid="key-bar" translate="no">
      {keys.map((key) => (
        <TerminalAction
          key={key.id}
          className={styles.key}
          title={key.name}
          label={key.name}
          testId={`key-${key.id}`}
          pressed={key.pressed}
          onClick={key.onClick}
        >
          {key.cap}
        </TerminalAction>
      ))}
    </div>
  );
}
