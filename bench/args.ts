// `npm run bench`'s arguments (bench/run.ts): which stages run and how large the terminal stage is. Pure, so
// unit-tested (args.test.ts).
//   --quick                   the reduced run (CI's): every stage smaller
//   --only STAGE[,STAGE…]     only these stages (repeatable), run in the table's order
//   --runs N  --together N  --keys N  --busy N  --flood-seconds N
//                             the terminal stage's sizes, over --quick's or the full run's; a busy of 0 or
//                             flood seconds of 0 leave those rows out
//   --out FILE                the results' JSON to FILE instead of bench/results/<date>.json
// The classroom-VM tier's guest runs `--only terminal` with its own sizes (scripts/vm/jobs/bench.sh).

export const STAGES = ['terminal', 'checks', 'density', 'churn', 'page', 'panel'] as const;
export type Stage = (typeof STAGES)[number];

/** The terminal stage's sizes (bench/measure-terminal.ts). */
export interface TerminalSizes {
  /** Floor spawns, and sandbox starts one at a time (cold, then warm). */
  runs: number;
  /** Sandboxes connecting at once (cold, then as many warm). */
  together: number;
  /** Keystrokes echoed alone (and through the peer), and under load. */
  keys: number;
  /** Other sandboxes typing a command a second while one types; 0 leaves that row out. */
  busy: number;
  /** Seconds of `yes` in one sandbox while another types; 0 leaves the flood's rows out. */
  floodSeconds: number;
}

export function terminalSizes(quick: boolean): TerminalSizes {
  return quick
    ? { runs: 5, together: 10, keys: 50, busy: 10, floodSeconds: 3 }
    : { runs: 20, together: 30, keys: 300, busy: 50, floodSeconds: 10 };
}

export interface BenchArgs {
  quick: boolean;
  /** The stages to run, in the table's order (all of them unless --only). */
  stages: Stage[];
  /** Whether --only chose the stages. */
  only: boolean;
  terminal: TerminalSizes;
  /** Where the results' JSON goes; undefined: bench/results/<date>.json. */
  out?: string;
}

export const USAGE =
  'npm run bench [-- --quick] [--only STAGE[,STAGE…]] [--runs N] [--together N] [--keys N] [--busy N] ' +
  `[--flood-seconds N] [--out FILE]; stages: ${STAGES.join(', ')}`;

/** Each size option, its field and the least value it takes. */
const SIZE_OPTIONS: Record<string, [keyof TerminalSizes, number]> = {
  '--runs': ['runs', 1],
  '--together': ['together', 1],
  '--keys': ['keys', 1],
  '--busy': ['busy', 0],
  '--flood-seconds': ['floodSeconds', 0],
};

function fail(message: string): never {
  throw new Error(`${message} (${USAGE})`);
}

export function parseBenchArgs(argv: readonly string[]): BenchArgs {
  let quick = false;
  let out: string | undefined;
  const only = new Set<Stage>();
  const sizes: Partial<TerminalSizes> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--quick') {
      quick = true;
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    if (name !== '--only' && name !== '--out' && !(name in SIZE_OPTIONS)) fail(`unknown argument '${arg}'`);
    let value: string | undefined;
    if (name !== arg) value = arg.slice(eq + 1);
    else {
      value = argv[i + 1];
      if (value === undefined || value.startsWith('--')) fail(`${name} needs a value`);
      i++;
    }
    if (name === '--only') {
      if (value === '') fail('--only needs a stage');
      for (const s of value.split(',')) {
        if (!(STAGES as readonly string[]).includes(s)) fail(`--only: unknown stage '${s}'`);
        only.add(s as Stage);
      }
    } else if (name === '--out') {
      if (value === '') fail('--out needs a file');
      out = value;
    } else {
      const [field, least] = SIZE_OPTIONS[name] as [keyof TerminalSizes, number];
      if (!/^\d+$/.test(value) || Number(value) < least)
        fail(`${name} takes a whole number from ${least}, not '${value}'`);
      sizes[field] = Number(value);
    }
  }
  const stages = only.size ? STAGES.filter((s) => only.has(s)) : [...STAGES];
  if (Object.keys(sizes).length && !stages.includes('terminal'))
    fail('the size options are the terminal stage’s, which --only leaves out');
  return { quick, stages, only: only.size > 0, terminal: { ...terminalSizes(quick), ...sizes }, out };
}

/**
 * The run in words, for the table's header: "full run" or "quick run" as before when neither --only nor a size
 * changed it, else with the stages and the terminal stage's sizes ("quick run; only terminal (20 starts, …)").
 */
export function describeRun(args: BenchArgs): string {
  const kind = args.quick ? 'quick run' : 'full run';
  const t = args.terminal;
  const d = terminalSizes(args.quick);
  const sized = (Object.keys(d) as (keyof TerminalSizes)[]).some((k) => t[k] !== d[k]);
  if (!args.only && !sized) return kind;
  const terminal = [
    `${t.runs} starts`,
    `${t.together} at once`,
    `${t.keys} keys`,
    t.busy ? `${t.busy} busy` : 'no busy row',
    t.floodSeconds ? `a ${t.floodSeconds} s flood` : 'no flood',
  ].join(', ');
  const stages = args.stages.map((s) => (s === 'terminal' ? `terminal (${terminal})` : s)).join(', ');
  return `${kind}; ${args.only ? 'only ' : ''}${stages}`;
}
