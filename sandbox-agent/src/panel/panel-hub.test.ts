import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { load } from '../checks/fixture-util';
import type { Sandbox } from '../kernel/sandbox';
import type { SandboxSnapshot } from '../kernel/snapshot';
import type { PanelMessage } from '../protocol/panel';
import { PANEL_FAST_MS, PANEL_POKE_MS, PANEL_SLOW_MS, PanelHub, type PanelKernel } from './panel-hub';

// The hub's pacing and its promise to do nothing for a closed panel, with the kernel replaced by recorded
// snapshots (the real kernel runs in test/panel.kernel.test.ts).
function rig(snaps: SandboxSnapshot[]) {
  const calls: { network: boolean; known?: string }[] = [];
  let i = 0;
  const kernel: PanelKernel = {
    inspect: async (_sb, opts) => {
      calls.push(
        opts.knownBaseHostname === undefined
          ? { network: opts.network === true }
          : { network: opts.network === true, known: opts.knownBaseHostname },
      );
      return snaps[Math.min(i++, snaps.length - 1)] as SandboxSnapshot;
    },
    listDirs: async () => new Map(),
  };
  const sb = { id: 'sb1', initPid: 1 } as unknown as Sandbox;
  const hub = new PanelHub(
    async () => sb,
    kernel,
    () => {},
  );
  const sent: PanelMessage[] = [];
  const sub = { send: (m: PanelMessage) => sent.push(m) };
  return { hub, sub, sent, calls };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('the panel hub', () => {
  it('sends a full view at once, then only changes, backing off while nothing changes', async () => {
    const same = load('02-unshared');
    const { hub, sub, sent, calls } = rig([same, same, same, same, load('02-hostname')]);
    hub.open('s', sub, 'processes');
    await vi.advanceTimersByTimeAsync(0);
    expect(sent.map((m) => m.full)).toEqual([true]);
    // Nothing changes: looks at 500, then 1000 and 2000 ms apart; nothing is sent.
    await vi.advanceTimersByTimeAsync(PANEL_FAST_MS + 2 * PANEL_FAST_MS + PANEL_SLOW_MS);
    expect(calls.length).toBe(4);
    expect(sent.length).toBe(1);
    await vi.advanceTimersByTimeAsync(PANEL_SLOW_MS);
    expect(calls.length).toBe(5);
    expect(sent.map((m) => m.full)).toEqual([true, false]);
    hub.closeAll();
  });

  it('looks soon after shell activity, and reads the network only for the network section', async () => {
    const { hub, sub, calls } = rig([load('fresh-02')]);
    hub.open('s', sub, 'processes');
    await vi.advanceTimersByTimeAsync(PANEL_FAST_MS * 3 + PANEL_SLOW_MS); // backed off to the slow pace
    const before = calls.length;
    hub.poke('s');
    await vi.advanceTimersByTimeAsync(PANEL_POKE_MS);
    expect(calls.length).toBe(before + 1);
    expect(calls.every((c) => !c.network)).toBe(true);
    hub.open('s', sub, 'network');
    await vi.advanceTimersByTimeAsync(PANEL_POKE_MS);
    expect(calls.at(-1)?.network).toBe(true);
    hub.closeAll();
  });

  it('cannot be made to look faster by a client toggling the panel or its section', async () => {
    const { hub, sub, calls } = rig([load('fresh-02')]);
    hub.open('s', sub);
    await vi.advanceTimersByTimeAsync(0);
    expect(calls.length).toBe(1);
    // A burst of messages within one poke interval: open, close, open, another section…
    for (let i = 0; i < 50; i++) {
      if (i % 3 === 0) hub.close(sub);
      hub.open('s', sub, i % 2 === 0 ? 'network' : 'cgroups');
      await vi.advanceTimersByTimeAsync(PANEL_POKE_MS / 50);
    }
    expect(calls.length).toBeLessThanOrEqual(2);
    hub.closeAll();
  });

  it("reads the sandbox's host name again after shell activity, not on every look", async () => {
    const snap = load('fresh-02');
    const { hub, sub, calls } = rig([snap]);
    hub.open('s', sub);
    await vi.advanceTimersByTimeAsync(PANEL_FAST_MS * 3);
    expect(calls[0]?.known).toBeUndefined();
    expect(calls.slice(1).map((c) => c.known)).toEqual(calls.slice(1).map(() => snap.base.hostname));
    hub.poke('s'); // a prompt: `hostname x` may have just run
    await vi.advanceTimersByTimeAsync(PANEL_POKE_MS);
    expect(calls.at(-1)?.known).toBeUndefined();
    hub.closeAll();
  });

  it('stops looking once the panel is closed', async () => {
    const { hub, sub, calls } = rig([load('fresh-02')]);
    hub.open('s', sub);
    await vi.advanceTimersByTimeAsync(0);
    hub.close(sub);
    const n = calls.length;
    hub.poke('s');
    await vi.advanceTimersByTimeAsync(PANEL_SLOW_MS * 5);
    expect(calls.length).toBe(n);
    expect(vi.getTimerCount()).toBe(0);
  });
});
