import { expect, test } from '@playwright/test';
import { expectShellComputes, runInTerminal, terminalText, waitConnected } from './helpers';

for (const locale of ['pt', 'gl'] as const) {
  test(`${locale}: a lesson page gives a root shell that runs what it is sent`, async ({ page }) => {
    await page.goto(`/${locale}/01-chroot`);
    await expect(page.locator('html')).toHaveAttribute('lang', locale === 'pt' ? 'pt-BR' : 'gl');
    await waitConnected(page, 0);
    await expectShellComputes(page, 0);
    expect(await runInTerminal(page, 0, 'id -un')).toBe('root');
  });
}

test('the root redirects by the browser language', async ({ browser }) => {
  for (const [lang, expected] of [
    ['gl-ES', '/gl'],
    ['pt-BR', '/pt'],
    ['en-US', '/pt'],
  ] as const) {
    const context = await browser.newContext({ locale: lang, extraHTTPHeaders: { 'accept-language': lang } });
    const page = await context.newPage();
    await page.goto('/');
    expect(new URL(page.url()).pathname).toBe(expected);
    await context.close();
  }
});

test('the locale switcher keeps the reader on the same page', async ({ page }) => {
  await page.goto('/pt/02-unshare');
  await page.getByRole('link', { name: /galego/i }).click();
  await expect(page).toHaveURL(/\/gl\/02-unshare$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'gl');
});

test('both tabs are shells in the same sandbox', async ({ page }) => {
  await page.goto('/pt/01-chroot');
  await waitConnected(page, 0);
  await runInTerminal(page, 0, 'hostname e2e-caixa');
  await page.getByTestId('tab-1').click();
  await waitConnected(page, 1);
  expect(await runInTerminal(page, 1, 'hostname')).toBe('e2e-caixa');
  expect(await runInTerminal(page, 1, 'echo $$')).not.toBe('');
});

test('the terminal follows the window size', async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto('/pt/01-chroot');
  await waitConnected(page, 0);
  const wide = (await runInTerminal(page, 0, 'stty size')).split(' ').map(Number);
  await page.setViewportSize({ width: 1100, height: 600 });
  await expect
    .poll(async () => (await runInTerminal(page, 0, 'stty size')).split(' ').map(Number)[1] ?? 0)
    .toBeLessThan(wide[1] ?? 0);
});

test('a reload finds the same shell in the same sandbox', async ({ page }) => {
  await page.goto('/gl/01-chroot');
  await waitConnected(page, 0);
  await runInTerminal(page, 0, 'export MARCA=recarga-ok; echo $$ > /tmp/pid');
  const pid = await runInTerminal(page, 0, 'cat /tmp/pid');
  await page.reload();
  await waitConnected(page, 0);
  expect(await runInTerminal(page, 0, 'echo $MARCA')).toBe('recarga-ok');
  expect(await runInTerminal(page, 0, 'echo $$')).toBe(pid);
});

test('the paste button types the clipboard into the terminal', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/pt/01-chroot');
  await waitConnected(page, 0);
  const n = Math.floor(Math.random() * 1e6);
  // Arithmetic the shell must do: the echoed command line shows `$((n*7))`, only a run shows the product.
  await page.evaluate((x) => navigator.clipboard.writeText(`echo colado-$((${x}*7))`), n);
  await page.getByTestId('terminal-0').click();
  await page.getByTestId('paste-button').click();
  await page.keyboard.press('Enter');
  await expect.poll(() => terminalText(page, 0)).toMatch(new RegExp(`^colado-${n * 7}$`, 'm'));
});

test('an output flood does not freeze the page, and Ctrl-C stops it', async ({ page }) => {
  await page.goto('/pt/01-chroot');
  await waitConnected(page, 0);
  await page.getByTestId('terminal-0').click();
  await page.keyboard.type('yes gaiola-flood');
  await page.keyboard.press('Enter');
  await expect.poll(() => terminalText(page, 0)).toMatch(/gaiola-flood\n.*gaiola-flood/);
  // The page still answers while the flood runs (a frozen page would time this out): it switches to the
  // other tab, which takes typed input and shows a product only a shell can have computed.
  await page.getByTestId('tab-1').click();
  await waitConnected(page, 1);
  await expectShellComputes(page, 1);
  await page.getByTestId('tab-0').click();
  await page.getByTestId('terminal-0').click();
  await page.keyboard.press('Control+C');
  // Stopped: the flooded shell is back at a prompt and runs what it is sent.
  await expectShellComputes(page, 0);
});
