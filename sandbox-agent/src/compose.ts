// The agent's one composition: main.ts, the integration tests' harness and the benchmarks all build the agent
// here, so the tests exercise the wiring that ships. Objects are made in dependency order; the registry's
// events reach the store, the engine and the panel through a SandboxEvents made before the registry.
// Layer: the top, beside main.ts; it may import every folder (README, How it fits together).
import { checks } from './checks/index';
import { type ClassMode, createClassMode } from './class/class-mode';
import { classSummary } from './class/class-setup';
import { ClassEvents } from './class/events';
import { DEFAULT_STUCK_FAILURES, DEFAULT_STUCK_MINUTES } from './config';
import { defaultKernelConfig, type KernelConfig } from './kernel/config';
import { inspectSandbox } from './kernel/inspect';
import { startFixture } from './kernel/lesson-fixtures';
import { type HostProbe, probeHost } from './kernel/probe';
import { createSandbox, reclaimLeftovers, releaseHostResources } from './kernel/sandbox';
import { loadCatalog } from './lessons/catalog';
import { LessonEngine } from './lessons/engine';
import { PanelHub, panelKernel, panelPokes } from './panel/panel-hub';
import { AgentCluster } from './server/cluster';
import { createAgentServer } from './server/http-server';
import { loadOrCreateSecret, TokenSigner } from './server/token';
import { SandboxRegistry } from './sessions/registry';
import { SandboxEvents } from './sessions/sandbox-events';
import { type LookStats, sharedLooks } from './sessions/sandbox-observer';
import { openStore } from './store/open';
import type { Store } from './store/store';

export interface AgentOptions {
  /** Overrides of the kernel defaults: the cgroup parent, run dir, uid base, slots and per-sandbox caps. */
  kernel: Partial<KernelConfig>;
  /** The SQLite database (when no PostgreSQL is configured) and the token secret live here. */
  dataDir: string;
  /** PostgreSQL instead of SQLite (GAIOLA_DATABASE_URL, `postgres://…`): many agents share one store (issue 22). */
  databaseUrl?: string;
  /** This agent's name among many (GAIOLA_AGENT_ID); 'local' on one VM. */
  agentId?: string;
  /** Where browsers reach this agent as one of many (GAIOLA_AGENT_URL): set, it reports itself and places students. */
  agentUrl?: string;
  /** The token key; by default the one kept in `dataDir` (made on first start). */
  secret?: Buffer;
  host: string;
  /** 0: an ephemeral port (see `port` on the result). */
  port: number;
  allowedOrigins: string[];
  siteUrl: string;
  mode: 'solo' | 'class';
  /** How long a sandbox outlives its last tab. */
  graceMs: number;
  /** Sandboxes at once, warm ones included. */
  maxSandboxes: number;
  /** Sandboxes kept started for the next students (GAIOLA_WARM_SANDBOXES); 0 keeps none. */
  warmSandboxes: number;
  /** Class mode: active with no step done for this long is "stuck" (GAIOLA_STUCK_MINUTES); 10 minutes by default. */
  stuckMs?: number;
  /** Class mode: the same check failing after this many commands is "stuck" too (GAIOLA_STUCK_FAILURES); 5 by default. */
  stuckFailures?: number;
  /** The lesson engine (checks, fixtures, quiz, progress); class mode needs it. */
  lessons: boolean;
  /** The Kernel panel's streams. */
  panel: boolean;
  /** The ws ping interval; the protocol's default when absent. */
  heartbeatMs?: number;
  log(line: string): void;
}

export interface Agent {
  kernel: KernelConfig;
  /** Snapshots asked for and taken (one look serves the checks and the panel when it can). */
  looks: LookStats;
  probe: HostProbe;
  store: Store;
  signer: TokenSigner;
  registry: SandboxRegistry;
  /** Subscribe here to see sandboxes made and freed (the tests count them). */
  events: SandboxEvents;
  engine: LessonEngine | undefined;
  panel: PanelHub | undefined;
  classMode: ClassMode | undefined;
  /** Starts serving on `host:port`, then fills the warm pool; resolves with the port (the one chosen when `port` was 0). */
  listen(): Promise<number>;
  /** Closes the terminals, frees every sandbox and the host resources, closes the store. */
  close(reason: string): Promise<void>;
}

