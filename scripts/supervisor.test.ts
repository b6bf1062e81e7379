import { describe, expect, it } from 'vitest';
import { deathReason, HEALTHY_RESET_MS, RESTART_MAX_MS, RestartBackoff, restartArgs, seconds } from './supervisor';

describe('RestartBackoff', () => {
  it('doubles from 1 s on crashes in a row, capped at 30 s', () => {
    const b = new RestartBackoff();
    const delays = Array.from({ length: 8 }, () => b.next(0));
    expect(delays).toEqual([1000, 2000, 4000, 8000, 16_000, 30_000, 30_000, 30_000]);
    expect(Math.max(...delays)).toBe(RESTART_MAX_MS);
  });
  it('starts over after a minute of health, not after less', () => {
    const b = new RestartBackoff();
    b.next(0);
    b.next(0);
    expect(b.next(HEALTHY_RESET_MS - 1)).toBe(4000);
    expect(b.next(HEALTHY_RESET_MS)).toBe(1000);
    expect(b.next(5000)).toBe(2000);
  });
});

describe('deathReason', () => {
  it('names the signal, and the OOM killer for SIGKILL', () => {
    expect(deathReason(null, 'SIGKILL')).toBe('killed by SIGKILL (the OOM killer?)');
    expect(deathReason(null, 'SIGSEGV')).toBe('killed by SIGSEGV (a crash)');
    expect(deathReason(null, 'SIGTERM')).toBe('killed by SIGTERM');
  });
  it('gives the exit code otherwise', () => {
    expect(deathReason(1, null)).toBe('exited with code 1');
  });
  it('writes delays in seconds', () => {
    expect(seconds(1000)).toBe('1 s');
    expect(seconds(30_000)).toBe('30 s');
  });
});

describe('restartArgs', () => {
  it('drops --new-class: a restarted agent keeps the class the first start made', () => {
    expect(restartArgs(['--new-class'])).toEqual([]);
    expect(restartArgs([])).toEqual([]);
  });
});
