// Runs one short query of the launcher (`stat`, `hostname`, `mountinfo`) with an argument array and a deadline, and
// hands back its exit status and output; spells the process any launcher command names (targetArgs). Long-lived
// launcher processes (sandboxes, shells, fixtures) are spawned by their own modules.
import { spawn } from 'node:child_process';
import { StringDecoder } from 'node:string_decoder';

/** A query reads one small thing: a second means something is stuck (a hung filesystem, a frozen cgroup). */
export const LAUNCHER_QUERY_TIMEOUT_MS = 2_000;
/** Most queries print one short line; anything longer is cut (a bug must not grow the agent's memory). */
export const MAX_QUERY_OUTPUT = 4096;

/**
 * A process a launcher command names: its host pid and, when the agent knows it, its start time (field 22 of
 * /proc/PID/stat, clock ticks after boot). A pid number is reused; the pair is not.
 */
export interface ProcessRef {
  pid: number;
  startTime?: number | undefined;
}

/**
 * `--pid PID [--start-time TICKS]`, the one spelling of a process for every launcher command: with the start
 * time, the launcher refuses a process that merely holds the number now (a reused pid) as gone (exit 2; the
 * sandbox's init for `shell`, exit 1). Without it (a test's fake sandbox) the pid alone names it.
 */
export function targetArgs(pid: number, startTime?: number): string[] {
  const args = ['--pid', String(pid)];
  if (startTime !== undefined) args.push('--start-time', String(startTime));
  return args;
}

export interface LauncherResult {
  /** Exit code, or null when the launcher was killed (`signal` says by what). */
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/**
 * The launcher always runs with no environment at all. Made with Object.create(null) rather than `{}`: the site's
 * type-check (a browser test imports the agent's test harness) sees Next's ProcessEnv, which requires NODE_ENV.
 */
export const NO_ENVIRONMENT: NodeJS.ProcessEnv = Object.create(null);

export function runLauncherQuery(
  launcherPath: string,
  args: readonly string[],
  timeoutMs: number = LAUNCHER_QUERY_TIMEOUT_MS,
  maxOutput: number = MAX_QUERY_OUTPUT,
): Promise<LauncherResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(launcherPath, args, { stdio: ['ignore', 'pipe', 'pipe'], env: NO_ENVIRONMENT });
    let stdout = '';
    let stderr = '';
    // A character split across two pipe reads (a UTF-8 file name, a host name) must not come out garbled.
    const out = new StringDecoder('utf8');
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.stdout.on('data', (c: Buffer) => {
      if (stdout.length < maxOutput) stdout += out.write(c);
    });
    child.stderr.on('data', (c: Buffer) => {
      stderr = (stderr + c.toString('utf8')).slice(-MAX_QUERY_OUTPUT);
    });
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(new Error(`cannot start ${launcherPath} ${args[0] ?? ''}: ${err.message}`));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (stdout.length < maxOutput) stdout += out.end();
      resolve({ code, signal, stdout: stdout.slice(0, maxOutput), stderr: stderr.trim() });
    });
  });
}
