import { describe, expect, it, vi } from 'vitest';
import { INSTRUCTOR_TOKEN_KEY, type TokenWindow, takeInstructorToken, tokenFromHash } from './instructor-token';

describe('tokenFromHash', () => {
  // Each case: its name, and fragments with the token read from each (null: none).
  const cases: [name: string, [hash: string, token: string | null][]][] = [
    [
      'reads t= from the fragment, with or without #, among other parameters',
      [
        ['#t=abc.def_1', 'abc.def_1'],
        ['t=abc', 'abc'],
        ['#x=1&t=abc', 'abc'],
        ['#t=a%2Bb', 'a+b'],
      ],
    ],
    [
      'is null without a token, or with an absurd one',
      [
        ['', null],
        ['#', null],
        ['#t=', null],
        ['#token=abc', null],
        [`#t=${'a'.repeat(513)}`, null],
      ],
    ],
  ];
  for (const [name, hashes] of cases) {
    it(name, () => {
      for (const [hash, token] of hashes) expect(tokenFromHash(hash), hash).toBe(token);
    });
  }
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
