import type { InstructorState } from '@protocol';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AgentResult } from './agent';
import { CHANGE_DELAY_MS, ClassFeed, type EventSourceLike, type FeedSnapshot, REOPEN_DELAY_MS } from './feed';
import { sampleState } from './test-fixtures';

class FakeSource implements EventSourceLike {
  readyState = 0;
  closed = false;
  private listeners = new Map<string, (() => void)[]>();
  constructor(readonly url: string) {}
  addEventListener(type: string, listener: () => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  close() {
    this.closed = true;
    this.readyState = 2;
  }
  emit(type: string) {
    for (const l of this.listeners.get(type) ?? []) l();
  }
}

function setup(results: AgentResult<InstructorState>[] = []) {
  const sources: FakeSource[] = [];
  const snapshots: FeedSnapshot[] = [];
  const fetchState = vi.fn(
    async (): Promise<AgentResult<InstructorState>> => results.shift() ?? { ok: true, value: sampleState },
  );
  const feed = new ClassFeed({
    fetchState,
    eventsUrl: 'http://a/instructor/events?token=t',
    openEvents: (url) => {
      const s = new FakeSource(url);
      sources.push(s);
      return s;
    },
    onSnapshot: (s) => snapshots.push(s),
  });
  const last = () => snapshots.at(-1);
  return { feed, sources, snapshots, fetchState, last };
}

describe('ClassFeed', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('loads the state at once and opens the event stream', async () => {
    const { feed, sources, fetchState, last } = setup();
    feed.start();
    await vi.runAllTimersAsync();
    expect(fetchState).toHaveBeenCalledTimes(1);
    expect(sources[0]?.url).toBe('http://a/instructor/events?token=t');
    expect(last()).toMatchObject({ state: sampleState, problem: null, live: false, version: 1 });
    feed.dispose();
  });

  it('asks again once per burst of changes, at most every CHANGE_DELAY_MS', async () => {
    const { feed, sources, fetchState, last } = setup();
    feed.start();
    await vi.runAllTimersAsync();
    const source = sources[0];
    source?.emit('open');
    await vi.runAllTimersAsync();
    expect(last()?.live).toBe(true);
    fetchState.mockClear();
    for (let i = 0; i < 20; i++) source?.emit('change');
    await vi.advanceTimersByTimeAsync(CHANGE_DELAY_MS - 1);
    expect(fetchState).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(fetchState).toHaveBeenCalledTimes(1);
    // Changes that never stop still give a refresh every interval, not never.
    for (let t = 0; t < 3; t++) {
      source?.emit('change');
      await vi.advanceTimersByTimeAsync(CHANGE_DELAY_MS);
    }
    expect(fetchState).toHaveBeenCalledTimes(4);
    feed.dispose();
  });

  it('keeps the last good state when the agent stops answering', async () => {
    const { feed, last } = setup([
      { ok: true, value: sampleState },
      { ok: false, error: 'unreachable', status: 0 },
    ]);
    feed.start();
    await vi.runAllTimersAsync();
    await feed.refresh();
    expect(last()).toMatchObject({ state: sampleState, problem: 'unreachable', version: 1 });
    await feed.refresh();
    expect(last()).toMatchObject({ problem: null, version: 2 });
    feed.dispose();
  });

  it('stops for good on a refused token', async () => {
    const { feed, sources, fetchState, last } = setup([{ ok: false, error: 'token', status: 401 }]);
    feed.start();
    await vi.runAllTimersAsync();
    expect(last()?.problem).toBe('token');
    expect(sources[0]?.closed).toBe(true);
    sources[0]?.emit('change');
    await vi.advanceTimersByTimeAsync(REOPEN_DELAY_MS * 2);
    expect(fetchState).toHaveBeenCalledTimes(1);
    expect(sources).toHaveLength(1);
    feed.dispose();
  });

  it('reopens a stream the browser gave up on, and lets EventSource retry the rest itself', async () => {
    const { feed, sources, last } = setup();
    feed.start();
    await vi.runAllTimersAsync();
    const first = sources[0] as FakeSource;
    first.emit('open');
    first.readyState = 0; // CONNECTING: EventSource retries by itself
    first.emit('error');
    expect(last()?.live).toBe(false);
    await vi.advanceTimersByTimeAsync(REOPEN_DELAY_MS);
    expect(sources).toHaveLength(1);
    first.readyState = 2; // CLOSED: a non-200 answer; nobody retries unless we do
    first.emit('error');
    await vi.advanceTimersByTimeAsync(REOPEN_DELAY_MS);
    expect(first.closed).toBe(true);
    expect(sources).toHaveLength(2);
    feed.dispose();
    expect(sources[1]?.closed).toBe(true);
  });

  it('does nothing after dispose', async () => {
    const { feed, snapshots } = setup();
    feed.start();
    feed.dispose();
    await vi.runAllTimersAsync();
    expect(snapshots).toEqual([]);
  });
});
