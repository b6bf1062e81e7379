// Shared by the benchmarks: statistics, the machine's description, the processes an agent started and
// their memory, and one row of the results table (value beside its floor or peer, and the goal).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import type { TermClient } from '../sandbox-agent/test/agent-harness';

export interface Stats {
  n: number;
  median: number;
  p99: number;
  min: number;
  max: number;
}

export function stats(xs: readonly number[]): Stats {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? Number.NaN;
  return { n: s.length, median: q(0.5), p99: q(0.99), min: s[0] ?? Number.NaN, max: s[s.length - 1] ?? Number.NaN };
}

/** "median … ms, p99 …, min …, max … (n=…)" for a printout. */
export function summary(xs: readonly number[]): string {
  const s = stats(xs);
  return `median ${s.median.toFixed(1)} ms, p99 ${s.p99.toFixed(1)}, min ${s.min.toFixed(1)}, max ${s.max.toFixed(1)} (n=${s.n})`;
}

/**
 * The floor of a sandbox start: `unshare` of the same namespaces running `true`, from spawn to exit, ms.
 */
export function unshareFloorOnce(): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const p = spawn('unshare', ['-U', '-m', '-p', '-u', '-i', '-n', '-C', '-f', 'true'], { stdio: 'ignore' });
    p.on('error', reject);
    p.on('exit', () => resolve(performance.now() - t0));
  });
}

/** One line of the table. `value` is what the goal is about (a median, a p99, a size…). */
export interface Row {
  metric: string;
  value: number;
  unit: 'ms' | 'MiB' | 'KiB' | 'count' | 'ms/s' | 'B/s';
  stats?: Stats;
  /** The physical floor on this machine, measured the same way, or a peer run side by side. */
  reference?: { kind: 'floor' | 'peer'; what: string; value: number };
  goal?: { op: '<' | '<=' | '=='; value: number };
  note?: string;
}

export function met(row: Row): boolean | undefined {
  if (!row.goal) return undefined;
  const { op, value } = row.goal;
  return op === '<' ? row.value < value : op === '<=' ? row.value <= value : row.value === value;
}

export function machine(): string {
  const cpu = os.cpus();
  return `${cpu.length} × ${cpu[0]?.model ?? '?'}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, kernel ${os.release()}`;
}

/** Every descendant of `root` (a process tree walk over /proc). */
export function descendants(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const d of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${d}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const list = children.get(ppid) ?? [];
      list.push(Number(d));
      children.set(ppid, list);
    } catch {
      // gone meanwhile
    }
  }
  const out: number[] = [];
  const walk = (p: number) => {
    for (const c of children.get(p) ?? []) {
      out.push(c);
      walk(c);
    }
  };
  walk(root);
  return out;
}

/** Proportional set size of a process, KiB (0 when it is gone). */
export function pssKiB(pid: number): number {
  try {
    const m = /^Pss:\s+(\d+) kB/m.exec(fs.readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

/** Host memory in use (MemTotal − MemAvailable), MiB. */
export function hostMemMiB(): number {
  const m = fs.readFileSync('/proc/meminfo', 'utf8');
  const kb = (k: string) => Number(new RegExp(`^${k}:\\s+(\\d+)`, 'm').exec(m)?.[1] ?? 0);
  return (kb('MemTotal') - kb('MemAvailable')) / 1024;
}

/**
 * Resolves at the first terminal frame after now whose bytes satisfy `pred` (listening on the socket
 * itself: polling would add its own interval to the time measured).
 */
export function nextOutput(c: TermClient, pred: (text: string) => boolean, timeoutMs = 10_000): Promise<number> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => {
      c.ws.off('message', on);
      reject(new Error(`no matching output in ${timeoutMs} ms (saw ${JSON.stringify(seen.slice(-200))})`));
    }, timeoutMs);
    const on = (data: Buffer, isBinary: boolean) => {
      if (!isBinary) return;
      seen += data.toString('utf8');
      if (pred(seen)) {
        clearTimeout(timer);
        c.ws.off('message', on);
        resolve(performance.now());
      }
    };
    c.ws.on('message', on);
  });
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** One key typed at a prompt → its echo back, ms; then erased so the line stays empty. */
export async function echoOnce(c: TermClient): Promise<number> {
  const echo = nextOutput(c, (t) => t.includes('x'));
  const t0 = performance.now();
  c.type('x');
  const ms = (await echo) - t0;
  const erased = nextOutput(c, (t) => t.includes('\b'));
  c.type('\x7f');
  await erased;
  return ms;
}

/** `n` keystroke echoes at a prompt, one after another, `spacingMs` apart. */
export async function echoes(c: TermClient, n: number, spacingMs = 20): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    out.push(await echoOnce(c));
    await sleep(spacingMs);
  }
  return out;
}
