// Lessons end to end, in Chromium against the production build and the real agent: lesson 02 done in
// the two terminals in each locale, each step turning done as the kernel says so, the quiz graded by
// the agent, everything still there after a reload; "start this lesson again"; the course index's
// progress; and the answer keys absent from every client bundle and page the site serves.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { lessons } from '../lessons/index';
import type { LessonAnswers, LessonDef } from '../lessons/types';
import type ptCatalog from '../messages/pt.json';
import { answersOf, runInTerminal, terminalText, waitConnected } from './helpers';

// Read, not imported: Node's ESM loader wants an import attribute for JSON, which the site's tsconfig lacks.
const catalog = (locale: 'pt' | 'gl') =>
  JSON.parse(readFileSync(path.join(process.cwd(), 'messages', `${locale}.json`), 'utf8')) as typeof ptCatalog;
const catalogs = { pt: catalog('pt'), gl: catalog('gl') } as const;
const { pt, gl } = catalogs;
const unshare = lessons.find((l) => l.slug === '02-unshare') as LessonDef;

/** Feedback as the page shows it: `code` marks dropped. */
const shown = (text: string) => text.replaceAll('`', '');

async function stepsDone(page: Page, lesson: LessonDef, timeout = 30_000): Promise<void> {
  for (const step of lesson.steps) {
    await expect(page.getByTestId(`step-status-${step.id}`), step.id).toHaveAttribute('data-status', 'done', {
      timeout,
    });
  }
}

/** Types a command that does not come back to the same shell (it starts another one) and presses Enter. */
async function typeLine(page: Page, tab: number, line: string): Promise<void> {
  await page.getByTestId(`terminal-${tab}`).click();
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
}

for (const locale of ['pt', 'gl'] as const) {
  test(`${locale}: lesson 02 in the terminals, steps done, quiz graded, all kept after a reload`, async ({
    page,
  }, testInfo) => {
    test.setTimeout(240_000);
    const m = catalogs[locale].lesson;
    const answers = await answersOf(unshare.slug);
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.goto(`/${locale}/${unshare.slug}`);
    await waitConnected(page, 0);

    // A fresh student: the agent's saved progress arrives and nothing is done yet.
    for (const step of unshare.steps) {
      await expect(page.getByTestId(`step-status-${step.id}`)).toHaveAttribute('data-status', 'pending');
    }

    // Terminal A goes inside. The first command comes from the step's "run in terminal" button: it
    // types into Terminal A and focuses it; the student presses Enter.
    await runInTerminal(page, 0, 'cd /root');
    const first = unshare.steps[0]?.commands[0];
    expect(first?.tab).toBe(0);
    await page.getByTestId(`run-${unshare.steps[0]?.id}-0`).click();
    await expect.poll(() => terminalText(page, 0)).toContain(first?.text ?? '');
    await page.keyboard.press('Enter');
    // The new shell is PID 1 of its own PID namespace.
    expect(await runInTerminal(page, 0, 'echo $$')).toBe('1');
    await runInTerminal(page, 0, 'mount -t proc proc /proc');
    await runInTerminal(page, 0, 'hostname contedor-a-man');

    // Terminal B stays outside and joins the container's UTS namespace.
    await page.getByTestId('tab-1').click();
    await waitConnected(page, 1);
    expect(await runInTerminal(page, 1, 'hostname')).not.toBe('contedor-a-man');
    await typeLine(page, 1, 'nsenter -t $(pgrep -n -x sh) -u bash');
    expect(await runInTerminal(page, 1, 'hostname')).toBe('contedor-a-man');

    // Checks run by themselves when the terminal goes quiet; the "check" button asks at once.
    const check = page.locator('[data-testid^="step-check-"]').first();
    if (await check.isVisible()) await check.click();
    await stepsDone(page, unshare);
    await expect(page.getByTestId('lesson-progress')).toHaveAttribute('data-steps-done', String(unshare.steps.length));

    // The quiz: a wrong option first (it is the one that counts), then the right one.
    expect(unshare.quiz.length).toBeGreaterThan(0);
    expect(answers, 'lessons/02-unshare/answers.ts').not.toBeNull();
    await expect(page.getByTestId('quiz')).toContainText(m.quiz.firstCounts);
    const firstPicks: Record<string, string> = {};
    for (const question of unshare.quiz) {
      const key = answers?.[question.id];
      if (!key) throw new Error(`no answer for ${question.id}`);
      const wrong = question.options.find((o) => o.id !== key.correct)?.id ?? key.correct;
      firstPicks[question.id] = wrong;
      const form = page.getByTestId(`quiz-${question.id}`);
      await form.locator(`label[data-option="${wrong}"]`).click();
      await page.getByTestId(`quiz-answer-${question.id}`).click();
      const feedback = page.getByTestId(`quiz-feedback-${question.id}`);
      await expect(feedback).toHaveAttribute('data-correct', String(wrong === key.correct));
      await expect(feedback).toHaveAttribute('data-first', 'true');
      await expect(feedback).toContainText(shown(key.feedback[wrong]?.[locale] ?? '?'));
      await expect(feedback).toContainText(m.quiz.incorrect);

      await form.locator(`label[data-option="${key.correct}"]`).click();
      await page.getByTestId(`quiz-answer-${question.id}`).click();
      await expect(feedback).toHaveAttribute('data-correct', 'true');
      await expect(feedback).toHaveAttribute('data-first', 'false');
      await expect(feedback).toContainText(shown(key.feedback[key.correct]?.[locale] ?? '?'));
      // The first answer stays the one that counts.
      await expect(page.getByTestId(`quiz-saved-${question.id}`)).toHaveAttribute('data-option', wrong);
    }

    // A reload finds the steps done and the first answers with their feedback.
    await page.reload();
    await stepsDone(page, unshare, 15_000);
    for (const question of unshare.quiz) {
      const saved = page.getByTestId(`quiz-saved-${question.id}`);
      const wrong = firstPicks[question.id] ?? '';
      await expect(saved).toHaveAttribute('data-option', wrong);
      await expect(saved).toContainText(shown(answers?.[question.id]?.feedback[wrong]?.[locale] ?? '?'));
    }
    await expect(page.getByTestId('lesson-progress')).toHaveAttribute('data-quiz-correct', '0');
    // Artifacts: the whole page, and the first steps beside the terminals as a student sees them.
    for (const [name, fullPage] of [
      [`lesson-02-${locale}.png`, true],
      [`lesson-02-${locale}-steps.png`, false],
    ] as const) {
      if (!fullPage) await page.getByTestId(`step-${unshare.steps[0]?.id}`).evaluate((el) => el.scrollIntoView());
      await page.screenshot({ path: testInfo.outputPath(name), fullPage });
      await testInfo.attach(name, { path: testInfo.outputPath(name), contentType: 'image/png' });
    }

    // The course index shows the same progress, fetched from the agent by the browser.
    await page.goto(`/${locale}`);
    await expect(page.getByTestId(`progress-${unshare.slug}`)).toBeVisible();
    await expect(page.getByTestId('progress-note')).toBeHidden();
  });
}

