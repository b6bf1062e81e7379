// The ordered lesson registry: adding a lesson means adding its folder and one line here.
import chroot from './01-chroot/lesson';
import unshare from './02-unshare/lesson';
import namespaces from './03-namespaces/lesson';
import userNamespaces from './04-user-namespaces/lesson';
import type { LessonDef } from './types';

export const lessons: readonly LessonDef[] = [chroot, unshare, namespaces, userNamespaces];

export function findLesson(slug: string): { lesson: LessonDef; index: number } | undefined {
  const index = lessons.findIndex((l) => l.slug === slug);
  const lesson = lessons[index];
  return lesson ? { lesson, index } : undefined;
}

/** @deprecated name kept for the site's placeholder; use LessonDef. */
export type LessonEntry = LessonDef;
