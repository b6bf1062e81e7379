// The course index: what gaiola is and the lessons in order, each with what it asks (steps, questions)
// and, fetched by the browser from the agent, how far this student got. Rendered per request only for
// the agent's port or path (runtime environment); nothing about the student is in the HTML.
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { ClassBanner } from '@/app/_components/course/class-banner';
import { CourseProgressProvider, LessonBadge, ProgressNote } from '@/app/_components/course/course-progress';
import { CodeText } from '@/app/_components/lesson/code-text';
import { SiteHeader } from '@/app/_components/site-header';
import { lessons } from '@/lessons/index';
import { pageAgent } from '@/lib/agent/config';
import { format, getMessages } from '@/lib/i18n';
import { hintParts } from '@/lib/lessons/hint';
import { isLocale } from '@/lib/locales';
import styles from './home.module.css';

export default async function CourseIndex({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  await connection();
  const agent = pageAgent(process.env);
  const m = getMessages(locale).home;
  const badge = { label: m.progressLabel, steps: m.progressSteps, quiz: m.progressQuiz, complete: m.progressComplete };
  return (
    <>
      <SiteHeader locale={locale} />
      <main id="main" className={styles.main}>
        <div className={styles.hero}>
          {/* biome-ignore lint/performance/noImgElement: a 1 KB static SVG; next/image adds nothing here */}
          <img src="/gaiola.svg" alt="" width={56} height={56} className={styles.logo} />
          <h1>gaiola</h1>
          <p className={styles.tagline}>{m.tagline}</p>
        </div>
        <p className={styles.intro}>{m.intro}</p>
        <ClassBanner
          agent={agent}
          joinHref={`/${locale}/turma`}
          labels={{ join: m.classJoin, joinLink: m.classJoinLink, joinedAs: m.classJoinedAs }}
        />
        <h2 className={styles.heading}>{m.lessonsHeading}</h2>
        <CourseProgressProvider agent={agent}>
          <ol className={styles.lessons}>
            {lessons.map((lesson, i) => (
              <li key={lesson.slug} data-testid={`lesson-${lesson.slug}`}>
                {/* Named by its number, title and progress; the summary and counts are its description, so a
                    screen reader tabbing down the list hears each lesson's title, not a paragraph per link. */}
                <Link
                  href={`/${locale}/${lesson.slug}`}
                  aria-labelledby={`${lesson.slug}-number ${lesson.slug}-title ${lesson.slug}-progress`}
                  aria-describedby={`${lesson.slug}-summary ${lesson.slug}-meta`}
                >
                  <span id={`${lesson.slug}-number`} className={styles.number}>
                    {format(m.lessonNumber, { n: i + 1 })}
                  </span>
                  <span id={`${lesson.slug}-title`} className={styles.title}>
                    {lesson.title[locale]}
                  </span>
                  <span id={`${lesson.slug}-summary`} className={styles.summary}>
                    {/* `backticks` are commands: shown as code, never translated nor read as prose. */}
                    <CodeText parts={hintParts(lesson.summary[locale], {})} />
                  </span>
                  <span id={`${lesson.slug}-meta`} className={styles.meta}>
                    {format(m.stepCount, { n: lesson.steps.length })}
                    {lesson.quiz.length > 0 ? ` · ${format(m.questionCount, { n: lesson.quiz.length })}` : null}
                  </span>
                  <LessonBadge
                    id={`${lesson.slug}-progress`}
                    slug={lesson.slug}
                    totals={{ stepIds: lesson.steps.map((s) => s.id), questionIds: lesson.quiz.map((q) => q.id) }}
                    labels={badge}
                  />
                </Link>
              </li>
            ))}
          </ol>
          <ProgressNote text={m.progressUnavailable} />
        </CourseProgressProvider>
      </main>
    </>
  );
}
