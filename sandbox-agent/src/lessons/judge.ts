// How a lesson's steps are judged on one snapshot: what the snapshot must read for them (paths, fixtures,
// extra reads) and each step's check run with its parameters. The engine's check runs call these, and so
// do the lesson-check kernel tests (test/checks-helpers.ts), so the tests judge as the agent does.
// Layer: imports only checks/, kernel/ and the course (README; biome.json).

import type { LessonDef, StepDef } from '../../../lessons/types';
import { type SnapshotNeeds, snapshotNeeds } from '../checks/index';
import type { Check, CheckResult } from '../checks/types';
import { sandboxPathsIn } from '../checks/util';
import type { SandboxSnapshot } from '../kernel/snapshot';

export interface LessonNeeds {
  /** Every absolute path among the steps' parameters: the snapshot reads what is there. */
  paths: string[];
  /** Fixture name → the id of the step that needs it. */
  fixtures: Map<string, string>;
  /** What else the snapshot must read for the lesson's checks. */
  reads: SnapshotNeeds;
}

export function lessonNeeds(def: LessonDef): LessonNeeds {
  const paths = new Set<string>();
  const fixtures = new Map<string, string>();
  for (const step of def.steps) {
    for (const path of sandboxPathsIn(step.check.params ?? {})) paths.add(path);
    if (step.check.id === 'fixture-killed-from-root') fixtures.set(step.check.params.fixture, step.id);
  }
  return { paths: [...paths], fixtures, reads: snapshotNeeds(def.steps.map((s) => s.check.id)) };
}

/** Each of `steps` judged on `snap` by the check it names in `checks`, by step id. */
export function judgeSteps(
  slug: string,
  steps: readonly StepDef[],
  snap: SandboxSnapshot,
  checks: Readonly<Record<string, Check>>,
): Map<string, CheckResult> {
  const out = new Map<string, CheckResult>();
  for (const step of steps) {
    const check = checks[step.check.id];
    if (!check) throw new Error(`lesson ${slug} step ${step.id}: no check named ${step.check.id}`);
    out.set(step.id, check(snap, step.check.params ?? {}));
  }
  return out;
}
