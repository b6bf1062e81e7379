// The instructor view's live class state, outside React: one state request now, then one after each
// burst of `change` events from the agent's event stream. The events carry no data worth trusting: they
// only say "ask again", so the table always shows a validated state.
import type { InstructorState } from '@protocol';
import type { AgentFailure, AgentResult } from './agent';

/**
 * At most one state request per this interval while events keep coming. Not a resetting debounce: with a
 * hundred students typing, events never pause, and a debounce that restarts on each would never fire.
 */
export const CHANGE_DELAY_MS = 300;
/**
 * When the stream is refused (a non-200 answer, which EventSource does not retry by itself), it is
 * opened again after this long. Network drops are retried by EventSource on its own.
 */
export const REOPEN_DELAY_MS = 5000;

export interface FeedSnapshot {
  readonly state: InstructorState | null;
  /** Why the last state request failed; null after a good one. The last good state stays shown. */
  readonly problem: AgentFailure | null;
  /** The event stream is open: the table updates by itself. */
  readonly live: boolean;
  /** Counts good state answers: an open student detail asks again when it changes. */
  readonly version: number;
}

/** What the feed needs of EventSource (a fake in tests). */
export interface EventSourceLike {
  readonly readyState: number;
  addEventListener(type: string, listener: () => void): void;
  close(): void;
}

/** EventSource.CLOSED, without touching a DOM global in node tests. */
const CLOSED = 2;

export interface FeedDeps {
  readonly fetchState: () => Promise<AgentResult<InstructorState>>;
  readonly eventsUrl: string;
  readonly openEvents: (url: string) => EventSourceLike;
  readonly onSnapshot: (snapshot: FeedSnapshot) => void;
}

export class ClassFeed {
  private snapshot: FeedSnapshot = { state: null, problem: null, live: false, version: 0 };
  private source: EventSourceLike | null = null;
  private changeTimer: ReturnType<typeof setTimeout> | null = null;
  private reopenTimer: ReturnType<typeof setTimeout> | null = null;
  /** A request is in flight; `again` asks for one more when it ends (a change arrived meanwhile). */
  private inFlight = false;
  private again = false;
  private stopped = false;

  constructor(private readonly deps: FeedDeps) {}

  start(): void {
    void this.refresh();
    this.open();
  }

  /** Ask for the state now (after an action, or the retry button). */
  async refresh(): Promise<void> {
    if (this.stopped) return;
    if (this.inFlight) {
      this.again = true;
      return;
    }
    this.inFlight = true;
    const result = await this.deps.fetchState();
    this.inFlight = false;
    if (this.stopped) return;
    if (result.ok) {
      this.update({ state: result.value, problem: null, version: this.snapshot.version + 1 });
    } else {
      this.update({ problem: result.error });
      // A refused token will not become good: stop listening, the page asks for a new link.
      if (result.error === 'token') {
        this.closeSource();
        return;
      }
    }
    if (this.again) {
      this.again = false;
      void this.refresh();
    }
  }

  dispose(): void {
    this.stopped = true;
    this.closeSource();
    if (this.changeTimer) clearTimeout(this.changeTimer);
    if (this.reopenTimer) clearTimeout(this.reopenTimer);
    this.changeTimer = null;
    this.reopenTimer = null;
  }

  private open(): void {
    if (this.stopped) return;
    const source = this.deps.openEvents(this.deps.eventsUrl);
    this.source = source;
    source.addEventListener('open', () => {
      if (this.source !== source) return;
      this.update({ live: true });
      // Whatever changed while the stream was down was never announced: ask once.
      void this.refresh();
    });
    source.addEventListener('change', () => {
      if (this.source === source) this.changed();
    });
    source.addEventListener('error', () => {
      if (this.source !== source) return;
      this.update({ live: false });
      if (source.readyState !== CLOSED) return; // EventSource is reconnecting by itself
      this.closeSource();
      // The state request tells why (a bad token stops everything; a down agent shows as such).
      void this.refresh();
      this.reopenTimer = setTimeout(() => {
        this.reopenTimer = null;
        if (this.snapshot.problem !== 'token') this.open();
      }, REOPEN_DELAY_MS);
    });
  }

  private changed(): void {
    if (this.changeTimer) return;
    this.changeTimer = setTimeout(() => {
      this.changeTimer = null;
      void this.refresh();
    }, CHANGE_DELAY_MS);
  }

  private closeSource(): void {
    this.source?.close();
    this.source = null;
    if (this.snapshot.live) this.update({ live: false });
  }

  private update(patch: Partial<FeedSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...patch };
    if (!this.stopped) this.deps.onSnapshot(this.snapshot);
  }
}
