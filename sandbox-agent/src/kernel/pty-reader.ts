// What the agent's shell sessions use of a pty (issue 18): a tab's shell is pty-handoff.ts, whose output is
// read into one buffer, the same for every read ("A flood costs nothing"): a tty.ReadStream allocates a new
// Buffer per read, so a flood of N bytes would leave N bytes of garbage, and V8 collects Buffers late (after
// some 64 MiB of them). net.Socket can read into a buffer of its caller's (its `onread` option, which
// tty.ReadStream passes on).
// The chunks handed to onData are views of that buffer, valid only during the call: a listener copies what it
// keeps. Flow control: pause() and resume() stop and start the reads.

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
export interface OnRead {
  onread: { buffer: Buffer; callback: (bytes: number, buffer: Buffer) => boolean };
}
