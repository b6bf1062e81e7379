// `npm run bench`: what students and instructors feel, each figure beside its floor (or a peer) and its
// goal, in one table; the results also go to bench/results/<date>.json. `npm run bench -- --quick` is a
// reduced run (CI runs it so the benchmarks keep working: it prints, it asserts no time); `--only STAGE` runs
// some stages, and the terminal stage's sizes can be set (bench/args.ts; the classroom-VM guest runs
// `--only terminal`). As root: it starts real sandboxes. docs/PERFORMANCE.md has the method and the latest table.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeRun, parseBenchArgs, type Stage } from './args';
import { measureCheckLatency } from './check-latency';
import { machine, met, type Row, stats } from './lib';
import { measureChurn } from './measure-churn';
import { measureDensity } from './measure-density';
import { measurePage } from './measure-page';
import { measurePanelApart } from './measure-panel';
import { measureTerminal } from './measure-terminal';

const args = (() => {
  try {
    return parseBenchArgs(process.argv.slice(2));
  } catch (err) {
    console.error(`bench: ${(err as Error).message}`);
    process.exit(2);
  }
})();
const { quick } = args;
const here = path.dirname(fileURLToPath(import.meta.url));

async function checkRows(): Promise<Row[]> {
  // quick: the cheapest two lessons and the costliest snapshot (08 reads files); full: every lesson
  const { fromPrompt, fromEnter, missed } = await measureCheckLatency(
    quick ? 1 : 3,
    quick ? ['01-chroot', '02-unshare', '08-overlay'] : undefined,
  );
  for (const m of missed) console.log(`\n[bench] a step was not seen done: ${m}`);
  const lessons = new Set(Object.keys(fromEnter).map((k) => k.split('/')[0] as string));
  return [...lessons].map((lesson) => {
    const keys = Object.keys(fromPrompt).filter((k) => k.startsWith(`${lesson}/`));
    const p = stats(keys.flatMap((k) => (fromPrompt[k] ?? []).filter((x) => !Number.isNaN(x))));
    const e = stats(keys.flatMap((k) => fromEnter[k] ?? []));
    return {
      metric: `check latency ${lesson} (prompt back → step done)`,
      value: p.median,
      unit: 'ms' as const,
      stats: p,
      note: `${
        p.n === 0 ? 'n/a: each step was already done when its prompt came back, judged on the quiet after Enter; ' : ''
      }Enter → done: median ${e.median.toFixed(1)} ms${
        missed.some((m) => m.startsWith(`timed out waiting for ${lesson}/`))
          ? '; some runs missed a step, see the log'
          : ''
      }`,
    };
  });
}

function fmt(v: number, unit: Row['unit']): string {
  // A figure with no sample (see each row's note for why), never a NaN in the table.
  if (Number.isNaN(v)) return 'n/a';
  if (unit === 'count') return String(v);
  return `${v.toFixed(v < 10 ? 2 : 1)} ${unit}`;
}

function table(rows: Row[]): string {
  const lines = ['| metric | value | floor / peer | ratio | goal | n, min–max |', '|---|---|---|---|---|---|'];
  for (const r of rows) {
    const ref = r.reference ? `${fmt(r.reference.value, r.unit)} (${r.reference.kind}: ${r.reference.what})` : '—';
    const ratio =
      r.reference && r.reference.value > 0 && Number.isFinite(r.value)
        ? `${(r.value / r.reference.value).toFixed(r.value < r.reference.value / 10 ? 2 : 1)}×`
        : '—';
    const ok = met(r);
    const goal = r.goal ? `${r.goal.op} ${fmt(r.goal.value, r.unit)} ${ok ? 'met' : 'MISSED'}` : '—';
    const s = r.stats && r.stats.n > 0 ? `${r.stats.n}, ${r.stats.min.toFixed(1)}–${r.stats.max.toFixed(1)}` : '—';
    lines.push(
      `| ${r.metric}${r.note ? ` (${r.note})` : ''} | ${fmt(r.value, r.unit)} | ${ref} | ${ratio} | ${goal} | ${s} |`,
    );
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  if (process.getuid?.() !== 0) throw new Error('the benchmarks start real sandboxes: run them as root');
  const started = Date.now();
  const rows: Row[] = [];
  const parts: Record<Stage, () => Promise<Row[]>> = {
    terminal: () => measureTerminal(args.terminal),
    checks: checkRows,
    density: () => measureDensity(quick),
    churn: () => measureChurn(quick),
    page: () => measurePage(quick),
    panel: () => measurePanelApart(quick),
  };
  for (const name of args.stages) {
    const run = parts[name];
    const t0 = Date.now();
    process.stdout.write(`[bench] ${name}…`);
    rows.push(...(await run()));
    process.stdout.write(` ${((Date.now() - t0) / 1000).toFixed(0)} s\n`);
  }
  const run = describeRun(args);
  const header = `machine: ${machine()}; ${run}; ${new Date().toISOString()}`;
  console.log(`\n${header}\n\n${table(rows)}\n\nbench took ${((Date.now() - started) / 1000).toFixed(0)} s`);
  const file =
    args.out ??
    path.join(
      here,
      'results',
      `${new Date().toISOString().slice(0, 19).replace(/:/g, '-')}${quick ? '-quick' : ''}${args.only ? `-${args.stages.join('-')}` : ''}.json`,
    );
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(
    file,
    `${JSON.stringify({ machine: machine(), quick, run, stages: args.stages, terminal: args.terminal, at: new Date().toISOString(), rows }, null, 1)}\n`,
  );
  console.log(`results: ${path.relative(process.cwd(), file)}`);
}

main().catch((err: Error) => {
  console.error(err.stack ?? err.message);
  process.exit(1);
});
