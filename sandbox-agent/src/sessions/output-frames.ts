// The frames a shell's output is gathered into before it goes to the browser (issue 18, "A flood costs
// nothing"): a few buffers of one size, each used again once its send has finished, so a flood copies its bytes
// into the same memory instead of allocating as much as it prints.

export interface Frame {
  /** The bytes gathered: a view of the frame's buffer. */
  bytes: Buffer;
  /** The send is over (or never happened): the buffer may be filled again. Once only. */
  release(): void;
}

export class OutputFrames {
  private buffer: Buffer | undefined;
  private length = 0;
  private readonly free: Buffer[] = [];

  /**
   * @param frameBytes the most one frame holds
   * @param keepFree buffers kept for reuse; beyond them a released one is left to the GC (a flood with a slow
   *   socket may have more in flight, for a while)
   */
  constructor(
    private readonly frameBytes: number,
    private readonly keepFree: number,
  ) {}

  /** Bytes gathered and not yet taken. */
  get pending(): number {
    return this.length;
  }

  get full(): boolean {
    return this.length === this.frameBytes;
  }

  /** Copies as much of `chunk` from `from` as the frame has room for; returns how much it copied. */
  append(chunk: Buffer, from: number): number {
    this.buffer ??= this.free.pop() ?? Buffer.allocUnsafe(this.frameBytes);
    const n = chunk.copy(this.buffer, this.length, from);
    this.length += n;
    return n;
  }

  /** The frame gathered so far, now the caller's until it releases it; undefined when nothing was gathered. */
  take(): Frame | undefined {
    const buffer = this.buffer;
    if (!buffer || this.length === 0) return undefined;
    const bytes = buffer.subarray(0, this.length);
    this.buffer = undefined;
    this.length = 0;
    let released = false;
    return {
      bytes,
      release: () => {
        if (released) return;
        released = true;
        if (this.free.length < this.keepFree) this.free.push(buffer);
      },
    };
  }
}
