// Every hint a check can send names a key its step has, and fills every `{placeholder}` of that key's
// text in both locales: each step of every lesson judged on every recorded snapshot (and on each as a
// cgroup v2 host would show it). A hint with a gap ("PID ?") is what issue 24 saw in lesson 01.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lessons } from '../../../lessons/index';
import { LOCALES, unfilledHintParams } from '../../../lessons/types';
import type { SandboxSnapshot } from '../kernel/snapshot';
import { asV2, judge, load } from './fixture-util';
import { checks } from './index';

const snapshots = readdirSync(new URL('./fixtures/', import.meta.url))
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.slice(0, -'.json'.length));

describe('hints of every lesson on every recorded snapshot', () => {
  it('has snapshots to judge', () => {
    expect(snapshots.length).toBeGreaterThan(50);
  });

  for (const lesson of lessons) {
    it(`${lesson.slug}: every hint exists and is filled`, () => {
      const gaps: string[] = [];
      for (const name of snapshots) {
        const recorded = load(name);
        const variants: [string, SandboxSnapshot][] = [
          [name, recorded],
          [`${name} as v2`, asV2(recorded)],
        ];
        for (const [where, snap] of variants) {
          for (const step of lesson.steps) {
            expect(checks[step.check.id], `${lesson.slug}/${step.id}: check ${step.check.id}`).toBeDefined();
            const r = judge(lesson, step.id, snap);
            if (r.done) continue;
            const text = step.hints[r.hint];
            if (!text) {
              gaps.push(`${step.id} on ${where}: no hint "${r.hint}"`);
              continue;
            }
            for (const locale of LOCALES)
              for (const p of unfilledHintParams(text[locale], r.params ?? {}))
                gaps.push(`${step.id} on ${where}: "${r.hint}" (${locale}) {${p}} = ${JSON.stringify(r.params?.[p])}`);
          }
        }
      }
      expect(gaps).toEqual([]);
    });
  }
});

describe('unfilledHintParams', () => {
  it('names placeholders without a value, blank, or "?"', () => {
    const t = 'PID {pid}: `kill {pid}` in {where} ({n})';
    expect(unfilledHintParams(t, { pid: 12, where: 'A', n: 0 })).toEqual([]);
    expect(unfilledHintParams(t, { pid: '?', where: ' ', n: Number.NaN })).toEqual(['pid', 'where', 'n']);
    expect(unfilledHintParams(t, {})).toEqual(['pid', 'where', 'n']);
    expect(unfilledHintParams('no placeholder', { extra: 1 })).toEqual([]);
  });
});