test('start this lesson again: a fresh sandbox, progress kept', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto(`/pt/${unshare.slug}`);
  await waitConnected(page, 0);
  await runInTerminal(page, 0, 'cd /root');
  await typeLine(page, 0, 'unshare -m -i -n -p -u -f chroot rootfs /bin/sh');
  expect(await runInTerminal(page, 0, 'echo $$')).toBe('1');
  const firstStep = unshare.steps[0]?.id ?? '';
  await expect(page.getByTestId(`step-status-${firstStep}`)).toHaveAttribute('data-status', 'done', {
    timeout: 30_000,
  });

  await page.getByTestId('lesson-restart').click();
  await expect(page.getByTestId('lesson-restart-dialog')).toBeVisible();
  await page.getByTestId('lesson-restart-confirm').click();
  // Both tabs drop (4012) and come back to a new sandbox: a new shell, a plain bash, not the chroot's sh.
  await expect.poll(() => terminalText(page, 0), { timeout: 30_000 }).toContain(pt.terminal.message.newShell);
  await waitConnected(page, 0);
  expect(await runInTerminal(page, 0, 'echo $$')).not.toBe('1');
  expect(await runInTerminal(page, 0, 'hostname')).not.toBe('contedor-a-man');
  await expect(page.getByTestId(`step-status-${firstStep}`)).toHaveAttribute('data-status', 'done');
});

test('the course index: no token, no progress and no complaint; agent down, a quiet note', async ({ browser }) => {
  const fresh = await browser.newContext();
  const page = await fresh.newPage();
  await page.goto('/pt');
  for (const lesson of lessons) {
    const item = page.getByTestId(`lesson-${lesson.slug}`);
    await expect(item).toContainText(lesson.title.pt);
    await expect(item).toContainText(String(lesson.steps.length));
  }
  // No note, no badge and no class to join (solo mode), asserted once the page's requests to the agent
  // (/progress, /health) are done: before that, a page still loading shows none of them either.
  await page.waitForLoadState('networkidle');
  await expect(page.getByTestId('progress-note')).toBeHidden();
  await expect(page.locator('[data-testid^="progress-0"]')).toHaveCount(0);
  await expect(page.getByTestId('class-banner')).toHaveCount(0);
  await fresh.close();

  const down = await browser.newContext();
  await down.addInitScript(() => window.localStorage.setItem('gaiola.token', 'some-token'));
  await down.route('**/progress', (route) => route.abort('connectionrefused'));
  const page2 = await down.newPage();
  await page2.goto('/gl');
  await expect(page2.getByTestId('progress-note')).toBeVisible();
  await expect(page2.getByTestId('progress-note')).toContainText(gl.home.progressUnavailable);
  await expect(page2.getByTestId(`lesson-${lessons[0]?.slug}`)).toBeVisible();
  await down.close();
});

