import { expect, test } from '@playwright/test';
import { lessons } from '../lessons/index';
import { hostCgroupVersion } from '../lib/host-cgroup';
import { doStepsWithButtons, openLesson, takeQuiz, terminalText } from './helpers';

const version = hostCgroupVersion();

test(`gl: lesson 11 end to end with the page's buttons (cgroup ${version}): a container with every piece`, async ({
  page,
}, testInfo) => {
  test.setTimeout(240_000);
  const lesson = await openLesson(page, 'gl', '11-container-by-hand');
  await doStepsWithButtons(page, lesson, version);
  // inside the container: its own host name, and it is PID 1
  expect(await terminalText(page, 0)).toMatch(/^ctr\s*$/m);
  // The Kernel panel draws the whole container: its namespaces, its cgroup, its overlay root, its veth link.
  await page.getByTestId('kernel-panel-toggle').click();
  const sh = page.locator('[data-testid="panel-proc"][data-comm="sh"]');
  await expect(sh).toHaveAttribute('data-pids', /^\d+ 1$/);
  await expect(sh.getByTestId('proc-hostname')).toContainText('ctr');
  await page.getByTestId('kernel-panel-tab-cgroups').click();
  await expect(
    page.locator('[data-testid="panel-cgroup"][data-path="/ctr"] [data-testid="cgroup-memory"]'),
  ).toContainText('64');
  await page.getByTestId('kernel-panel-tab-mounts').click();
  await expect(page.locator('[data-testid="overlay-layer"][data-role="lower"][data-dir="/root/rootfs"]')).toBeVisible();
  await page.getByTestId('kernel-panel-tab-network').click();
  await expect(page.getByTestId('veth-link')).toHaveCount(1);
  await page.screenshot({ path: testInfo.outputPath('lesson-11-gl.png'), fullPage: true });
});

test('pt: the quiz of every lesson, graded by the agent with the feedback of the option chosen', async ({ page }) => {
  test.setTimeout(240_000);
  expect(lessons.length).toBe(16);
  for (const lesson of lessons) await takeQuiz(page, 'pt', lesson, 'right');
});
