// The 404 page, in the language of the path it was asked for (the root param survives notFound()).
import Link from 'next/link';
import { locale as rootLocale } from 'next/root-params';
import { SiteHeader } from '@/app/_components/site-header';
import { getMessages } from '@/lib/i18n';
import { defaultLocale, isLocale } from '@/lib/locales';
import styles from './not-found.module.css';

export default async function NotFound() {
  const param: unknown = await rootLocale();
  const locale = isLocale(param) ? param : defaultLocale;
  const m = getMessages(locale).notFound;
  return (
    <>
      <SiteHeader locale={locale} />
      <main id="main" className={styles.main}>
        <p className={styles.code}>404</p>
        <h1>{m.title}</h1>
        <p>{m.body}</p>
        <p>
          <Link href={`/${locale}`}>{m.back}</Link>
        </p>
      </main>
    </>
  );
}
