// The agent's view of the course: every lesson definition and its answer key. Only the agent imports
// the answer keys; the site never does (a site test enforces it).
import { lessons } from '../../../lessons/index';
import type { LessonAnswers, LessonDef } from '../../../lessons/types';
import { checkParamsProblem } from '../protocol/check-params';

export interface CatalogLesson {
  def: LessonDef;
  answers: LessonAnswers;
}

export type Catalog = ReadonlyMap<string, CatalogLesson>;

const SLUG = /^\d{2}-[a-z0-9-]+$/;

/**
 * Throws, naming the lesson, the step and the check, where a step names a check that does not exist or gives
 * it parameters its schema (protocol/check-params.ts) refuses: what the type-check refuses in a lesson.ts,
 * refused again at run time for whatever got past it (a cast, a lesson built at run time).
 */
export function checkLessonSteps(def: LessonDef): void {
  for (const step of def.steps) {
    const problem = checkParamsProblem(step.check.id, step.check.params);
    if (problem) throw new Error(`lesson ${def.slug} step ${step.id}: check ${step.check.id}: ${problem}`);
  }
}

/** Loads `lessons/<slug>/answers.ts` for every lesson of the registry, once its steps' checks are sound. */
export async function loadCatalog(): Promise<Catalog> {
  const out = new Map<string, CatalogLesson>();
  for (const def of lessons) {
    if (!SLUG.test(def.slug)) throw new Error(`lesson slug ${def.slug} is not NN-name`);
    checkLessonSteps(def);
    const mod = (await import(`../../../lessons/${def.slug}/answers.ts`)) as { default: LessonAnswers };
    out.set(def.slug, { def, answers: mod.default });
  }
  return out;
}
