// Streams the Kernel panel to the sockets that opened it: snapshots the student's sandbox, builds the panel's
// view, and sends what changed since the last message on that socket. Nothing runs for a socket whose panel
// is closed or whose tab is hidden (the browser says so). Pacing: an update at most every FAST_MS while
// things change, backing off to SLOW_MS while nothing does; shell activity (a prompt, quiet after input)
// brings the next look forward, so `unshare -u` shows within a fraction of a second.
// Layer: imports only kernel/, checks/, sessions/ and protocol/ (README, How it fits together; biome.json).
import { readFileSync } from 'node:fs';
import type { InspectOptions } from '../kernel/inspect';
import type { ProcessRef } from '../kernel/launcher-run';
import { type DirListing, LIST_MAX_PATHS, listDirs } from '../kernel/list-dirs';
import { type ProcStat, parseStat } from '../kernel/parse/stat';
import type { Sandbox } from '../kernel/sandbox';
import type { SandboxSnapshot } from '../kernel/snapshot';
import type { PanelMessage, PanelSectionId, PanelView } from '../protocol/panel';
import { diffPanel } from '../protocol/panel-patch';
import type { Look } from '../sessions/sandbox-observer';
import type { ShellActivity } from '../sessions/shell-session';
import { buildPanelView, type Listings, planOverlays, terminalTrees, typingProcs } from './panel-view';

/** Fastest pace: "a few updates a second" at most. */
export const PANEL_FAST_MS = 500;
/** Pace while nothing changes. */
export const PANEL_SLOW_MS = 2000;
/** Shell activity brings the next look this close (never closer to the last one than this either). */
export const PANEL_POKE_MS = 250;
/** How deep and how many entries of an overlay layer are listed. */
export const LAYER_DEPTH = 3;
export const LAYER_ENTRIES = 64;
/**
 * The sandbox's own host name is read again at least this often; between two reads only a shell command can
 * change it, and every prompt (a poke) reads it again.
 */
export const HOSTNAME_REFRESH_MS = 10_000;

export interface PanelKernel {
  /** A snapshot begun at `notBefore` or later (sessions/sandbox-observer.ts shares it with the checks). */
  inspect(sb: Sandbox, opts: Omit<InspectOptions, 'launcherPath'> & { notBefore: number }): Promise<SandboxSnapshot>;
  listDirs(
    sb: Sandbox,
    proc: ProcessRef,
    paths: string[],
    opts: { depth: number; maxEntries: number },
  ): Promise<Map<string, DirListing> | undefined>;
  /** The command name of the sandbox's init, or undefined when it cannot be read. */
  initComm?(sb: Sandbox): string | undefined;
  /** Job-control fields of /proc/PID/stat for these host PIDs (the ones gone are left out). */
  procStats?(pids: readonly number[]): Map<number, ProcStat>;
}

/** The real kernel: the checks' snapshots (`look`, shared per sandbox), listings through the launcher. */
export function panelKernel(launcherPath: string, look: Look): PanelKernel {
  return {
    inspect: look,
    listDirs: (sb, proc, paths, opts) => listDirs(launcherPath, sb, proc, paths, opts),
    initComm: (sb) => {
      try {
        // The kernel's own text for a process the agent started: nothing of the student's is followed.
        return readFileSync(`/proc/${sb.initPid}/comm`, 'utf8').trim();
      } catch {
        return undefined;
      }
    },
    procStats: (pids) => {
      const out = new Map<number, ProcStat>();
      for (const pid of pids) {
        try {
          // Kernel text of the host's /proc: a process gone meanwhile is simply left out.
          out.set(pid, parseStat(readFileSync(`/proc/${pid}/stat`, 'utf8')));
        } catch {}
      }
      return out;
    },
  };
}

/** A shell's activity hooks that bring the Kernel panel's next look forward (only open panels cost anything). */
export function panelPokes(panel: Pick<PanelHub, 'poke'>, studentId: string): ShellActivity {
  return {
    prompt: () => panel.poke(studentId),
    quietAfterInput: () => panel.poke(studentId),
  };
}

export interface PanelSubscriber {
  send(msg: PanelMessage): void;
}

