// Class mode's parts wired together, for the agent and its integration tests alike: the routes, the live
// events (fed by the store's changes, the lessons students open, presence and capacity refusals), presence
// per student, the capacity the instructor sees, and help in class (raised hands, looks with consent: issue 20).
// Layer: above server/, which it plugs into through server's ClassGate (README, How it fits together).
import { readFileSync } from 'node:fs';
import type { LessonEngine } from '../lessons/engine';
import {
  type BroadcastKind,
  type BroadcastMessage,
  type InstructorState,
  type StepResult,
  warmTargetMax,
} from '../protocol';
import type { TokenSigner } from '../server/token';
import type { SandboxRegistry } from '../sessions/registry';
import type { Store } from '../store/store';
import { CpuSampler, parseMeminfo } from './capacity';
import { type ClassDeps, ClassRoutes } from './class-routes';
import { isStuck } from './class-state';
import { ClassWatch, stuckByFailures } from './class-watch';
import type { ClassEvents } from './events';
import { HelpDesk, storeAudit } from './help-desk';
import { LookSockets } from './look-socket';

/** How often the instructor's table is told to read the stuck marks again (a minute's precision is plenty). */
const STUCK_TICK_MS = 30_000;

export interface ClassMode {
  routes: ClassRoutes;
  events: ClassEvents;
  presence(studentId: string, delta: 1 | -1): void;
  /** This student's tab was refused a sandbox: the class is full. */
  refused(studentId: string): void;
  /** Raised hands and looks; class mode only. */
  desk: HelpDesk | undefined;
  /** Ends every look (the agent stops). */
  close(): void;
  /** The student's terminal showed activity (a prompt, quiet after typing); `command`: a prompt, a command ran. */
  active(studentId: string, command?: boolean): void;
  /** A check run's results for the lesson the student has open (issue 20: the check that keeps failing). */
  checked(studentId: string, slug: string, steps: readonly StepResult[]): void;
  /**
   * In class, the warm target the current class's instructor set (kept in the store) replaces
   * GAIOLA_WARM_SANDBOXES; called before the pool starts filling (issue 18).
   */
  restoreWarmTarget(): Promise<void>;
}

