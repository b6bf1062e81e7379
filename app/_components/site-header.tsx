// The top bar: the course name (home link), the current lesson's title, the locale switcher.
import Link from 'next/link';
import { getMessages } from '@/lib/i18n';
import { htmlLang, type Locale, locales } from '@/lib/locales';
import { type LocaleOption, LocaleSwitcher } from './locale-switcher';
import styles from './site-header.module.css';

export function SiteHeader({ locale, title }: { locale: Locale; title?: string }) {
  const m = getMessages(locale).header;
  const options: LocaleOption[] = locales.map((l) => ({
    locale: l,
    code: m.languageCodes[l],
    name: m.languageNames[l],
    readIn: m.readIn[l],
    hrefLang: htmlLang[l],
  }));
  return (
    <header className={styles.header}>
      <Link href={`/${locale}`} className={styles.brand} aria-label={m.home}>
        {/* biome-ignore lint/performance/noImgElement: a 1 KB static SVG; next/image adds nothing here */}
        <img src="/gaiola.svg" alt="" width={22} height={22} />
        <span>gaiola</span>
      </Link>
      {title ? (
        <>
          <span className={styles.sep} aria-hidden="true">
            /
          </span>
          <span className={styles.title}>{title}</span>
        </>
      ) : null}
      <LocaleSwitcher current={locale} label={m.languageLabel} options={options} />
    </header>
  );
}
