// The lesson page's frame, apart from its content: the text (whatever the lesson renders) beside the
// terminal panel. The MDX lessons of the next issue swap the text and keep this.
import type { ReactNode } from 'react';
import { getMessages } from '@/lib/i18n';
import type { Locale } from '@/lib/locales';
import styles from './lesson.module.css';
import { SplitPane } from './split-pane';
import { TerminalPanel } from './terminal/terminal-panel';

export function LessonLayout({
  locale,
  agentPort,
  children,
}: {
  locale: Locale;
  agentPort: number;
  children: ReactNode;
}) {
  const m = getMessages(locale);
  return (
    <SplitPane
      separatorLabel={m.lesson.splitter}
      textLabel={m.lesson.textRegion}
      terminalLabel={m.lesson.terminalRegion}
      text={<div className={styles.textColumn}>{children}</div>}
      terminal={<TerminalPanel agentPort={agentPort} messages={m.terminal} />}
    />
  );
}
