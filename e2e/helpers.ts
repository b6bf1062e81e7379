import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';
import { lessons } from '../lessons/index';
import type { CgroupVersion, LessonAnswers, LessonDef, StepDef } from '../lessons/types';

declare global {
  interface Window {
    __gaiola?: { text(tab: number): string };
  }
}

/** The visible text of a terminal tab's buffer, read through the page's test hook. */
export function terminalText(page: Page, tab: number): Promise<string> {
  return page.evaluate((t) => window.__gaiola?.text(t) ?? '', tab);
}

export async function waitConnected(page: Page, tab: number): Promise<void> {
  await expect(page.getByTestId(`terminal-status-${tab}`)).toHaveAttribute('data-state', 'connected');
  // The prompt: bash prints `root@host:~#` once it is ready for input.
  await expect.poll(() => terminalText(page, tab)).toMatch(/#\s*$/m);
}

/**
 * How long a command or a step's check may take: 30 s on this host; the VM tier's config
 * (playwright.vm.config.ts) sets GAIOLA_E2E_STEP_TIMEOUT_MS higher, as its guest runs under TCG, ten times slower.
 */
const STEP_TIMEOUT_MS = Number(process.env.GAIOLA_E2E_STEP_TIMEOUT_MS ?? 30_000);

let counter = 0;

/**
 * Types a command into a tab and waits for a marker the shell prints after it, so the result is read
 * from the buffer, never guessed with a sleep. Returns the lines printed between the two markers.
 */
export async function runInTerminal(page: Page, tab: number, command: string): Promise<string> {
  counter += 1;
  const tag = `${Date.now().toString(36)}${counter}`;
  await page.getByTestId(`terminal-${tab}`).click();
  await page.keyboard.type(`echo B${tag}B; ${command}; echo E${tag}E`);
  await page.keyboard.press('Enter');
  let out = '';
  await expect
    .poll(async () => {
      const text = await terminalText(page, tab);
      const start = text.lastIndexOf(`\nB${tag}B`);
      const end = text.lastIndexOf(`\nE${tag}E`);
      if (start < 0 || end < start) return false;
      out = text.slice(start + tag.length + 3, end).trim();
      return true;
    })
    .toBe(true);
  return out;
}

/** Shell prompts in a tab's buffer: `user@host:dir#` at the start of a line, with what was typed after it. */
export async function prompts(page: Page, tab: number): Promise<number> {
  return ((await terminalText(page, tab)).match(/^[\w.-]+@[\w.-]+:[^\n#$]*[#$]/gm) ?? []).length;
}

/**
 * Presses the step's "run in terminal" buttons in order (the page shows only this host's commands), Enter
 * after each, waiting for the next prompt; `until` stops before the command it matches, and `from` starts at
 * that command's index (to go on after an `until`).
 */
export async function runStep(
  page: Page,
  step: StepDef,
  version: CgroupVersion,
  until?: (text: string) => boolean,
  from = 0,
): Promise<void> {
  for (const [i, command] of step.commands.entries()) {
    if (i < from) continue;
    const button = page.getByTestId(`run-${step.id}-${i}`);
    if (command.cgroup !== undefined && command.cgroup !== version) {
      await expect(button, `${command.text} is for cgroup ${command.cgroup}`).toHaveCount(0);
      continue;
    }
    if (until?.(command.text)) return;
    const before = await prompts(page, command.tab);
    await pressRun(page, step, i);
    await expect.poll(() => prompts(page, command.tab), { timeout: STEP_TIMEOUT_MS }).toBeGreaterThan(before);
  }
}

/**
 * Presses a step's "run in terminal" button `index`, then Enter, without waiting for what the command does
 * (runStep waits for the next prompt; a command that keeps its terminal, such as a PID 1 in the foreground,
 * never gives one).
 */
export async function pressRun(page: Page, step: StepDef, index: number): Promise<void> {
  const command = step.commands[index];
  if (!command) throw new Error(`${step.id} has no command ${index}`);
  await page.getByTestId(`run-${step.id}-${index}`).click();
  // Enter only once the command sits at the prompt and the terminal has the focus: pressed while the
  // button still holds it, Enter would press the button again and type the command twice.
  const squeezed = command.text.replace(/\s+/g, '');
  await expect
    .poll(async () => (await terminalText(page, command.tab)).replace(/\s+/g, '').endsWith(squeezed))
    .toBe(true);
  await expect(page.getByTestId(`terminal-${command.tab}`).locator('textarea')).toBeFocused();
  await page.keyboard.press('Enter');
}

export async function waitDone(page: Page, stepId: string): Promise<void> {
  await expect(page.getByTestId(`step-status-${stepId}`), stepId).toHaveAttribute('data-status', 'done', {
    timeout: STEP_TIMEOUT_MS,
  });
}

/** Lesson 01's first step typed by hand in tab 0, on a page already connected: `chroot rootfs /bin/sh`, seen done. */
export async function doChrootStep(page: Page): Promise<void> {
  await runInTerminal(page, 0, 'cd /root');
  // Typed, not through runInTerminal: its closing marker would run inside the chroot's shell.
  await page.getByTestId('terminal-0').click();
  await page.keyboard.type('chroot rootfs /bin/sh');
  await page.keyboard.press('Enter');
  await waitDone(page, 'chroot');
}

/**
 * Proves a tab's shell runs what it is sent: a random number times 7, which the echoed command line shows only
 * as `$((n*7))`, so the product cannot come from the echo, a replay or a fixed answer.
 */
export async function expectShellComputes(page: Page, tab: number): Promise<void> {
  const n = Math.floor(Math.random() * 1e6);
  expect(await runInTerminal(page, tab, `echo $((${n}*7))`)).toBe(String(n * 7));
}

/** Opens a lesson with both terminals connected, as a fresh student: every step still pending. Returns the lesson. */
export async function openLesson(page: Page, locale: 'pt' | 'gl', slug: string): Promise<LessonDef> {
  const lesson = lessonBySlug(slug);
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto(`/${locale}/${lesson.slug}`);
  await waitConnected(page, 0);
  await page.getByTestId('tab-1').click();
  await waitConnected(page, 1);
  for (const step of lesson.steps)
    await expect(page.getByTestId(`step-status-${step.id}`)).toHaveAttribute('data-status', 'pending');
  return lesson;
}

/** A step's commands run with the page's buttons (as runStep), then the step seen done. */
export async function doStep(page: Page, step: StepDef, version: CgroupVersion): Promise<void> {
  await runStep(page, step, version);
  await waitDone(page, step.id);
}

/** Every step of a lesson with the page's "run in terminal" buttons, each seen done before the next. */
export async function doStepsWithButtons(page: Page, lesson: LessonDef, version: CgroupVersion): Promise<void> {
  for (const step of lesson.steps) await doStep(page, step, version);
  await expect(page.getByTestId('lesson-progress')).toHaveAttribute('data-steps-done', String(lesson.steps.length));
}

/**
 * Lesson 05 with the page's buttons: a group with a memory limit, a shell joined to it, its usage seen while a
 * hog holds memory (before `kill %1` ends it), and an OOM kill contained in the group.
 */
export async function doLesson05WithButtons(page: Page, version: CgroupVersion): Promise<void> {
  const mem = await openLesson(page, 'pt', '05-cgroups-memory');
  const [group, join, usage, oom] = mem.steps as [StepDef, StepDef, StepDef, StepDef];
  await doStep(page, group, version);
  expect(await terminalText(page, 1)).toContain('104857600');
  await doStep(page, join, version);
  expect(await terminalText(page, 0)).toMatch(version === 'v2' ? /^0::\/demo\s*$/m : /^\d+:memory:\/demo\s*$/m);
  await runStep(page, usage, version, (text) => text === 'kill %1');
  await waitDone(page, 'usage');
  await runStep(page, usage, version, (text) => text !== 'kill %1');
  await doStep(page, oom, version);
  const a = await terminalText(page, 0);
  expect(a).toMatch(/Killed/);
  expect(a).toMatch(/^still here\s*$/m);
  expect(await terminalText(page, 1)).toMatch(/oom_kill [1-9]/);
  await expect(page.getByTestId('lesson-progress')).toHaveAttribute('data-steps-done', String(mem.steps.length));
}

/** A lesson of the course by its slug (the test fails loudly on a slug the course lacks). */
export function lessonBySlug(slug: string): LessonDef {
  const found = lessons.find((l) => l.slug === slug);
  if (!found) throw new Error(`no lesson ${slug}`);
  return found;
}

/**
 * Opens a lesson's page and answers every question of its quiz, each graded by the agent with the feedback the
 * key gives for the option chosen in the page's locale: the right option (`right`), or a wrong one first and then
 * the right one (`wrongThenRight`). Only a question's first answer counts, so the score is every question or none.
 */
export async function takeQuiz(
  page: Page,
  locale: 'pt' | 'gl',
  lesson: LessonDef,
  order: 'right' | 'wrongThenRight',
): Promise<void> {
  const answers = await answersOf(lesson.slug);
  await page.goto(`/${locale}/${lesson.slug}`);
  await waitConnected(page, 0);
  for (const question of lesson.quiz) {
    const key = answers[question.id];
    if (!key) throw new Error(`${lesson.slug}: no answer for ${question.id}`);
    const wrong = question.options.find((o) => o.id !== key.correct)?.id ?? '';
    for (const [i, option] of (order === 'right' ? [key.correct] : [wrong, key.correct]).entries()) {
      const form = page.getByTestId(`quiz-${question.id}`);
      await form.locator(`label[data-option="${option}"]`).click();
      await page.getByTestId(`quiz-answer-${question.id}`).click();
      const feedback = page.getByTestId(`quiz-feedback-${question.id}`);
      const what = `${lesson.slug} ${question.id}, option ${option}`;
      await expect(feedback, what).toHaveAttribute('data-correct', String(option === key.correct));
      await expect(feedback, what).toHaveAttribute('data-first', String(i === 0));
      // The feedback as the page shows it: code spans lose their backticks.
      await expect(feedback, what).toContainText((key.feedback[option]?.[locale] ?? '?').replaceAll('`', ''));
    }
  }
  const score = order === 'right' ? lesson.quiz.length : 0;
  await expect(page.getByTestId('lesson-progress')).toHaveAttribute('data-quiz-correct', String(score));
}

/** The answer key of a lesson, read here in the test (node side), never by the site. */
export async function answersOf(slug: string): Promise<LessonAnswers> {
  // Every lesson has a key (the agent could not grade its quiz without one): a missing file fails the test
  // that asked, rather than letting it skip or pass over the lesson.
  const file = path.join(process.cwd(), 'lessons', slug, 'answers.ts');
  if (!existsSync(file)) throw new Error(`${path.relative(process.cwd(), file)} is missing: the agent could not grade`);
  return ((await import(`../lessons/${slug}/answers.ts`)) as { default: LessonAnswers }).default;
}

/** A locale's message catalog, read (Node's ESM loader wants an import attribute for JSON, which the tsconfig lacks). */
export function messages(locale: 'pt' | 'gl'): typeof import('../messages/pt.json') {
  return JSON.parse(readFileSync(path.join(process.cwd(), 'messages', `${locale}.json`), 'utf8'));
}
