// Where a lesson page's time to its first prompt goes in the browser: Chromium's own sampling CPU profiler
// (the DevTools protocol's Profiler domain) over a load, from navigation to the prompt drawn, fresh context
// each run (no cache). Prints the main thread's time by kind (idle: waiting on the network or the agent;
// the garbage collector; the rest: JavaScript, layout and paint, which the profiler counts as "(program)")
// and by script (the chunk files), summed over the runs. Needs `next build`. Run, as root:
//   node --import tsx bench/profile-page.ts [runs]
import { openPageSite, promptDrawn } from './measure-page';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Self time per key (µs), keyed by what `keyOf` makes of the sampled node. */
function selfTime(profile: Profile, keyOf: (n: ProfileNode) => string, into: Map<string, number>): void {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  profile.samples.forEach((id, i) => {
    const node = byId.get(id);
    if (!node) return;
    const key = keyOf(node);
    into.set(key, (into.get(key) ?? 0) + (profile.timeDeltas[i + 1] ?? 0));
  });
}

function kindOf(n: ProfileNode): string {
  const f = n.callFrame.functionName;
  if (f === '(idle)' || f === '(program)' || f === '(garbage collector)' || f === '(root)') return f;
  return 'JavaScript';
}

function scriptOf(n: ProfileNode): string {
  if (kindOf(n) !== 'JavaScript') return kindOf(n);
  const url = n.callFrame.url;
  if (!url) return '(inline or native)';
  return url.replace(/^https?:\/\/[^/]+/, '');
}

function print(title: string, m: Map<string, number>, runs: number, top: number): void {
  console.log(`\n${title} (ms per load, mean of ${runs})`);
  for (const [k, us] of [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`  ${(us / 1000 / runs).toFixed(1).padStart(7)}  ${k}`);
  }
}

async function main(): Promise<void> {
  const runs = Number(process.argv[2] ?? 5);
  const site = await openPageSite();
  const kinds = new Map<string, number>();
  const scripts = new Map<string, number>();
  const wall: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const context = await site.browser.newContext();
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
      await page.goto(site.lessonUrl);
      await promptDrawn(page);
      wall.push(await page.evaluate(() => performance.now()));
      const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
      selfTime(profile, kindOf, kinds);
      selfTime(profile, scriptOf, scripts);
      await context.close();
    }
  } finally {
    await site.close();
  }
  const meanWall = wall.reduce((a, b) => a + b, 0) / wall.length;
  console.log(`navigation → prompt drawn: mean ${meanWall.toFixed(0)} ms over ${runs} loads`);
  print('main thread by kind', kinds, runs, 10);
  print('JavaScript by script', scripts, runs, 15);
}

void main();
