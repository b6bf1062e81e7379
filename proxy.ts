// Sends every path without a locale to one: `/` → `/pt` or `/gl` by the remembered choice (cookie) or
// the browser's Accept-Language; `/01-chroot` → `/pt/01-chroot`. Unknown paths then 404 in that
// language. The negotiation itself is lib/locales.ts (unit-tested).
import { type NextRequest, NextResponse } from 'next/server';
import { isLocale, LOCALE_COOKIE, negotiateLocale } from './lib/locales';

export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  if (isLocale(pathname.split('/')[1])) return NextResponse.next();
  const locale = negotiateLocale(request.headers.get('accept-language'), request.cookies.get(LOCALE_COOKIE)?.value);
  const url = request.nextUrl.clone();
  url.pathname = `/${locale}${pathname === '/' ? '' : pathname}`;
  const response = NextResponse.redirect(url, 307);
  response.headers.set('Vary', 'Accept-Language, Cookie');
  return response;
}

export const config = {
  // Not for Next's own files or anything with an extension (public/: gaiola.svg, robots.txt, …).
  matcher: ['/((?!_next/|api/|.*\\..*).*)'],
};
