// Lessons 05 and 08 in Chromium against the production build and the real agent: lesson 05 done with the
// page's own "run in terminal" buttons in Portuguese, showing the commands of this host's cgroup version and
// the OOM kill in the terminal while the shell lives; lesson 08's quiz in Galician, graded by the agent.
import path from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { lessons } from '../lessons/index';
import type { LessonAnswers, LessonDef, StepDef } from '../lessons/types';
import { hostCgroupVersion } from '../lib/host-cgroup';
import { terminalText, waitConnected } from './helpers';

const lesson = (slug: string) => lessons.find((l) => l.slug === slug) as LessonDef;
const version = hostCgroupVersion();

/** Shell prompts in a tab's buffer: `user@host:dir#` at the start of a line, with what was typed after it. */
async function prompts(page: Page, tab: number): Promise<number> {
  return ((await terminalText(page, tab)).match(/^[\w.-]+@[\w.-]+:[^\n#$]*[#$]/gm) ?? []).length;
}

/**
 * Presses the step's "run in terminal" buttons in order (the page shows only this host's commands), Enter
 * after each, waiting for the next prompt; `until` stops before the command it matches.
 */
async function runStep(page: Page, step: StepDef, until?: (text: string) => boolean): Promise<void> {
  for (const [i, command] of step.commands.entries()) {
    const button = page.getByTestId(`run-${step.id}-${i}`);
    if (command.cgroup !== undefined && command.cgroup !== version) {
      await expect(button, `${command.text} is for cgroup ${command.cgroup}`).toHaveCount(0);
      continue;
    }
    if (until?.(command.text)) return;
    const before = await prompts(page, command.tab);
    await button.click();
    await page.keyboard.press('Enter');
    await expect.poll(() => prompts(page, command.tab), { timeout: 30_000 }).toBeGreaterThan(before);
  }
}

async function waitDone(page: Page, stepId: string): Promise<void> {
  await expect(page.getByTestId(`step-status-${stepId}`), stepId).toHaveAttribute('data-status', 'done', {
    timeout: 30_000,
  });
}

test(`pt: lesson 05 with the page's buttons (cgroup ${version}): a limited group, and an OOM kill inside it`, async ({
  page,
}, testInfo) => {
  test.setTimeout(180_000);
  const mem = lesson('05-cgroups-memory');
  const [group, join, usage, oom] = mem.steps as [StepDef, StepDef, StepDef, StepDef];
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto(`/pt/${mem.slug}`);
  await waitConnected(page, 0);
  await page.getByTestId('tab-1').click();
  await waitConnected(page, 1);
  for (const step of mem.steps)
    await expect(page.getByTestId(`step-status-${step.id}`)).toHaveAttribute('data-status', 'pending');

  await runStep(page, group);
  await waitDone(page, 'group');
  expect(await terminalText(page, 1)).toContain('104857600');
  await runStep(page, join);
  await waitDone(page, 'join');
  expect(await terminalText(page, 0)).toMatch(version === 'v2' ? /^0::\/demo\s*$/m : /^\d+:memory:\/demo\s*$/m);
  // the hog holding memory must be seen before `kill %1` ends it
  await runStep(page, usage, (text) => text === 'kill %1');
  await waitDone(page, 'usage');
  await runStep(page, usage, (text) => text !== 'kill %1');
  await runStep(page, oom);
  await waitDone(page, 'oom');
  const a = await terminalText(page, 0);
  expect(a).toMatch(/Killed/);
  expect(a).toMatch(/^still here\s*$/m);
  expect(await terminalText(page, 1)).toMatch(/oom_kill [1-9]/);
  await expect(page.getByTestId('lesson-progress')).toHaveAttribute('data-steps-done', String(mem.steps.length));
  await page.screenshot({ path: testInfo.outputPath('lesson-05-pt.png'), fullPage: true });
});

test('gl: lesson 08 quiz: every question graded by the agent, with the feedback of the option chosen', async ({
  page,
}) => {
  const overlay = lesson('08-overlay');
  const file = path.join('..', 'lessons', overlay.slug, 'answers.ts');
  const answers = ((await import(file)) as { default: LessonAnswers }).default;
  await page.goto(`/gl/${overlay.slug}`);
  await waitConnected(page, 0);
  for (const question of overlay.quiz) {
    const key = answers[question.id];
    if (!key) throw new Error(`no answer for ${question.id}`);
    // a wrong option first: it is graded and kept, and scores nothing
    const wrong = question.options.find((o) => o.id !== key.correct)?.id ?? '';
    const form = page.getByTestId(`quiz-${question.id}`);
    await form.locator(`label[data-option="${wrong}"]`).click();
    await page.getByTestId(`quiz-answer-${question.id}`).click();
    const feedback = page.getByTestId(`quiz-feedback-${question.id}`);
    await expect(feedback).toHaveAttribute('data-correct', 'false');
    await expect(feedback).toContainText((key.feedback[wrong]?.gl ?? '?').replaceAll('`', ''));
    await form.locator(`label[data-option="${key.correct}"]`).click();
    await page.getByTestId(`quiz-answer-${question.id}`).click();
    await expect(feedback).toHaveAttribute('data-correct', 'true');
    await expect(feedback).toContainText((key.feedback[key.correct]?.gl ?? '?').replaceAll('`', ''));
  }
  // the first answer scores: every one was wrong
  await expect(page.getByTestId('lesson-progress')).toHaveAttribute('data-quiz-correct', '0');
});
