// Accessibility in Chromium, in pt and gl (issue 21): axe-core finds no serious or critical violation and the
// accessibility tree holds no English string on the course index, the appendices of 12-oci-runc and
// 13-docker-kubernetes, a lesson with both terminals connected (with the Kernel panel's every section, and xterm's
// screen-reader mode on), its quiz answered, and the page for an unknown address; the class's pages are checked in class-mode.spec.ts, which serves them in class mode. And the keyboard
// and screen-reader ways through a lesson: F6 and Shift+F6 out of a terminal that keeps Tab, the screen-reader mode
// remembered and speaking the page's language, a check and a quiz answer said by the page's one live region.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { lessons } from '../lessons/index';
import type ptCatalog from '../messages/pt.json';
import { accessibleTexts, englishWords, expectAccessible } from './a11y';
import { answersOf, openLesson, runInTerminal } from './helpers';

const SECTIONS = ['processes', 'cgroups', 'mounts', 'network'] as const;
const catalog = (locale: 'pt' | 'gl') =>
  JSON.parse(readFileSync(path.join(process.cwd(), 'messages', `${locale}.json`), 'utf8')) as typeof ptCatalog;
const fill = (template: string, vars: Record<string, string | number>) =>
  template.replace(/\{(\w+)\}/g, (whole, name: string) => String(vars[name] ?? whole));
const input = (page: Page, tab: number) => page.getByTestId(`terminal-${tab}`).locator('textarea');

interface Stop {
  /** Its test id, else its role and name as a screen reader hears them. */
  readonly what: string;
  /** A focus ring shows: its outline, or for a terminal's invisible input, the ring around the terminal. */
  readonly ring: boolean;
}

/** Where focus goes, Tab after Tab from the top of the page, until `last` has it (or it comes back round). */
async function tabWalk(page: Page, last: string, max = 400): Promise<Stop[]> {
  // The walk starts from the top: the body focused for a moment sets where sequential navigation begins.
  await page.evaluate(() => {
    document.body.tabIndex = -1;
    document.body.focus();
    document.body.removeAttribute('tabindex');
  });
  const stops: Stop[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const stop = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const terminal = el.closest<HTMLElement>('[data-testid^="terminal-"]');
      const ringed = terminal?.parentElement ?? el;
      const style = getComputedStyle(ringed);
      const ring =
        (style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none';
      const name = el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 40) ?? '';
      const what =
        el.dataset.testid ?? (terminal ? `${terminal.dataset.testid} input` : `${el.tagName.toLowerCase()} ${name}`);
      return { what, ring };
    });
    if (stop === null || stop.what === stops[0]?.what) break;
    stops.push(stop);
    if (stop.what === last) break;
  }
  return stops;
}

