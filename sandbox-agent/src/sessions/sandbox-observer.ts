// One picture of a student's sandbox at a time. The lesson checks and the Kernel panel both ask here for a
// snapshot taken after a given moment (the prompt they react to, or now): a look that began after it and read
// what they need, running or done, is handed to both. Every look reads what was asked in the last few seconds,
// so the one snapshot a prompt causes serves the checks and the open panel alike. One observer per sandbox,
// made on its first look, gone with the sandbox object.
// Layer: imports only kernel/ (README, How it fits together; biome.json).
import type { FixtureLike, InspectOptions } from '../kernel/inspect';
import type { Sandbox } from '../kernel/sandbox';
import type { SandboxSnapshot } from '../kernel/snapshot';

/** What a snapshot reads; `notBefore` (ms since the epoch): the look must begin then or later (default: now). */
export type LookRequest = Omit<InspectOptions, 'launcherPath'> & { notBefore?: number };
export type Inspect = (sb: Sandbox, opts: Omit<InspectOptions, 'launcherPath'>) => Promise<SandboxSnapshot>;
export type Look = (sb: Sandbox, req: LookRequest) => Promise<SandboxSnapshot>;

/** What was asked this recently still goes into every look (the panel's pace is at most 2 s). */
export const RECENT_NEEDS_MS = 5000;

interface Needs {
  paths: Set<string>;
  fixtures: Map<string, FixtureLike>;
  network: boolean;
  mountTables: boolean;
  containerProcs: boolean;
  /** The sandbox's own host name as a requester read it a moment ago; undefined: read it. */
  knownBaseHostname: string | undefined;
}

function needsOf(req: LookRequest): Needs {
  return {
    paths: new Set(req.paths),
    fixtures: new Map(Object.entries(req.fixtures)),
    network: req.network === true,
    mountTables: req.mountTables === true,
    containerProcs: req.containerProcs === true,
    knownBaseHostname: req.knownBaseHostname,
  };
}

function merge(into: Needs, req: Needs): void {
  for (const p of req.paths) into.paths.add(p);
  for (const [name, f] of req.fixtures) into.fixtures.set(name, f);
  into.network ||= req.network;
  into.mountTables ||= req.mountTables;
  into.containerProcs ||= req.containerProcs;
  // The host name is not carried over from recent requests: one that wanted it read had it read by the look
  // that answered it. Only a request this look answers makes it read the name (see look()); carrying it over
  // had every panel look spawn the launcher for it, at the panel's pace.
}

function covers(look: Needs, req: Needs): boolean {
  for (const p of req.paths) if (!look.paths.has(p)) return false;
  for (const name of req.fixtures.keys()) if (!look.fixtures.has(name)) return false;
  if (req.network && !look.network) return false;
  if (req.mountTables && !look.mountTables) return false;
  if (req.containerProcs && !look.containerProcs) return false;
  return req.knownBaseHostname !== undefined || look.knownBaseHostname === undefined;
}

interface Started {
  startedAt: number;
  needs: Needs;
  result: Promise<SandboxSnapshot>;
}

interface Queued {
  needs: Needs;
  result: Promise<SandboxSnapshot>;
  settle: (r: Promise<SandboxSnapshot>) => void;
}

export interface LookStats {
  /** Snapshots asked for by the checks and the panel. */
  requests: number;
  /** Snapshots taken. */
  looks: number;
}

class SandboxObserver {
  private running: Started | undefined;
  private latest: Started | undefined;
  private queued: Queued | undefined;
  private recent: { at: number; needs: Needs }[] = [];

  constructor(
    private readonly sb: Sandbox,
    private readonly inspect: Inspect,
    private readonly stats: LookStats,
  ) {}

  look(req: LookRequest): Promise<SandboxSnapshot> {
    this.stats.requests++;
    const now = Date.now();
    const notBefore = req.notBefore ?? now;
    const needs = needsOf(req);
    this.recent = this.recent.filter((r) => now - r.at < RECENT_NEEDS_MS);
    this.recent.push({ at: now, needs });
    for (const look of [this.latest, this.running])
      if (look && look.startedAt >= notBefore && covers(look.needs, needs)) return look.result;
    if (!this.queued) {
      let settle: (r: Promise<SandboxSnapshot>) => void = () => {};
      const result = new Promise<SandboxSnapshot>((resolve) => {
        settle = resolve;
      });
      // A look that answers nobody wanting the host name read takes the name it was given.
      this.queued = {
        needs: needsOf({ paths: [], fixtures: {}, knownBaseHostname: req.knownBaseHostname }),
        result,
        settle,
      };
    }
    const queued = this.queued;
    // One request it answers that wants the host name read makes the look read it.
    if (needs.knownBaseHostname === undefined) queued.needs.knownBaseHostname = undefined;
    for (const r of this.recent) merge(queued.needs, r.needs);
    if (!this.running) this.startQueued();
    return queued.result;
  }

  /** The queued look begins: it began after every request it answers was made. */
  private startQueued(): void {
    const q = this.queued;
    if (!q) return;
    this.queued = undefined;
    this.stats.looks++;
    const { knownBaseHostname, ...rest } = q.needs;
    const result = this.inspect(this.sb, {
      paths: [...rest.paths],
      fixtures: Object.fromEntries(rest.fixtures),
      network: rest.network,
      mountTables: rest.mountTables,
      containerProcs: rest.containerProcs,
      ...(knownBaseHostname === undefined ? {} : { knownBaseHostname }),
    });
    const started: Started = { startedAt: Date.now(), needs: q.needs, result };
    this.running = started;
    q.settle(result);
    void result.then(
      () => {
        this.latest = started;
      },
      () => {},
    );
    void result
      .catch(() => {})
      .finally(() => {
        this.running = undefined;
        this.startQueued();
      });
  }
}

/** The one way the agent looks at sandboxes: a look function sharing snapshots per sandbox, and its counts. */
export function sharedLooks(inspect: Inspect): { look: Look; stats: LookStats } {
  const observers = new WeakMap<Sandbox, SandboxObserver>();
  const stats: LookStats = { requests: 0, looks: 0 };
  const look: Look = (sb, req) => {
    let o = observers.get(sb);
    if (!o) {
      o = new SandboxObserver(sb, inspect, stats);
      observers.set(sb, o);
    }
    return o.look(req);
  };
  return { look, stats };
}
