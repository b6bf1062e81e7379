// The VM tier's e2e smoke (playwright.vm.config.ts, run by scripts/vm/run.sh): this host's Chromium against the
// site and the agent that `npm start` runs in the Debian guest (systemd, pure cgroup v2), through QEMU's
// forwards. Lessons 05, 06 and the PIDs lesson split from 06 with the v2 commands the page shows there, and
// lesson 11 end to end, each step turning done as the guest's kernel says so.
import { expect, test } from '@playwright/test';
import type { CgroupVersion } from '../../lessons/types';
import { doLesson05WithButtons, doStepsWithButtons, openLesson, runInTerminal, terminalText } from '../helpers';

const AGENT_PORT = Number(process.env.GAIOLA_VM_AGENT_PORT ?? 3281);
let version: CgroupVersion = 'v1';

test.beforeAll(async ({ request }) => {
  // The guest's own cgroup version, as its agent reports it; the guest is built to be v2.
  const health = (await (await request.get(`http://localhost:${AGENT_PORT}/health`)).json()) as { cgroups: string };
  expect(health.cgroups).toBe('v2');
  version = 'v2';
});

test('pt: lesson 05 with the v2 commands: a memory limit, its usage, an OOM kill inside the group', async ({
  page,
}, testInfo) => {
  await doLesson05WithButtons(page, version);
  expect(await terminalText(page, 1)).toContain('memory.max');
  await page.screenshot({ path: testInfo.outputPath('lesson-05-pt.png'), fullPage: true });
});

test('gl: lesson 06 with the v2 commands: cpu.max, one quota for two loops, weights', async ({ page }, testInfo) => {
  const lesson = await openLesson(page, 'gl', '06-cgroups-cpu-pids');
  await doStepsWithButtons(page, lesson, version);
  expect(await terminalText(page, 1)).toMatch(/nr_throttled [1-9]/);
  await page.screenshot({ path: testInfo.outputPath('lesson-06-gl.png'), fullPage: true });
  // The busy loops of the CPU steps are Terminal B's jobs: ended here, so that they do not slow the guest for
  // the next lesson while this sandbox waits out its grace period.
  await runInTerminal(page, 1, 'kill $(jobs -p)');
});

test('gl: the PIDs lesson split from 06 with the v2 commands: pids.max, cgroup.freeze, cgroup.kill', async ({
  page,
}, testInfo) => {
  const lesson = await openLesson(page, 'gl', '06-cgroups-pids-freezer');
  await doStepsWithButtons(page, lesson, version);
  const b = await terminalText(page, 1);
  expect(b).toMatch(/frozen 1/);
  expect(b).toMatch(/populated 0/);
  await page.screenshot({ path: testInfo.outputPath('lesson-06-pids-gl.png'), fullPage: true });
});

test('gl: lesson 11 end to end: a container with every piece', async ({ page }, testInfo) => {
  const lesson = await openLesson(page, 'gl', '11-container-by-hand');
  await doStepsWithButtons(page, lesson, version);
  expect(await terminalText(page, 0)).toMatch(/^ctr\s*$/m);
  await page.screenshot({ path: testInfo.outputPath('lesson-11-gl.png'), fullPage: true });
});

test('pt: the Kernel panel on v2: the sandbox’s memory.max, and the forks a small bomb had refused', async ({
  page,
}, testInfo) => {
  await openLesson(page, 'pt', '06-cgroups-cpu-pids');
  // The sandbox's own limit, as its root group's file holds it: a whole number of MiB by the agent's config.
  const max = await runInTerminal(page, 1, 'cat /sys/fs/cgroup/memory.max');
  expect(max).toMatch(/^\d+$/);
  const mib = Number(max) / 2 ** 20;
  expect(Number.isInteger(mib)).toBe(true);
  const panel = page.getByTestId('kernel-panel');
  await page.getByTestId('kernel-panel-toggle').click();
  await expect(panel).toHaveAttribute('data-open', 'true');
  await page.getByTestId('kernel-panel-tab-cgroups').click();
  await expect(panel).toHaveAttribute('data-section', 'cgroups');
  // The root group's own facts come first: its element holds its children's too (the init leaf, "sem limite").
  const rootMemory = page.locator('[data-testid="panel-cgroup"][data-path="/"] [data-testid="cgroup-memory"]').first();
  await expect(rootMemory).toContainText(`de ${mib} MiB`);
  // A small bomb, as lesson 06's pids step but smaller: a group capped at 5, a shell in it asking for 10 sleeps.
  // On kernel 6.1 the refusals are counted where the shell forks, which is this group too.
  await runInTerminal(page, 1, 'mkdir /sys/fs/cgroup/bomba5 && echo 5 > /sys/fs/cgroup/bomba5/pids.max');
  const pids = page.locator('[data-testid="panel-cgroup"][data-path="/bomba5"] [data-testid="cgroup-pids"]').first();
  await expect(pids).toContainText('de 5');
  // In Terminal B, the tab on show (a hidden tab's terminal cannot be typed into); the shell exits once its loop
  // is refused, the sleeps that got through stay in the group.
  await runInTerminal(
    page,
    1,
    "sh -c 'echo $$ > /sys/fs/cgroup/bomba5/cgroup.procs; for i in $(seq 10); do sleep 600 & done' 2>/dev/null",
  );
  expect(await runInTerminal(page, 1, 'cat /sys/fs/cgroup/bomba5/pids.events')).toMatch(/^max [1-9]\d*$/m);
  await expect(pids).toContainText(/forks recusados: [1-9]/);
  await panel.screenshot({ path: testInfo.outputPath('kernel-panel-v2-pt.png') });
  // The sleeps that got through: ended here, so that they do not outlive the test in the guest.
  await runInTerminal(page, 1, 'echo 1 > /sys/fs/cgroup/bomba5/cgroup.kill');
});
