// The supervisor's decisions, apart from its processes (scripts/supervise.ts runs them; supervisor.test.ts
// tests them): how long to wait before starting a dead agent again, and how to say why it died.

/** The first restart comes after this long: enough for the kernel to free the dead agent's port. */
export const RESTART_FIRST_MS = 1000;
/** Back-off doubles on each crash in a row up to this: a broken host is retried twice a minute, not flooded. */
export const RESTART_MAX_MS = 30_000;
/** An agent that served this long before dying counts as healthy: the next crash starts the back-off over. */
export const HEALTHY_RESET_MS = 60_000;

/** Restart delays after consecutive crashes: 1 s, 2 s, 4 s … 30 s, back to 1 s after a minute of health. */
export class RestartBackoff {
  private crashes = 0;

  /** The agent died after answering /health for `healthyForMs` (0 if it never did): the wait before the next. */
  next(healthyForMs: number): number {
    if (healthyForMs >= HEALTHY_RESET_MS) this.crashes = 0;
    const delay = Math.min(RESTART_MAX_MS, RESTART_FIRST_MS * 2 ** this.crashes);
    this.crashes++;
    return delay;
  }
}

/** Signals that mean the process crashed on its own (a fault, an abort), not that someone killed it. */
const CRASH_SIGNALS: ReadonlySet<string> = new Set(['SIGSEGV', 'SIGBUS', 'SIGILL', 'SIGFPE', 'SIGABRT', 'SIGTRAP']);

/** Why a process ended, from what node reports (exactly one of the two is set): for the log line. */
export function deathReason(code: number | null, signal: string | null): string {
  if (signal !== null) {
    // The host's OOM killer sends SIGKILL, and so does `kill -9`: both are worth naming to an instructor.
    if (signal === 'SIGKILL') return 'killed by SIGKILL (the OOM killer?)';
    return CRASH_SIGNALS.has(signal) ? `killed by ${signal} (a crash)` : `killed by ${signal}`;
  }
  return `exited with code ${code ?? '?'}`;
}

/**
 * The agent's arguments for a restart: `--new-class` made a new class on the first start; a restart must find
 * that class again, or every student already in it would be asked to join once more.
 */
export function restartArgs(args: readonly string[]): string[] {
  return args.filter((a) => a !== '--new-class');
}

/** "1 s", "30 s": restart delays are whole seconds. */
export function seconds(ms: number): string {
  return `${Math.round(ms / 1000)} s`;
}
