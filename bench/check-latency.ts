// Check latency per lesson step, for every lesson with its own commands: from the moment the shell's prompt is back at the client (the command
// finished) to the agent's `steps` message showing the step done, and from Enter to done. Each run uses
// a fresh sandbox ("start this lesson again"). Run: npm run bench:checks (as root).
import { lessons } from '../lessons/index';
import type { CgroupVersion, LessonDef } from '../lessons/types';
import { probeHost } from '../sandbox-agent/src/kernel/probe';
import type { ServerMessage } from '../sandbox-agent/src/protocol';
import { startAgent, TermClient, tokenFor, waitUntil } from '../sandbox-agent/test/agent-harness';
import { stats } from './lib';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const version: CgroupVersion = probeHost().cgroup.mode === 'v2' ? 'v2' : 'v1';
/** The end of a prompt: bash's `# `, or busybox's, which asks for the cursor position right after it. */
const ESC = String.fromCharCode(27);
const PROMPT = new RegExp(`[#$] (${ESC}\\[6n)?$`);
/**
 * A prompt anywhere in the output, `user@host:dir# ` (then a line end, or the end): a background job may
 * print after the prompt, as `unshare` does when its child is gone.
 */
const PROMPT_LINE = new RegExp(`\\w@[\\w.-]+:\\S*[#$] (${ESC}\\[6n)?(\\r?\\n|$)`);

/** The pause before a preparing command. */
const BETWEEN_LINES_MS = 250;
/** How long a preparing command may take before it is taken to keep its terminal. */
const HOLDS_AFTER_MS = 5_000;

/** [tab, command, the step it completes, or null for a command that prepares one]. */
type Line = [number, string, string | null];

/** Lines a page's prose asks for between steps (not buttons), typed before the step. */
const BETWEEN: Record<string, Record<string, [number, string][]>> = {
  '03-namespaces': { time: [[1, 'exit']] },
  '13-docker-kubernetes': { 'docker-run': [[1, 'exit']] },
};

/**
 * A lesson's own commands, as its page shows them on this host, step by step: the last command of a step is
 * the one whose prompt → done is measured (when the step was done by an earlier one, that run counts only
 * for Enter → done).
 */
export function solutionOf(lesson: LessonDef, version: CgroupVersion): Line[] {
  const lines: Line[] = [];
  for (const step of lesson.steps) {
    for (const [tab, text] of BETWEEN[lesson.slug]?.[step.id] ?? []) lines.push([tab, text, null]);
    const cmds = step.commands.filter((c) => c.cgroup === undefined || c.cgroup === version);
    cmds.forEach((c, i) => {
      lines.push([c.tab, c.text, i === cmds.length - 1 ? step.id : null]);
    });
  }
  return lines;
}

function doneAtClient(c: TermClient, slug: string, step: string): boolean {
  const m = c.control.filter(
    (x): x is Extract<ServerMessage, { type: 'steps' }> => x.type === 'steps' && x.slug === slug,
  );
  return m.at(-1)?.steps.find((s) => s.id === step)?.done === true;
}

