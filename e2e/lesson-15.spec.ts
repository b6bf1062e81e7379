import { expect, type Page, test } from '@playwright/test';
import type { StepDef } from '../lessons/types';
import { hostCgroupVersion } from '../lib/host-cgroup';
import { doStep, openLesson, pressRun, runInTerminal, runStep, terminalText, waitDone } from './helpers';

const version = hostCgroupVersion();

const PS = 'ps -e -o pid,ppid,stat,comm';

/** Runs a command in Terminal B, its tab brought to the front first. */
async function inB(page: Page, command: string): Promise<string> {
  await page.getByTestId('tab-1').click();
  return runInTerminal(page, 1, command);
}

test(`pt: lesson 15 end to end with the page's buttons (cgroup ${version}): a /dev of binds, a zombie, a reaper`, async ({
  page,
}, testInfo) => {
  test.setTimeout(240_000);
  const lesson = await openLesson(page, 'pt', '15-dev-and-pid1');
  const [dev, devpts, zombie, reaper] = lesson.steps as [StepDef, StepDef, StepDef, StepDef];

  await doStep(page, dev, version);
  expect(await terminalText(page, 0)).toContain('Operation not permitted');
  await doStep(page, devpts, version);
  // inside the container: the bound null is the character device 1:3, the new devpts holds only its ptmx
  const inside = await terminalText(page, 0);
  expect(inside).toMatch(/crw-rw-rw- +1 nobody +nogroup +1, +3 .* null/);
  expect(inside).toMatch(/crw-rw-rw- +1 root +root +5, +2 .* ptmx/);
  if (version === 'v1') expect(await terminalText(page, 1)).toContain('a *:* rwm');

  // The zombie: `exit` leaves the container, then the PID 1 that never waits keeps Terminal A.
  await runStep(page, zombie, version, (text) => text.startsWith('unshare'));
  await pressRun(page, zombie, 1);
  await expect.poll(() => inB(page, PS), { timeout: 15_000 }).toMatch(/ Z\+? +sleep/);
  await waitDone(page, 'zombie');
  await runStep(page, zombie, version, undefined, 2);
  await expect.poll(() => inB(page, PS)).not.toMatch(/ sleep\s*$/m);

  // The reaper: the shell stays PID 1, and once the `sleep 1` has ended it has reaped it.
  await pressRun(page, reaper, 0);
  await expect.poll(() => inB(page, PS)).toMatch(/ S\+? +sh\s*$/m);
  await inB(page, 'sleep 1.5');
  await runStep(page, reaper, version, (text) => text.startsWith('kill'), 1);
  await waitDone(page, 'reaper');
  const b = await terminalText(page, 1);
  expect(b).toContain('/usr/bin/readlink');
  expect(await inB(page, PS)).not.toMatch(/ Z\+? /);
  await runStep(page, reaper, version, undefined, reaper.commands.length - 1);
  await expect(page.getByTestId('lesson-progress')).toHaveAttribute('data-steps-done', String(lesson.steps.length));
  await page.screenshot({ path: testInfo.outputPath('lesson-15-pt.png'), fullPage: true });
});
