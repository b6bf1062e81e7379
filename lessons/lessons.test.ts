// The lesson registry as a whole: every lesson has its prose in both locales, the prose places every
// step exactly once and no step the definition lacks, ids are unique, every quiz option has feedback in
// both locales, every hint is written in both. A test may import the answer keys; the site never does.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { placeholders } from '../lib/i18n';
import { stepIdsInMdx } from '../lib/lessons/load';
import { lessons } from './index';
import { type LessonAnswers, type LessonDef, LOCALES, type Localized } from './types';

const here = path.dirname(new URL(import.meta.url).pathname);

function mdxFile(slug: string, locale: string): string {
  return path.join(here, slug, `${locale}.mdx`);
}

async function answersOf(slug: string): Promise<LessonAnswers | null> {
  if (!existsSync(path.join(here, slug, 'answers.ts'))) return null;
  const mod = (await import(`./${slug}/answers.ts`)) as { default: LessonAnswers };
  return mod.default;
}

/** Every localized text of a definition, with where it is, for the emptiness and TODO checks. */
function texts(lesson: LessonDef): [string, Localized][] {
  const out: [string, Localized][] = [
    ['title', lesson.title],
    ['summary', lesson.summary],
  ];
  for (const step of lesson.steps) {
    out.push([`step ${step.id} title`, step.title]);
    for (const [key, hint] of Object.entries(step.hints)) out.push([`step ${step.id} hint ${key}`, hint]);
  }
  for (const q of lesson.quiz) {
    out.push([`quiz ${q.id} prompt`, q.prompt]);
    for (const o of q.options) out.push([`quiz ${q.id} option ${o.id}`, o.text]);
  }
  return out;
}

function duplicates(ids: readonly string[]): string[] {
  return ids.filter((id, i) => ids.indexOf(id) !== i);
}

describe('the lesson registry', () => {
  it('lists lessons in order, with slugs that are their folder names', () => {
    expect(lessons.map((l) => l.order)).toEqual(lessons.map((_, i) => i + 1));
    for (const lesson of lessons) {
      expect(lesson.slug).toMatch(/^\d{2}-[a-z0-9-]+$/);
      // A slug's number is the place the lesson was published at (or, for one added between two, the place
      // of the one before it): never past its place in the course, and never going down along it.
      expect(Number(lesson.slug.slice(0, 2)), lesson.slug).toBeLessThanOrEqual(lesson.order);
      expect(existsSync(path.join(here, lesson.slug, 'lesson.ts')), lesson.slug).toBe(true);
    }
    const numbers = lessons.map((l) => Number(l.slug.slice(0, 2)));
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    expect(duplicates(lessons.map((l) => l.slug))).toEqual([]);
  });

  // URLs and stored progress (steps done, quiz answers) are keyed by slug: a published slug stays, and keeps
  // its place relative to the others, whatever is added between them.
  it('keeps every published slug, in its order', () => {
    const published = [
      '01-chroot',
      '02-unshare',
      '03-namespaces',
      '04-user-namespaces',
      '05-cgroups-memory',
      '06-cgroups-cpu-pids',
      '06-cgroups-pids-freezer',
      '07-mounts',
      '08-overlay',
      '09-security',
      '10-network',
      '11-container-by-hand',
      '12-oci-runc',
      '13-docker-kubernetes',
      '14-ports-and-names',
      '15-dev-and-pid1',
      '16-oci-image',
    ];
    const slugs = lessons.map((l) => l.slug);
    expect(slugs.filter((s) => published.includes(s))).toEqual(published);
  });

  it("takes each lesson's quiz from its own quiz.ts", async () => {
    for (const lesson of lessons) {
      const mod = (await import(`./${lesson.slug}/quiz.ts`)) as { default: LessonDef['quiz'] };
      expect(mod.default, lesson.slug).toBe(lesson.quiz);
    }
  });
});

