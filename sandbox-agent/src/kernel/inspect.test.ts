import { describe, expect, it } from 'vitest';
import { parseLauncherStat } from './inspect';

describe('parseLauncherStat', () => {
  it('reads identity, type, device numbers and size', () => {
    expect(parseLauncherStat('41:18 100644 0:0 6\n')).toEqual({
      id: '41:18',
      type: 'file',
      rdev: '0:0',
      size: 6,
      text: null,
    });
    // with --max-bytes: the content after the line
    expect(parseLauncherStat('41:18 100644 0:0 6 text\nbaixo\n')).toMatchObject({ size: 6, text: 'baixo\n' });
    expect(parseLauncherStat('41:20 100644 0:0 0 text\n')).toMatchObject({ text: '' });
    // an overlay whiteout: a character device 0:0
    expect(parseLauncherStat('41:19 20000 0:0 0\n')).toMatchObject({ type: 'char', rdev: '0:0' });
    expect(parseLauncherStat('2049:2 40755 0:0 4096\n').type).toBe('dir');
    expect(parseLauncherStat('5:1 20620 4:1 0\n')).toMatchObject({ type: 'char', rdev: '4:1' });
  });
  it('refuses output of another shape', () => {
    expect(() => parseLauncherStat('41:18 100644\n')).toThrow(/unexpected launcher stat output/);
  });
});
