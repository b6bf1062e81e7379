import { describe, expect, it } from 'vitest';
import { OutputFrames } from './output-frames';

/** Which memory a view is of: small Buffers share one pool, so the ArrayBuffer alone does not tell. */
const where = (b: Buffer | undefined) => b && [b.buffer, b.byteOffset];

describe('OutputFrames', () => {
  it('gathers chunks up to the frame size and hands them over as one', () => {
    const f = new OutputFrames(8, 2);
    expect(f.take()).toBeUndefined();
    expect(f.append(Buffer.from('abc'), 0)).toBe(3);
    expect(f.append(Buffer.from('defghij'), 0)).toBe(5);
    expect(f.full).toBe(true);
    const frame = f.take();
    expect(frame?.bytes.toString()).toBe('abcdefgh');
    expect(f.pending).toBe(0);
    expect(f.append(Buffer.from('defghij'), 5)).toBe(2);
    expect(f.take()?.bytes.toString()).toBe('ij');
  });

  it('fills a released buffer again, and never one still being sent', () => {
    const f = new OutputFrames(4, 1);
    f.append(Buffer.from('aaaa'), 0);
    const sending = f.take();
    f.append(Buffer.from('bb'), 0);
    const second = f.take();
    // the first frame is still in flight: its bytes stay as they were
    expect(sending?.bytes.toString()).toBe('aaaa');
    expect(second?.bytes.toString()).toBe('bb');
    const sent = where(sending?.bytes);
    expect(where(second?.bytes)).not.toEqual(sent);
    sending?.release();
    sending?.release();
    f.append(Buffer.from('cc'), 0);
    const third = f.take();
    expect(where(third?.bytes)).toEqual(sent);
    // only one is kept free: the next released buffer is left to the GC
    second?.release();
    third?.release();
    f.append(Buffer.from('d'), 0);
    expect(where(f.take()?.bytes)).toEqual(where(second?.bytes));
  });
});
