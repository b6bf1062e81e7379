'use client';
// The terminal's screen-reader mode (issue 21), which a toggle beside Copy and Paste turns on: xterm's own
// (screenReaderMode: the rows as a list a screen reader walks, new output read out), remembered in this browser.
import { useRememberedChoice } from '../remembered-choice';

/** The mode as this browser remembers it (off until read: the server renders it off), and a way to change it. */
export function useScreenReaderMode(): [boolean, (on: boolean) => void] {
  const [choice, choose] = useRememberedChoice('gaiola.screenReader');
  return [choice ?? false, choose];
}
