// The course index: what gaiola is and the lessons in order.
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { SiteHeader } from '@/app/_components/site-header';
import { lessons } from '@/lessons/index';
import { format, getMessages } from '@/lib/i18n';
import { isLocale } from '@/lib/locales';
import styles from './home.module.css';

export default async function CourseIndex({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  const m = getMessages(locale).home;
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
        <h2 className={styles.heading}>{m.lessonsHeading}</h2>
        <ol className={styles.lessons}>
          {lessons.map((lesson, i) => (
            <li key={lesson.slug}>
              <Link href={`/${locale}/${lesson.slug}`}>
                <span className={styles.number}>{format(m.lessonNumber, { n: i + 1 })}</span>
                <span className={styles.title}>{lesson.title[locale]}</span>
              </Link>
            </li>
          ))}
        </ol>
      </main>
    </>
  );
}
