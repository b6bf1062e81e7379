// Removes the prompt marker from a shell's output stream and counts each one, across chunk boundaries.
import { PROMPT_MARKER } from '../kernel/prompt-marker';

const MARKER = Buffer.from(PROMPT_MARKER, 'latin1');

export class PromptMarkerFilter {
  /** Bytes held back because they might be the start of a marker split across chunks. */
  private held: Buffer = Buffer.alloc(0);

  /** Returns the output without markers and how many markers it contained. */
  push(chunk: Buffer): { out: Buffer; markers: number } {
    const data = this.held.length > 0 ? Buffer.concat([this.held, chunk]) : chunk;
    this.held = Buffer.alloc(0);
    const parts: Buffer[] = [];
    let markers = 0;
    let from = 0;
    for (;;) {
      const at = data.indexOf(MARKER, from);
      if (at < 0) break;
      parts.push(data.subarray(from, at));
      markers += 1;
      from = at + MARKER.length;
    }
    let rest = data.subarray(from);
    const keep = partialMarkerSuffix(rest);
    if (keep > 0) {
      this.held = Buffer.from(rest.subarray(rest.length - keep));
      rest = rest.subarray(0, rest.length - keep);
    }
    parts.push(rest);
    return { out: parts.length === 1 ? (parts[0] as Buffer) : Buffer.concat(parts), markers };
  }

  /** Whatever was held back, when the stream ends. */
  flush(): Buffer {
    const out = this.held;
    this.held = Buffer.alloc(0);
    return out;
  }
}

/** Length of the longest suffix of `data` that is a proper prefix of the marker. */
function partialMarkerSuffix(data: Buffer): number {
  const max = Math.min(MARKER.length - 1, data.length);
  for (let n = max; n > 0; n--) {
    if (data.subarray(data.length - n).equals(MARKER.subarray(0, n))) return n;
  }
  return 0;
}
