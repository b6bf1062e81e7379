// The instructor's warm target as the agent takes it (warmRequest, bounded by warmTargetMax) and as the page
// reads its field (parseWarmTarget): whole numbers from 0 to the room the students leave, nothing else.
import { describe, expect, it } from 'vitest';
import { instructorState } from './class';
import { MAX_WARM_TARGET, parseWarmTarget, warmRequest, warmTargetMax } from './warm';

describe('the warm target (issue 18)', () => {
  it('takes a whole number from 0 to the protocol’s bound, with the token, and nothing more', () => {
    expect(warmRequest.safeParse({ token: 't', target: 0 }).success).toBe(true);
    expect(warmRequest.safeParse({ token: 't', target: 30 }).success).toBe(true);
    expect(warmRequest.safeParse({ token: 't', target: MAX_WARM_TARGET }).success).toBe(true);
    for (const target of [-1, 2.5, MAX_WARM_TARGET + 1, '30', null, Number.NaN, Number.POSITIVE_INFINITY])
      expect(warmRequest.safeParse({ token: 't', target }).success, String(target)).toBe(false);
    expect(warmRequest.safeParse({ target: 3 }).success, 'no token').toBe(false);
    expect(warmRequest.safeParse({ token: 't', target: 3, student: 'x' }).success, 'an extra field').toBe(false);
  });

  it('is bounded by the capacity less the students’ sandboxes', () => {
    expect(warmTargetMax({ maxSandboxes: 60, sandboxes: 0 })).toBe(60);
    expect(warmTargetMax({ maxSandboxes: 60, sandboxes: 25 })).toBe(35);
    expect(warmTargetMax({ maxSandboxes: 4, sandboxes: 4 })).toBe(0);
    // more students than the cap now (it was lowered and the agent restarted with them back): none, not negative
    expect(warmTargetMax({ maxSandboxes: 4, sandboxes: 6 })).toBe(0);
  });

  it('reads the page’s field: decimal digits within the bound, else null', () => {
    expect(parseWarmTarget('30', 35)).toBe(30);
    expect(parseWarmTarget(' 0 ', 35)).toBe(0);
    expect(parseWarmTarget('35', 35)).toBe(35);
    for (const raw of ['36', '-1', '2.5', '1e2', '0x10', '', ' ', 'trinta', '99999'])
      expect(parseWarmTarget(raw, 35), raw).toBeNull();
  });

  it('is in the instructor’s state: ready, starting and the target', () => {
    const state = {
      class: { code: 'ACDEFG', open: true, createdAt: 1, joinUrl: 'http://x/pt/turma?codigo=ACDEFG' },
      capacity: {
        sandboxes: 1,
        maxSandboxes: 4,
        refused: 0,
        memUsedBytes: 1,
        memTotalBytes: 2,
        cpuPercent: 0,
        warm: { ready: 2, starting: 1, target: 3 },
      },
      lessons: [],
      students: [],
      help: [],
    };
    expect(instructorState.parse(state).capacity.warm).toEqual({ ready: 2, starting: 1, target: 3 });
    const { warm: _, ...without } = state.capacity;
    expect(instructorState.safeParse({ ...state, capacity: without }).success).toBe(false);
    expect(
      instructorState.safeParse({
        ...state,
        capacity: { ...state.capacity, warm: { ready: -1, starting: 0, target: 0 } },
      }).success,
    ).toBe(false);
  });
});
