// One agent among many on one database (issue 22). It reports itself (id, URL, capacity, sandboxes) every few
// seconds; whichever agent a browser asks for a session places the student from the database (a class together
// where it fits, store/placement.ts) and signs a token naming the agent chosen; a terminal opens only on the
// agent its seat is on. An agent not heard from for AGENT_GONE_MS is gone: its students' next session request
// places them on a live one, and their progress, in the database, goes with them.
import type { AgentRef } from '../protocol';
import type { Store } from '../store/store';
import type { TokenPayload, TokenSigner } from './token';

/** How often an agent reports itself. */
export const REPORT_EVERY_MS = 2000;
/** Three reports missed: gone (a slow database or a paused process misses one, not three). */
export const AGENT_GONE_MS = 3 * REPORT_EVERY_MS + 500;
/** How often an agent looks for seats nobody uses (every fifth report). */
export const SWEEP_EVERY_MS = 5 * REPORT_EVERY_MS;

export interface ClusterOptions {
  agentId: string;
  url: string;
  /** Sandboxes at once (GAIOLA_MAX_SANDBOXES). */
  capacity: number;
  /** Students' sandboxes now. */
  used(): number;
  /** Whether a student has a sandbox here (running or starting). */
  hasSandbox(studentId: string): Promise<boolean>;
  /** How long a sandbox outlives its last tab (GAIOLA_GRACE_SECONDS): a seat unused this long is given back. */
  graceMs: number;
  store: Pick<Store, 'reportAgent' | 'placeStudent' | 'upsertStudent' | 'seatOf' | 'seatedOn' | 'releaseSeat'>;
  signer: TokenSigner;
  log(line: string): void;
}

/** A student placed: the agent to open, and the token naming it (the one given back when it already does). */
export interface Placed {
  agent: AgentRef;
  token: string;
}

export class AgentCluster {
  private timer: NodeJS.Timeout | undefined;
  private readonly startedAt = Date.now();
  private reportFailing = false;

  constructor(private readonly opts: ClusterOptions) {}

  /**
   * Before serving: the seats this agent held before a restart are freed (their sandboxes went with it; a student
   * coming back is placed again), then the first report, then one every REPORT_EVERY_MS.
   */
  async start(): Promise<void> {
    const { store, agentId } = this.opts;
    for (const student of await store.seatedOn(agentId)) await store.releaseSeat(student);
    await this.report();
    let reports = 0;
    this.timer = setInterval(() => {
      void this.report().catch(() => {});
      reports += 1;
      if (reports % (SWEEP_EVERY_MS / REPORT_EVERY_MS) === 0)
        this.sweep().catch((err: Error) => this.opts.log(`seats not swept: ${err.message}`));
    }, REPORT_EVERY_MS);
    this.timer.unref();
  }

  /**
   * Gives back the seats here that nobody uses: placed longer ago than the grace period, with no sandbox here (its
   * student left and their sandbox's grace ran out, or their page never opened a terminal). A student who comes
   * back is placed again. Returns how many were freed.
   */
  async sweep(now = Date.now()): Promise<number> {
    const { store, agentId, graceMs, hasSandbox } = this.opts;
    let freed = 0;
    for (const student of await store.seatedOn(agentId, now - graceMs)) {
      if (await hasSandbox(student)) continue;
      await store.releaseSeat(student);
      freed += 1;
    }
    return freed;
  }

  /** Leaving on purpose: reported as seen long ago, so its students are placed elsewhere at once. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.report(0).catch(() => {});
  }

  /**
   * The agent the token's student is to use, and a token naming it; undefined when every live agent is full.
   * `given` is the token as the browser sent it, returned unchanged when it already names that agent.
   */
  async place(p: TokenPayload, given: string | undefined): Promise<Placed | undefined> {
    const { store, signer } = this.opts;
    await store.upsertStudent(p.s, p.m);
    const placement = await store.placeStudent(p.s, p.c, Date.now() - AGENT_GONE_MS);
    if (!placement) return undefined;
    const agent = { id: placement.agent.id, url: placement.agent.url };
    if (placement.placed) this.opts.log(`student placed on ${agent.id}`);
    const token = given && p.a === agent.id ? given : signer.sign({ ...p, a: agent.id });
    return { agent, token };
  }

  /**
   * Whether the token's student may open terminals here: the token names this agent and their seat is here. Read
   * only, on every terminal's connect; a student without a seat here asks for their session again, which places them.
   */
  async seatedHere(p: TokenPayload): Promise<boolean> {
    return p.a === this.opts.agentId && (await this.opts.store.seatOf(p.s)) === this.opts.agentId;
  }

  private async report(lastSeen = Date.now()): Promise<void> {
    const { agentId, url, capacity, store, log } = this.opts;
    try {
      await store.reportAgent({
        id: agentId,
        url,
        capacity,
        used: this.opts.used(),
        started_at: this.startedAt,
        last_seen_at: lastSeen,
      });
      if (this.reportFailing) log('reporting to the database again');
      this.reportFailing = false;
    } catch (err) {
      // Said once, not every two seconds; the other agents take this one's students after AGENT_GONE_MS.
      if (!this.reportFailing) log(`cannot report to the database: ${(err as Error).message}`);
      this.reportFailing = true;
      throw err;
    }
  }
}
