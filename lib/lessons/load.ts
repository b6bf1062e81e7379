// Server only: reads a lesson's prose (`lessons/<slug>/<locale>.mdx`) and compiles it with mdx-bundler.
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

export function mdxPath(slug: string, locale: LessonLocale, dir = lessonsDir()): string {
  // The slug comes from the registry, never from the URL unchecked; still, refuse anything but NN-slug.
  if (!/^\d{2}-[a-z0-9-]+$/.test(slug)) throw new Error(`not a lesson slug: ${JSON.stringify(slug)}`);
  return path.join(dir, slug, `${locale}.mdx`);
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
export async function loadLessonMdx(lesson: LessonDef, locale: LessonLocale): Promise<CompiledLesson | null> {
  const file = mdxPath(lesson.slug, locale);
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
    const unknown = unknownStepIds(lesson, source);
    if (unknown.length > 0) {
      throw new Error(`${file}: <Step id> not defined in ${lesson.slug}/lesson.ts: ${unknown.join(', ')}`);
    }
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
