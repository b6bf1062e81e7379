// The agent's view of the course: every lesson definition and its answer key. Only the agent imports
// the answer keys; the site never does (a site test enforces it).
import { lessons } from '../../../lessons/index';
import type { LessonAnswers, LessonDef } from '../../../lessons/types';

export interface CatalogLesson {
  def: LessonDef;
  answers: LessonAnswers;
}

export type Catalog = ReadonlyMap<string, CatalogLesson>;

const SLUG = /^\d{2}-[a-z0-9-]+$/;

/** Loads `lessons/<slug>/answers.ts` for every lesson of the registry. */
export async function loadCatalog(): Promise<Catalog> {
  const out = new Map<string, CatalogLesson>();
  for (const def of lessons) {
    if (!SLUG.test(def.slug)) throw new Error(`lesson slug ${def.slug} is not NN-name`);
    const mod = (await import(`../../../lessons/${def.slug}/answers.ts`)) as { default: LessonAnswers };
    out.set(def.slug, { def, answers: mod.default });
  }
  return out;
}
