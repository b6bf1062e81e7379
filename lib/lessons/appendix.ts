// Where a lesson's appendix lives on the site: `/pt/12-oci-runc/apendice`, under the lesson's own path.
// One word for both locales (pt apêndice, gl apéndice), written without its accent as a URL segment.
import type { Locale } from '@/lib/locales';

export const APPENDIX_SEGMENT = 'apendice';

export function lessonHref(locale: Locale, slug: string): string {
  return `/${locale}/${slug}`;
}

export function appendixHref(locale: Locale, slug: string): string {
  return `${lessonHref(locale, slug)}/${APPENDIX_SEGMENT}`;
}
