'use client';
// The terminal's screen-reader mode (issue 21), which a toggle beside Copy and Paste turns on: xterm's own
// (screenReaderMode: the rows as a list a screen reader walks, new output read out), remembered in this browser.
import { useCallback, useEffect, useState } from 'react';

const STORAGE_KEY = 'gaiola.screenReader';

/** The mode as this browser remembers it (off until read: the server renders it off), and a way to change it. */
export function useScreenReaderMode(): [boolean, (on: boolean) => void] {
  const [on, setOn] = useState(false);
  useEffect(() => {
    try {
      setOn(window.localStorage.getItem(STORAGE_KEY) === '1');
    } catch {
      // No storage (a locked-down browser): off, and the toggle still works for this page.
    }
  }, []);
  const change = useCallback((next: boolean) => {
    setOn(next);
    try {
      if (next) window.localStorage.setItem(STORAGE_KEY, '1');
      else window.localStorage.removeItem(STORAGE_KEY);
    } catch {
      // Not remembered; still on for this page.
    }
  }, []);
  return [on, change];
}
