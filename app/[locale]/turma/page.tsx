// The class join page (`/pt/turma?codigo=ACDEFG`, the link and QR code the instructor shows): a class
// code and a display name. Rendered per request for the agent's port or path; the code in the URL prefills the
// form, and the student's identity stays in the browser.
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { JoinForm } from '@/app/_components/class/join-form';
import { SiteHeader } from '@/app/_components/site-header';
import { pageAgent } from '@/lib/agent/config';
import { getMessages } from '@/lib/i18n';
import { isLocale } from '@/lib/locales';
import styles from '../home.module.css';

type Params = Promise<{ locale: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale } = await params;
  return isLocale(locale) ? { title: getMessages(locale).class.join.title } : {};
}

export default async function JoinPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  await connection();
  const codigo = (await searchParams).codigo;
  const initialCode = (Array.isArray(codigo) ? codigo[0] : codigo)?.slice(0, 32) ?? '';
  const m = getMessages(locale).class.join;
  return (
    <>
      <SiteHeader locale={locale} title={m.title} />
      <main id="main" className={styles.main}>
        <h1>{m.title}</h1>
        <p className={styles.intro}>{m.intro}</p>
        <JoinForm agent={pageAgent(process.env)} courseHref={`/${locale}`} initialCode={initialCode} messages={m} />
      </main>
    </>
  );
}
