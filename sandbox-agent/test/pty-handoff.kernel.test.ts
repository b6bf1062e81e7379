// A tab's shell has no relay (issue 18, "No relay hop"): the agent holds the master of a pty of the sandbox's
// own devpts, handed over by the launcher, and reads and writes it itself. Proved from the host's /proc: the
// launcher that stays as the shell's parent holds no terminal at all, and the agent (this process) holds the
// master whose slave is the shell's terminal. With the relay, the launcher held that master and the agent a
// pty of the host's devpts: both checks fail. Then what a terminal must still do through it: input, output,
// a resize with its SIGWINCH, Ctrl-C, and nothing left once the shell is ended.
import { fstatSync, readdirSync, readFileSync, readlinkSync, statSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ShellPty } from '../src/kernel/pty-reader';
import type { Sandbox } from '../src/kernel/sandbox';
import { childrenOf, kernelSuite, sandboxFixture, until } from './kernel-helpers';

const FILE = 'pty-handoff';
const { probe, skip } = kernelSuite(FILE);

/** How long a shell may take to reach the state a test waits for. */
const WAIT_MS = 10_000;

/** `fd → link` of a process's open descriptors; empty once it is gone. */
function links(pid: number | 'self'): Map<number, string> {
  const out = new Map<number, string>();
  let names: string[] = [];
  try {
    names = readdirSync(`/proc/${pid}/fd`);
  } catch {
    return out;
  }
  for (const n of names) {
    try {
      out.set(Number(n), readlinkSync(`/proc/${pid}/fd/${n}`));
    } catch {
      // closed meanwhile
    }
  }
  return out;
}

/** The pty index of a master descriptor of this process (fdinfo's tty-index), or undefined. */
function ttyIndex(fd: number): number | undefined {
  try {
    const m = /^tty-index:\s*(\d+)$/m.exec(readFileSync(`/proc/self/fdinfo/${fd}`, 'utf8'));
    return m ? Number(m[1]) : undefined;
  } catch {
    return undefined;
  }
}

/** A shell with its output gathered as text. */
class Shell {
  text = '';
  exited = false;
  constructor(readonly pty: ShellPty) {
    pty.onData((chunk) => {
      this.text += chunk.toString();
    });
    pty.onExit(() => {
      this.exited = true;
    });
  }
  /** Types `line` and waits for `expected` to appear in what follows. */
  async run(line: string, expected: RegExp): Promise<void> {
    const from = this.text.length;
    this.pty.write(line);
    await until(`${JSON.stringify(line)} → ${expected}`, () => expected.test(this.text.slice(from)), WAIT_MS);
  }
}

describe.skipIf(skip !== undefined)("a tab's shell, on the sandbox's pty master the agent holds", () => {
  const box = sandboxFixture(probe, { hostnames: ['gaiola-handoff'], reclaim: true });
  let sb: Sandbox;
  let shell: Shell;
  let bash: number;

  beforeAll(async () => {
    sb = box.sandbox();
    shell = new Shell(sb.openShell({ cols: 90, rows: 30 }));
    shell.pty.resume();
    await until('the first prompt', () => /# $/.test(shell.text), WAIT_MS);
    bash = childrenOf(shell.pty.pid)[0] as number;
  });

  it('the launcher left as the shell parent holds no terminal: no process copies its bytes', () => {
    expect(readFileSync(`/proc/${bash}/comm`, 'utf8').trim()).toBe('bash');
    const held = [...links(shell.pty.pid).values()];
    expect(held.filter((l) => l.includes('ptmx') || l.startsWith('/dev/pts/'))).toEqual([]);
  });

  it("the agent holds the master of the shell's own terminal, in the sandbox's devpts", () => {
    const slave = readlinkSync(`/proc/${bash}/fd/0`);
    const index = Number(/^\/dev\/pts\/(\d+)$/.exec(slave)?.[1]);
    const slaveDev = statSync(`/proc/${bash}/fd/0`).dev;
    const masters = [...links('self')].filter(([fd, l]) => l.endsWith('ptmx') && fstatSync(fd).dev === slaveDev);
    expect(masters.map(([fd]) => ttyIndex(fd))).toEqual([index]);
    // …and not a pty of the host's devpts: that instance is another device.
    expect(statSync('/dev/pts/ptmx').dev).not.toBe(slaveDev);
  });

  it('is sized as asked from the first prompt, and a resize reaches the shell with its SIGWINCH', async () => {
    await shell.run('stty size\n', /30 90/);
    await shell.run("trap 'echo got-$((6*7))-winch' WINCH\n", /# $/);
    shell.pty.resize(120, 40);
    await until('the shell to be told', () => /got-42-winch/.test(shell.text), WAIT_MS);
    await shell.run('stty size\n', /40 120/);
  });

  it('Ctrl-C interrupts the foreground job, and the prompt comes back', async () => {
    await shell.run('sleep 600; echo slept-$((2+3))\n', /sleep 600/);
    await shell.run('\x03', /\^C[\s\S]*# $/);
    expect(shell.text).not.toContain('slept-5');
  });

  it('a hangup ends the shell, reaps it and closes the master', async () => {
    const launcher = shell.pty.pid;
    const before = [...links('self').values()].filter((l) => l.endsWith('ptmx')).length;
    shell.pty.kill('SIGHUP');
    await until('the shell to exit', () => shell.exited, WAIT_MS);
    expect(childrenOf(launcher)).toEqual([]);
    expect(links(launcher).size).toBe(0);
    expect([...links('self').values()].filter((l) => l.endsWith('ptmx')).length).toBe(before - 1);
  });
});
