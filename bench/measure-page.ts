// A lesson page in the production build, in headless Chromium (Debian's) on localhost: the JavaScript
// transferred (gzip, as `next start` serves it) and the time from navigation start to the terminal's first
// prompt, a fresh browser context (no cache, no token) each run, and where that time goes: a timeline of the
// same loads (the HTML, the scripts, the session's answer, the terminal's WebSocket created, open, its first
// frame, the prompt drawn). Starts its own agent and site on ports of their own; needs `next build` to have
// run (npm test and npm start do).
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Browser, chromium, type Page } from '@playwright/test';
import { spawnTestAgent, testAgentEnv } from '../e2e/agent-env';
import { SESSION_PATH, WS_PATH } from '../sandbox-agent/src/protocol';
import { type Row, sleep, stats } from './lib';

const SITE_PORT = 3320;
const AGENT_PORT = 3321;

async function until(cond: () => Promise<boolean> | boolean, what: string, ms = 60_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(200);
  }
}

// Stamps the first terminal WebSocket's life in the page (created, open, first frame), before any of the
// page's own code runs. Text, not a function: tsx's transform names functions and classes with a helper
// (`__name`) that does not exist in the page.
function stampTerminalSocket(wsPath: string): string {
  return `(() => {
    const stamps = {};
    window.__gaiolaWs = stamps;
    const Native = window.WebSocket;
    window.WebSocket = class extends Native {
      constructor(url, protocols) {
        super(url, protocols);
        if (stamps.created !== undefined || !new URL(String(url)).pathname.startsWith(${JSON.stringify(wsPath)})) return;
        stamps.created = performance.now();
        this.addEventListener('open', () => { stamps.open = performance.now(); });
        this.addEventListener('message', () => { stamps.firstFrame ??= performance.now(); });
      }
    };
  })();`;
}

/** One load's timeline, ms from navigation start; in the order a load reaches them. */
interface Timeline {
  html: number;
  scripts: number;
  domContentLoaded: number;
  session: number;
  socketCreated: number;
  socketOpen: number;
  firstFrame: number;
  prompt: number;
}

const TIMELINE_ROWS: [keyof Timeline, string][] = [
  ['html', 'the HTML received (responseEnd)'],
  ['scripts', 'the last script of the load received'],
  ['domContentLoaded', 'DOMContentLoaded handled (the scripts run)'],
  ['session', 'the session request answered'],
  ['socketCreated', 'the terminal’s WebSocket created (after hydration)'],
  ['socketOpen', 'the WebSocket open'],
  ['firstFrame', 'its first frame received'],
  ['prompt', 'the prompt drawn in the terminal'],
];

async function timelineOf(page: Page, prompt: number): Promise<Timeline> {
  // Text for the same reason as the stamps.
  const t = (await page.evaluate(`(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    const res = performance.getEntriesByType('resource');
    const lastEnd = (xs) => xs.reduce((m, e) => Math.max(m, e.responseEnd), 0);
    const ws = window.__gaiolaWs ?? {};
    return {
      html: nav.responseEnd,
      scripts: lastEnd(res.filter((e) => e.initiatorType === 'script' && e.startTime < nav.domContentLoadedEventEnd)),
      domContentLoaded: nav.domContentLoadedEventEnd,
      session: lastEnd(res.filter((e) => new URL(e.name).pathname === ${JSON.stringify(SESSION_PATH)})),
      socketCreated: ws.created ?? NaN,
      socketOpen: ws.open ?? NaN,
      firstFrame: ws.firstFrame ?? NaN,
    };
  })()`)) as Omit<Timeline, 'prompt'>;
  return { ...t, prompt };
}

