// A lesson's text column: where it is in the course, its title, the progress line, the prose (MDX from
// lessons/<slug>/<locale>.mdx with the lesson's components), the quiz and the way to the next lesson.
// A server component: only the step buttons and statuses, the quiz and the progress line run in the
// browser, and the quiz gets questions and options only (the answer key stays with the agent).

import { getMDXComponent } from 'mdx-bundler/client/jsx';
import Link from 'next/link';
import * as jsxRuntime from 'react/jsx-runtime';
import { lessons } from '@/lessons/index';
import type { CgroupVersion, LessonDef } from '@/lessons/types';
import { format, getMessages } from '@/lib/i18n';
import type { CompiledLesson } from '@/lib/lessons/load';
import type { Locale } from '@/lib/locales';
import { LESSON_TITLE_ID } from '@/lib/terminal/leave';
import pageStyles from '../lesson.module.css';
import { Announcer } from './announcer';
import { ClassBroadcast, ClassHelp } from './class-leaves';
import { LazyQuiz } from './lazy-quiz';
import styles from './lesson-parts.module.css';
import { lessonComponents } from './mdx-components';
import { PreparedList, PrepareLessonButton } from './prepare-lesson';
import { ProgressSummary } from './progress-summary';
import { RestartButton } from './restart-button';
import { localHints, Step } from './step';

/** One component per compiled file: evaluating the bundle again per request would only cost time. */
const components = new WeakMap<CompiledLesson, ReturnType<typeof getMDXComponent>>();

/** The component of a compiled lesson or appendix, made once per compiled file. */
export function mdxComponent(compiled: CompiledLesson) {
  let component = components.get(compiled);
  if (!component) {
    component = getMDXComponent(compiled.code, { _jsx_runtime: jsxRuntime });
    components.set(compiled, component);
  }
  return component;
}

export function LessonArticle({
  lesson,
  index,
  locale,
  compiled,
  cgroup,
}: {
  lesson: LessonDef;
  index: number;
  locale: Locale;
  /** null: the prose of this locale is not written yet; the steps are shown on their own. */
  compiled: CompiledLesson | null;
  /** The host's cgroup version, which picks the variant of cgroup commands and text. */
  cgroup: CgroupVersion;
}) {
  const m = getMessages(locale);
  const l = m.lesson;
  const previous = lessons[index - 1];
  const next = lessons[index + 1];
  const Content = compiled ? mdxComponent(compiled) : null;
  return (
    <article className={pageStyles.article} data-lesson={lesson.slug}>
      <p className={pageStyles.kicker}>{format(l.position, { n: index + 1, total: lessons.length })}</p>
      {/* Focusable by script: Shift+F6 in a terminal comes here once every step is done. */}
      <h1 id={LESSON_TITLE_ID} tabIndex={-1}>
        {lesson.title[locale]}
      </h1>
      <div className={styles.toolbar}>
        <ProgressSummary
          totals={{ stepIds: lesson.steps.map((s) => s.id), questionIds: lesson.quiz.map((q) => q.id) }}
          labels={l.progress}
        />
        <RestartButton labels={{ ...l.restart, offline: l.step.offline }} />
        <PrepareLessonButton labels={{ ...l.prepare, offline: l.step.offline }} />
        <ClassHelp labels={l.help} />
      </div>
      <ClassBroadcast labels={l.broadcast} />
      <PreparedList
        items={Object.fromEntries((lesson.prepare ?? []).map((p) => [p.id, p.title[locale]]))}
        steps={lesson.steps.map((s) => ({ id: s.id, title: s.title[locale] }))}
        labels={{ ...l.prepare, offline: l.step.offline }}
      />
      <Announcer
        steps={lesson.steps.map((s) => ({
          id: s.id,
          title: s.title[locale].replaceAll('`', ''),
          hints: localHints(s, locale),
        }))}
        questions={lesson.quiz.map((q) => q.id)}
        labels={{ ...l.announce, correct: l.quiz.correct, incorrect: l.quiz.incorrect }}
      />
      {Content ? (
        <div className={styles.prose}>
          <Content components={lessonComponents(lesson, locale, m, cgroup)} />
        </div>
      ) : (
        <div className={styles.prose}>
          <p>{l.fallback}</p>
          {lesson.steps.map((s) => (
            <Step key={s.id} lesson={lesson} id={s.id} locale={locale} m={m} cgroup={cgroup} />
          ))}
        </div>
      )}
      <LazyQuiz
        questions={lesson.quiz.map((q) => ({
          id: q.id,
          prompt: q.prompt[locale],
          options: q.options.map((o) => ({ id: o.id, text: o.text[locale] })),
        }))}
        labels={{ ...l.quiz, offline: l.step.offline }}
      />
      {previous || next ? (
        <nav className={pageStyles.pager} aria-label={l.navLabel}>
          {previous ? (
            <Link href={`/${locale}/${previous.slug}`} rel="prev" className={pageStyles.prev}>
              <span className={pageStyles.pagerLabel}>← {l.previous}</span>
              <span>{previous.title[locale]}</span>
            </Link>
          ) : (
            <span />
          )}
          {next ? (
            <Link href={`/${locale}/${next.slug}`} rel="next" className={pageStyles.next}>
              <span className={pageStyles.pagerLabel}>{l.next} →</span>
              <span>{next.title[locale]}</span>
            </Link>
          ) : null}
        </nav>
      ) : null}
    </article>
  );
}
