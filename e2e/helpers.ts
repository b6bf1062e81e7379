import { existsSync } from 'node:fs';
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
 * after each, waiting for the next prompt; `until` stops before the command it matches.
 */
export async function runStep(
  page: Page,
  step: StepDef,
  version: CgroupVersion,
  until?: (text: string) => boolean,
): Promise<void> {
  for (const [i, command] of step.commands.entries()) {
    const button = page.getByTestId(`run-${step.id}-${i}`);
    if (command.cgroup !== undefined && command.cgroup !== version) {
      await expect(button, `${command.text} is for cgroup ${command.cgroup}`).toHaveCount(0);
      continue;
    }
    if (until?.(command.text)) return;
    const before = await prompts(page, command.tab);
    await button.click();
    // Enter only once the command sits at the prompt and the terminal has the focus: pressed while the
    // button still holds it, Enter would press the button again and type the command twice.
    const squeezed = command.text.replace(/\s+/g, '');
    await expect
      .poll(async () => (await terminalText(page, command.tab)).replace(/\s+/g, '').endsWith(squeezed))
      .toBe(true);
    await expect(page.getByTestId(`terminal-${command.tab}`).locator('textarea')).toBeFocused();
    await page.keyboard.press('Enter');
    await expect.poll(() => prompts(page, command.tab), { timeout: 30_000 }).toBeGreaterThan(before);
  }
}

export async function waitDone(page: Page, stepId: string): Promise<void> {
  await expect(page.getByTestId(`step-status-${stepId}`), stepId).toHaveAttribute('data-status', 'done', {
    timeout: 30_000,
  });
}

/** A lesson of the course by its slug (the test fails loudly on a slug the course lacks). */
export function lessonBySlug(slug: string): LessonDef {
  const found = lessons.find((l) => l.slug === slug);
  if (!found) throw new Error(`no lesson ${slug}`);
  return found;
}

/** The answer key of a lesson, read here in the test (node side), never by the site; null when it has none. */
export async function answersOf(slug: string): Promise<LessonAnswers | null> {
  if (!existsSync(path.join(process.cwd(), 'lessons', slug, 'answers.ts'))) return null;
  return ((await import(`../lessons/${slug}/answers.ts`)) as { default: LessonAnswers }).default;
}
