// Locales of the site and how a request picks one. No catalogs here: proxy.ts imports this file and
// must stay small.

export const locales = ['pt', 'gl'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'pt';

/** Remembers the reader's explicit choice (locale switcher) for the redirect of `/`. */
export const LOCALE_COOKIE = 'gaiola-locale';
/** A year: the choice is a preference, not a session. */
export const LOCALE_COOKIE_MAX_AGE_S = 365 * 24 * 60 * 60;

/** BCP 47 tag for `<html lang>` and `hreflang`: the Portuguese of this course is Brazilian. */
export const htmlLang: Record<Locale, string> = { pt: 'pt-BR', gl: 'gl' };

/**
 * The locales Intl formats numbers, dates and times in, for a page language (`htmlLang`'s value). Debian's
 * Chromium carries no Galician locale data: Intl falls back to en-US ("1,234.5", "2:05 PM"). Spanish writes
 * numbers, dates and times as Galician does, so it comes second. (Not for words: Intl's relative times would
 * then be Spanish.)
 */
export function intlLocales(lang: string): string[] {
  return lang === 'gl' ? ['gl', 'es'] : [lang];
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

/**
 * Parses an Accept-Language header into language tags, most preferred first (RFC 9110 §12.5.4).
 * Entries with q=0 ("not acceptable") are dropped; ties keep the header's order.
 */
export function parseAcceptLanguage(header: string | null | undefined): string[] {
  if (!header) return [];
  const entries: { tag: string; q: number; at: number }[] = [];
  header.split(',').forEach((part, at) => {
    const [rawTag, ...params] = part.trim().split(';');
    const tag = rawTag?.trim().toLowerCase();
    if (!tag) return;
    let q = 1;
    for (const p of params) {
      const m = /^\s*q\s*=\s*([0-9.]+)\s*$/i.exec(p);
      if (m?.[1] !== undefined) q = Number.parseFloat(m[1]);
    }
    if (Number.isFinite(q) && q > 0) entries.push({ tag, q, at });
  });
  entries.sort((a, b) => b.q - a.q || a.at - b.at);
  return entries.map((e) => e.tag);
}

/**
 * The locale for a request without one in its path. An explicit earlier choice (cookie) wins; then the
 * first of Galician or Portuguese in the browser's preference order, so `es-ES, gl;q=0.8` (common in
 * Galicia) gets Galician; Spanish alone and everything else get Portuguese.
 */
export function negotiateLocale(acceptLanguage: string | null | undefined, cookie?: string | null): Locale {
  if (isLocale(cookie)) return cookie;
  for (const tag of parseAcceptLanguage(acceptLanguage)) {
    const primary = tag.split('-')[0];
    if (isLocale(primary)) return primary;
  }
  return defaultLocale;
}

/** The same page in another locale: `/pt/01-chroot?x#y` → `/gl/01-chroot?x#y`. */
export function pathForLocale(pathname: string, locale: Locale): string {
  const segments = pathname.split('/');
  // segments[0] is '' for an absolute path.
  if (isLocale(segments[1])) {
    segments[1] = locale;
    return segments.join('/');
  }
  return `/${locale}${pathname === '/' ? '' : pathname}`;
}
