// Start at any lesson, retry any step (issue 21), in Chromium with the real agent: a student who never did lessons
// 1-7 opens lesson 08 in a new sandbox, prepares it (the agent checks lesson 01's rootfs is there, intact; nothing
// is typed into the terminals) and does its first step; another breaks step 1 of lesson 05 and starts step 2 again,
// the agent redoing step 1 in a fresh sandbox, shown as prepared, not as the student's.
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { hostCgroupVersion } from '../lib/host-cgroup';
import { doStep, messages, openLesson, runInTerminal, terminalText, waitConnected } from './helpers';

const version = hostCgroupVersion();
const pt = messages('pt');
const gl = messages('gl');
const group = version === 'v2' ? '/sys/fs/cgroup/demo' : '/sys/fs/cgroup/memory/demo';
const limitFile = version === 'v2' ? 'memory.max' : 'memory.limit_in_bytes';

test('pt: lesson 08 in a new sandbox, prepared, then its first step done', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const lesson = await openLesson(page, 'pt', '08-overlay');
  const [mount] = lesson.steps;
  if (!mount) throw new Error('lesson 08 has no step');
  const typedBefore = await terminalText(page, 0);

  await page.getByTestId('lesson-prepare').click();
  await expect(page.getByTestId('lesson-prepare-dialog')).toContainText(pt.lesson.prepare.lessonBody);
  await page.getByTestId('lesson-prepare-confirm').click();
  const list = page.getByTestId('prepared-list');
  await expect(list).toContainText(pt.lesson.prepare.listTitle, { timeout: 30_000 });
  await expect(page.getByTestId('prepared-rootfs')).toHaveText(
    'O rootfs do busybox da lição 1 em /root/rootfs, intacto: a imagem dos contêineres do passo 5',
  );
  await waitConnected(page, 0);
  // A fresh sandbox, and the preparation typed nothing into it: its shell shows no command of the lesson.
  expect(await terminalText(page, 0)).not.toContain('busybox');
  expect(typedBefore).not.toContain('busybox');
  for (const step of lesson.steps)
    await expect(page.getByTestId(`step-status-${step.id}`)).toHaveAttribute('data-status', 'pending');

  await doStep(page, mount, version);
  await expect(page.getByTestId('lesson-progress')).toHaveAttribute('data-steps-done', '1');
  await page.screenshot({ path: testInfo.outputPath('prepare-08-pt.png'), fullPage: true });
});

test(`gl: lesson 05 (cgroup ${version}), step 1 broken, step 2 started again: step 1 prepared by the agent`, async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  const lesson = await openLesson(page, 'gl', '05-cgroups-memory');
  const [, join] = lesson.steps;
  if (!join) throw new Error('lesson 05 has no step 2');
  // Step 1 broken: the group made with the wrong limit; the hint says what the kernel shows.
  await runInTerminal(page, 1, `mkdir ${group} && echo 50M > ${group}/${limitFile}`);
  await page.getByTestId('step-check-group').click();
  await expect(page.getByTestId('step-status-group').getByTestId('step-hint')).toHaveAttribute(
    'data-hint',
    'wrong-limit',
  );
  // The README's picture of a hint from the kernel (GAIOLA_SCREENSHOTS=dir writes it there).
  if (process.env.GAIOLA_SCREENSHOTS)
    await page.getByTestId('step-group').screenshot({ path: path.join(process.env.GAIOLA_SCREENSHOTS, 'hint.png') });

  await expect(page.getByTestId('step-restart-group')).toHaveCount(0);
  await page.getByTestId('step-restart-join').click();
  await expect(page.getByTestId('step-restart-join-dialog')).toContainText(
    gl.lesson.prepare.stepBody.replaceAll('{n}', '2'),
  );
  await page.getByTestId('step-restart-join-confirm').click();
  await expect(page.getByTestId('prepared-step-group')).toContainText('Paso 1:', { timeout: 30_000 });
  await expect(page.getByTestId('prepared-step-group')).toContainText('(refeito polo axente)');
  await expect(page.getByTestId('step-status-group')).toHaveAttribute('data-status', 'prepared');
  await expect(page.getByTestId('step-status-group')).toContainText(gl.lesson.step.prepared);
  await expect(page.getByTestId('step-status-join')).toHaveAttribute('data-status', 'pending');
  await waitConnected(page, 1);
  // The agent's replay is kernel state: the fresh sandbox's group has the step's 100 MiB.
  await page.getByTestId('tab-1').click();
  expect(await runInTerminal(page, 1, `cat ${group}/${limitFile}`)).toBe('104857600');

  await doStep(page, join, version);
  await expect(page.getByTestId('step-status-group')).toHaveAttribute('data-status', 'prepared');
  await page.screenshot({ path: testInfo.outputPath('restart-step-05-gl.png'), fullPage: true });
});
