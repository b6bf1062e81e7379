import { test } from '@playwright/test';
import { hostCgroupVersion } from '../lib/host-cgroup';
import { doLesson05WithButtons, lessonBySlug, takeQuiz } from './helpers';

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
  // a wrong option first: it is graded and kept, and scores nothing
  await takeQuiz(page, 'gl', lessonBySlug('08-overlay'), 'wrongThenRight');
});
