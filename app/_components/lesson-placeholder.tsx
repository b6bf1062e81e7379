// Placeholder lesson text until the MDX lessons arrive: an invitation to try the shell.
import Link from 'next/link';
import { type LessonEntry, lessons } from '@/lessons/index';
import { format, getMessages } from '@/lib/i18n';
import type { Locale } from '@/lib/locales';
import styles from './lesson.module.css';

export function LessonPlaceholder({ locale, lesson, index }: { locale: Locale; lesson: LessonEntry; index: number }) {
  const m = getMessages(locale).lesson;
  const tries: { command: string; what: string }[] = [
    { command: 'hostname', what: m.tryHostname },
    { command: 'ps ax', what: m.tryPs },
    { command: 'id', what: m.tryId },
  ];
  const previous = lessons[index - 1];
  const next = lessons[index + 1];
  return (
    <article className={styles.article}>
      <p className={styles.kicker}>{format(m.position, { n: index + 1, total: lessons.length })}</p>
      <h1>{lesson.title[locale]}</h1>
      <p>{m.placeholder}</p>
      <ul className={styles.tries}>
        {tries.map((t) => (
          <li key={t.command}>
            <code translate="no">{t.command}</code>
            <span>{t.what}</span>
          </li>
        ))}
      </ul>
      {previous || next ? (
        <nav className={styles.pager} aria-label={m.navLabel}>
          {previous ? (
            <Link href={`/${locale}/${previous.slug}`} rel="prev" className={styles.prev}>
              <span className={styles.pagerLabel}>← {m.previous}</span>
              <span>{previous.title[locale]}</span>
            </Link>
          ) : (
            <span />
          )}
          {next ? (
            <Link href={`/${locale}/${next.slug}`} rel="next" className={styles.next}>
              <span className={styles.pagerLabel}>{m.next} →</span>
              <span>{next.title[locale]}</span>
            </Link>
          ) : null}
        </nav>
      ) : null}
    </article>
  );
}
