import { expect, test } from '@playwright/test';
import type { StepDef } from '../lessons/types';
import { hostCgroupVersion } from '../lib/host-cgroup';
import { answersOf, lessonBySlug, runStep, terminalText, waitConnected, waitDone } from './helpers';

const version = hostCgroupVersion();

test(`pt: lesson 05 with the page's buttons (cgroup ${version}): a limited group, and an OOM kill inside it`, async ({
  page,
}, testInfo) => {
  test.setTimeout(180_000);
  const mem = lessonBySlug('05-cgroups-memory');
  const [group, join, usage, oom] = mem.steps as [StepDef, StepDef, StepDef, StepDef];
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto(`/pt/${mem.slug}`);
  await waitConnected(page, 0);
  await page.getByTestId('tab-1').click();
  await waitConnected(page, 1);
  for (const step of mem.steps)
    await expect(page.getByTestId(`step-status-${step.id}`)).toHaveAttribute('data-status', 'pending');

  await runStep(page, group, version);
  await waitDone(page, 'group');
  expect(await terminalText(page, 1)).toContain('104857600');
  await runStep(page, join, version);
  await waitDone(page, 'join');
  expect(await terminalText(page, 0)).toMatch(version === 'v2' ? /^0::\/demo\s*$/m : /^\d+:memory:\/demo\s*$/m);
  // the hog holding memory must be seen before `kill %1` ends it
  await runStep(page, usage, version, (text) => text === 'kill %1');
  await waitDone(page, 'usage');
  await runStep(page, usage, version, (text) => text !== 'kill %1');
  await runStep(page, oom, version);
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
  const overlay = lessonBySlug('08-overlay');
  const answers = await answersOf(overlay.slug);
  if (!answers) throw new Error(`${overlay.slug} has no answers.ts`);
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