for (const lesson of lessons) {
  describe(`lessons/${lesson.slug}`, () => {
    it('has unique, well-formed step ids, question ids and option ids', () => {
      const stepIds = lesson.steps.map((s) => s.id);
      expect(duplicates(stepIds)).toEqual([]);
      for (const id of stepIds) expect(id).toMatch(/^[a-z0-9][a-z0-9-]*$/);
      expect(duplicates(lesson.quiz.map((q) => q.id))).toEqual([]);
      for (const q of lesson.quiz) {
        expect(q.id).toMatch(/^[a-z0-9][a-z0-9-]*$/);
        expect(duplicates(q.options.map((o) => o.id)), q.id).toEqual([]);
        expect(q.options.length, q.id).toBeGreaterThanOrEqual(2);
      }
    });

    it('has 3–8 steps and 4–6 quiz questions', () => {
      expect(lesson.steps.length).toBeGreaterThanOrEqual(3);
      expect(lesson.steps.length).toBeLessThanOrEqual(8);
      expect(lesson.quiz.length).toBeGreaterThanOrEqual(4);
      expect(lesson.quiz.length).toBeLessThanOrEqual(6);
    });

    it('writes every text, hint included, in both locales, with the same {placeholders}', () => {
      for (const [where, text] of texts(lesson)) {
        for (const locale of LOCALES) expect(text[locale]?.trim(), `${where} (${locale})`).toBeTruthy();
        expect(placeholders(text.gl), where).toEqual(placeholders(text.pt));
      }
    });

    for (const locale of LOCALES) {
      it(`${locale}.mdx exists and places every step exactly once, and no other`, () => {
        const file = mdxFile(lesson.slug, locale);
        expect(existsSync(file), `${file} is missing`).toBe(true);
        if (!existsSync(file)) return;
        const used = stepIdsInMdx(readFileSync(file, 'utf8'));
        const defined = lesson.steps.map((s) => s.id);
        expect(
          used.filter((id) => !defined.includes(id)),
          'steps the MDX places that lesson.ts lacks',
        ).toEqual([]);
        for (const id of defined) expect(used.filter((u) => u === id).length, `<Step id="${id}">`).toBe(1);
      });
    }

    it('places the steps in the same order in pt and gl', () => {
      const files = LOCALES.map((l) => mdxFile(lesson.slug, l));
      if (!files.every((f) => existsSync(f))) return; // the test above reports the missing file
      const [pt, gl] = files.map((f) => stepIdsInMdx(readFileSync(f, 'utf8')));
      expect(gl).toEqual(pt);
    });

    it('has an answer key: a right option that exists and feedback for every option in both locales', async () => {
      const answers = await answersOf(lesson.slug);
      expect(answers, `lessons/${lesson.slug}/answers.ts is missing`).not.toBeNull();
      if (!answers) return;
      expect(Object.keys(answers).sort()).toEqual(lesson.quiz.map((q) => q.id).sort());
      for (const q of lesson.quiz) {
        const key = answers[q.id];
        if (!key) continue;
        const options = q.options.map((o) => o.id);
        expect(options, `${q.id}.correct`).toContain(key.correct);
        expect(Object.keys(key.feedback).sort(), `${q.id}.feedback`).toEqual([...options].sort());
        for (const o of options) {
          for (const locale of LOCALES) {
            expect(key.feedback[o]?.[locale]?.trim(), `${q.id}.${o} (${locale})`).toBeTruthy();
          }
        }
      }
    });

    // Fails until the content is written: that is intended, a TODO must not ship.
    it('has no TODO left in its texts, answers or prose', async () => {
      const left: string[] = [];
      for (const [where, text] of texts(lesson)) {
        for (const locale of LOCALES) if (/\bTODO\b/.test(text[locale])) left.push(`${where} (${locale})`);
      }
      const answers = await answersOf(lesson.slug);
      for (const [q, key] of Object.entries(answers ?? {})) {
        for (const [o, fb] of Object.entries(key.feedback)) {
          for (const locale of LOCALES) if (/\bTODO\b/.test(fb[locale])) left.push(`answers ${q}.${o} (${locale})`);
        }
      }
      for (const locale of LOCALES) {
        const file = mdxFile(lesson.slug, locale);
        if (existsSync(file) && /\bTODO\b/.test(readFileSync(file, 'utf8'))) left.push(`${locale}.mdx`);
      }
      expect(left).toEqual([]);
    });
  });
}
