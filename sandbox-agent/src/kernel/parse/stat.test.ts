import { describe, expect, it } from 'vitest';
import { parseStat, statReapedFaults, statStartTime } from './stat';
import { ParseError } from './text';

describe('parseStat', () => {
  it('reads the job-control fields of a shell on a terminal', () => {
    const text =
      '14327 (bash) S 14308 14327 14327 34816 15002 4194560 37255 1736653 0 142 9 15 3516 795 20 0 1 0 107057\n';
    expect(parseStat(text)).toEqual({
      pid: 14327,
      state: 'S',
      ppid: 14308,
      pgrp: 14327,
      session: 14327,
      ttyNr: 34816,
      tpgid: 15002,
    });
  });
  it('counts fields from the last parenthesis: a command name may hold spaces and parentheses', () => {
    expect(parseStat('77 (a) b (c)) S 1 77 77 0 -1 0')).toMatchObject({ pid: 77, ppid: 1, pgrp: 77, tpgid: -1 });
  });
  it('refuses a line of another shape', () => {
    expect(() => parseStat('77 bash S 1')).toThrow(ParseError);
    expect(() => parseStat('77 (bash) S 1 2')).toThrow(ParseError);
    expect(() => parseStat('77 (bash) S x 77 77 0 -1')).toThrow(ParseError);
    expect(() => parseStat('77 (bash) 1 1 77 77 0 -1')).toThrow(ParseError);
  });
});

describe('statStartTime', () => {
  it('reads field 22 counted from the last parenthesis, or nothing from a line without it', () => {
    const line =
      '14327 (a) b (c)) S 14308 14327 14327 34816 15002 4194560 37255 1736653 0 142 9 15 3516 795 20 0 1 0 107057 8 9\n';
    expect(statStartTime(line)).toBe(107057);
    expect(statStartTime('77 (bash) S 1 77 77 0 -1 0')).toBeUndefined();
  });
});

// Recorded on this host (kernel 6.18): `sh -c 'sleep 1 & exec sleep 600'` left its first child a zombie; dash
// running `sh -c 'sleep 1 & sleep 600 & wait'` had reaped its.
const ZOMBIE =
  '7406 (sleep) Z 7405 7399 18437 0 -1 4227084 99 0 0 0 0 0 0 0 20 0 1 0 1820602 0 0 18446744073709551615 0 0 0 0 0 0 0 6 0 1 0 0 17 0 0 0 0 0 0 0 0 0 0 0 0 0 0\n';
const NEVER_WAITED = '11 (sleep) S 9 9 2 34816 2 4194560 161 0 1 0 0 0 0 0 20 0 1 0 1818100 2650112 330\n';
const REAPER =
  '38 (sh) S 36 36 2 34816 46 4194560 92 95 0 0 0 0 0 0 20 0 1 0 1818305 2654208 366 18446744073709551615\n';

describe('the state and the reaped children of a process', () => {
  it('reads a zombie as Z, and its parent', () => {
    expect(parseStat(ZOMBIE)).toMatchObject({ pid: 7406, state: 'Z', ppid: 7405 });
  });
  it('reads the faults of reaped children: 0 for a process that never waited, more for one that did', () => {
    expect(statReapedFaults(NEVER_WAITED)).toBe(0);
    expect(statReapedFaults(REAPER)).toBe(95);
    expect(statReapedFaults('77 (a) b (c)) S 1 77 77 0 -1 0 5 7 0')).toBe(7);
    expect(statReapedFaults('77 (bash) S 1 77 77 0 -1 0')).toBeUndefined();
  });
});
