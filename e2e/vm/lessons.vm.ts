// The VM tier's e2e smoke (playwright.vm.config.ts, run by scripts/vm/run.sh): the host's Chromium against the
// site and agent that `npm start` runs in the Debian guest (systemd, pure cgroup v2).
import { expect, test } from '@playwright/test';
import { runInTerminal, waitConnected } from '../helpers';

test('the guest serves a lesson with a root shell in a sandbox on cgroup v2', async ({ page }) => {
  await page.goto('/pt/05-cgroups-memory');
  await waitConnected(page, 0);
  expect(await runInTerminal(page, 0, 'stat -fc %T /sys/fs/cgroup')).toBe('cgroup2fs');
});
