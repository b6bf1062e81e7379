// A student refused a sandbox because every slot is taken can still take the quiz (issue 19): quiz answers and
// saved progress go over the agent's HTTP endpoints (GET /progress, POST /quiz), not over a terminal socket.
// The test runs an agent of its own with one sandbox slot (GAIOLA_MAX_SANDBOXES=1) and a site beside it: a
// first student takes the slot, a second is told the class is full, answers a question, sees the agent's
// feedback, and after a reload sees the saved answer, still without a terminal (in pt and in gl).
import { type ChildProcess, spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { testAgentEnv, testRun } from './agent-env';
import { answersOf, lessonBySlug, waitConnected } from './helpers';

const { run, dataDir } = testRun('full');
const SITE_PORT = 3400;
const AGENT_PORT = 3401;
const site = `http://127.0.0.1:${SITE_PORT}`;
const lesson = lessonBySlug('02-unshare');

const children: ChildProcess[] = [];
let agentLog = '';

async function until(cond: () => boolean | Promise<boolean>, what: string, ms = 90_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; agent log:\n${agentLog.slice(-3000)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  const agent = spawn(process.execPath, ['--import', 'tsx', 'sandbox-agent/src/main.ts'], {
    env: {
      ...process.env,
      ...testAgentEnv({ run, dataDir, agentPort: AGENT_PORT, sitePort: SITE_PORT, slot: 1700 }),
      GAIOLA_SITE_ORIGINS: site,
      // One slot: the first student fills the class.
      GAIOLA_MAX_SANDBOXES: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (c: Buffer) => {
    agentLog += c.toString('utf8');
  };
  agent.stdout?.on('data', keep);
  agent.stderr?.on('data', keep);
  children.push(agent);
  children.push(
    spawn(process.execPath, ['node_modules/next/dist/bin/next', 'start', '-H', '127.0.0.1', '-p', String(SITE_PORT)], {
      env: { ...process.env, GAIOLA_AGENT_PORT: String(AGENT_PORT), NEXT_TELEMETRY_DISABLED: '1' },
      stdio: 'ignore',
    }),
  );
  await until(() => agentLog.includes('listening on'), 'the agent');
  await until(async () => (await fetch(`${site}/pt`).catch(() => undefined))?.ok === true, 'the site');
});

// The first student takes the only sandbox, for the whole file.
test.beforeAll(async ({ browser }) => {
  test.setTimeout(120_000);
  const first = await (await browser.newContext()).newPage();
  await first.goto(`${site}/pt/${lesson.slug}`);
  await waitConnected(first, 0);
});

test.afterAll(async () => {
  // SIGTERM: the agent frees every sandbox and cgroup of this run before it exits.
  for (const c of children) c.kill('SIGTERM');
  await Promise.all(children.map((c) => new Promise((r) => (c.exitCode !== null ? r(null) : c.once('exit', r)))));
  rmSync(dataDir, { recursive: true, force: true });
});

for (const locale of ['pt', 'gl'] as const) {
  test(`${locale}: class full, no terminal, but the quiz is answered, graded and kept across a reload`, async ({
    browser,
  }) => {
    test.setTimeout(120_000);
    const answers = await answersOf(lesson.slug);
    if (!answers) throw new Error(`lessons/${lesson.slug}/answers.ts is missing: the agent could not grade`);
    const question = lesson.quiz[0];
    if (!question) throw new Error(`${lesson.slug} has no quiz`);
    const key = answers[question.id];
    if (!key) throw new Error(`no key for ${question.id}`);
    const wrong = question.options.find((o) => o.id !== key.correct)?.id as string;
    // The feedback as the page shows it: code spans lose their backticks.
    const expected = (key.feedback[wrong]?.[locale] ?? '').replaceAll('`', '');

    const page = await (await browser.newContext()).newPage();
    await page.goto(`${site}/${locale}/${lesson.slug}`);
    await expect(page.getByTestId('terminal-status-0')).toHaveAttribute('data-message', 'capacity');

    const form = page.getByTestId(`quiz-${question.id}`);
    await expect(form.locator('fieldset')).toHaveAttribute('aria-busy', 'false');
    await form.locator(`label[data-option="${wrong}"] input`).check();
    // Before issue 19 the button stayed disabled here: answers went over a terminal socket, and there was none.
    await expect(page.getByTestId(`quiz-answer-${question.id}`)).toBeEnabled();
    await page.getByTestId(`quiz-answer-${question.id}`).click();
    const feedback = page.getByTestId(`quiz-feedback-${question.id}`);
    await expect(feedback).toHaveAttribute('data-correct', 'false');
    await expect(feedback).toHaveAttribute('data-first', 'true');
    await expect(feedback).toContainText(expected);

    await page.reload();
    await expect(page.getByTestId('terminal-status-0')).toHaveAttribute('data-message', 'capacity');
    const saved = page.getByTestId(`quiz-saved-${question.id}`);
    await expect(saved).toHaveAttribute('data-option', wrong);
    await expect(page.getByTestId(`quiz-saved-verdict-${question.id}`)).toHaveAttribute('data-correct', 'false');
    await expect(saved).toContainText(expected);
    // Still no sandbox for this student: the answer did not need one.
    await expect(page.getByTestId('terminal-status-0')).not.toHaveAttribute('data-state', 'connected');
  });
}