/** Prompt back → step done and Enter → step done, per step, `runs` fresh sandboxes per lesson. */
export async function measureCheckLatency(
  runs: number,
  slugs: readonly string[] = lessons.map((l) => l.slug),
): Promise<{ fromPrompt: Record<string, number[]>; fromEnter: Record<string, number[]>; missed: string[] }> {
  const h = await startAgent({ lessons: true, graceMs: 0, slotOffset: 80 });
  const missed: string[] = [];
  const fromPrompt: Record<string, number[]> = {};
  const fromEnter: Record<string, number[]> = {};
  try {
    for (let run = 0; run < runs; run++) {
      for (const slug of slugs) {
        const lesson = lessons.find((l) => l.slug === slug) as LessonDef;
        const steps = solutionOf(lesson, version);
        // A new student each time: a fresh sandbox, nothing done yet.
        const token = await tokenFor(h);
        const tabs = [new TermClient(h, token, 0), new TermClient(h, token, 1)];
        for (const t of tabs) {
          await t.open();
          await t.hello();
          await waitUntil(() => PROMPT.test(t.output), 'prompt');
        }
        const a = tabs[0] as TermClient;
        a.sendJson({ type: 'lesson', slug });
        await waitUntil(() => a.control.some((m) => m.type === 'steps'), 'first check');
        for (const [tab, command, step] of steps) {
          const t = tabs[tab] as TermClient;
          if (step === null) {
            // A student reads the prompt before typing on: a check run for it (at most one per 100 ms,
            // MIN_RUN_INTERVAL_MS) must not find the state of the next command, such as lesson 03's `exit`.
            await new Promise((r) => setTimeout(r, BETWEEN_LINES_MS));
            const n = t.output.length;
            t.type(`${command}\r`);
            // A command that keeps its terminal (a PID 1 in the foreground, lesson 15) gives no prompt until a
            // later line on the other tab ends it: after a while without one, the lesson goes on, as a student's.
            await waitUntil(() => PROMPT_LINE.test(t.output.slice(n)), command, HOLDS_AFTER_MS).catch(() => undefined);
            continue;
          }
          // A student reads before typing the next command: no check run is still rate-limited then.
          await new Promise((r) => setTimeout(r, 1000));
          const from = t.output.length;
          let promptAt = 0;
          let doneAt = 0;
          // Timestamps taken as frames arrive (the TermClient's own listener has already run for each).
          const onFrame = () => {
            if (!promptAt && PROMPT.test(t.output.slice(from))) promptAt = performance.now();
            if (!doneAt && doneAtClient(t, slug, step)) doneAt = performance.now();
          };
          t.ws.on('message', onFrame);
          const t0 = performance.now();
          t.type(`${command}\r`);
          const seen = await waitUntil(() => doneAt > 0, `${slug}/${step}`, 15_000).then(
            () => true,
            (err: Error) => {
              // A benchmark reports, it does not fail the run: the step is counted as missed, with why.
              const last = t.control.filter((m) => m.type === 'steps').at(-1);
              missed.push(`${err.message}; last steps: ${JSON.stringify(last)}`);
              return false;
            },
          );
          t.ws.off('message', onFrame);
          if (!seen) break;
          // the command's own end (some take longer than their check): the next one is typed at a prompt
          await waitUntil(() => PROMPT_LINE.test(t.output.slice(from)), command);
          const key = `${slug}/${step}`;
          fromEnter[key] = [...(fromEnter[key] ?? []), doneAt - t0];
          // NaN when the step was already done before this command's prompt came back.
          fromPrompt[key] = [
            ...(fromPrompt[key] ?? []),
            promptAt && promptAt <= doneAt ? doneAt - promptAt : Number.NaN,
          ];
        }
        for (const t of tabs) await t.close();
      }
    }
  } finally {
    await h.stop();
  }
  return { fromPrompt, fromEnter, missed };
}

async function main() {
  const { fromPrompt, fromEnter, missed } = await measureCheckLatency(RUNS);
  for (const m of missed) console.log(`missed: ${m}`);
  console.log(`check latency, median of ${RUNS} fresh sandboxes per lesson (ms):`);
  for (const k of Object.keys(fromEnter)) {
    const p = (fromPrompt[k] ?? []).filter((x) => !Number.isNaN(x));
    console.log(
      `  ${k.padEnd(26)} prompt → done ${stats(p).median.toFixed(1).padStart(6)}   Enter → done ${stats(
        fromEnter[k] ?? [],
      )
        .median.toFixed(1)
        .padStart(6)}`,
    );
  }
}

// Run alone (npm run bench:checks) or imported by bench/run.ts.
if (process.argv[1]?.endsWith('check-latency.ts')) void main();