/**
 * Probes the host (throws on what makes it unable to run sandboxes), reclaims what a crashed run left, builds
 * the agent, ready to `listen()`. Host tuning of the process itself (its OOM score) stays with main.ts.
 */
export async function composeAgent(opts: AgentOptions): Promise<Agent> {
  const { log } = opts;
  const kernel = defaultKernelConfig(opts.kernel);
  const probe = probeHost(kernel);
  for (const w of probe.warnings) log(`warning: ${w}`);
  if (probe.problems.length > 0) {
    throw new Error(
      `this host cannot run sandboxes; fix each of these and start again:\n  - ${probe.problems.join('\n  - ')}`,
    );
  }
  log(`kernel ${probe.kernelRelease}; cgroups ${probe.cgroup.mode}`);

  // The instructor's live view, fed from their construction on by the store (its changes) and the engine (the
  // lessons students open), and by class mode (presence, refusals); in solo mode no page listens.
  const classEvents = new ClassEvents();
  const store = await openStore({
    dataDir: opts.dataDir,
    databaseUrl: opts.databaseUrl,
    agentId: opts.agentId,
    onChange: (change) => classEvents.changed(change.kind),
  });
  await store.closeStaleSandboxes();
  const reclaimed = await reclaimLeftovers(kernel, probe);
  // Before serving: whatever a crashed run left under this parent (cgroups, processes in them) is freed first.
  if (reclaimed.cgroups > 0 || reclaimed.processes > 0) {
    log(`reclaimed ${reclaimed.cgroups} cgroups and ${reclaimed.processes} processes left by an earlier run`);
  }

  const catalog = await loadCatalog();
  const events = new SandboxEvents();
  // The sandboxes' records are written without holding a student up; a store that fails says so in the log.
  const recorded = (what: string) => (err: Error) => log(`${what} not recorded: ${err.message}`);
  events.onCreated((id, student) => {
    // The student's row first: a sandbox made without the HTTP server's session (a test's direct attach) needs it.
    store
      .upsertStudent(student, 'solo')
      .then(() => store.sandboxCreated(id, student))
      .catch(recorded(`sandbox ${id}`));
  });
  events.onDestroyed((id, reason) => {
    store.sandboxDestroyed(id, reason).catch(recorded(`the end of sandbox ${id}`));
  });
  // The instructor's page shows the warm pool live (issue 18).
  events.onWarmChanged(() => classEvents.changed('warm'));
  const registry = new SandboxRegistry(
    kernel,
    probe,
    { graceMs: opts.graceMs, maxSandboxes: opts.maxSandboxes, warmSandboxes: opts.warmSandboxes },
    createSandbox,
    events,
    log,
  );
  // One snapshot at a time per sandbox, shared by the checks and the Kernel panel.
  const looks = sharedLooks((sb, o) => inspectSandbox(sb, { ...o, launcherPath: kernel.launcherPath }));
  const engine =
    opts.lessons || opts.mode === 'class'
      ? new LessonEngine(
          catalog,
          store,
          registry,
          { inspect: looks.look, startFixture, checks, cgroupVersion: probe.cgroup.mode === 'v2' ? 'v2' : 'v1' },
          log,
          () => classEvents.changed('lesson'),
          (student, slug, steps) => classMode?.checked(student, slug, steps),
        )
      : undefined;
  if (engine) {
    // A prompt or a quiet terminal after typing: the student is active (the instructor's "stuck" reads it).
    events.onShellActivity((student) => ({
      prompt: () => classMode?.active(student, true),
      quietAfterInput: () => classMode?.active(student),
    }));
    events.onDestroyed((_id, _reason, student) => engine.sandboxGone(student));
    events.onShellActivity((student) => engine.activity(student));
  }
  const panel = opts.panel
    ? new PanelHub(
        (student) => registry.sandboxOf(student),
        panelKernel(kernel.launcherPath, looks.look),
        log,
        (student) => registry.ptyPids(student),
      )
    : undefined;
  // After the engine's: a prompt runs the checks first, then brings the panel's next look forward.
  if (panel) events.onShellActivity((student) => panelPokes(panel, student));

  const signer = new TokenSigner(opts.secret ?? loadOrCreateSecret(opts.dataDir));
  const cluster = opts.agentUrl
    ? new AgentCluster({
        agentId: opts.agentId ?? 'local',
        url: opts.agentUrl,
        capacity: opts.maxSandboxes,
        used: () => registry.size,
        hasSandbox: async (student) => (await registry.sandboxOf(student)) !== undefined,
        graceMs: opts.graceMs,
        store,
        signer,
        log,
      })
    : undefined;
  const classMode = engine
    ? createClassMode({
        mode: opts.mode,
        store,
        engine,
        events: classEvents,
        signer,
        place: cluster && ((p, given) => cluster.place(p, given)),
        registry,
        maxSandboxes: opts.maxSandboxes,
        lessons: [...catalog.values()].map((l) => ({
          slug: l.def.slug,
          steps: l.def.steps.length,
          questions: l.def.quiz.length,
        })),
        siteUrl: opts.siteUrl,
        allowedOrigins: opts.allowedOrigins,
        stuckMs: opts.stuckMs ?? DEFAULT_STUCK_MINUTES * 60_000,
        stuckFailures: opts.stuckFailures ?? DEFAULT_STUCK_FAILURES,
        stepIds: (slug) => catalog.get(slug)?.def.steps.map((s) => s.id) ?? [],
        log,
      })
    : undefined;
  const server = createAgentServer({
    allowedOrigins: opts.allowedOrigins,
    signer,
    registry,
    onStudentSeen: (id) => {
      store.upsertStudent(id, 'solo').catch(recorded('a student seen'));
    },
    health: async () => ({
      ok: true,
      sandboxes: registry.size,
      maxSandboxes: opts.maxSandboxes,
      warmSandboxes: registry.warmReady,
      cgroups: probe.cgroup.mode,
      mode: opts.mode,
      class: opts.mode === 'class' ? await classSummary(store) : null,
      store: store.kind,
    }),
    log,
    lessons: engine,
    panel,
    quiz: engine,
    classRoutes: classMode?.routes,
    cluster,
    presence: classMode?.presence,
    refused: classMode?.refused,
    heartbeatMs: opts.heartbeatMs,
  });

  return {
    kernel,
    looks: looks.stats,
    probe,
    store,
    signer,
    registry,
    events,
    engine,
    panel,
    classMode,
    listen: () =>
      new Promise<number>((resolve, reject) => {
        server.server.once('error', reject);
        server.server.listen(opts.port, opts.host, () => {
          server.server.off('error', reject);
          const address = server.server.address();
          const port = typeof address === 'object' && address ? address.port : opts.port;
          // The class's warm target is read before the pool fills, so it fills to the instructor's number.
          (classMode?.restoreWarmTarget() ?? Promise.resolve())
            .catch((err: Error) => log(`the class's warm target not read: ${err.message}`))
            .then(() => {
              registry.startWarming();
              // One of many: reported only once it serves, so no student is placed on an agent not listening.
              return cluster?.start();
            })
            .then(() => resolve(port), reject);
        });
      }),
    close: async (reason) => {
      try {
        await cluster?.stop();
        classEvents.close();
        classMode?.close();
        panel?.closeAll();
        await server.close();
        await registry.destroyAll(reason);
      } finally {
        try {
          await releaseHostResources(kernel, probe);
        } finally {
          await store.close();
        }
      }
    },
  };
}
