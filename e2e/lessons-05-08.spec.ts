import { expect, test } from '@playwright/test';
import { lessons } from '../lessons/index';
import { hostCgroupVersion } from '../lib/host-cgroup';
import {
  doLesson05WithButtons,
  doStepsWithButtons,
  lessonBySlug,
  openLesson,
  runInTerminal,
  takeQuiz,
  terminalText,
} from './helpers';

const version = hostCgroupVersion();

test(`pt: lesson 05 with the page's buttons (cgroup ${version}): a limited group, and an OOM kill inside it`, async ({
  page,
}, testInfo) => {
  test.setTimeout(180_000);
  await doLesson05WithButtons(page, version);
  // The sandbox's cap is a setting (GAIOLA_SANDBOX_MEMORY_MIB), so the page names no number for it: it gives
  // the command that reads it for this host's cgroup version, and that command prints the cap in bytes.
  const prose = page.locator('article[data-lesson="05-cgroups-memory"]');
  const capFile = version === 'v2' ? '/sys/fs/cgroup/memory.max' : '/sys/fs/cgroup/memory/memory.limit_in_bytes';
  await expect(prose).toContainText(`cat ${capFile}`);
  await expect(prose).not.toContainText('512 MiB');
  // Terminal A, where the OOM step left the page; the sandbox's file reads the same from any group
  expect(await runInTerminal(page, 0, `cat ${capFile}`)).toMatch(/^[1-9]\d*$/);
  await page.screenshot({ path: testInfo.outputPath('lesson-05-pt.png'), fullPage: true });
});

test('gl: lesson 08 quiz: every question graded by the agent, with the feedback of the option chosen', async ({
  page,
}) => {
  // a wrong option first: it is graded and kept, and scores nothing
  await takeQuiz(page, 'gl', lessonBySlug('08-overlay'), 'wrongThenRight');
});

test(`gl: lesson 06 split in two (cgroup ${version}): CPU quota, shared and weights, then PIDs, freezer and emptying`, async ({
  page,
}, testInfo) => {
  test.setTimeout(240_000);
  // The course page numbers the lessons by their place: the CPU lesson 6, the one split from it 7, and the
  // mounts lesson, whose slug keeps its 07, 8.
  await page.goto('/gl');
  await expect(page.getByTestId('lesson-06-cgroups-cpu-pids')).toContainText('Lección 6');
  await expect(page.getByTestId('lesson-06-cgroups-pids-freezer')).toContainText('Lección 7');
  await expect(page.getByTestId('lesson-07-mounts')).toContainText('Lección 8');

  const cpu = await openLesson(page, 'gl', '06-cgroups-cpu-pids');
  await expect(page.getByText(`Lección 6 de ${lessons.length}`)).toBeVisible();
  expect(cpu.steps.map((s) => s.id)).toEqual(['quota', 'shared', 'weights']);
  await doStepsWithButtons(page, cpu, version);
  // two loops share cpu10's one quota: its cgroup.procs lists two PIDs
  expect(
    await runInTerminal(
      page,
      1,
      `cat ${version === 'v2' ? '/sys/fs/cgroup' : '/sys/fs/cgroup/cpu'}/cpu10/cgroup.procs | wc -l`,
    ),
  ).toBe('2');
  await page.screenshot({ path: testInfo.outputPath('lesson-06-gl.png'), fullPage: true });
  // the busy loops are Terminal B's jobs, ended as the page says before the next lesson
  await runInTerminal(page, 1, 'kill $(jobs -p); wait; true');

  const pids = await openLesson(page, 'gl', '06-cgroups-pids-freezer');
  await expect(page.getByText(`Lección 7 de ${lessons.length}`)).toBeVisible();
  expect(pids.steps.map((s) => s.id)).toEqual(['pids', 'freeze', 'empty']);
  await doStepsWithButtons(page, pids, version);
  expect(await terminalText(page, 0)).toMatch(/Cannot fork/);
  expect(await terminalText(page, 1)).toMatch(version === 'v2' ? /populated 0/ : /^0\s*$/m);
  await page.screenshot({ path: testInfo.outputPath('lesson-06-pids-gl.png'), fullPage: true });
});