// --- the answer keys stay with the agent ----------------------------------------------------------

function filesUnder(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) filesUnder(full, out);
    else out.push(full);
  }
  return out;
}

/** Text as a reader would match it: JS string escapes (`\u00e1`, `\n`, `\"`) undone. */
function unescapeJs(text: string): string {
  return text
    .replace(/\\u\{([0-9a-fA-F]+)\}/g, (_, h: string) => String.fromCodePoint(Number.parseInt(h, 16)))
    .replace(/\\u([0-9a-fA-F]{4})/g, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16)))
    .replace(/\\x([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16)))
    .replace(/\\(["'`\\/])/g, '$1')
    .replace(/\\n/g, '\n');
}

/** Feedback long enough to be unmistakable (a short one could match ordinary text). */
function needles(answers: LessonAnswers): string[] {
  const out = new Set<string>();
  for (const key of Object.values(answers)) {
    for (const fb of Object.values(key.feedback)) {
      for (const text of Object.values(fb)) {
        if (text.length >= 16 && !/\bTODO\b/.test(text)) out.add(text);
      }
    }
  }
  return [...out];
}

/** An answer key's shape: `correct: "b"` for an option id of that lesson. */
function keyPattern(answers: LessonAnswers): RegExp {
  const ids = [...new Set(Object.values(answers).map((a) => a.correct))].map((id) =>
    id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
  );
  return new RegExp(`["']?correct["']?\\s*:\\s*["'](?:${ids.join('|')})["']`);
}

test('answers and feedback never reach the browser: bundles, pages, RSC payloads', async ({ request }) => {
  // Every lesson's key (answersOf fails on a missing one: a lesson without a key is a bug, not a reason to skip).
  const keys: { slug: string; answers: LessonAnswers }[] = [];
  for (const lesson of lessons) keys.push({ slug: lesson.slug, answers: await answersOf(lesson.slug) });
  expect(keys.length).toBeGreaterThan(0);

  const staticDir = path.join(process.cwd(), '.next', 'static');
  expect(existsSync(staticDir), 'run `next build` first').toBe(true);
  const sources: { where: string; text: string }[] = filesUnder(staticDir)
    .filter((f) => /\.(js|mjs|json|html|txt|rsc|map)$/.test(f))
    .map((f) => ({ where: path.relative(process.cwd(), f), text: unescapeJs(readFileSync(f, 'utf8')) }));
  expect(sources.filter((s) => s.where.endsWith('.js')).length).toBeGreaterThan(0);

  for (const locale of ['pt', 'gl']) {
    for (const url of [`/${locale}`, ...lessons.map((l) => `/${locale}/${l.slug}`)]) {
      const html = await request.get(url);
      expect(html.ok(), url).toBe(true);
      sources.push({ where: `${url} (HTML)`, text: unescapeJs(await html.text()) });
      const rsc = await request.get(url, { headers: { RSC: '1' } });
      expect(rsc.ok(), `${url} RSC`).toBe(true);
      const payload = await rsc.text();
      expect(payload.length, `${url} RSC payload`).toBeGreaterThan(0);
      sources.push({ where: `${url} (RSC)`, text: unescapeJs(payload) });
    }
  }

  // The pages do carry the questions (so the search would find a leak if there were one).
  const someQuestion = keys.flatMap(({ slug }) => lessons.find((l) => l.slug === slug)?.quiz ?? [])[0];
  expect(someQuestion, 'a lesson with a quiz').toBeDefined();
  expect(sources.some((s) => s.text.includes(someQuestion?.prompt.pt ?? '?'))).toBe(true);

  const leaks: string[] = [];
  for (const { slug, answers } of keys) {
    const pattern = keyPattern(answers);
    for (const source of sources) {
      for (const needle of needles(answers)) {
        if (source.text.includes(needle)) leaks.push(`${slug} feedback in ${source.where}: ${needle.slice(0, 50)}…`);
      }
      const found = pattern.exec(source.text);
      if (found) leaks.push(`${slug} answer key shape in ${source.where}: ${found[0]}`);
    }
  }
  expect(leaks).toEqual([]);
});
