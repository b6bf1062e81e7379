import { expect, type Page, test } from '@playwright/test';
import type { StepDef } from '../lessons/types';
import { hostCgroupVersion } from '../lib/host-cgroup';
import { lessonBySlug, prompts, runInTerminal, runStep, takeQuiz, waitConnected, waitDone } from './helpers';

const version = hostCgroupVersion();

/** Types a command that starts another shell (it does not come back to this one) and presses Enter. */
async function typeLine(page: Page, tab: number, line: string): Promise<void> {
  await page.getByTestId(`terminal-${tab}`).click();
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
}

test('gl: lesson 03 in the terminals: a container, joined with nsenter, a time and a cgroup namespace', async ({
  page,
}, testInfo) => {
  test.setTimeout(180_000);
  const ns = lessonBySlug('03-namespaces');
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto(`/gl/${ns.slug}`);
  await waitConnected(page, 0);
  for (const step of ns.steps) {
    await expect(page.getByTestId(`step-status-${step.id}`)).toHaveAttribute('data-status', 'pending');
  }
  await runInTerminal(page, 0, 'cd /root');
  await typeLine(page, 0, 'unshare -m -i -n -p -u -f --mount-proc=rootfs/proc chroot rootfs /bin/sh');
  expect(await runInTerminal(page, 0, 'echo $$')).toBe('1');
  await waitDone(page, 'container');

  await page.getByTestId('tab-1').click();
  await waitConnected(page, 1);
  await typeLine(page, 1, 'nsenter -t $(pgrep -n -x sh) -m -u -i -n -p -r -w /bin/sh');
  // Inside the container's PID namespace: NSpid ends in a small number, and ps sees only the container.
  expect(await runInTerminal(page, 1, 'ls /')).toContain('bin');
  await waitDone(page, 'nsenter');
  await typeLine(page, 1, 'exit');
  await typeLine(page, 1, 'unshare --time --fork --boottime 315360000 bash');
  expect(await runInTerminal(page, 1, 'uptime -p')).toMatch(/decade|year/);
  await waitDone(page, 'time');
  const inTime = await prompts(page, 1);
  await typeLine(page, 1, 'exit');
  await expect.poll(() => prompts(page, 1)).toBeGreaterThan(inTime);
  // The cgroup namespace with the page's buttons; once it is judged done, the step's last buttons (from its
  // `exit` on) put tab B's shell back where it started and remove `visto`, as later lessons expect.
  const cgroupns = ns.steps.find((s) => s.id === 'cgroupns') as StepDef;
  const tidyFrom = cgroupns.commands.findIndex((c) => c.text === 'exit');
  expect(tidyFrom).toBeGreaterThan(0);
  await runStep(page, cgroupns, version, (text) => text === 'exit');
  await waitDone(page, 'cgroupns');
  await runStep(page, cgroupns, version, undefined, tidyFrom);
  expect(await runInTerminal(page, 1, 'cat /proc/self/cgroup')).toMatch(
    version === 'v2' ? /^0::\/init$/m : /^\d+:memory:\/$/m,
  );
  expect(
    await runInTerminal(page, 1, `ls ${version === 'v2' ? '/sys/fs/cgroup' : '/sys/fs/cgroup/memory'}`),
  ).not.toContain('visto');
  await page.screenshot({ path: testInfo.outputPath('lesson-03-gl.png'), fullPage: true });
});

test('pt: lesson 04 quiz: every question graded by the agent, with the feedback of the option chosen', async ({
  page,
}) => {
  const users = lessonBySlug('04-user-namespaces');
  expect(users.quiz.length).toBeGreaterThanOrEqual(4);
  await takeQuiz(page, 'pt', users, 'right');
});
