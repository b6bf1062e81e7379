// A lesson naming a check with wrong or missing parameters is refused twice: by the type-check (each
// `@ts-expect-error` below fails `npm run typecheck` the day the line it marks type-checks), and by the
// catalog when it loads (checkLessonSteps), with a message naming the lesson, the step and the check.
import { describe, expect, it } from 'vitest';
import { lessons } from '../../../lessons/index';
import { type CheckRef, defineLesson, type StepDef } from '../../../lessons/types';
import { type CheckRegistry, checks } from '../checks/index';
import { rootIsPath } from '../checks/root-is-path';
import type { SandboxSnapshot } from '../kernel/snapshot';
import { CHECK_PARAMS } from '../protocol/check-params';
import { checkLessonSteps, loadCatalog } from './catalog';

const loc = (s: string) => ({ pt: s, gl: s });
const step = (id: string, check: CheckRef): StepDef => ({ id, title: loc(id), commands: [], check, hints: {} });
const ROOTFS = '/root/rootfs';

const wrong = defineLesson({
  slug: '99-test',
  order: 99,
  title: loc('t'),
  summary: loc('s'),
  steps: [
    {
      id: 'chroot',
      title: loc('chroot'),
      commands: [],
      // @ts-expect-error: root-is-path takes `path`, not `pth`
      check: { id: 'root-is-path', params: { pth: ROOTFS } },
      hints: {},
    },
  ],
  quiz: [],
});

/** Each a step the type-check refuses, and why. */
const refused: [string, StepDef, RegExp][] = [
  // @ts-expect-error: a parameter missing
  ['missing', step('missing', { id: 'cgroup-memory-limit', params: { group: 'demo' } }), /bytes/],
  // @ts-expect-error: no parameters where the check needs some
  ['none', step('none', { id: 'root-is-path' }), /path/],
  // @ts-expect-error: a number where the check takes a string
  ['type', step('type', { id: 'uts-hostname', params: { hostname: 7 } }), /hostname/],
  // @ts-expect-error: a namespace kind that does not exist
  ['kind', step('kind', { id: 'ns-differs', params: { kind: 'bogus' } }), /bogus/],
  // @ts-expect-error: a parameter the check does not take
  ['extra', step('extra', { id: 'pid-ns-init', params: { path: ROOTFS } }), /path/],
  // @ts-expect-error: a check that does not exist
  ['unknown', step('unknown', { id: 'root-is-paht', params: { path: ROOTFS } }), /no check named root-is-paht/],
];

describe('a lesson naming a check with wrong parameters', () => {
  it('is refused when the catalog loads, naming the lesson, the step and the check', () => {
    expect(() => checkLessonSteps(wrong)).toThrow(
      /^lesson 99-test step chroot: check root-is-path: parameters \{"pth":"\/root\/rootfs"\} refused: .*path/,
    );
    for (const [id, s, why] of refused) {
      const lesson = { ...wrong, steps: [s] };
      expect(() => checkLessonSteps(lesson), id).toThrow(new RegExp(`^lesson 99-test step ${id}: check `));
      expect(() => checkLessonSteps(lesson), id).toThrow(why);
    }
  });

  it('throws, naming the check, if one ever runs with them', () => {
    const snap = {} as SandboxSnapshot;
    expect(() => checks['root-is-path']?.(snap, { pth: ROOTFS })).toThrow(/^check root-is-path: parameters/);
    expect(() => checks['time-offset']?.(snap, { minBoottime: '86400' })).toThrow(/minBoottime/);
  });

  it('passes for a step with the parameters its check takes, and for every lesson of the course', async () => {
    expect(() =>
      checkLessonSteps({ ...wrong, steps: [step('ok', { id: 'root-is-path', params: { path: ROOTFS } })] }),
    ).not.toThrow();
    expect(() => checkLessonSteps({ ...wrong, steps: [step('none', { id: 'pid-ns-init' })] })).not.toThrow();
    for (const lesson of lessons) expect(() => checkLessonSteps(lesson), lesson.slug).not.toThrow();
    expect((await loadCatalog()).size).toBe(lessons.length);
  });
});

describe('the check registry', () => {
  it('holds every check of protocol/check-params.ts, each under its own id', () => {
    expect(Object.keys(checks).sort()).toEqual(Object.keys(CHECK_PARAMS).sort());
    for (const [id, check] of Object.entries(checks)) expect((check as { id?: string }).id).toBe(id);
  });

  it('refuses, in the type-check, a check registered under another id', () => {
    // @ts-expect-error: root-is-path is not pid-ns-init
    const misfiled: CheckRegistry['pid-ns-init'] = rootIsPath;
    expect(misfiled.id).toBe('root-is-path');
  });
});
