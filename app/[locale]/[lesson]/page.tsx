// A lesson: text beside two terminals. Rendered per request so the agent's port or path comes from the
// environment the site runs in, not the one it was built in, and an edited lesson file shows on reload.
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { LessonArticle } from '@/app/_components/lesson/lesson-article';
import { LessonLayout } from '@/app/_components/lesson-layout';
import { SiteHeader } from '@/app/_components/site-header';
import { findLesson } from '@/lessons/index';
import { pageAgent } from '@/lib/agent/config';
import { earlySessionScript } from '@/lib/agent/early-session';
import { hostCgroupVersion } from '@/lib/host-cgroup';
import { loadLessonMdx } from '@/lib/lessons/load';
import { isLocale } from '@/lib/locales';

type Params = Promise<{ locale: string; lesson: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale, lesson } = await params;
  const found = isLocale(locale) ? findLesson(lesson) : undefined;
  return found && isLocale(locale)
    ? { title: found.lesson.title[locale], description: found.lesson.summary[locale].replaceAll('`', '') }
    : {};
}

export default async function LessonPage({ params }: { params: Params }) {
  const { locale, lesson: slug } = await params;
  const found = findLesson(slug);
  if (!isLocale(locale) || !found) notFound();
  await connection();
  const agent = pageAgent(process.env);
  const compiled = await loadLessonMdx(found.lesson, locale);
  return (
    <>
      {/* The session request leaves while the page parses, not after hydration (lib/agent/early-session.ts). */}
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: constants and the validated agent port or path, no request data */}
      <script dangerouslySetInnerHTML={{ __html: earlySessionScript(agent) }} />
      <SiteHeader locale={locale} title={found.lesson.title[locale]} />
      <main id="main">
        <LessonLayout locale={locale} agent={agent} slug={found.lesson.slug}>
          <LessonArticle
            lesson={found.lesson}
            index={found.index}
            locale={locale}
            compiled={compiled}
            cgroup={hostCgroupVersion()}
          />
        </LessonLayout>
      </main>
    </>
  );
}
