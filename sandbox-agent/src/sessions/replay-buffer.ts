// The last bytes a shell printed, kept so a reconnecting tab redraws what the student saw.
import { stripTerminalQueries } from './strip-queries';

/**
 * A ring of `capacity` bytes, allocated at the first push: what is pushed is copied in, so the replay holds no
 * frame of the shell's (those are reused once sent, issue 18) and no more memory than its capacity.
 */
export class ReplayBuffer {
  private ring: Buffer | undefined;
  /** Where the oldest byte kept is. */
  private start = 0;
  private size = 0;

  constructor(private readonly capacity: number) {}

  push(chunk: Buffer): void {
    const cap = this.capacity;
    this.ring ??= Buffer.allocUnsafe(cap);
    const ring = this.ring;
    if (chunk.length >= cap) {
      chunk.copy(ring, 0, chunk.length - cap);
      this.start = 0;
      this.size = cap;
      return;
    }
    const end = (this.start + this.size) % cap;
    const copied = chunk.copy(ring, end);
    chunk.copy(ring, 0, copied);
    this.size += chunk.length;
    if (this.size > cap) {
      this.start = (this.start + this.size - cap) % cap;
      this.size = cap;
    }
  }

  /**
   * What a reconnecting tab is sent. Read whole, from the start, as the tab's new terminal reads it: a
   * query split across chunks is still found, and the capacity's cut (mid-sequence, mid-character) is
   * read as the terminal would. Queries are left out: the new terminal must not answer them again.
   */
  contents(): Buffer {
    const ring = this.ring;
    if (!ring) return stripTerminalQueries(Buffer.alloc(0));
    const first = ring.subarray(this.start, Math.min(this.start + this.size, this.capacity));
    const rest = ring.subarray(0, this.size - first.length);
    return stripTerminalQueries(Buffer.concat([first, rest], this.size));
  }

  get length(): number {
    return this.size;
  }
}
