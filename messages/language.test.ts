// Language slips a reader notices at once and a catalog check cannot see: Spanish forms in the Galician
// texts (interface, lessons, answers, diagrams), and an interface sentence that says the same words twice
// (issue 24 found "Vale a primeira resposta: a primeira resposta…").
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lessons } from '../lessons/index';
import type { LessonAnswers, LessonDef, Localized } from '../lessons/types';
import gl from './gl.json';
import pt from './pt.json';

const root = path.join(path.dirname(new URL(import.meta.url).pathname), '..');

/**
 * Spanish where Galician has its own word. Galician rounds with "arredondar" ("redondo", round, is
 * Galician too), and a pronoun after an imperative ending in a vowel is "-o", not Spanish "-lo":
 * "iníciao", "mírao" ("pídello", "pásallelos" are Galician: lle + o).
 */
const SPANISH: readonly [RegExp, string][] = [
  [/\bredonde[aoá]\p{L}*/giu, 'arredondar, arredondando, arredondamento'],
  [/(?<![\p{L}])\p{L}*[áéíóú]\p{L}*(?<!l)[aei]l(?:o|a|os|as)(?![\p{L}])/gu, 'imperative + o/a: iníciao, mírao'],
];

function strings(node: unknown, out: string[] = []): string[] {
  if (typeof node === 'string') out.push(node);
  else if (node && typeof node === 'object') for (const v of Object.values(node)) strings(v, out);
  return out;
}

function lessonTexts(lesson: LessonDef): Localized[] {
  return [
    lesson.title,
    lesson.summary,
    ...lesson.steps.flatMap((s) => [s.title, ...Object.values(s.hints)]),
    ...lesson.quiz.flatMap((q) => [q.prompt, ...q.options.map((o) => o.text)]),
  ];
}

/** Every Galician text of the site and the course, with where it is. */
async function galician(): Promise<[string, string][]> {
  const out: [string, string][] = strings(gl).map((t) => ['messages/gl.json', t]);
  for (const lesson of lessons) {
    const dir = path.join(root, 'lessons', lesson.slug);
    for (const t of lessonTexts(lesson)) out.push([`lessons/${lesson.slug}/lesson.ts`, t.gl]);
    if (existsSync(path.join(dir, 'answers.ts'))) {
      const answers = ((await import(`../lessons/${lesson.slug}/answers.ts`)) as { default: LessonAnswers }).default;
      for (const key of Object.values(answers))
        for (const fb of Object.values(key.feedback)) out.push([`lessons/${lesson.slug}/answers.ts`, fb.gl]);
    }
    for (const name of ['gl.mdx', 'appendix.gl.mdx']) {
      const mdx = path.join(dir, name);
      if (existsSync(mdx)) out.push([`lessons/${lesson.slug}/${name}`, readFileSync(mdx, 'utf8')]);
    }
  }
  const diagrams = path.join(root, 'public', 'diagrams');
  for (const f of readdirSync(diagrams).filter((n) => n.endsWith('.gl.svg')))
    out.push([`public/diagrams/${f}`, readFileSync(path.join(diagrams, f), 'utf8')]);
  return out;
}

describe('Galician texts', () => {
  it('use no Spanish forms', async () => {
    const texts = await galician();
    expect(texts.length).toBeGreaterThan(100);
    const found: string[] = [];
    for (const [where, text] of texts)
      for (const [form, instead] of SPANISH)
        for (const m of text.matchAll(form)) found.push(`${where}: "${m[0]}" (Galician: ${instead})`);
    expect(found).toEqual([]);
  });

  it('the check itself finds the forms issue 24 reported', () => {
    const hits = (t: string) => SPANISH.some(([form]) => new RegExp(form.source, form.flags).test(t));
    for (const t of ['redondeando cara abaixo', 'non hai redondeo', 'e redondea', 'Inícialo en modo clase', 'míralo'])
      expect(hits(t), t).toBe(true);
    for (const t of ['arredondando', 'un prato redondo', 'Iníciao', 'pídello ao kernel', 'pásallelos', 'módulos'])
      expect(hits(t), t).toBe(false);
  });
});

/** A run of three words said twice in one sentence of an interface message, or null. */
function repeatedRun(message: string): string | null {
  for (const sentence of message.replace(/\{\w+\}/g, ' ').split(/[.!?]/)) {
    const words = sentence.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
    const first = new Map<string, number>();
    for (let i = 0; i + 3 <= words.length; i++) {
      const run = words.slice(i, i + 3).join(' ');
      const at = first.get(run);
      if (at !== undefined && i - at >= 3) return run;
      if (at === undefined) first.set(run, i);
    }
  }
  return null;
}

describe('interface messages', () => {
  it('never repeat a run of three words within one sentence', () => {
    const found: string[] = [];
    for (const [locale, catalog] of [
      ['pt', pt],
      ['gl', gl],
    ] as const)
      for (const message of strings(catalog)) {
        const run = repeatedRun(message);
        if (run) found.push(`${locale}: "${run}" twice in "${message}"`);
      }
    expect(found).toEqual([]);
    expect(repeatedRun('Vale a primeira resposta: a primeira resposta de cada pergunta é a que conta.')).toBe(
      'a primeira resposta',
    );
  });
});
