// Density (issue 23): no step is more than a screen of reading from the one before it. A student reads beside
// a terminal and comes back to the text between commands; a long stretch without one is where they stop
// reading. "A screen" is MAX_WORDS words, about 40 lines of the lesson column on a laptop. Reference material
// goes to the lesson's appendix (lessons/appendix.test.ts), which nobody reads in one go.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mdxPath } from '../lib/lessons/load';
import { lessons } from './index';
import { LOCALES } from './types';

const here = path.dirname(new URL(import.meta.url).pathname);
const MAX_WORDS = 450;
const STEP = /<Step id="([^"]+)"\s*\/>/;

/** The words a student reads in each stretch of an MDX text: before the first step, between steps, after the last. */
function stretches(source: string): { from: string; to: string; words: number }[] {
  const parts = source.split(STEP);
  const out: { from: string; to: string; words: number }[] = [];
  let from = '(start)';
  for (let i = 0; i < parts.length; i += 2) {
    const prose = (parts[i] ?? '')
      .replace(/^import .*$/gm, ' ')
      .replace(/<[^>]+>/g, ' ')
      .replace(/[#*`|>-]+/g, ' ');
    const to = parts[i + 1] ?? '(quiz)';
    out.push({ from, to, words: prose.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length });
    from = to;
  }
  return out;
}

describe('lesson density', () => {
  it('counts the words of each stretch between steps', () => {
    expect(
      stretches('import X from "y";\n\nOne two `three`.\n\n<Step id="a" />\n\nFour **five**.\n<Step id="b" />\n'),
    ).toEqual([
      { from: '(start)', to: 'a', words: 3 },
      { from: 'a', to: 'b', words: 2 },
      { from: 'b', to: '(quiz)', words: 0 },
    ]);
  });

  for (const lesson of lessons)
    for (const locale of LOCALES)
      it(`${lesson.slug} (${locale}): every stretch of reading fits a screen (${MAX_WORDS} words)`, () => {
        const long = stretches(readFileSync(mdxPath(lesson.slug, locale, here), 'utf8'))
          .filter((s) => s.words > MAX_WORDS)
          .map((s) => `${s.from} → ${s.to}: ${s.words} words`);
        expect(long).toEqual([]);
      });
});
