// The lesson page's frame, apart from its content: the text (whatever the lesson renders) beside the
// terminal panel, with the Kernel panel under the terminals; all inside the page's lesson store
// (LessonProvider), which the terminals feed and the steps, the quiz and the Kernel panel read.
// The text sits in a Suspense boundary of its own (nothing in it suspends; the HTML is the same): React then
// hydrates the frame with the terminals first and runs their effects, so the terminal starts its connection
// before the lesson's many steps and the quiz have hydrated, not after (issue 18).
import { type ReactNode, Suspense } from 'react';
import { findLesson } from '@/lessons/index';
import type { PageAgent } from '@/lib/agent/config';
import { getMessages } from '@/lib/i18n';
import { htmlLang, type Locale } from '@/lib/locales';
import { KernelPanelHost } from './kernel-panel/kernel-panel-host';
import { LessonProvider } from './lesson/lesson-provider';
import { PaneSteps } from './lesson/pane-steps';
import styles from './lesson.module.css';
import { SplitPane } from './split-pane';
import { TerminalPanel } from './terminal/terminal-panel';

export function LessonLayout({
  locale,
  agent,
  slug,
  children,
}: {
  locale: Locale;
  agent: PageAgent;
  slug: string;
  children: ReactNode;
}) {
  const m = getMessages(locale);
  const steps = (findLesson(slug)?.lesson.steps ?? []).map((step, i) => ({
    id: step.id,
    n: i + 1,
    title: step.title[locale].replaceAll('`', ''),
  }));
  return (
    <LessonProvider slug={slug} locale={locale} agent={agent}>
      <SplitPane
        separatorLabel={m.lesson.splitter}
        textLabel={m.lesson.textRegion}
        terminalLabel={m.lesson.terminalRegion}
        paneLabels={m.lesson.panes}
        steps={<PaneSteps steps={steps} labels={m.lesson.panes} />}
        text={
          <div className={styles.textColumn}>
            <Suspense>{children}</Suspense>
          </div>
        }
        terminal={
          <div className={styles.terminalColumn}>
            <div className={styles.terminalBox}>
              <TerminalPanel agent={agent} messages={m.terminal} joinHref={`/${locale}/turma`} />
            </div>
            <KernelPanelHost messages={m.panel} lang={htmlLang[locale]} />
          </div>
        }
      />
    </LessonProvider>
  );
}
