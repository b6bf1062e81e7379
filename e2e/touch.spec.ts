// A student on a phone and on a tablet, with touch only (Chromium's touch emulation: taps are touch events,
// the pointer is coarse): lesson 01's first step done by tapping the "run in terminal" buttons, which bring
// forward the terminal they typed into, and the key bar's Enter; ^C from the key bar's sticky Ctrl stops a
// running `sleep 100` and the prompt comes back; Tab from the key bar completes a name; the arrows recall
// history; on the phone the text and the terminals are two panes and the terminal refits when the viewport
// shrinks (as when the on-screen keyboard opens). The step is done when the agent sees it in the kernel.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { devices, expect, type Page, test } from '@playwright/test';
import type ptCatalog from '../messages/pt.json';
import { expectAccessible } from './a11y';
import { prompts, terminalText, waitConnected, waitDone } from './helpers';

const catalog = (locale: 'pt' | 'gl') =>
  JSON.parse(readFileSync(path.join(process.cwd(), 'messages', `${locale}.json`), 'utf8')) as typeof ptCatalog;

/** The terminal's size as xterm has it (the test hook's terminals; helpers.ts declares only `text`). */
function rows(page: Page, tab: number): Promise<number> {
  return page.evaluate(
    (t) =>
      (window as unknown as { __gaiola?: { terminals: Record<number, { rows: number }> } }).__gaiola?.terminals[t]
        ?.rows ?? 0,
    tab,
  );
}

/** The last line of a tab's buffer: the prompt and what is typed after it. */
async function lastLine(page: Page, tab: number): Promise<string> {
  return (await terminalText(page, tab)).split('\n').pop() ?? '';
}

const tap = (page: Page, testId: string) => page.getByTestId(testId).tap();
const input = (page: Page, tab: number) => page.getByTestId(`terminal-${tab}`).locator('textarea');

/** Taps the key bar's Enter and waits for bash's next prompt in tab 0. */
async function enterAndWait(page: Page): Promise<void> {
  const before = await prompts(page, 0);
  await tap(page, 'key-enter');
  await expect.poll(() => prompts(page, 0)).toBeGreaterThan(before);
}

const SIZES = [
  {
    name: 'phone',
    locale: 'pt',
    use: { ...devices['Pixel 7'], defaultBrowserType: undefined },
    narrow: true,
  },
  {
    name: 'tablet',
    locale: 'gl',
    use: { ...devices['iPad Mini landscape'], defaultBrowserType: undefined, hasTouch: true, isMobile: true },
    narrow: false,
  },
] as const;

