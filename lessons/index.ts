// The ordered lesson registry (placeholder until the MDX lessons arrive): slug and title per locale.
// The site builds its index, its routes and its previous/next links from this list alone.

export interface LessonEntry {
  /** URL segment and folder name, `NN-slug`. */
  readonly slug: string;
  readonly title: { readonly pt: string; readonly gl: string };
}

export const lessons: readonly LessonEntry[] = [
  {
    slug: '01-chroot',
    title: {
      pt: 'chroot: uma jaula no sistema de arquivos',
      gl: 'chroot: unha gaiola no sistema de ficheiros',
    },
  },
  {
    slug: '02-unshare',
    title: { pt: 'Namespaces: PID e UTS', gl: 'Namespaces: PID e UTS' },
  },
];

export function findLesson(slug: string): { lesson: LessonEntry; index: number } | undefined {
  const index = lessons.findIndex((l) => l.slug === slug);
  const lesson = lessons[index];
  return lesson ? { lesson, index } : undefined;
}
