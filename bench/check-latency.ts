// Check latency per lesson step: from the moment the shell's prompt is back at the client (the command
// finished) to the agent's `steps` message showing the step done, and from Enter to done. Each run uses
// a fresh sandbox ("start this lesson again"). Run: npm run bench:checks (as root).
import type { ServerMessage } from '../sandbox-agent/src/protocol';
import { startAgent, TermClient, tokenFor, waitUntil } from '../sandbox-agent/test/agent-harness';

const RUNS = Number(process.env.BENCH_RUNS ?? 10);
/** The end of a prompt: bash's `# `, or busybox's, which asks for the cursor position right after it. */
const ESC = String.fromCharCode(27);
const PROMPT = new RegExp(`[#$] (${ESC}\\[6n)?$`);

/** Per lesson: [tab, command, the step it completes, or null for a command that prepares one]. */
const SOLUTIONS: Record<string, [number, string, string | null][]> = {
  '01-chroot': [
    [0, 'cd /root && chroot rootfs /bin/sh', 'chroot'],
    [0, 'mount -t proc proc /proc', 'proc'],
    [0, 'kill $(pidof marca)', 'kill-outside'],
  ],
  '02-unshare': [
    [0, 'cd /root && unshare -m -i -n -p -u -f chroot rootfs /bin/sh', 'unshare'],
    [0, 'mount -t proc proc /proc', 'namespaces'],
    [0, 'hostname contedor-a-man', 'hostname'],
    [1, 'nsenter -t $(pgrep -n -x sh) -u bash', 'nsenter'],
  ],
  // overlay: every check reads files through the launcher (stat and text), the costliest snapshot
  '08-overlay': [
    [0, 'mkdir -p /root/ov && mount -t tmpfs ov /root/ov && cd /root/ov && mkdir lower upper work merged', null],
    [0, 'echo baixo > lower/baixo.txt; echo baixo > lower/ambos.txt; echo cima > upper/ambos.txt', null],
    [
      0,
      'mount -t overlay overlay -o lowerdir=/root/ov/lower,upperdir=/root/ov/upper,workdir=/root/ov/work /root/ov/merged',
      'mount',
    ],
    [0, 'echo mudou >> merged/baixo.txt', 'copy-up'],
    [0, 'rm merged/ambos.txt', 'whiteout'],
    [0, 'mkdir -p l1 l2 m2 && echo v1 > l1/app.txt && echo v2 > l2/app.txt', null],
    [0, 'mount -t overlay overlay -o lowerdir=/root/ov/l2:/root/ov/l1 /root/ov/m2', 'layers'],
  ],
};

function doneAtClient(c: TermClient, slug: string, step: string): boolean {
  const m = c.control.filter(
    (x): x is Extract<ServerMessage, { type: 'steps' }> => x.type === 'steps' && x.slug === slug,
  );
  return m.at(-1)?.steps.find((s) => s.id === step)?.done === true;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
}

/** Prompt back → step done and Enter → step done, per step, `runs` fresh sandboxes per lesson. */
export async function measureCheckLatency(
  runs: number,
): Promise<{ fromPrompt: Record<string, number[]>; fromEnter: Record<string, number[]>; missed: string[] }> {
  const h = await startAgent({ lessons: true, graceMs: 0, slotOffset: 80 });
  const missed: string[] = [];
  const fromPrompt: Record<string, number[]> = {};
  const fromEnter: Record<string, number[]> = {};
  try {
    for (let run = 0; run < runs; run++) {
      for (const [slug, steps] of Object.entries(SOLUTIONS)) {
        // A new student each time: a fresh sandbox, nothing done yet.
        const token = await tokenFor(h);
        const tabs = [new TermClient(h, token, 0), new TermClient(h, token, 1)];
        for (const t of tabs) {
          await t.open();
          await t.hello();
          await waitUntil(() => PROMPT.test(t.output), 'prompt');
        }
        const a = tabs[0] as TermClient;
        a.sendJson({ type: 'lesson', slug, locale: 'pt' });
        await waitUntil(() => a.control.some((m) => m.type === 'steps'), 'first check');
        for (const [tab, command, step] of steps) {
          const t = tabs[tab] as TermClient;
          if (step === null) {
            const n = t.output.length;
            t.type(`${command}\r`);
            await waitUntil(() => PROMPT.test(t.output.slice(n)), command);
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
      `  ${k.padEnd(26)} prompt → done ${median(p).toFixed(1).padStart(6)}   Enter → done ${median(fromEnter[k] ?? [])
        .toFixed(1)
        .padStart(6)}`,
    );
  }
}

// Run alone (npm run bench:checks) or imported by bench/run.ts.
if (process.argv[1]?.endsWith('check-latency.ts')) void main();
