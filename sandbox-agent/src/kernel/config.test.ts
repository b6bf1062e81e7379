import { describe, expect, it } from 'vitest';
import { defaultKernelConfig, uidBaseOfSlot } from './config';

describe('defaultKernelConfig', () => {
  it('has the documented defaults', () => {
    const cfg = defaultKernelConfig();
    expect(cfg.launcherPath).toMatch(/\/sandbox-agent\/launcher\/build\/gaiola-sandbox$/);
    expect(cfg).toMatchObject({
      runDir: '/run/gaiola',
      cgroupParent: 'gaiola',
      uidBase: 1048576,
      maxSlots: 200,
      memoryBytes: 512 * 2 ** 20,
      pidsMax: 256,
      cpuQuotaUs: 100000,
      tmpfsBytes: 256 * 2 ** 20,
    });
  });

  it('maps slot s to uidBase + s*65536 and refuses slots out of range', () => {
    const cfg = defaultKernelConfig();
    expect(uidBaseOfSlot(cfg, 0)).toBe(1048576);
    expect(uidBaseOfSlot(cfg, 1)).toBe(1114112);
    expect(() => uidBaseOfSlot(cfg, 200)).toThrow(RangeError);
    expect(() => uidBaseOfSlot(cfg, -1)).toThrow(RangeError);
  });

  it('refuses settings that would escape the gaiola names or the uid space', () => {
    expect(() => defaultKernelConfig({ cgroupParent: '../system.slice' })).toThrow(/cgroupParent/);
    expect(() => defaultKernelConfig({ runDir: 'relative' })).toThrow(/runDir/);
    expect(() => defaultKernelConfig({ uidBase: 2 ** 32 - 65536 })).toThrow(/uidBase/);
    expect(() => defaultKernelConfig({ pidsMax: 1 })).toThrow(/pidsMax/);
  });
});
