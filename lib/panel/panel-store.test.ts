import type { PanelMessage, PanelView } from '@protocol';
import { EMPTY_PANEL_VIEW, nextHistory } from '@protocol';
import { describe, expect, it } from 'vitest';
import type { TabIndex } from '@/lib/terminal/tab';
import { PanelStore } from './panel-store';

function storeWithTabs() {
  const store = new PanelStore();
  const sent: [TabIndex, boolean][] = [];
  const up = new Set<TabIndex>([0, 1]);
  store.setSender((tab, m) => {
    if (!up.has(tab)) return false;
    sent.push([tab, m.open]);
    return true;
  });
  return { store, sent, up };
}

const group = (usage: number, oomKills: number, refused = 0): PanelView['cgroups'][number] => ({
  key: '/demo',
  path: '/demo',
  controllers: ['memory'],
  procs: [],
  memory: { limit: 1000, usage, oomKills },
  pids: { max: 10, current: 1, refused },
});
const viewAt = (t: number, g: PanelView['cgroups'][number]): PanelView => ({ ...EMPTY_PANEL_VIEW, t, cgroups: [g] });

describe('the panel store', () => {
  it('asks one tab for the stream while open and visible, and stops it when closed or hidden', () => {
    const { store, sent } = storeWithTabs();
    store.hello(0);
    store.hello(1);
    expect(sent).toEqual([]);
    store.setOpen(true);
    expect(sent).toEqual([[0, true]]);
    store.setVisible(false);
    store.setVisible(true);
    store.setOpen(false);
    expect(sent).toEqual([
      [0, true],
      [0, false],
      [0, true],
      [0, false],
    ]);
  });

  it('tells the agent which section shows, so it reads only what that section draws', () => {
    const store = new PanelStore();
    const sent: unknown[] = [];
    store.setSender((_tab, m) => sent.push(m) > 0);
    store.hello(0);
    store.setSection('network');
    expect(sent).toEqual([]); // closed: nothing to say
    store.setOpen(true);
    store.setSection('mounts');
    expect(sent).toEqual([
      { type: 'panel', open: true, section: 'network' },
      { type: 'panel', open: true, section: 'mounts' },
    ]);
  });

  it('moves the stream to the other tab when its tab drops, and asks again on a new connection', () => {
    const { store, sent, up } = storeWithTabs();
    store.hello(0);
    store.hello(1);
    store.setOpen(true);
    up.delete(0);
    store.setTabConnected(0, false);
    expect(sent.at(-1)).toEqual([1, true]);
    up.add(0);
    store.hello(0); // tab A is back: B still carries it
    expect(sent.length).toBe(2);
    store.hello(1); // B reconnected: its old stream is gone, so one tab is asked again
    expect(sent.at(-1)).toEqual([0, true]);
    expect(sent.length).toBe(3);
  });

  it('builds the view from messages, and drops it when closed', () => {
    const { store } = storeWithTabs();
    store.hello(0);
    const msg: PanelMessage = { type: 'panel', full: true, t: 5, cgroups: { upsert: [group(10, 0)], remove: [] } };
    store.receive(msg);
    expect(store.getSnapshot().view).toBeNull(); // closed: ignored
    store.setOpen(true);
    store.receive(msg);
    expect(store.getSnapshot().view?.cgroups[0]?.memory?.usage).toBe(10);
    store.setOpen(false);
    expect(store.getSnapshot().view).toBeNull();
  });
});

describe('a fresh sandbox ("start this lesson again")', () => {
  it('starts the memory history over: another user namespace is another sandbox', () => {
    const { store } = storeWithTabs();
    store.hello(0);
    store.setOpen(true);
    const at = (t: number, user: number, g: PanelView['cgroups'][number]): PanelMessage => ({
      type: 'panel',
      full: true,
      t,
      base: { ns: { user }, hostname: 'h', cgroupVersion: 1 },
      cgroups: { upsert: [g], remove: [] },
    });
    store.receive(at(1000, 7, group(100, 0)));
    store.receive({ type: 'panel', full: false, t: 1500, cgroups: { upsert: [group(900, 1)], remove: [] } });
    expect(store.getSnapshot().history['/demo']?.events.length).toBe(1);
    // Reopened on the same sandbox (a hidden tab shown again): the history goes on.
    store.receive(at(2000, 7, group(50, 1)));
    expect(store.getSnapshot().history['/demo']?.samples.length).toBe(3);
    // A new sandbox: nothing of the old one's history.
    store.receive(at(3000, 8, group(10, 0)));
    expect(store.getSnapshot().history['/demo']).toEqual({
      samples: [{ t: 3000, usage: 10, limit: 1000 }],
      events: [],
    });
  });
});

describe('the memory history', () => {
  it('keeps a minute of samples and marks OOM kills and refused forks as they happen', () => {
    let h = nextHistory({}, null, viewAt(1000, group(100, 2)));
    expect(h['/demo']?.events).toEqual([]); // kills before the panel looked are not events
    h = nextHistory(h, viewAt(1000, group(100, 2)), viewAt(1500, group(900, 3, 4)));
    expect(h['/demo']?.events).toEqual([
      { t: 1500, kind: 'oom', count: 1 },
      { t: 1500, kind: 'pids', count: 4 },
    ]);
    h = nextHistory(h, viewAt(1500, group(900, 3, 4)), viewAt(70_000, group(50, 3, 4)));
    expect(h['/demo']?.samples).toEqual([{ t: 70_000, usage: 50, limit: 1000 }]);
    expect(h['/demo']?.events).toEqual([]);
  });
});
