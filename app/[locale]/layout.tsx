// The root layout: one per locale, so `<html lang>` is right from the first byte.
import type { Metadata, Viewport } from 'next';
import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { getMessages } from '@/lib/i18n';
import { htmlLang, isLocale, locales } from '@/lib/locales';
import '../globals.css';

/** Only pt and gl exist; proxy.ts sends every other path to one of them. */
export const dynamicParams = false;

export function generateStaticParams() {
  return locales.map((locale) => ({ locale }));
}

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const m = getMessages(locale).meta;
  return {
    title: { default: m.title, template: `%s · ${m.title}` },
    description: m.description,
    icons: { icon: { url: '/gaiola.svg', type: 'image/svg+xml' } },
    alternates: { languages: Object.fromEntries(locales.map((l) => [htmlLang[l], `/${l}`])) },
  };
}

export const viewport: Viewport = {
  colorScheme: 'light dark',
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#f8f7f3' },
    { media: '(prefers-color-scheme: dark)', color: '#121418' },
  ],
};

export default async function LocaleLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ locale: string }>;
}) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  const m = getMessages(locale);
  return (
    <html lang={htmlLang[locale]}>
      <body>
        <a className="skip-link" href="#main">
          {m.header.skipToContent}
        </a>
        {children}
      </body>
    </html>
  );
}
