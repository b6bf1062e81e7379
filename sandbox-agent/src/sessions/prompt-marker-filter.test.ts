import { describe, expect, it } from 'vitest';
import { PROMPT_MARKER } from '../kernel/prompt-marker';
import { PromptMarkerFilter } from './prompt-marker-filter';

const b = (s: string) => Buffer.from(s, 'latin1');

describe('PromptMarkerFilter', () => {
  it('strips markers and counts them', () => {
    const f = new PromptMarkerFilter();
    const r = f.push(b(`out\r\n${PROMPT_MARKER}root@x:~# ${PROMPT_MARKER}`));
    expect(r.out.toString('latin1')).toBe('out\r\nroot@x:~# ');
    expect(r.markers).toBe(2);
  });

  it('finds a marker split across chunks, at every split point', () => {
    const whole = `a${PROMPT_MARKER}b`;
    for (let cut = 1; cut < whole.length; cut++) {
      const f = new PromptMarkerFilter();
      const one = f.push(b(whole.slice(0, cut)));
      const two = f.push(b(whole.slice(cut)));
      expect(one.out.toString('latin1') + two.out.toString('latin1')).toBe('ab');
      expect(one.markers + two.markers).toBe(1);
    }
  });

  it('passes other escape sequences through, and releases a held prefix that was not a marker', () => {
    const f = new PromptMarkerFilter();
    const one = f.push(b('x\x1b]69'));
    expect(one.out.toString('latin1')).toBe('x');
    const two = f.push(b('7;title\x07'));
    expect(two.out.toString('latin1')).toBe('\x1b]697;title\x07');
    expect(two.markers).toBe(0);
    expect(f.push(b('\x1b[31mred')).out.toString('latin1')).toBe('\x1b[31mred');
    expect(f.flush().length).toBe(0);
  });
});
