'use client';
// An on/off choice of the student's that this browser remembers (localStorage 'on' / 'off'): the terminal's
// key bar and its screen-reader mode. Undefined until read, as the server renders it: the caller picks the
// default. Without storage (a locked-down browser) the choice still holds for this page.
import { useCallback, useEffect, useState } from 'react';

export function useRememberedChoice(key: string): [boolean | undefined, (on: boolean) => void] {
  const [choice, setChoice] = useState<boolean | undefined>(undefined);
  useEffect(() => {
    try {
      const stored = window.localStorage.getItem(key);
      if (stored === 'on' || stored === 'off') setChoice(stored === 'on');
    } catch {
      // Not remembered: the caller's default.
    }
  }, [key]);
  const choose = useCallback(
    (on: boolean) => {
      setChoice(on);
      try {
        window.localStorage.setItem(key, on ? 'on' : 'off');
      } catch {
        // Not remembered; still chosen for this page.
      }
    },
    [key],
  );
  return [choice, choose];
}
