// A node-pty whose output is read into one buffer, the same for every read (issue 18, "A flood costs
// nothing"). node-pty reads its pty through a tty.ReadStream that allocates a new Buffer per read, so a flood
// of N bytes leaves N bytes of garbage, and V8 collects Buffers late (after some 64 MiB of them). net.Socket
// can read into a buffer of its caller's (its `onread` option, which tty.ReadStream passes on); node-pty makes
// its ReadStream itself, inside spawn, so that one call gets a constructor that adds the option.
// The chunks handed to onData are views of that buffer, valid only during the call: a listener copies what it
// keeps. Flow control is unchanged: pause() and resume() stop and start the reads.
import type { SocketConstructorOpts } from 'node:net';
import tty from 'node:tty';
import { type IPtyForkOptions, spawn } from 'node-pty';

/** What the agent's shell sessions use of a pty. */
export interface ShellPty {
  readonly pid: number;
  /** Each chunk is valid only during the call (see above). */
  onData(listener: (chunk: Buffer | string) => void): void;
  onExit(listener: (e: { exitCode: number; signal?: number }) => void): void;
  write(data: string | Buffer): void;
  resize(cols: number, rows: number): void;
  kill(signal?: string): void;
  pause(): void;
  resume(): void;
}

/** net.Socket's option for reads into a buffer of the caller's (in Node since 12; not in SocketConstructorOpts). */
interface OnRead {
  onread: { buffer: Buffer; callback: (bytes: number, buffer: Buffer) => boolean };
}

/** Spawns `file` on a new pty whose output is read into one `readBytes` buffer, reused. */
export function spawnReadingInto(file: string, args: string[], options: IPtyForkOptions, readBytes: number): ShellPty {
  const buffer = Buffer.allocUnsafe(readBytes);
  const listeners: ((chunk: Buffer) => void)[] = [];
  const onread: OnRead['onread'] = {
    buffer,
    callback: (bytes) => {
      const chunk = buffer.subarray(0, bytes);
      for (const l of listeners) l(chunk);
      return true;
    },
  };
  const Original = tty.ReadStream;
  // node-pty calls `new tty.ReadStream(fd)` once, synchronously, in spawn; nothing else can run in between.
  const WithBuffer = function ReadStream(fd: number, opts?: SocketConstructorOpts) {
    return new Original(fd, { ...opts, ...({ onread } as OnRead) } as SocketConstructorOpts);
  };
  tty.ReadStream = WithBuffer as unknown as typeof tty.ReadStream;
  let pty: ReturnType<typeof spawn>;
  try {
    pty = spawn(file, args, { ...options, encoding: null });
  } finally {
    tty.ReadStream = Original;
  }
  return {
    pid: pty.pid,
    onData: (listener) => {
      listeners.push(listener);
    },
    onExit: (listener) => {
      pty.onExit(listener);
    },
    write: (data) => pty.write(data),
    resize: (cols, rows) => pty.resize(cols, rows),
    kill: (signal) => pty.kill(signal),
    pause: () => pty.pause(),
    resume: () => pty.resume(),
  };
}
