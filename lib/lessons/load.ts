// Server only: reads a lesson's prose (`lessons/<slug>/<locale>.mdx`) and its appendix, if it has one
// (`lessons/<slug>/appendix.<locale>.mdx`: reference material a reader looks up rather than reads in
// order), and compiles them with mdx-bundler.
// The result is cached in memory per file and modification time, so an edited lesson shows on the next
// request without a rebuild and an unchanged one compiles once per process. The MDX refers to steps by
// id (`<Step id="…" />`); an id the lesson does not define is an error here, before anything renders.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { LessonDef, LessonLocale } from '@/lessons/types';

export interface CompiledLesson {
  /** mdx-bundler's output: the body of a function returning the MDX module (see getMDXComponent). */
  readonly code: string;
  readonly frontmatter: Readonly<Record<string, unknown>>;
  /** The step ids the prose places, in order. */
  readonly stepIds: readonly string[];
  readonly file: string;
}

/** Where lesson folders live: `lessons/` of the site's working directory (`GAIOLA_LESSONS_DIR` in tests). */
export function lessonsDir(): string {
  return process.env.GAIOLA_LESSONS_DIR || path.join(process.cwd(), 'lessons');
}

function lessonFolder(slug: string, dir: string): string {
  // The slug comes from the registry, never from the URL unchecked; still, refuse anything but NN-slug.
  if (!/^\d{2}-[a-z0-9-]+$/.test(slug)) throw new Error(`not a lesson slug: ${JSON.stringify(slug)}`);
  return path.join(dir, slug);
}

export function mdxPath(slug: string, locale: LessonLocale, dir = lessonsDir()): string {
  return path.join(lessonFolder(slug, dir), `${locale}.mdx`);
}

/** A lesson's appendix in `locale`: reference material (option lists, maps) the lesson links to. */
export function appendixPath(slug: string, locale: LessonLocale, dir = lessonsDir()): string {
  return path.join(lessonFolder(slug, dir), `appendix.${locale}.mdx`);
}

/** `<Step id="x" />` and `<Step id='x'>` in MDX source, in order. */
export function stepIdsInMdx(source: string): string[] {
  return [...source.matchAll(/<Step\s+id\s*=\s*(?:"([^"]*)"|'([^']*)'|\{\s*["']([^"']*)["']\s*\})/g)].map(
    (m) => m[1] ?? m[2] ?? m[3] ?? '',
  );
}

/** The step ids of `source` that `lesson` does not define: a typo would otherwise render nothing. */
export function unknownStepIds(lesson: LessonDef, source: string): string[] {
  const known = new Set(lesson.steps.map((s) => s.id));
  return stepIdsInMdx(source).filter((id) => !known.has(id));
}

export async function compileMdx(source: string, file: string): Promise<{ code: string; frontmatter: object }> {
  // Loaded here, not at the top: esbuild is a native binary the site needs only when a lesson compiles.
  const { bundleMDX } = await import('mdx-bundler');
  const result = await bundleMDX({ source, cwd: path.dirname(file) });
  return { code: result.code, frontmatter: result.frontmatter };
}

interface CacheEntry {
  readonly mtimeMs: number;
  readonly size: number;
  readonly result: Promise<CompiledLesson>;
}

const cache = new Map<string, CacheEntry>();

/**
 * The compiled prose of `lesson` in `locale`, or null when that file does not exist (yet). Throws when
 * the file names a step the lesson lacks or does not compile.
 */
export function loadLessonMdx(lesson: LessonDef, locale: LessonLocale): Promise<CompiledLesson | null> {
  return loadMdx(mdxPath(lesson.slug, locale), (source) => {
    const unknown = unknownStepIds(lesson, source);
    return unknown.length > 0 ? `<Step id> not defined in ${lesson.slug}/lesson.ts: ${unknown.join(', ')}` : '';
  });
}

/**
 * The compiled appendix of `lesson` in `locale`, or null when the lesson has none. Throws when it places a
 * step: a step is done beside its text, in the lesson, never in an appendix.
 */
export function loadAppendixMdx(lesson: LessonDef, locale: LessonLocale): Promise<CompiledLesson | null> {
  return loadMdx(appendixPath(lesson.slug, locale), (source) => {
    const placed = stepIdsInMdx(source);
    return placed.length > 0 ? `<Step id> in an appendix (a step belongs in the lesson): ${placed.join(', ')}` : '';
  });
}

/** `refuse` names what is wrong with a file's source, or gives '' for a file that may compile. */
async function loadMdx(file: string, refuse: (source: string) => string): Promise<CompiledLesson | null> {
  let info: { mtimeMs: number; size: number };
  try {
    info = await stat(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  const hit = cache.get(file);
  if (hit && hit.mtimeMs === info.mtimeMs && hit.size === info.size) return hit.result;

  const result = (async (): Promise<CompiledLesson> => {
    const source = await readFile(file, 'utf8');
    const wrong = refuse(source);
    if (wrong) throw new Error(`${file}: ${wrong}`);
    const { code, frontmatter } = await compileMdx(source, file);
    return { code, frontmatter: frontmatter as Record<string, unknown>, stepIds: stepIdsInMdx(source), file };
  })();
  cache.set(file, { mtimeMs: info.mtimeMs, size: info.size, result });
  // A failed compile is not kept: the next request (after the author's fix) tries again.
  result.catch(() => {
    if (cache.get(file)?.result === result) cache.delete(file);
  });
  return result;
}
