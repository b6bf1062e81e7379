// The components a lesson's MDX may use, bound to the lesson, the page's locale and the host's cgroup
// version: `<Step id>`, `<Diagram name alt>`, `<Note>`, `<Warning>`, `<CgroupV1>`/`<CgroupV2>`, `<Panel section>` (a
// pointer at the Kernel panel), `<Appendix>` (a link to the lesson's appendix, in a tab of its own so the
// terminals stay), and code (inline and fenced) marked `translate="no"` so
// a browser's page translation never rewrites a command.

import { PANEL_SECTION_IDS, type PanelSectionId } from '@protocol';
import type { ComponentPropsWithoutRef, ReactNode } from 'react';
import type { CgroupVersion, LessonDef } from '@/lessons/types';
import type { Messages } from '@/lib/i18n';
import { appendixHref } from '@/lib/lessons/appendix';
import type { Locale } from '@/lib/locales';
import { format } from '@/lib/template';
import styles from './lesson-parts.module.css';
import { PanelLink } from './panel-link';
import { Step } from './step';

/** Diagram names are file names in public/diagrams/: `<name>.<locale>.svg`. */
const DIAGRAM_NAME = /^[a-z0-9][a-z0-9-]*$/;

export function Diagram({ name, alt, locale }: { name: string; alt: string; locale: Locale }) {
  if (!DIAGRAM_NAME.test(name)) throw new Error(`<Diagram name="${name}">: use lowercase letters, digits and -`);
  if (!alt) throw new Error(`<Diagram name="${name}">: alt is required`);
  return (
    <figure className={styles.diagram}>
      {/* biome-ignore lint/performance/noImgElement: static SVGs from public/diagrams; next/image adds nothing here */}
      <img src={`/diagrams/${name}.${locale}.svg`} alt={alt} loading="lazy" />
    </figure>
  );
}

function Callout({ kind, label, children }: { kind: 'note' | 'warning'; label: string; children: ReactNode }) {
  return (
    <aside className={`${styles.callout} ${kind === 'warning' ? styles.warning : styles.note}`} data-kind={kind}>
      <p className={styles.calloutLabel}>{label}</p>
      {children}
    </aside>
  );
}

/**
 * MDX receives its components only through this map, so they are bound here to the lesson and locale of
 * the request. They are server components without state, rendered once per request: a new identity
 * per call costs nothing.
 */
export function lessonComponents(lesson: LessonDef, locale: Locale, m: Messages, cgroup: CgroupVersion) {
  return {
    // biome-ignore lint/correctness/noComponentHookFactories: bound per request, stateless server component (see above)
    Step: ({ id }: { id: string }) => <Step lesson={lesson} id={id} locale={locale} m={m} cgroup={cgroup} />,
    // Text for one cgroup version only: the file names and rules of the host the student is on.
    // biome-ignore lint/correctness/noComponentHookFactories: bound per request, stateless server component
    CgroupV1: ({ children }: { children?: ReactNode }) => (cgroup === 'v1' ? children : null),
    // biome-ignore lint/correctness/noComponentHookFactories: bound per request, stateless server component
    CgroupV2: ({ children }: { children?: ReactNode }) => (cgroup === 'v2' ? children : null),
    // biome-ignore lint/correctness/noComponentHookFactories: bound per request, stateless server component
    Diagram: ({ name, alt }: { name: string; alt: string }) => <Diagram name={name} alt={alt} locale={locale} />,
    // biome-ignore lint/correctness/noComponentHookFactories: bound per request, stateless server component
    Note: ({ children }: { children?: ReactNode }) => (
      <Callout kind="note" label={m.lesson.note}>
        {children}
      </Callout>
    ),
    // biome-ignore lint/correctness/noComponentHookFactories: bound per request, stateless server component
    Warning: ({ children }: { children?: ReactNode }) => (
      <Callout kind="warning" label={m.lesson.warning}>
        {children}
      </Callout>
    ),
    // A pointer at the Kernel panel: `<Panel section="processes">look at the UTS badge now</Panel>`.
    // biome-ignore lint/correctness/noComponentHookFactories: bound per request, stateless server component
    Panel: ({ section, children }: { section: string; children?: ReactNode }) => {
      if (!PANEL_SECTION_IDS.includes(section as PanelSectionId))
        throw new Error(`<Panel section="${section}">: one of ${PANEL_SECTION_IDS.join(', ')}`);
      const name = m.panel.section[section as PanelSectionId];
      return (
        <PanelLink
          section={section as PanelSectionId}
          label={m.lesson.panel}
          button={format(m.lesson.panelOpen, { section: name })}
        >
          {children}
        </PanelLink>
      );
    },
    // The words of the link are the prose's: `<Appendix>o apêndice desta lição</Appendix>`.
    // biome-ignore lint/correctness/noComponentHookFactories: bound per request, stateless server component
    Appendix: ({ children }: { children?: ReactNode }) => (
      <a href={appendixHref(locale, lesson.slug)} target="_blank" rel="noopener" data-testid="appendix-link">
        {children} {m.lesson.appendix.newTab}
      </a>
    ),
    pre: (props: ComponentPropsWithoutRef<'pre'>) => <pre {...props} className={styles.pre} translate="no" />,
    code: (props: ComponentPropsWithoutRef<'code'>) => <code {...props} translate="no" />,
  };
}