for (const size of SIZES) {
  test.describe(`${size.name} (${size.use.viewport.width}×${size.use.viewport.height}, touch)`, () => {
    // The device's size, touch and mobile viewport; this host's Chromium (the config's launch options) all the same.
    test.use({
      viewport: size.use.viewport,
      deviceScaleFactor: size.use.deviceScaleFactor,
      isMobile: size.use.isMobile,
      hasTouch: size.use.hasTouch,
    });

    test(`${size.locale}: lesson 01's first step with taps and the key bar, ^C, Tab and arrows`, async ({ page }) => {
      test.setTimeout(180_000);
      const keys = catalog(size.locale).terminal.keys;
      await page.goto(`/${size.locale}/01-chroot`);
      await waitConnected(page, 0);
      await expect(page.getByTestId('step-status-chroot')).toHaveAttribute('data-status', 'pending');

      if (size.narrow) {
        // Two panes: the text first, the terminals out of the page; the step list in the switch bar.
        await expect(page.getByTestId('pane-switch')).toBeVisible();
        await expect(page.getByTestId('terminal-0')).toBeHidden();
        await expect(page.getByTestId('pane-step-chroot')).toHaveAttribute('data-status', 'pending');
        await tap(page, 'pane-terminal');
        await expect(page.locator('#lesson-text')).toBeHidden();
      } else {
        await expect(page.getByTestId('pane-switch')).toBeHidden();
      }
      // The key bar is there on a touch screen without asking, in the page's language.
      await expect(page.getByTestId('key-bar')).toBeVisible();
      await expect(page.getByTestId('key-ctrl')).toHaveAttribute('aria-label', keys.ctrl);
      await expect(page.getByTestId('key-paste')).toHaveText(keys.paste);
      // The key bar, the pane switch and the step list keep the page clean for axe, with no English.
      await expectAccessible(page, `01-chroot at ${size.name} size, terminals shown`);
      // Terminal B on show: the run button must bring Terminal A back.
      await tap(page, 'tab-1');
      await waitConnected(page, 1);
      if (size.narrow) await tap(page, 'pane-text');

      // Step 1, first command: the button types into Terminal A and shows it; the key bar's Enter runs it.
      await tap(page, 'run-chroot-0');
      await expect(page.getByTestId('tab-0')).toHaveAttribute('aria-selected', 'true');
      await expect(page.getByTestId('terminal-0')).toBeInViewport();
      if (size.narrow) await expect(page.getByTestId('pane-terminal')).toHaveAttribute('aria-pressed', 'true');
      await expect.poll(() => lastLine(page, 0)).toMatch(/# ls rootfs$/);
      await expect(input(page, 0)).toBeFocused();
      await enterAndWait(page);
      expect(await terminalText(page, 0)).toMatch(/\bbin\b/);
      if (size.narrow) {
        // Back to the text: where the student left it, at the button, not at the top of the lesson.
        await tap(page, 'pane-text');
        await expect(page.getByTestId('run-chroot-0')).toBeInViewport();
        expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(500);
        await tap(page, 'pane-terminal');
        await tap(page, 'terminal-0');
      }
      // From here on every tap is on the key bar: the terminal must never lose the focus (a blur would close the
      // platform keyboard, even if the focus came back after).
      await input(page, 0).evaluate((el) => {
        el.addEventListener('blur', () => el.setAttribute('data-blurs', String(Number(el.dataset.blurs ?? 0) + 1)));
      });

      // Tab completion from the key bar, the terminal keeping the focus (and so the platform keyboard).
      await page.keyboard.type('ls roo');
      await tap(page, 'key-tab');
      await expect.poll(() => lastLine(page, 0)).toMatch(/# ls rootfs\/$/);
      await expect(input(page, 0)).toBeFocused();
      await enterAndWait(page);

      // ^C: the sticky Ctrl, then c from the keyboard, stops a running sleep; the prompt comes back and the
      // shell says the command died of SIGINT (128 + 2). Without the Ctrl the c would wait 100 s in sleep's input.
      await page.keyboard.type('echo go-$((6*7)); sleep 100');
      await tap(page, 'key-enter');
      await expect.poll(() => terminalText(page, 0)).toMatch(/^go-42$/m);
      const running = await prompts(page, 0);
      await tap(page, 'key-ctrl');
      await expect(page.getByTestId('key-ctrl')).toHaveAttribute('aria-pressed', 'true');
      await expect(input(page, 0)).toBeFocused();
      // The README's picture of the key bar, Ctrl held for the c (GAIOLA_SCREENSHOTS=dir writes it there).
      if (process.env.GAIOLA_SCREENSHOTS && size.narrow)
        await page.screenshot({ path: path.join(process.env.GAIOLA_SCREENSHOTS, 'touch-key-bar.png'), scale: 'css' });
      await page.keyboard.type('c');
      await expect.poll(() => prompts(page, 0)).toBeGreaterThan(running);
      await expect(page.getByTestId('key-ctrl')).toHaveAttribute('aria-pressed', 'false');
      expect(await terminalText(page, 0)).toMatch(/\^C/);
      await page.keyboard.type('echo rc-$?');
      await enterAndWait(page);
      expect(await terminalText(page, 0)).toMatch(/^rc-130$/m);

      // The key bar's paste: the clipboard's text typed at the prompt, run with the bar's Enter.
      await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
      await page.evaluate(() => navigator.clipboard.writeText('echo pasted-$((3*5))'));
      await tap(page, 'key-paste');
      await expect.poll(() => lastLine(page, 0)).toMatch(/# echo pasted-\$\(\(3\*5\)\)$/);
      await enterAndWait(page);
      expect(await terminalText(page, 0)).toMatch(/^pasted-15$/m);

      // The arrows: ↑ brings the last command back; Ctrl then u (^U) clears the line again.
      await tap(page, 'key-up');
      await expect.poll(() => lastLine(page, 0)).toMatch(/# echo pasted-\$\(\(3\*5\)\)$/);
      await tap(page, 'key-ctrl');
      await page.keyboard.type('u');
      await expect.poll(() => lastLine(page, 0)).toMatch(/#$/);
      await expect(input(page, 0)).not.toHaveAttribute('data-blurs');

      if (size.narrow) {
        // The on-screen keyboard takes the lower part of the screen: the terminal gets fewer rows, and the
        // shell is told (stty reads the pty's size, which the agent sets from the browser's resize).
        const before = await rows(page, 0);
        expect(before).toBeGreaterThan(10);
        await page.setViewportSize({ width: size.use.viewport.width, height: 480 });
        await expect.poll(() => rows(page, 0)).toBeLessThan(before);
        await expect(page.getByTestId('key-bar')).toBeInViewport();
        const now = await rows(page, 0);
        await page.keyboard.type('stty size');
        await enterAndWait(page);
        expect(await terminalText(page, 0)).toMatch(new RegExp(`^${now} \\d+$`, 'm'));
        await page.setViewportSize(size.use.viewport);
        // The step list is there in the terminals' pane too; a tap on a step brings the text back at it.
        await tap(page, 'pane-step-chroot');
        await expect(page.getByTestId('step-chroot')).toBeInViewport();
        await expect(page.getByTestId('terminal-0')).toBeHidden();
      }

      // Step 1, second command: into the chroot with a tap on the button and one on Enter.
      await tap(page, 'run-chroot-1');
      await expect(page.getByTestId('terminal-0')).toBeInViewport();
      await expect.poll(() => lastLine(page, 0)).toMatch(/# chroot rootfs \/bin\/sh$/);
      await tap(page, 'key-enter');
      // The agent decides, from the kernel: a process whose root is the rootfs.
      await waitDone(page, 'chroot');
      // The step list says so too (on the phone, from the terminals' pane).
      await expect(page.getByTestId('pane-step-chroot')).toHaveAttribute('data-status', 'done');
    });
  });
}

test('desktop: no key bar with a mouse until the toggle asks for it, and the choice is remembered', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto('/pt/01-chroot');
  await waitConnected(page, 0);
  await expect(page.getByTestId('pane-switch')).toBeHidden();
  await expect(page.getByTestId('key-bar')).toHaveCount(0);
  await page.getByTestId('key-bar-toggle').click();
  await expect(page.getByTestId('key-bar-toggle')).toHaveAttribute('aria-pressed', 'true');
  // A click on a key keeps the terminal's focus, as a tap does.
  await page.getByTestId('terminal-0').click();
  await page.keyboard.type('echo kept-$((2*4))');
  await page.getByTestId('key-enter').click();
  await expect.poll(() => terminalText(page, 0)).toMatch(/^kept-8$/m);
  await expect(input(page, 0)).toBeFocused();
  await page.reload();
  await expect(page.getByTestId('key-bar')).toBeVisible();
  await page.getByTestId('key-bar-toggle').click();
  await expect(page.getByTestId('key-bar')).toHaveCount(0);
});
