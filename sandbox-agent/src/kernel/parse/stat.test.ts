import { describe, expect, it } from 'vitest';
import { parseStat, statStartTime } from './stat';
import { ParseError } from './text';

describe('parseStat', () => {
  it('reads the job-control fields of a shell on a terminal', () => {
    const text =
      '14327 (bash) S 14308 14327 14327 34816 15002 4194560 37255 1736653 0 142 9 15 3516 795 20 0 1 0 107057\n';
    expect(parseStat(text)).toEqual({
      pid: 14327,
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
