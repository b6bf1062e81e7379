// The real agent (sandbox-agent/src/main.ts) as a child process, for the tests that kill it (SIGKILL) or run
// several at once: its log lines collected, its readiness waited for by condition.
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { waitUntil } from './agent-harness';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** A free loopback port (closed again at once; the agent binds it a moment later). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** The real agent (sandbox-agent/src/main.ts) as a child process, its log lines collected. */
export class AgentProcess {
  readonly child: ChildProcess;
  readonly lines: string[] = [];
  readonly exited: Promise<void>;

  constructor(env: NodeJS.ProcessEnv) {
    this.child = spawn(process.execPath, ['--import', 'tsx', 'sandbox-agent/src/main.ts'], {
      cwd: repoRoot,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let partial = '';
    const onData = (chunk: Buffer) => {
      const text = partial + chunk.toString('utf8');
      const parts = text.split('\n');
      partial = parts.pop() ?? '';
      this.lines.push(...parts);
    };
    this.child.stdout?.on('data', onData);
    this.child.stderr?.on('data', onData);
    this.exited = new Promise((resolve) => this.child.once('exit', () => resolve()));
  }

  get alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  lineIndex(re: RegExp): number {
    return this.lines.findIndex((l) => re.test(l));
  }

  async listening(): Promise<void> {
    await waitUntil(
      () => this.lineIndex(/\[agent\] listening on/) >= 0 || !this.alive,
      `the agent to listen (log: ${this.lines.join(' | ')})`,
      60_000,
    );
    if (!this.alive) throw new Error(`the agent exited: ${this.lines.join('\n')}`);
  }
}
