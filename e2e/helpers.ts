import { expect, type Page } from '@playwright/test';

declare global {
  interface Window {
    __gaiola?: { text(tab: number): string };
  }
}

/** The visible text of a terminal tab's buffer, read through the page's test hook. */
export function terminalText(page: Page, tab: number): Promise<string> {
  return page.evaluate((t) => window.__gaiola?.text(t) ?? '', tab);
}

export async function waitConnected(page: Page, tab: number): Promise<void> {
  await expect(page.getByTestId(`terminal-status-${tab}`)).toHaveAttribute('data-state', 'connected');
  // The prompt: bash prints `root@host:~#` once it is ready for input.
  await expect.poll(() => terminalText(page, tab)).toMatch(/#\s*$/m);
}

let counter = 0;

/**
 * Types a command into a tab and waits for a marker the shell prints after it, so the result is read
 * from the buffer, never guessed with a sleep. Returns the lines printed between the two markers.
 */
export async function runInTerminal(page: Page, tab: number, command: string): Promise<string> {
  counter += 1;
  const tag = `${Date.now().toString(36)}${counter}`;
  await page.getByTestId(`terminal-${tab}`).click();
  await page.keyboard.type(`echo B${tag}B; ${command}; echo E${tag}E`);
  await page.keyboard.press('Enter');
  let out = '';
  await expect
    .poll(async () => {
      const text = await terminalText(page, tab);
      const start = text.lastIndexOf(`\nB${tag}B`);
      const end = text.lastIndexOf(`\nE${tag}E`);
      if (start < 0 || end < start) return false;
      out = text.slice(start + tag.length + 3, end).trim();
      return true;
    })
    .toBe(true);
  return out;
}
