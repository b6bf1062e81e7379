// Quiz options in each student's own order (issue 23), in Chromium against the production build and the
// real agent: the order is the one lib/lessons/shuffle.ts derives from the student id in the session token
// (so the test knows it in advance, whatever random id the agent hands out), an answer survives a reload
// with the same order, and a second student sees another order.
import { type Browser, expect, type Page, test } from '@playwright/test';
import { studentOf, TOKEN_STORAGE_KEY } from '../lib/agent/session';
import { studentOrder } from '../lib/lessons/shuffle';
import { answersOf, lessonBySlug, waitConnected } from './helpers';

const lesson = lessonBySlug('02-unshare');

/** The student of the page's session, read from the token it stored. */
async function studentOfPage(page: Page): Promise<string> {
  const token = await page.evaluate((key) => window.localStorage.getItem(key), TOKEN_STORAGE_KEY);
  const student = token ? studentOf(token) : null;
  if (!student) throw new Error(`no student in the stored token ${token}`);
  return student;
}

/** Option ids per question in the order the page shows them, once it shows them (session made). */
async function shownOrders(page: Page): Promise<Record<string, string[]>> {
  const orders: Record<string, string[]> = {};
  for (const q of lesson.quiz) {
    const form = page.getByTestId(`quiz-${q.id}`);
    await expect(form.locator('fieldset')).toHaveAttribute('aria-busy', 'false');
    await expect(form.locator('label[data-option]').first()).toBeVisible();
    orders[q.id] = await form
      .locator('label[data-option]')
      .evaluateAll((labels) => labels.map((l) => l.getAttribute('data-option') ?? ''));
  }
  return orders;
}

/** What lib/lessons/shuffle.ts gives this student for every question of the lesson. */
function expectedOrders(student: string): Record<string, string[]> {
  return Object.fromEntries(
    lesson.quiz.map((q) => [
      q.id,
      studentOrder(
        q.options.map((o) => o.id),
        student,
        lesson.slug,
        q.id,
      ),
    ]),
  );
}

async function openAsNewStudent(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`/pt/${lesson.slug}`);
  await waitConnected(page, 0);
  return page;
}

test('quiz options: each student their own order, the same after a reload, the answer kept by id', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const answers = await answersOf(lesson.slug);
  const key = answers?.q1;
  if (!key) throw new Error('lessons/02-unshare/answers.ts has no q1');

  const first = await openAsNewStudent(browser);
  try {
    const student = await studentOfPage(first);
    const orders = await shownOrders(first);
    expect(orders).toEqual(expectedOrders(student));

    // Answer q1 with the option shown last: what is kept is its id, whatever place it had.
    const q1 = orders.q1 ?? [];
    const picked = q1[q1.length - 1] ?? '';
    const form = first.getByTestId('quiz-q1');
    await form.locator(`label[data-option="${picked}"]`).click();
    await first.getByTestId('quiz-answer-q1').click();
    await expect(first.getByTestId('quiz-feedback-q1')).toHaveAttribute('data-correct', String(picked === key.correct));

    // A reload: the same student, the same order, the first answer shown as that option.
    await first.reload();
    expect(await studentOfPage(first)).toBe(student);
    expect(await shownOrders(first)).toEqual(orders);
    await expect(first.getByTestId('quiz-saved-q1')).toHaveAttribute('data-option', picked);

    // Another student (a browser of their own): another id, the order derived from it, and some question
    // in another order than the first student's (six questions of four options: 24^6 orders to share).
    const second = await openAsNewStudent(browser);
    try {
      const other = await studentOfPage(second);
      expect(other).not.toBe(student);
      const otherOrders = await shownOrders(second);
      expect(otherOrders).toEqual(expectedOrders(other));
      expect(lesson.quiz.some((q) => otherOrders[q.id]?.join() !== orders[q.id]?.join())).toBe(true);
    } finally {
      await second.context().close();
    }
  } finally {
    await first.context().close();
  }
});