/** The production site and an agent on ports of their own, and Debian's Chromium; `close` ends all three. */
export async function openPageSite(): Promise<{ browser: Browser; lessonUrl: string; close(): Promise<void> }> {
  const run = 'gaiola-bench-page';
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gaiola-bench-page-'));
  const children: ChildProcess[] = [];
  const agent = spawnTestAgent({
    ...testAgentEnv({ run, dataDir, agentPort: AGENT_PORT, sitePort: SITE_PORT, slot: 2800 }),
    GAIOLA_GRACE_SECONDS: '0',
  });
  children.push(agent.child);
  children.push(
    spawn(process.execPath, ['node_modules/next/dist/bin/next', 'start', '-H', '127.0.0.1', '-p', String(SITE_PORT)], {
      env: { ...process.env, GAIOLA_AGENT_PORT: String(AGENT_PORT) },
      stdio: 'ignore',
    }),
  );
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
  const close = async () => {
    await browser.close();
    for (const c of children) c.kill('SIGTERM');
    await Promise.all(children.map((c) => new Promise((r) => (c.exitCode !== null ? r(null) : c.once('exit', r)))));
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await agent.ready();
    await until(
      async () => (await fetch(`http://127.0.0.1:${SITE_PORT}/pt`).catch(() => undefined))?.ok === true,
      'the site',
    );
  } catch (err) {
    await close();
    throw err;
  }
  return { browser, lessonUrl: `http://localhost:${SITE_PORT}/pt/01-chroot`, close };
}

/** The JavaScript the page has transferred so far (bytes on the wire, gzip and headers). */
function scriptBytes(page: Page): Promise<number> {
  return page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .filter((e) => (e as PerformanceResourceTiming).initiatorType === 'script' || e.name.endsWith('.js'))
      .reduce((n, e) => n + (e as PerformanceResourceTiming).transferSize, 0),
  );
}

/** Resolves once terminal 0 shows bash's prompt (the page's test hook). */
export async function promptDrawn(page: Page): Promise<void> {
  await page.waitForFunction(
    () => /#\s*$/m.test((globalThis as unknown as { __gaiola?: { text(t: number): string } }).__gaiola?.text(0) ?? ''),
    undefined,
    { timeout: 30_000, polling: 5 },
  );
}

export async function measurePage(quick: boolean): Promise<Row[]> {
  if (!fs.existsSync('.next/BUILD_ID')) {
    return [{ metric: 'lesson page', value: 0, unit: 'ms', note: 'skipped: no production build (run next build)' }];
  }
  const runs = quick ? 2 : 10;
  const site = await openPageSite();
  try {
    const toPrompt: number[] = [];
    const initialJs: number[] = [];
    const allJs: number[] = [];
    const timelines: Timeline[] = [];
    for (let i = 0; i < runs; i++) {
      const context = await site.browser.newContext();
      await context.addInitScript(stampTerminalSocket(WS_PATH));
      const page = await context.newPage();
      await page.goto(site.lessonUrl);
      const loadJs = await scriptBytes(page);
      await promptDrawn(page);
      const prompt = await page.evaluate(() => performance.now());
      toPrompt.push(prompt);
      timelines.push(await timelineOf(page, prompt));
      allJs.push(await scriptBytes(page));
      initialJs.push(loadJs);
      await context.close();
    }
    const t = stats(toPrompt);
    return [
      {
        metric: 'lesson page: navigation start → terminal’s first prompt (Chromium, localhost, no cache)',
        value: t.median,
        unit: 'ms',
        stats: t,
        goal: { op: '<', value: 400 },
      },
      {
        metric: 'lesson page: JavaScript transferred at load (gzip)',
        value: (stats(initialJs).median ?? 0) / 1024,
        unit: 'KiB',
        goal: { op: '<=', value: 188 },
        note: `with the terminal's lazy chunks: ${((stats(allJs).median ?? 0) / 1024).toFixed(0)} KiB`,
      },
      ...TIMELINE_ROWS.map(([key, what]): Row => {
        const s = stats(timelines.map((l) => l[key]).filter((x) => !Number.isNaN(x)));
        return {
          metric: `lesson page timeline: ${what}, from navigation start`,
          value: s.median,
          unit: 'ms',
          stats: s,
        };
      }),
    ];
  } finally {
    await site.close();
  }
}
