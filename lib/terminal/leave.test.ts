import { describe, expect, it } from 'vitest';
import { leaveDirection } from './leave';

const key = (key: string, mods: Partial<Record<'shiftKey' | 'altKey' | 'ctrlKey' | 'metaKey', boolean>> = {}) => ({
  type: 'keydown',
  key,
  shiftKey: false,
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  ...mods,
});

describe('leaveDirection', () => {
  it('takes F6 forward and Shift+F6 back', () => {
    expect(leaveDirection(key('F6'))).toBe('next');
    expect(leaveDirection(key('F6', { shiftKey: true }))).toBe('previous');
  });

  it('leaves the terminal every key it needs: Tab, Esc, other F keys, F6 with Alt, Ctrl or Meta', () => {
    for (const k of ['Tab', 'Escape', 'F5', 'F7', 'a']) expect(leaveDirection(key(k)), k).toBeNull();
    expect(leaveDirection(key('Tab', { shiftKey: true }))).toBeNull();
    for (const mod of ['altKey', 'ctrlKey', 'metaKey'] as const)
      expect(leaveDirection(key('F6', { [mod]: true }))).toBeNull();
  });

  it('acts on the key going down only', () => {
    expect(leaveDirection({ ...key('F6'), type: 'keyup' })).toBeNull();
  });
});
