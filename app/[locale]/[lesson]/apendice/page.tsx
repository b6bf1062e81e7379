// A lesson's appendix: the reference material the lesson links to (lesson 12's map of config.json, lesson 13's
// lists of Docker and Kubernetes options), from lessons/<slug>/appendix.<locale>.mdx. A page to read beside the
// lesson, without terminals: the lesson opens it in a tab of its own. A lesson without one has no such page.
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { mdxComponent } from '@/app/_components/lesson/lesson-article';
import styles from '@/app/_components/lesson/lesson-parts.module.css';
import { lessonComponents } from '@/app/_components/lesson/mdx-components';
import pageStyles from '@/app/_components/lesson.module.css';
import { SiteHeader } from '@/app/_components/site-header';
import { findLesson } from '@/lessons/index';
import { hostCgroupVersion } from '@/lib/host-cgroup';
import { format, getMessages } from '@/lib/i18n';
import { lessonHref } from '@/lib/lessons/appendix';
import { loadAppendixMdx } from '@/lib/lessons/load';
import { isLocale } from '@/lib/locales';

type Params = Promise<{ locale: string; lesson: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale, lesson } = await params;
  const found = isLocale(locale) ? findLesson(lesson) : undefined;
  return found && isLocale(locale)
    ? { title: format(getMessages(locale).lesson.appendix.title, { title: found.lesson.title[locale] }) }
    : {};
}

export default async function AppendixPage({ params }: { params: Params }) {
  const { locale, lesson: slug } = await params;
  const found = findLesson(slug);
  if (!isLocale(locale) || !found) notFound();
  await connection();
  const compiled = await loadAppendixMdx(found.lesson, locale);
  if (!compiled) notFound();
  const m = getMessages(locale);
  const a = m.lesson.appendix;
  const title = format(a.title, { title: found.lesson.title[locale] });
  const Content = mdxComponent(compiled);
  return (
    <>
      <SiteHeader locale={locale} title={found.lesson.title[locale]} />
      <main id="main" className={pageStyles.textColumn}>
        <article className={pageStyles.article} data-appendix={slug}>
          <p className={pageStyles.kicker}>{format(a.kicker, { n: found.index + 1 })}</p>
          <h1>{title}</h1>
          <p>
            <Link href={lessonHref(locale, slug)} data-testid="appendix-back">
              ← {a.back}: {found.lesson.title[locale]}
            </Link>
          </p>
          <div className={styles.prose}>
            <Content components={lessonComponents(found.lesson, locale, m, hostCgroupVersion())} />
          </div>
        </article>
      </main>
    </>
  );
}