for (const locale of ['pt', 'gl'] as const) {
  test.describe(locale, () => {
    test.use({ locale: locale === 'pt' ? 'pt-BR' : 'gl-ES' });
    const m = catalog(locale);

    test(`${locale}: the course index, the lessons' appendices and an unknown address`, async ({ page }) => {
      await page.goto(`/${locale}`);
      await expect(page.getByTestId('lesson-01-chroot')).toBeVisible();
      await expectAccessible(page, `/${locale}`);
      // Each lesson's link is named by its number and title (with the student's progress, when there is some);
      // its summary and counts are its description: tabbing down the list says a title per link, not a paragraph.
      for (const [i, lesson] of lessons.entries()) {
        const link = page.getByTestId(`lesson-${lesson.slug}`).getByRole('link');
        await expect(link).toHaveAccessibleName(`${fill(m.home.lessonNumber, { n: i + 1 })} ${lesson.title[locale]}`);
        await expect(link).toHaveAccessibleDescription(
          new RegExp(`${fill(m.home.stepCount, { n: lesson.steps.length })}`),
        );
      }
      for (const slug of ['12-oci-runc', '13-docker-kubernetes']) {
        await page.goto(`/${locale}/${slug}/apendice`);
        await expect(page.getByTestId('appendix-back')).toBeVisible();
        await expectAccessible(page, `/${locale}/${slug}/apendice`);
      }
      await page.goto(`/${locale}/nao-existe`);
      await expectAccessible(page, `/${locale}/nao-existe`);
    });

    test(`${locale}: a lesson with its terminals connected, the Kernel panel, the quiz answered`, async ({ page }) => {
      test.setTimeout(180_000);
      const lesson = await openLesson(page, locale, '02-unshare');
      await expectAccessible(page, `${lesson.slug} connected`);
      // The walk reads names set inside translate="no" (the terminal's input), and would see xterm's own English.
      expect(await accessibleTexts(page)).toContain(m.terminal.tab0);
      expect(englishWords('Terminal input')).toEqual(['input']);

      await page.getByTestId('kernel-panel-toggle').click();
      for (const table of [false, true]) {
        if (table) await page.getByTestId('kernel-panel-table-view').check();
        for (const section of SECTIONS) {
          await page.getByTestId(`kernel-panel-tab-${section}`).click();
          await expect(page.getByTestId(`kernel-panel-section-${section}`)).toBeVisible();
          await expect(page.getByTestId('kernel-panel-waiting')).toHaveCount(0);
          await expectAccessible(page, `${lesson.slug}, Kernel panel ${section}${table ? ' (tables)' : ''}`);
        }
      }

      const question = lesson.quiz[0];
      if (!question) throw new Error(`${lesson.slug} has no quiz`);
      const key = (await answersOf(lesson.slug))[question.id];
      const wrong = question.options.find((o) => o.id !== key?.correct)?.id ?? '';
      await page.getByTestId(`quiz-${question.id}`).locator(`label[data-option="${wrong}"]`).click();
      // Answered from the keyboard, the focus stays on the button while the answer is graded (it is not disabled,
      // which would drop the focus to the top of the page), next to the verdict.
      await page.getByTestId(`quiz-answer-${question.id}`).focus();
      await page.keyboard.press('Enter');
      await expect(page.getByTestId(`quiz-feedback-${question.id}`)).toHaveAttribute('data-correct', 'false');
      await expect(page.getByTestId(`quiz-answer-${question.id}`)).toBeFocused();
      // Said once, by the page's one polite live region, in the page's language.
      const feedback = (key?.feedback[wrong]?.[locale] ?? '?').replaceAll('`', '');
      await expect(page.getByTestId('announcer')).toHaveText(
        fill(m.lesson.announce.quiz, { n: 1, verdict: m.lesson.quiz.incorrect, feedback }),
      );
      await expectAccessible(page, `${lesson.slug}, quiz answered`);
    });

    test(`${locale}: out of a terminal by keyboard, the screen-reader mode, a check said aloud`, async ({ page }) => {
      test.setTimeout(180_000);
      const lesson = await openLesson(page, locale, '01-chroot');
      const [first] = lesson.steps;
      if (!first) throw new Error(`${lesson.slug} has no step`);

      // Every control is reached with Tab, in reading order, each with a visible focus ring: the text and its steps,
      // then the terminals' tabs and buttons, then the terminal, which keeps Tab.
      await page.getByTestId('tab-0').click();
      const stops = await tabWalk(page, 'terminal-0 input');
      const at = (what: string) => stops.findIndex((s) => s.what === what);
      expect(stops.at(-1)?.what, stops.map((s) => s.what).join(' → ')).toBe('terminal-0 input');
      expect(stops.filter((s) => !s.ring).map((s) => s.what)).toEqual([]);
      const order = [`run-${first.id}-0`, 'tab-0', 'copy-button', 'paste-button', 'screen-reader-toggle'].map(at);
      expect(order.every((i) => i >= 0)).toBe(true);
      expect(order).toEqual([...order].sort((a, b) => a - b));
      expect(order.at(-1)).toBeLessThan(stops.length - 1);

      // Tab stays in the terminal (the shell completes with it); F6 goes on to the Kernel panel, Shift+F6 back to the
      // step the student is on.
      await page.getByTestId('tab-0').click();
      await page.getByTestId('terminal-0').click();
      await page.keyboard.press('Tab');
      await expect(input(page, 0)).toBeFocused();
      await page.keyboard.press('F6');
      await expect(page.getByTestId('kernel-panel-toggle')).toBeFocused();
      await page.keyboard.press('Enter');
      await expect(page.getByTestId('kernel-panel')).toHaveAttribute('data-open', 'true');
      await page.getByTestId('terminal-0').click();
      await page.keyboard.press('Shift+F6');
      await expect(page.getByTestId(`step-${first.id}`)).toBeFocused();
      // From the step, Tab reaches its own controls in reading order.
      await page.keyboard.press('Tab');
      await expect(page.getByTestId(`run-${first.id}-0`)).toBeFocused();
      // The terminal's input says its name and the way out in the page's language.
      await expect(input(page, 0)).toHaveAccessibleName(m.terminal.tab0);
      await expect(input(page, 0)).toHaveAccessibleDescription(`${m.terminal.tab0Hint} ${m.terminal.leaveHint}`);

      // Each run button says which command it types and where: its description is the command, then the hint.
      for (const [i, command] of first.commands.entries())
        await expect(page.getByTestId(`run-${first.id}-${i}`)).toHaveAccessibleDescription(
          `${command.text} ${fill(m.lesson.step.runHint, { tab: command.tab === 0 ? m.terminal.tab0 : m.terminal.tab1 })}`,
        );
      // ...and the English check reads that hint, not the command (machine words, in translate="no").
      expect(await accessibleTexts(page)).toContain(fill(m.lesson.step.runHint, { tab: m.terminal.tab0 }));

      // A check the student asks for is said: the step they are on, not done yet. Asked from the keyboard, the
      // focus stays on the button while the agent checks.
      await page.getByTestId(`step-check-${first.id}`).focus();
      await page.keyboard.press('Enter');
      await expect(page.getByTestId('announcer')).toContainText(
        fill(m.lesson.announce.stepNotYet, { n: 1, title: first.title[locale].replaceAll('`', '') }),
      );
      await expect(page.getByTestId(`step-check-${first.id}`)).toBeFocused();

      // The screen-reader mode: off by default, on from the toggle, remembered after a reload.
      const toggle = page.getByTestId('screen-reader-toggle');
      await expect(toggle).toHaveAttribute('aria-pressed', 'false');
      await expect(page.locator('.xterm-accessibility-tree')).toHaveCount(0);
      await toggle.click();
      await expect(toggle).toHaveAttribute('aria-pressed', 'true');
      await expect(page.getByTestId('terminal-0').locator('.xterm-accessibility-tree')).toHaveCount(1);
      await page.reload();
      await expect(page.getByTestId('screen-reader-toggle')).toHaveAttribute('aria-pressed', 'true');
      await expect(page.getByTestId('terminal-0').locator('.xterm-accessibility-tree')).toHaveCount(1);
      // Its rows hold what the shell printed; more than it reads out at once ends in the page's language, not xterm's.
      await runInTerminal(page, 0, 'seq 1 60');
      await expect(page.getByTestId('terminal-0').locator('.xterm-accessibility-tree')).toContainText('60');
      await expect(page.getByTestId('terminal-0').locator('.live-region')).toContainText(m.terminal.tooMuchOutput);
      await expectAccessible(page, `${lesson.slug}, screen-reader mode`);
      await page.getByTestId('screen-reader-toggle').click();
      await expect(page.locator('.xterm-accessibility-tree')).toHaveCount(0);
    });
  });
}
