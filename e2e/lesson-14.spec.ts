// Lesson 14 (ports and names) end to end in Chromium: each step's commands typed by the page's buttons into
// the two terminals, each step turned done by the agent's checks, and what the terminals show on the way.
import { expect, test } from '@playwright/test';
import { hostCgroupVersion } from '../lib/host-cgroup';
import { doStepsWithButtons, openLesson, terminalText } from './helpers';

const version = hostCgroupVersion();

for (const locale of ['pt', 'gl'] as const) {
  test(`${locale}: lesson 14 end to end with the page's buttons: a port published, names of the container's own`, async ({
    page,
  }, testInfo) => {
    test.setTimeout(240_000);
    const lesson = await openLesson(page, locale, '14-ports-and-names');
    await doStepsWithButtons(page, lesson, version);
    // through the DNAT rule, the page the container serves; the container's names, which the sandbox lacks
    const b = await terminalText(page, 1);
    expect(b).toMatch(/^web: 172\.17\.0\.2\s*$/m);
    // the conntrack line wraps in the terminal's width
    expect(b.replaceAll('\n', '')).toMatch(/dport=8080 src=172\.17\.0\.2 dst=172\.17\.0\.1 sport=80/);
    expect(b).toMatch(/^exit 2\s*$/m);
    const a = await terminalText(page, 0);
    expect(a).toMatch(/^172\.17\.0\.2\s+web\s*$/m);
    expect(a).toMatch(/ \/etc\/hosts /);
    await page.getByTestId('kernel-panel-toggle').click();
    await page.getByTestId('kernel-panel-tab-network').click();
    await expect(page.getByTestId('veth-link')).toHaveCount(1);
    await page.screenshot({ path: testInfo.outputPath(`lesson-14-${locale}.png`), fullPage: true });
  });
}
