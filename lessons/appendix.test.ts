// Lessons' appendices (lessons/<slug>/appendix.<locale>.mdx: reference material a lesson links to, shown at
// /<locale>/<slug>/apendice): every appendix is written in every locale, in parallel, places no step, and
// is linked from the lesson's prose in each locale; a lesson without one links none.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { appendixPath, mdxPath, stepIdsInMdx } from '../lib/lessons/load';
import { lessons } from './index';
import { LOCALES } from './types';

const here = path.dirname(new URL(import.meta.url).pathname);
const APPENDIX_FILE = /^appendix\.([a-z]+)\.mdx$/;
const LINK = /<Appendix>/g;

/** The locales a lesson folder has an appendix file for, as written on disk. */
function appendixLocales(slug: string): string[] {
  return readdirSync(path.join(here, slug))
    .map((f) => APPENDIX_FILE.exec(f)?.[1])
    .filter((l): l is string => l !== undefined)
    .sort();
}

/** The shape of a text, which a translation keeps: its headings and list items, counted. */
function shape(source: string): { headings: number; items: number } {
  const lines = source.split('\n');
  return {
    headings: lines.filter((l) => /^#{2,} /.test(l)).length,
    items: lines.filter((l) => /^- /.test(l)).length,
  };
}

describe('lesson appendices', () => {
  it('lessons 12 and 13 keep their reference material in one (the map of the spec, the option lists)', () => {
    for (const slug of ['12-oci-runc', '13-docker-kubernetes'])
      expect(appendixLocales(slug), slug).toEqual([...LOCALES].sort());
  });

  for (const lesson of lessons) {
    const locales = appendixLocales(lesson.slug);
    describe(lesson.slug, () => {
      it('has an appendix in every locale or in none', () => {
        if (locales.length > 0) expect(locales).toEqual([...LOCALES].sort());
      });

      it('links its appendix from the prose in every locale, or links none', () => {
        for (const locale of LOCALES) {
          const mdx = mdxPath(lesson.slug, locale, here);
          const links = existsSync(mdx) ? (readFileSync(mdx, 'utf8').match(LINK) ?? []).length : 0;
          if (locales.length > 0) expect(links, `${locale}.mdx links the appendix`).toBeGreaterThan(0);
          else expect(links, `${locale}.mdx links an appendix the lesson lacks`).toBe(0);
        }
      });

      it.skipIf(locales.length === 0)('places no step in its appendix, and has the same shape in each locale', () => {
        const sources = LOCALES.map((l) => readFileSync(appendixPath(lesson.slug, l, here), 'utf8'));
        for (const [i, source] of sources.entries()) expect(stepIdsInMdx(source), LOCALES[i]).toEqual([]);
        const [first, ...rest] = sources.map(shape);
        for (const other of rest) expect(other).toEqual(first);
      });
    });
  }
});
