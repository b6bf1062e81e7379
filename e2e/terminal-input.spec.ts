// What reaches the shell's input from the browser, end to end in Chromium against the real agent: a
// reload or a lesson change redraws the screen, and the queries in it (BusyBox's line editor asks for
// the cursor position at every prompt) must not be answered again into the live shell; live queries
// still are. And the terminal's input has the tab's name, in each locale.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import type ptCatalog from '../messages/pt.json';
import { runInTerminal, terminalText, waitConnected } from './helpers';

// Read, not imported: Node's ESM loader wants an import attribute for JSON, which the site's tsconfig lacks.
const catalog = (locale: 'pt' | 'gl') =>
  JSON.parse(readFileSync(path.join(process.cwd(), 'messages', `${locale}.json`), 'utf8')) as typeof ptCatalog;

/**
 * Every query a terminal may answer, as bash's printf writes it: cursor position (CSI 6 n, CSI ? 6 n, and
 * CSI 6 n with the 8-bit CSI U+009B in UTF-8), status (CSI 5 n), device attributes (primary, secondary,
 * tertiary), window and cell sizes (CSI 14/16/18 t), modes (DECRQM, private and ANSI), settings (DECRQSS
 * of SGR and margins), XTVERSION and the OSC colour queries (palette, foreground, background, cursor;
 * ended by BEL and by ST). xterm.js 6 answers most of them; the rest are covered in case it starts to.
 */
const QUERIES = [
  String.raw`\033[6n\033[?6n\302\2336n\033[5n`,
  String.raw`\033[c\033[0c\033[>c\033[=c`,
  String.raw`\033[14t\033[16t\033[18t`,
  String.raw`\033[?2004$p\033[4$p\033P$qm\033\\\033P$qr\033\\\033[>q`,
  String.raw`\033]4;1;?\007\033]10;?\007\033]11;?\033\\\033]12;?\007`,
].join('');

/** The page's test hook (lib/terminal/test-hook.ts), with the terminal seen before a navigation. */
interface TestWindow {
  __gaiola?: { terminals: Record<number, unknown> };
  __gaiolaOld?: unknown;
}

async function typeLine(page: Page, line: string): Promise<void> {
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
}

/** Connected again, and the replayed screen drawn: whatever it made the terminal answer is sent by now. */
async function replayed(page: Page): Promise<void> {
  await expect(page.getByTestId('terminal-status-0')).toHaveAttribute('data-state', 'connected');
  await expect.poll(() => terminalText(page, 0)).toContain('QUERIES-PRINTED');
  await page.getByTestId('terminal-0').click();
}

test('a reload and a lesson change never answer the replayed queries into the shell; live ones are answered', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.goto('/pt/01-chroot');
  await waitConnected(page, 0);
  await page.getByTestId('terminal-0').click();
  // `cat` writes whatever the shell's input receives to a file, a line at a time (the terminal is in
  // canonical mode): the live answers, then what the test types after each redraw.
  await typeLine(
    page,
    `stty -echo; printf '${QUERIES}'; echo QUERIES-'PRINTED'; cat > /tmp/gaiola-input; stty echo; echo CAT-'DONE'`,
  );
  // The queries are parsed (the text after them is drawn), so their live answers are on their way.
  await expect.poll(() => terminalText(page, 0)).toContain('QUERIES-PRINTED');
  await typeLine(page, 'LIVE');

  await page.reload();
  await replayed(page);
  await typeLine(page, 'AFTER-RELOAD');

  // The lesson page mounts a new terminal (a new xterm, a new connection): wait for it, not the old one.
  await page.evaluate(() => {
    const w = window as unknown as TestWindow;
    w.__gaiolaOld = w.__gaiola?.terminals[0];
  });
  await page.locator('a[rel="next"]').click();
  await expect(page).toHaveURL(/\/pt\/02-unshare$/);
  await expect
    .poll(() =>
      page.evaluate(() => {
        const w = window as unknown as TestWindow;
        const now = w.__gaiola?.terminals[0];
        return now !== undefined && now !== w.__gaiolaOld;
      }),
    )
    .toBe(true);
  await replayed(page);
  await typeLine(page, 'AFTER-LESSON-CHANGE');
  await page.keyboard.press('Control+D');
  await expect.poll(() => terminalText(page, 0)).toMatch(/^CAT-DONE$/m);

  // Nothing but the typed words after the live line: a replayed query answered again would sit before them.
  expect(await runInTerminal(page, 0, 'tail -n +2 /tmp/gaiola-input | cat -v')).toBe(
    'AFTER-RELOAD\nAFTER-LESSON-CHANGE',
  );
  // The live queries were answered (a cursor position report among them), before the typed LIVE.
  const live = await runInTerminal(
    page,
    0,
    String.raw`head -n 1 /tmp/gaiola-input | grep -c $'\e\[[0-9]*;[0-9]*R.*LIVE$'`,
  );
  expect(live).toBe('1');
  // And a live query after the redraws is still answered: `read` waits for the report.
  expect(
    await runInTerminal(page, 0, String.raw`printf '\033[6n'; IFS= read -rs -d R cpr; echo "cpr=$cpr" | cat -v`),
  ).toMatch(/^cpr=\^\[\[\d+;\d+$/);
});

for (const locale of ['pt', 'gl'] as const) {
  test(`${locale}: each terminal's input is named after its tab`, async ({ page }) => {
    const m = catalog(locale).terminal;
    await page.goto(`/${locale}/01-chroot`);
    await waitConnected(page, 0);
    for (const [tab, name] of [m.tab0, m.tab1].entries()) {
      const input = page.getByTestId(`terminal-${tab}`).locator('textarea');
      await expect(input).toHaveAttribute('aria-label', name);
      await expect(input).not.toHaveAttribute('aria-label', 'Terminal input');
    }
    // What a screen reader announces: the name, found by role.
    await expect(page.getByRole('textbox', { name: m.tab0, exact: true })).toHaveCount(1);
  });
}
