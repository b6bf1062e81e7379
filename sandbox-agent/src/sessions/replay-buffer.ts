// The last bytes a shell printed, kept so a reconnecting tab redraws what the student saw.
import { stripTerminalQueries } from './strip-queries';

export class ReplayBuffer {
  private chunks: Buffer[] = [];
  private size = 0;

  constructor(private readonly capacity: number) {}

  push(chunk: Buffer): void {
    if (chunk.length >= this.capacity) {
      this.chunks = [chunk.subarray(chunk.length - this.capacity)];
      this.size = this.capacity;
      return;
    }
    this.chunks.push(chunk);
    this.size += chunk.length;
    while (this.size > this.capacity) {
      const first = this.chunks[0];
      if (first === undefined) break;
      const excess = this.size - this.capacity;
      if (first.length <= excess) {
        this.chunks.shift();
        this.size -= first.length;
      } else {
        this.chunks[0] = first.subarray(excess);
        this.size -= excess;
      }
    }
  }

  /**
   * What a reconnecting tab is sent. Read whole, from the start, as the tab's new terminal reads it: a
   * query split across chunks is still found, and the capacity's cut (mid-sequence, mid-character) is
   * read as the terminal would. Queries are left out: the new terminal must not answer them again.
   */
  contents(): Buffer {
    return stripTerminalQueries(Buffer.concat(this.chunks, this.size));
  }

  get length(): number {
    return this.size;
  }
}
