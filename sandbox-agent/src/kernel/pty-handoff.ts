// A shell whose pty master the agent holds itself (issue 18, "No relay hop"): the launcher opens a pty in the
// sandbox's own devpts, starts the shell on its slave and hands the master over a unix socket (SCM_RIGHTS,
// terminal.c); the agent reads and writes it directly, so no process copies the bytes in between, and a resize
// is one ioctl (the kernel sends the shell's foreground group SIGWINCH). The launcher stays the shell's parent:
// it reaps it, ends its session on SIGHUP or when the agent dies, and exits with its status, which is this
// shell's exit. Node cannot take a descriptor from a socket (its IPC channel aborts on a terminal's), hence
// the small addon in sandbox-agent/native (built by scripts/build-launcher.sh).
//   Why not the agent opening the sandbox's /dev/pts/ptmx itself: that path is the student's (through
// /proc/PID/root it follows the student's symlinks, as host root). The launcher opens it with the ids of
// root inside and checks it is a devpts ptmx; the addon checks again that what arrives is a devpts master.
// What the agent holds is the master side of the student's own terminal: what the student can do to it from
// the slave (write, change modes, hang it up) is what a terminal lets its user do, and reaches the agent only
// as bytes read, as the relay's did.
import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, write } from 'node:fs';
import { createRequire } from 'node:module';
import type { SocketConstructorOpts } from 'node:net';
import { constants } from 'node:os';
import tty from 'node:tty';
import { NO_ENVIRONMENT } from './launcher-run';
import type { OnRead, ShellPty } from './pty-reader';

interface PtyHandoff {
  socketPair(): [number, number];
  receivePtyMaster(socketFd: number, timeoutMs: number): Promise<number>;
  setWindowSize(fd: number, cols: number, rows: number): void;
}

const native = createRequire(import.meta.url)('../../native/build/pty-handoff.node') as PtyHandoff;

/** The launcher sends the master within milliseconds of starting; this long means it is stuck. */
const HANDOFF_TIMEOUT_MS = 10_000;
/**
 * Once the shell has exited, how long its last output may take to be read before the master is closed: a
 * process the shell left behind may hold the slave open, so the read side need not end by itself.
 */
const DRAIN_AFTER_EXIT_MS = 200;

/**
 * Starts `launcherPath args… --hand-off 3 --cols C --rows R -- command` and returns the shell at once; its
 * output starts once the master has arrived (writes and resizes before that wait for it). `args` end before
 * the `--` that `command` starts with. Output is read into one `readBytes` buffer, reused (see pty-reader.ts).
 */
export function openHandedOffShell(
  launcherPath: string,
  args: readonly string[],
  command: readonly string[],
  size: { cols: number; rows: number },
  readBytes: number,
): ShellPty {
  const [mine, theirs] = native.socketPair();
  let launcher: ChildProcess;
  try {
    launcher = spawn(
      launcherPath,
      [...args, '--hand-off', '3', '--cols', String(size.cols), '--rows', String(size.rows), '--', ...command],
      // stdin: a pipe we never write; its EOF tells the launcher the agent is gone.
      { stdio: ['pipe', 'ignore', 'ignore', theirs], env: NO_ENVIRONMENT },
    );
  } catch (err) {
    closeSync(mine);
    throw err;
  } finally {
    closeSync(theirs);
  }
  return new HandedOffShell(launcher, mine, size, readBytes);
}

class HandedOffShell implements ShellPty {
  private master: number | undefined;
  private stream: tty.ReadStream | undefined;
  private readonly dataListeners: ((chunk: Buffer) => void)[] = [];
  private readonly exitListeners: ((e: { exitCode: number; signal?: number }) => void)[] = [];
  private readonly writes: Buffer[] = [];
  private writing = false;
  private paused = false;
  private size: { cols: number; rows: number };
  private readEnded = false;
  private exit: { exitCode: number; signal?: number } | undefined;
  private closed = false;