interface Subscription {
  studentId: string;
  /** What the browser shows: only that section's costly reads are made (the rest is carried over). */
  section: PanelSectionId;
  subscriber: PanelSubscriber;
  last: PanelView | undefined;
  sandboxId: string | undefined;
  timer: NodeJS.Timeout | undefined;
  /** When the pending timer fires. */
  dueAt: number;
  running: boolean;
  /** Activity came while a look ran: the next one comes soon. */
  poked: boolean;
  /** When the latest shell activity came: the next look must be newer (one begun for the checks may do). */
  pokedAt: number | undefined;
  /** The sandbox init's command name, read once per sandbox. */
  initComm: string | undefined;
  /** The sandbox's host name as last read, and when; cleared by shell activity. */
  hostname: { name: string; at: number } | undefined;
  delay: number;
}

/** Totals since start, for the benchmark and the closing notes. */
export interface PanelStats {
  snapshots: number;
  messages: number;
  bytes: number;
}

export class PanelHub {
  private readonly subs = new Map<PanelSubscriber, Subscription>();
  /** When each socket's last look ended, kept across close and open: toggling cannot force looks. */
  private readonly lastLook = new WeakMap<PanelSubscriber, number>();
  private readonly totals: PanelStats = { snapshots: 0, messages: 0, bytes: 0 };

  constructor(
    private readonly sandboxOf: (studentId: string) => Promise<Sandbox | undefined>,
    private readonly kernel: PanelKernel,
    private readonly log: (line: string) => void,
    /** Host PID of each terminal tab's pty process (its relay), by tab: where the student types. */
    private readonly ptyPidsOf: (studentId: string) => Promise<readonly (number | undefined)[]> = async () => [],
  ) {}

  get stats(): PanelStats {
    return { ...this.totals };
  }

  /** The panel on this socket is open and visible: a full view now, then changes; again: another section. */
  open(studentId: string, subscriber: PanelSubscriber, section: PanelSectionId = 'processes'): void {
    // However often a client opens, switches or reopens, looks stay PANEL_POKE_MS apart.
    const wait = Math.max(0, (this.lastLook.get(subscriber) ?? 0) + PANEL_POKE_MS - Date.now());
    const existing = this.subs.get(subscriber);
    if (existing) {
      existing.section = section;
      existing.delay = PANEL_FAST_MS;
      if (existing.running) existing.poked = true;
      else this.schedule(existing, wait);
      return;
    }
    const sub: Subscription = {
      studentId,
      section,
      subscriber,
      last: undefined,
      sandboxId: undefined,
      timer: undefined,
      dueAt: 0,
      running: false,
      poked: false,
      pokedAt: undefined,
      initComm: undefined,
      hostname: undefined,
      delay: PANEL_FAST_MS,
    };
    this.subs.set(subscriber, sub);
    this.schedule(sub, wait);
  }

  close(subscriber: PanelSubscriber): void {
    const sub = this.subs.get(subscriber);
    if (!sub) return;
    if (sub.timer) clearTimeout(sub.timer);
    this.subs.delete(subscriber);
  }

  /** Something happened in one of the student's shells: look soon. */
  poke(studentId: string): void {
    for (const sub of this.subs.values()) {
      if (sub.studentId !== studentId) continue;
      sub.delay = PANEL_FAST_MS;
      sub.hostname = undefined;
      sub.pokedAt = Date.now();
      if (sub.running) sub.poked = true;
      else this.schedule(sub, PANEL_POKE_MS);
    }
  }

  closeAll(): void {
    for (const sub of [...this.subs.values()]) this.close(sub.subscriber);
  }

  /** Runs the next look in `delay` ms, unless one is already due sooner. */
  private schedule(sub: Subscription, delay: number): void {
    const at = Date.now() + delay;
    if (sub.running) return; // the running look schedules the next one
    if (sub.timer && sub.dueAt <= at) return;
    if (sub.timer) clearTimeout(sub.timer);
    sub.dueAt = at;
    sub.timer = setTimeout(() => {
      sub.timer = undefined;
      void this.run(sub);
    }, delay);
  }

