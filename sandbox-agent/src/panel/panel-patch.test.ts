// The panel's view of recorded snapshots, sent as patches (protocol/panel-patch.ts): a client that applies
// them ends with the view the agent built. Here and not in protocol/, which imports nothing of the agent's.
import { describe, expect, it } from 'vitest';
import { load } from '../checks/fixture-util';
import type { SandboxSnapshot } from '../kernel/snapshot';
import { panelMessage } from '../protocol/panel';
import { applyPanel, diffPanel, EMPTY_PANEL_VIEW } from '../protocol/panel-patch';
import { buildPanelView, planOverlays } from './panel-view';

function viewOf(name: string) {
  const snap: SandboxSnapshot = load(name);
  const sb = { initPid: snap.processes[0]?.ppid ?? 1 };
  return buildPanelView(snap, sb, planOverlays(snap, sb), new Map());
}

describe('the panel diff', () => {
  const sequence = [
    'fresh-02',
    '02-unshared',
    '02-hostname',
    '03-container',
    '05-group-v1',
    '05-oom-v1',
    '08-whiteout',
    '10-veth',
    'fresh-02',
  ];

  it('turns each view into the next: apply(prev, diff(prev, next)) = next', () => {
    let held = EMPTY_PANEL_VIEW;
    let prev: ReturnType<typeof viewOf> | undefined;
    for (const name of sequence) {
      const next = viewOf(name);
      const msg = diffPanel(prev, next);
      if (msg === undefined) {
        expect(prev).toEqual({ ...next, t: prev?.t });
        continue;
      }
      expect(panelMessage.parse(msg)).toEqual(msg);
      held = applyPanel(held, msg);
      expect(held, name).toEqual(next);
      prev = next;
    }
  });

  it('sends nothing when nothing but the time changed', () => {
    const a = viewOf('05-oom-v1');
    expect(diffPanel(a, { ...a, t: a.t + 500 })).toBeUndefined();
  });

  it('sends only the item that changed, and the keys that went away', () => {
    const a = viewOf('02-hostname');
    const renamed = { ...a, uts: a.uts.map((u, i) => (i === 0 ? { ...u, hostname: 'outro' } : u)) };
    const msg = diffPanel(a, renamed);
    expect(Object.keys(msg ?? {}).sort()).toEqual(['full', 't', 'type', 'uts']);
    expect(msg?.uts?.upsert).toEqual([renamed.uts[0]]);
    expect(msg?.uts?.remove).toEqual([]);
    const fewer = { ...a, procs: a.procs.slice(1) };
    expect(diffPanel(a, fewer)?.procs).toEqual({ upsert: [], remove: [a.procs[0]?.key] });
  });

  it('starts over with a full message: what the browser held before is dropped', () => {
    const held = applyPanel(
      EMPTY_PANEL_VIEW,
      diffPanel(undefined, viewOf('10-veth')) as NonNullable<ReturnType<typeof diffPanel>>,
    );
    const fresh = viewOf('fresh-02');
    const full = diffPanel(undefined, fresh);
    expect(full?.full).toBe(true);
    expect(applyPanel(held, full as NonNullable<typeof full>)).toEqual(fresh);
  });
});