  constructor(
    private readonly launcher: ChildProcess,
    socket: number,
    size: { cols: number; rows: number },
    private readonly readBytes: number,
  ) {
    this.size = size;
    launcher.on('error', () => this.launcherExited(1, undefined));
    launcher.on('exit', (code, signal) => this.launcherExited(code ?? 0, signal ?? undefined));
    native.receivePtyMaster(socket, HANDOFF_TIMEOUT_MS).then(
      (fd) => {
        closeSync(socket);
        this.attach(fd);
      },
      () => {
        closeSync(socket);
        // No master: the launcher failed (it says why on its stderr) or is stuck; either way the shell is over.
        this.readEnded = true;
        this.kill('SIGHUP');
        this.maybeClose();
      },
    );
  }

  get pid(): number {
    return this.launcher.pid ?? -1;
  }

  onData(listener: (chunk: Buffer) => void): void {
    this.dataListeners.push(listener);
  }

  onExit(listener: (e: { exitCode: number; signal?: number }) => void): void {
    this.exitListeners.push(listener);
  }

  write(data: string | Buffer): void {
    if (this.closed) return;
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data);
    if (bytes.length === 0) return;
    this.writes.push(bytes);
    this.flushWrites();
  }

  resize(cols: number, rows: number): void {
    this.size = { cols, rows };
    if (this.master !== undefined && !this.closed) native.setWindowSize(this.master, cols, rows);
  }

  kill(signal: string = 'SIGHUP'): void {
    try {
      this.launcher.kill(signal as NodeJS.Signals);
    } catch {
      // already gone
    }
  }

  pause(): void {
    this.paused = true;
    this.stream?.pause();
  }

  resume(): void {
    this.paused = false;
    this.stream?.resume();
  }

  private attach(fd: number): void {
    this.master = fd;
    if (this.closed) {
      closeSync(fd);
      return;
    }
    // The size may have changed while the master was on its way.
    native.setWindowSize(fd, this.size.cols, this.size.rows);
    const buffer = Buffer.allocUnsafe(this.readBytes);
    const onread: OnRead['onread'] = {
      buffer,
      callback: (bytes: number) => {
        const chunk = buffer.subarray(0, bytes);
        for (const l of this.dataListeners) l(chunk);
        return true;
      },
    };
    const stream = new tty.ReadStream(fd, { onread } as OnRead as SocketConstructorOpts);
    this.stream = stream;
    // EIO once every slave is closed: the end of the output, not an error.
    stream.on('error', () => undefined);
    stream.on('close', () => {
      this.readEnded = true;
      this.maybeClose();
    });
    // A tty.ReadStream starts reading only when told (manualStart).
    if (this.paused) stream.pause();
    else stream.resume();
    this.flushWrites();
  }

  /** Writes in order; a full pty (EAGAIN) is tried again on the next turn of the loop, as node-pty does. */
  private flushWrites(): void {
    if (this.writing || this.master === undefined || this.closed) return;
    const next = this.writes[0];
    if (!next) return;
    this.writing = true;
    write(this.master, next, 0, next.length, null, (err, written) => {
      this.writing = false;
      if (err) {
        if (err.code === 'EAGAIN') setImmediate(() => this.flushWrites());
        else this.writes.length = 0; // the shell is gone (EIO): nobody reads any more
        return;
      }
      if (written < next.length) this.writes[0] = next.subarray(written);
      else this.writes.shift();
      this.flushWrites();
    });
  }

  private launcherExited(exitCode: number, signal: NodeJS.Signals | undefined): void {
    if (this.exit) return;
    const signo = signal ? constants.signals[signal] : undefined;
    this.exit = signo === undefined ? { exitCode } : { exitCode, signal: signo };
    // The shell is gone: what it printed last is still in the pty; read it, then close.
    if (!this.readEnded)
      setTimeout(() => {
        this.readEnded = true;
        this.maybeClose();
      }, DRAIN_AFTER_EXIT_MS);
    this.maybeClose();
  }

  private maybeClose(): void {
    if (this.closed || !this.exit || !this.readEnded) return;
    this.closed = true;
    this.writes.length = 0;
    if (this.stream) this.stream.destroy();
    else if (this.master !== undefined) closeSync(this.master);
    const exit = this.exit;
    for (const l of this.exitListeners) l(exit);
  }
}
