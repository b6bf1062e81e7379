// Lesson 16 (an image from a registry's layers) end to end in Chromium, in both locales: each step's commands
// typed by the page's buttons, each step turned done by the agent's checks. The image's command keeps Terminal A
// (its run.sh ends in `exec /bin/sh`), so that button is pressed without waiting for a prompt (pressRun) and the
// step is seen done from the process whose root is the image's overlay.
import { expect, test } from '@playwright/test';
import type { StepDef } from '../lessons/types';
import { hostCgroupVersion } from '../lib/host-cgroup';
import { doStep, openLesson, pressRun, runStep, terminalText, waitDone } from './helpers';

const version = hostCgroupVersion();

for (const locale of ['pt', 'gl'] as const) {
  test(`${locale}: lesson 16 end to end with the page's buttons: OCI layers unpacked, converted, mounted and run`, async ({
    page,
  }, testInfo) => {
    test.setTimeout(240_000);
    const lesson = await openLesson(page, locale, '16-oci-image');
    const [unpack, whiteouts, mount, run] = lesson.steps as [StepDef, StepDef, StepDef, StepDef];

    await doStep(page, unpack, version);
    const a = await terminalText(page, 0);
    expect(a.match(/: OK$/gm)).toHaveLength(3);
    expect(a).toContain('.wh..wh..opq');
    await doStep(page, whiteouts, version);
    // The attribute (this host's tmpfs takes user.*), and so no per-entry whiteout: the step's loop runs only if
    // setfattr fails (both together would list the whiteout in the opaque directory).
    expect(await terminalText(page, 0)).toContain('user.overlay.opaque="y"');
    expect(await terminalText(page, 0)).not.toMatch(/0, +0 .*antigo\.conf/);
    await doStep(page, mount, version);
    expect(await terminalText(page, 0)).toMatch(/^novo\.conf\s*$/m);

    // The image's command keeps Terminal A: pressed, not waited on.
    const chroot = run.commands.findIndex((c) => c.text.startsWith('chroot'));
    await runStep(page, run, version, (text) => text.startsWith('chroot'));
    await pressRun(page, run, chroot);
    await expect.poll(() => terminalText(page, 0)).toContain('motd: apagado');
    expect(await terminalText(page, 0)).toContain('app: porta=9090');
    await waitDone(page, 'run');
    // Terminal B reads where that shell stands; then the step's last buttons leave it and unmount.
    await page.getByTestId('tab-1').click();
    await runStep(page, run, version, (text) => text === 'exit', chroot + 1);
    expect(await terminalText(page, 1)).toMatch(/^\/root\/img\/root\s*\n\/root\/img\/root\/app\s*$/m);
    await page.getByTestId('tab-0').click();
    await runStep(page, run, version, undefined, chroot + 2);
    await expect(page.getByTestId('step-status-run')).toHaveAttribute('data-status', 'done');
    await expect(page.getByTestId('lesson-progress')).toHaveAttribute('data-steps-done', String(lesson.steps.length));
    await page.screenshot({ path: testInfo.outputPath(`lesson-16-${locale}.png`), fullPage: true });
  });
}
