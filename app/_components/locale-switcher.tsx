'use client';
// Switches between pt and gl on the same page and remembers the choice for the redirect of `/`.
import { usePathname } from 'next/navigation';
import type { MouseEvent } from 'react';
import { LOCALE_COOKIE, LOCALE_COOKIE_MAX_AGE_S, type Locale, pathForLocale } from '@/lib/locales';
import styles from './site-header.module.css';

export interface LocaleOption {
  readonly locale: Locale;
  readonly code: string;
  readonly name: string;
  readonly readIn: string;
  readonly hrefLang: string;
}

export function LocaleSwitcher({
  current,
  label,
  options,
}: {
  current: Locale;
  label: string;
  options: readonly LocaleOption[];
}) {
  const pathname = usePathname() ?? '/';

  const remember = (locale: Locale) => (event: MouseEvent<HTMLAnchorElement>) => {
    // biome-ignore lint/suspicious/noDocumentCookie: a one-value preference cookie; cookieStore is not in every browser yet
    document.cookie = `${LOCALE_COOKIE}=${locale}; Path=/; Max-Age=${LOCALE_COOKIE_MAX_AGE_S}; SameSite=Lax`;
    // Keep the reader's place: same query and heading anchor (the locales share heading ids).
    const { search, hash } = window.location;
    if (search || hash) event.currentTarget.href = `${pathForLocale(pathname, locale)}${search}${hash}`;
  };

  return (
    <nav aria-label={label} className={styles.switcher}>
      <ul>
        {options.map((o) => (
          <li key={o.locale}>
            <a
              href={pathForLocale(pathname, o.locale)}
              hrefLang={o.hrefLang}
              lang={o.hrefLang}
              title={o.readIn}
              aria-current={o.locale === current ? 'true' : undefined}
              onClick={remember(o.locale)}
            >
              <span aria-hidden="true">{o.code}</span>
              <span className="visually-hidden">{o.name}</span>
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