export function createClassMode(opts: {
  mode: 'solo' | 'class';
  store: Store;
  /** Which lesson each student has open; the table follows it live. */
  engine: Pick<LessonEngine, 'lessonOf'>;
  /**
   * The live view's events, made by the composition before the store and the engine, which feed it from their
   * construction on (their changes, the lessons students open); class mode adds presence and refusals.
   */
  events: ClassEvents;
  signer: TokenSigner;
  /** One agent of many (issue 22): where a joining student is placed. */
  place?: ClassDeps['place'];
  registry: Pick<SandboxRegistry, 'size' | 'destroy' | 'broadcast' | 'shellsOf' | 'warmPool' | 'setWarmTarget'>;
  maxSandboxes: number;
  /** The site's origins: a look's socket comes from one. */
  allowedOrigins: readonly string[];
  /** A lesson's step ids in order. */
  stepIds(slug: string): readonly string[];
  /** Active with no step done for this long: stuck. */
  stuckMs: number;
  /** The same check still failing after this many commands: stuck. */
  stuckFailures: number;
  lessons: InstructorState['lessons'];
  siteUrl: string;
  log(line: string): void;
}): ClassMode {
  const { events } = opts;
  const online = new Map<string, number>();
  // Students, not attempts: a refused student's two tabs and their pages' automatic retries are one student.
  const refused = new Set<string>();
  const cpu = new CpuSampler();
  const isOnline = (id: string) => (online.get(id) ?? 0) > 0;
  /** Per student, the first and the last activity seen in their terminals since the agent started. */
  const activity = new Map<string, { first: number; last: number }>();
  /** Per student, commands since the last step and the check failing now (issue 20). */
  const watch = new ClassWatch();
  /** The instructor's latest broadcast, with its class: a tab that connects later hears it too. */
  let lastBroadcast: { classId: string; msg: BroadcastMessage } | undefined;
  const broadcast = async (classId: string, text: string, kind: BroadcastKind): Promise<number> => {
    const at = Date.now();
    // One record, begun and ended at once: a broadcast has no length. The instructor is unnamed, as in a look.
    const id = await opts.store.recordAudit({
      classId,
      kind: 'broadcast',
      instructor: '',
      startedAt: at,
      endedAt: at,
      detail: text,
    });
    const msg: BroadcastMessage = { type: 'broadcast', id, kind, text, at };
    lastBroadcast = { classId, msg };
    for (const s of await opts.store.classStudents(classId)) opts.registry.broadcast(s.id, msg);
    events.changed('broadcast');
    return id;
  };
  // A student becomes stuck by time passing, with nothing else changing: the table is told to look again now and then.
  const stuckTick = setInterval(() => {
    if (activity.size > 0) events.changed('stuck');
  }, STUCK_TICK_MS);
  stuckTick.unref();
  const desk =
    opts.mode === 'class'
      ? new HelpDesk({
          push: (id, msg) => opts.registry.broadcast(id, msg),
          shells: (id) => opts.registry.shellsOf(id),
          online: isOnline,
          changed: (kind) => events.changed(kind),
          now: () => Date.now(),
          audit: storeAudit(opts.store, () => Date.now(), opts.log),
        })
      : undefined;
  const looks =
    desk &&
    new LookSockets({
      desk,
      signer: opts.signer,
      store: opts.store,
      allowedOrigins: opts.allowedOrigins,
      log: opts.log,
    });
  const routes = new ClassRoutes({
    mode: opts.mode,
    store: opts.store,
    signer: opts.signer,
    events,
    destroySandbox: (id, reason, code) => opts.registry.destroy(id, reason, code),
    online: isOnline,
    openLesson: (id) => opts.engine.lessonOf(id),
    capacity: () => {
      const mem = parseMeminfo(readFileSync('/proc/meminfo', 'utf8'));
      return {
        sandboxes: opts.registry.size,
        maxSandboxes: opts.maxSandboxes,
        refused: refused.size,
        memUsedBytes: mem.usedBytes,
        memTotalBytes: mem.totalBytes,
        cpuPercent: cpu.sample(),
        warm: opts.registry.warmPool,
      };
    },
    lessons: opts.lessons,
    siteUrl: opts.siteUrl,
    desk,
    looks,
    stepIds: opts.stepIds,
    // Stuck when the same check kept failing, else when active with no progress for a while.
    agentSaw: (id, lastStepAt) => {
      const seen = watch.of(id);
      const a = activity.get(id);
      const now = Date.now();
      const progressAt = Math.max(lastStepAt, a?.first ?? now);
      const stuckBy = stuckByFailures(seen, opts.stuckFailures)
        ? 'failures'
        : isStuck({ activeAt: a?.last, progressAt, now, thresholdMs: opts.stuckMs })
          ? 'time'
          : undefined;
      return { stuckBy, watch: seen };
    },
    broadcast,
    warm:
      opts.mode === 'class'
        ? {
            max: () => warmTargetMax({ maxSandboxes: opts.maxSandboxes, sandboxes: opts.registry.size }),
            set: (n) => opts.registry.setWarmTarget(n),
          }
        : undefined,
    lastBroadcast: (classId) => (lastBroadcast?.classId === classId ? lastBroadcast.msg : undefined),
    place: opts.place,
    log: opts.log,
  });
  return {
    routes,
    events,
    presence: (id, delta) => {
      const n = (online.get(id) ?? 0) + delta;
      if (n > 0) online.set(id, n);
      else online.delete(id);
      // online means "a tab is open": only the first opened and the last closed change the table
      if (n === 0 || (n === 1 && delta === 1)) events.changed('presence');
      // Each tab that connects hears the student's help state; the last one closing ends the looks.
      if (delta === 1 || n === 0) desk?.presence(id, n > 0);
      // A tab that connects hears the latest broadcast of its class (the page keeps what the student dismissed).
      if (delta === 1 && lastBroadcast) {
        const last = lastBroadcast;
        void opts.store
          .studentClassId(id)
          .then((classId) => {
            if (classId === last.classId) opts.registry.broadcast(id, last.msg);
          })
          .catch((err: Error) => opts.log(`broadcast not replayed: ${err.message}`));
      }
    },
    refused: (id) => {
      if (refused.has(id)) return;
      refused.add(id);
      events.changed('capacity');
    },
    desk,
    active: (id, command) => {
      if (command) watch.command(id);
      const now = Date.now();
      const a = activity.get(id);
      if (a) a.last = now;
      else activity.set(id, { first: now, last: now });
    },
    checked: (id, slug, steps) => {
      // the table shows the count: tell it when it moved (a step done is told by the store)
      if (watch.checked(id, slug, steps)) events.changed('watch');
    },
    restoreWarmTarget: async () => {
      const cls = opts.mode === 'class' ? await opts.store.currentClass() : undefined;
      const kept = cls ? await opts.store.classWarmTarget(cls.id) : undefined;
      if (cls === undefined || kept === undefined) return;
      // GAIOLA_MAX_SANDBOXES may have been lowered since: the pool could never hold more anyway.
      const target = Math.min(kept, opts.maxSandboxes);
      opts.registry.setWarmTarget(target);
      opts.log(`class ${cls.code}: keeping ${target} sandboxes warm, as its instructor asked`);
    },
    close: () => {
      clearInterval(stuckTick);
      desk?.close();
      looks?.close();
    },
  };
}
