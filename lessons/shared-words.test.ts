// Commands, names and code are the same on the Brazilian Portuguese and the Galician page, so they use no
// word that only one language has: a Galician word in a command (`hostname proba`) reads as a typo to a
// Brazilian student (issue 23, item 8). The one exception is the seeds' `contedor-a-man`, which lesson 02
// quotes and later lessons refer back to.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lessons } from './index';
import type { LessonAnswers, LessonDef } from './types';

const here = path.dirname(new URL(import.meta.url).pathname);
const diagrams = path.join(here, '..', 'public', 'diagrams');

/** Galician words a Brazilian reader takes for typos (pt: prova, contêiner, olá, à mão). */
const GALICIAN_ONLY = /\b(proba|contedor|ola|a-man)\b/i;
/** The seeds' host name, quoted as it is. */
const SEED = /contedor-a-man/g;

/** The code spans and fenced blocks of a Markdown text: what a student types or reads as a name. */
function codeOf(text: string): string[] {
  return [...text.matchAll(/```[\s\S]*?```|`[^`\n]+`/g)].map((m) => m[0]);
}

function offending(code: string): boolean {
  return GALICIAN_ONLY.test(code.replace(SEED, ''));
}

async function answersOf(slug: string): Promise<LessonAnswers | null> {
  if (!existsSync(path.join(here, slug, 'answers.ts'))) return null;
  return ((await import(`./${slug}/answers.ts`)) as { default: LessonAnswers }).default;
}

/** Everything of a lesson the Portuguese page shows as code, with where it is. */
async function sharedCode(lesson: LessonDef): Promise<[string, string][]> {
  const out: [string, string][] = [];
  for (const step of lesson.steps) {
    for (const c of step.commands) out.push([`step ${step.id} command`, c.text]);
    if (step.check.params) out.push([`step ${step.id} check params`, JSON.stringify(step.check.params)]);
    for (const [key, hint] of Object.entries(step.hints))
      for (const code of codeOf(hint.pt)) out.push([`step ${step.id} hint ${key}`, code]);
  }
  for (const q of lesson.quiz) {
    for (const code of codeOf(q.prompt.pt)) out.push([`quiz ${q.id} prompt`, code]);
    for (const o of q.options) for (const code of codeOf(o.text.pt)) out.push([`quiz ${q.id} option ${o.id}`, code]);
  }
  const answers = await answersOf(lesson.slug);
  for (const [qid, a] of Object.entries(answers ?? {}))
    for (const [oid, f] of Object.entries(a.feedback))
      for (const code of codeOf(f.pt)) out.push([`quiz ${qid} feedback ${oid}`, code]);
  for (const name of ['pt.mdx', 'appendix.pt.mdx']) {
    const mdx = path.join(here, lesson.slug, name);
    if (existsSync(mdx)) for (const code of codeOf(readFileSync(mdx, 'utf8'))) out.push([name, code]);
  }
  return out;
}

describe('commands and names shared by both languages', () => {
  for (const lesson of lessons) {
    it(`${lesson.slug}: use no Galician-only word (the seeds' contedor-a-man aside)`, async () => {
      const found = (await sharedCode(lesson)).filter(([, code]) => offending(code)).map(([w, c]) => `${w}: ${c}`);
      expect(found).toEqual([]);
    });
  }

  it('the Portuguese diagrams name nothing in Galician (the seeds aside)', () => {
    const found = readdirSync(diagrams)
      .filter((f) => f.endsWith('.pt.svg'))
      .flatMap((f) =>
        readFileSync(path.join(diagrams, f), 'utf8')
          .split('\n')
          .filter((line) => offending(line))
          .map((line) => `${f}: ${line.trim().slice(0, 120)}`),
      );
    expect(found).toEqual([]);
  });
});
