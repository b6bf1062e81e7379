import { expect, test } from '@playwright/test';
import { hostCgroupVersion } from '../lib/host-cgroup';
import { answersOf, doLesson05WithButtons, lessonBySlug, waitConnected } from './helpers';

const version = hostCgroupVersion();

test(`pt: lesson 05 with the page's buttons (cgroup ${version}): a limited group, and an OOM kill inside it`, async ({
  page,
}, testInfo) => {
  test.setTimeout(180_000);
  await doLesson05WithButtons(page, version);
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
