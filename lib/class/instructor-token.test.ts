import { describe, expect, it, vi } from 'vitest';
import { INSTRUCTOR_TOKEN_KEY, type TokenWindow, takeInstructorToken, tokenFromHash } from './instructor-token';

describe('tokenFromHash', () => {
  it('reads t= from the fragment, with or without #, among other parameters', () => {
    expect(tokenFromHash('#t=abc.def_1')).toBe('abc.def_1');
    expect(tokenFromHash('t=abc')).toBe('abc');
    expect(tokenFromHash('#x=1&t=abc')).toBe('abc');
    expect(tokenFromHash('#t=a%2Bb')).toBe('a+b');
  });

  it('is null without a token, or with an absurd one', () => {
    expect(tokenFromHash('')).toBeNull();
    expect(tokenFromHash('#')).toBeNull();
    expect(tokenFromHash('#t=')).toBeNull();
    expect(tokenFromHash('#token=abc')).toBeNull();
    expect(tokenFromHash(`#t=${'a'.repeat(513)}`)).toBeNull();
  });
});

function fakeWindow(hash: string, stored: string | null = null) {
  const storage = new Map<string, string>(stored ? [[INSTRUCTOR_TOKEN_KEY, stored]] : []);
  const replaceState = vi.fn();
  const win: TokenWindow = {
    location: { hash, pathname: '/pt/instrutor', search: '?x=1' },
    history: { replaceState, state: { keep: true } },
    sessionStorage: { getItem: (k) => storage.get(k) ?? null, setItem: (k, v) => void storage.set(k, v) },
  };
  return { win, storage, replaceState };
}

describe('takeInstructorToken', () => {
  it('moves the token from the URL to sessionStorage and off the address bar', () => {
    const { win, storage, replaceState } = fakeWindow('#t=secret', 'older');
    expect(takeInstructorToken(win)).toBe('secret');
    expect(storage.get(INSTRUCTOR_TOKEN_KEY)).toBe('secret');
    expect(replaceState).toHaveBeenCalledWith({ keep: true }, '', '/pt/instrutor?x=1');
  });

  it('finds the stored token after a reload, and nothing without either', () => {
    const reload = fakeWindow('', 'secret');
    expect(takeInstructorToken(reload.win)).toBe('secret');
    expect(reload.replaceState).not.toHaveBeenCalled();
    expect(takeInstructorToken(fakeWindow('').win)).toBeNull();
  });

  it('still returns the token when storage refuses it', () => {
    const { win } = fakeWindow('#t=secret');
    const refusing: TokenWindow = {
      ...win,
      sessionStorage: {
        getItem: () => {
          throw new Error('SecurityError');
        },
        setItem: () => {
          throw new Error('SecurityError');
        },
      },
    };
    expect(takeInstructorToken(refusing)).toBe('secret');
    expect(takeInstructorToken({ ...refusing, location: { ...win.location, hash: '' } })).toBeNull();
  });
});
