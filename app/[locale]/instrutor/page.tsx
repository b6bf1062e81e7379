// The instructor's page (`/pt/instrutor#t=TOKEN`, the link the agent prints in class mode). The server
// renders the frame and the course outline in the page's language; the token never reaches the server
// (it is in the fragment) and everything about the class is asked of the agent by the browser.
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import styles from '@/app/_components/class/class.module.css';
import { InstructorView } from '@/app/_components/class/instructor-view';
import type { LessonOutline } from '@/app/_components/class/types';
import { localHints } from '@/app/_components/lesson/step';
import { SiteHeader } from '@/app/_components/site-header';
import { lessons } from '@/lessons/index';
import { pageAgent } from '@/lib/agent/config';
import { getMessages } from '@/lib/i18n';
import { htmlLang, isLocale } from '@/lib/locales';

type Params = Promise<{ locale: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  // Nothing here is for search engines, and the referrer must never carry this page's URL anywhere.
  return {
    title: getMessages(locale).class.instructor.title,
    robots: { index: false, follow: false },
    referrer: 'no-referrer',
  };
}

export default async function InstructorPage({ params }: { params: Params }) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  await connection();
  const m = getMessages(locale).class.instructor;
  // Titles, step titles and option texts: no answers (those live in answers.ts, which only the agent reads).
  const outline: LessonOutline[] = lessons.map((lesson, i) => ({
    slug: lesson.slug,
    number: i + 1,
    title: lesson.title[locale],
    steps: lesson.steps.map((s) => ({ id: s.id, title: s.title[locale], hints: localHints(s, locale) })),
    questions: lesson.quiz.map((q) => ({
      id: q.id,
      options: q.options.map((o) => ({ id: o.id, text: o.text[locale] })),
    })),
  }));
  return (
    <>
      <SiteHeader locale={locale} title={m.title} />
      <main id="main" className={styles.instructorMain}>
        <h1 className="visually-hidden">{m.title}</h1>
        <InstructorView
          agent={pageAgent(process.env)}
          locale={locale}
          lang={htmlLang[locale]}
          outline={outline}
          messages={m}
        />
      </main>
    </>
  );
}