  private async run(sub: Subscription): Promise<void> {
    sub.running = true;
    let changed = false;
    try {
      const sb = await this.sandboxOf(sub.studentId);
      if (sb && this.subs.get(sub.subscriber) === sub) {
        if (sb.id !== sub.sandboxId) {
          sub.sandboxId = sb.id;
          sub.last = undefined; // a new sandbox: start over
          sub.hostname = undefined;
          sub.initComm = this.kernel.initComm?.(sb);
        }
        const view = await this.viewOf(sb, sub);
        const msg = diffPanel(sub.last, view);
        if (msg && this.subs.get(sub.subscriber) === sub) {
          sub.subscriber.send(msg);
          sub.last = view;
          changed = true;
          this.totals.messages++;
          this.totals.bytes += Buffer.byteLength(JSON.stringify(msg));
        }
      }
    } catch (err) {
      // The sandbox went away while we looked, most often (a restart): the next look starts over.
      this.log(`kernel panel: ${(err as Error).message}`);
      sub.last = undefined;
    } finally {
      sub.running = false;
      this.lastLook.set(sub.subscriber, Date.now());
      sub.delay = changed || sub.poked ? PANEL_FAST_MS : Math.min(PANEL_SLOW_MS, sub.delay * 2);
      const next = sub.poked ? PANEL_POKE_MS : sub.delay;
      sub.poked = false;
      if (this.subs.get(sub.subscriber) === sub) this.schedule(sub, next);
    }
  }

  private async viewOf(sb: Sandbox, sub: Subscription): Promise<PanelView> {
    const { section, last } = sub;
    const network = section === 'network';
    const layers = section === 'mounts';
    const fresh = sub.hostname && Date.now() - sub.hostname.at < HOSTNAME_REFRESH_MS ? sub.hostname.name : undefined;
    // After activity, any look begun since (the checks', most often) shows it; on the panel's own pace, a new one.
    const notBefore = sub.pokedAt ?? Date.now();
    sub.pokedAt = undefined;
    const snap = await this.kernel.inspect(sb, {
      paths: [],
      fixtures: {},
      notBefore,
      network,
      mountTables: false,
      ...(fresh === undefined ? {} : { knownBaseHostname: fresh }),
    });
    if (fresh === undefined) sub.hostname = { name: snap.base.hostname, at: Date.now() };
    this.totals.snapshots++;
    const plans = layers ? planOverlays(snap, sb) : [];
    const byPid = new Map<number, Set<string>>();
    for (const plan of plans)
      for (const layer of plan.layers) {
        if (!layer.read) continue;
        const paths = byPid.get(layer.read.pid) ?? new Set<string>();
        paths.add(layer.read.path);
        byPid.set(layer.read.pid, paths);
      }
    const listings: Listings = new Map();
    const reads: { pid: number; paths: string[] }[] = [];
    for (const [pid, paths] of byPid) {
      const all = [...paths];
      for (let i = 0; i < all.length; i += LIST_MAX_PATHS) reads.push({ pid, paths: all.slice(i, i + LIST_MAX_PATHS) });
    }
    // A layer is read through the sandbox's init or a process of the snapshot: named with its start time.
    const startOf = (pid: number) =>
      pid === sb.initPid ? sb.initStartTime : snap.processes.find((p) => p.hostPid === pid)?.startTime;
    await Promise.all(
      reads.map(async ({ pid, paths }) => {
        const proc = { pid, startTime: startOf(pid) };
        const listing = await this.kernel.listDirs(sb, proc, paths, { depth: LAYER_DEPTH, maxEntries: LAYER_ENTRIES });
        if (!listing) return;
        const held = listings.get(pid) ?? new Map<string, DirListing>();
        for (const [path, l] of listing) held.set(path, l);
        listings.set(pid, held);
      }),
    );
    // The process each tab types into: read from its shell's and descendants' /proc/PID/stat.
    const ptyPids = await this.ptyPidsOf(sub.studentId);
    const ofTerminals = terminalTrees(snap, ptyPids).flatMap((tree) => tree.map((n) => n.proc.hostPid));
    const stats = this.kernel.procStats?.(ofTerminals) ?? new Map<number, ProcStat>();
    const typing = typingProcs(snap, ptyPids, stats);
    const view = buildPanelView(snap, { initPid: sb.initPid, initComm: sub.initComm }, plans, listings, typing);
    // What was not read this time stays as the browser last saw it (nothing to send for it).
    if (!network) view.net = last?.net ?? [];
    if (!layers) view.overlays = last?.overlays ?? [];
    return view;
  }
}
