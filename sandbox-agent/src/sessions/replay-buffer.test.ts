import { describe, expect, it } from 'vitest';
import { ReplayBuffer } from './replay-buffer';

describe('ReplayBuffer', () => {
  it('keeps everything below capacity, in order', () => {
    const b = new ReplayBuffer(10);
    b.push(Buffer.from('abc'));
    b.push(Buffer.from('def'));
    expect(b.contents().toString()).toBe('abcdef');
    expect(b.length).toBe(6);
  });

  it('drops the oldest bytes, splitting a chunk when needed', () => {
    const b = new ReplayBuffer(5);
    b.push(Buffer.from('abc'));
    b.push(Buffer.from('defg'));
    expect(b.contents().toString()).toBe('cdefg');
    expect(b.length).toBe(5);
  });

  it('keeps only the tail of a chunk larger than the capacity', () => {
    const b = new ReplayBuffer(4);
    b.push(Buffer.from('xy'));
    b.push(Buffer.from('0123456789'));
    expect(b.contents().toString()).toBe('6789');
  });
});
