import { expect, test } from '@playwright/test';
import { lessons } from '../lessons/index';
import { hostCgroupVersion } from '../lib/host-cgroup';
import { appendixHref, lessonHref } from '../lib/lessons/appendix';
import { doStepsWithButtons, lessonBySlug, messages, openLesson, takeQuiz, terminalText } from './helpers';

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
  expect(lessons.length).toBe(17);
  for (const lesson of lessons) await takeQuiz(page, 'pt', lesson, 'right');
});

// Reference material lives in an appendix the lesson links to (issue 23): the link in the prose opens it in
// a tab of its own (the lesson and its terminals stay), with the material that left the lesson, and leads back.
const APPENDICES = [
  { slug: '01-chroot', items: ['Firecracker'] },
  { slug: '05-cgroups-memory', items: ['memory.soft_limit_in_bytes'] },
  { slug: '08-overlay', items: ['#10f3'] },
  // rlimits from the reading of config.json, slirp4netns from the reasons of the --rootless diff
  { slug: '12-oci-runc', items: ['rlimits', 'slirp4netns'] },
  { slug: '13-docker-kubernetes', items: ['--security-opt seccomp=perfil.json'] },
] as const;

for (const locale of ['pt', 'gl'] as const) {
  test(`${locale}: the lessons with an appendix (01, 05, 08, 12 and 13 by slug) open it from the prose, in a tab of its own`, async ({
    page,
    context,
  }) => {
    for (const { slug, items } of APPENDICES) {
      const lesson = lessonBySlug(slug);
      await page.goto(lessonHref(locale, slug));
      const prose = page.locator(`article[data-lesson="${slug}"]`);
      for (const item of items) await expect(prose).not.toContainText(item);
      const link = prose.getByTestId('appendix-link').first();
      const words = messages(locale).lesson.appendix;
      await expect(link).toContainText(words.newTab);
      const [tab] = await Promise.all([context.waitForEvent('page'), link.click()]);
      await tab.waitForLoadState();
      expect(new URL(tab.url()).pathname).toBe(appendixHref(locale, slug));
      await expect(tab.getByRole('heading', { level: 1 })).toHaveText(
        words.title.replace('{title}', lesson.title[locale]),
      );
      for (const item of items) await expect(tab.locator(`article[data-appendix="${slug}"]`)).toContainText(item);
      await expect(tab.getByTestId('appendix-back')).toHaveAttribute('href', lessonHref(locale, slug));
      await tab.close();
    }
    // a lesson without an appendix has no such page
    const none = await page.goto(appendixHref(locale, '03-namespaces'));
    expect(none?.status()).toBe(404);
  });
}
