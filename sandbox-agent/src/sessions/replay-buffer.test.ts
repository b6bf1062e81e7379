import { describe, expect, it } from 'vitest';
import { ReplayBuffer } from './replay-buffer';

describe('ReplayBuffer', () => {
  it.each([
    ['keeps everything below capacity, in order', 10, ['abc', 'def'], 'abcdef'],
    ['drops the oldest bytes, splitting a chunk when needed', 5, ['abc', 'defg'], 'cdefg'],
    ['keeps only the tail of a chunk larger than the capacity', 4, ['xy', '0123456789'], '6789'],
  ] as const)('%s', (_title, capacity, chunks, kept) => {
    const b = new ReplayBuffer(capacity);
    for (const chunk of chunks) b.push(Buffer.from(chunk));
    expect(b.contents().toString()).toBe(kept);
    expect(b.length).toBe(kept.length);
  });

  it('leaves out a terminal query split across chunks', () => {
    const b = new ReplayBuffer(100);
    for (const chunk of ['/ # ', '\x1b', '[', '6', 'n', 'ls\r\n']) b.push(Buffer.from(chunk));
    expect(b.contents().toString()).toBe('/ # ls\r\n');
  });

  it('reads what the capacity cut from the start as text, and keeps no half character', () => {
    // The cut falls inside a query: its ESC is gone, and what is left is text, not a query.
    const b = new ReplayBuffer(5);
    b.push(Buffer.from('ab\x1b[6n'));
    b.push(Buffer.from('cd'));
    expect(b.contents().toString()).toBe('[6ncd');
    // The cut falls inside `á` (C3 A1): its second byte is not kept to meet something else.
    const c = new ReplayBuffer(7);
    c.push(Buffer.from('zá'));
    c.push(Buffer.from('\x1b[6n$ '));
    expect(c.contents().toString('latin1')).toBe('$ ');
  });

  it('keeps a copy: the memory of a chunk may be filled again after the push', () => {
    const b = new ReplayBuffer(6);
    const frame = Buffer.from('abcd');
    b.push(frame);
    frame.write('wxyz');
    b.push(frame.subarray(0, 3));
    expect(b.contents().toString()).toBe('bcdwxy');
    for (const chunk of ['12', '345', '6', '7890']) b.push(Buffer.from(chunk));
    expect(b.contents().toString()).toBe('567890');
  });
});
