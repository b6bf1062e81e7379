// The sandbox agent: probes the host, reclaims what a crashed run left, and serves terminals.
// Runs as root on the VM because it creates namespaces and cgroups; nothing a student sends is ever
// interpolated into a command.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checks } from './checks/index';
import { createClassMode } from './class/class-mode';
import { announceClass, classSummary } from './class/class-setup';
import { kernelOverridesFromEnv, loadAgentConfig } from './config';
import { defaultKernelConfig } from './kernel/config';
import { protectAgentFromOom } from './kernel/host-tuning';
import { inspectSandbox } from './kernel/inspect';
import { startFixture } from './kernel/lesson-fixtures';
import { probeHost } from './kernel/probe';
import { createSandbox, reclaimLeftovers, releaseHostResources } from './kernel/sandbox';
import { loadCatalog } from './lessons/catalog';
import { LessonEngine } from './lessons/engine';
import { PanelHub, panelKernel, withPanelPokes } from './panel/panel-hub';
import { createAgentServer } from './server/http-server';
import { loadOrCreateSecret, TokenSigner } from './server/token';
import { SandboxRegistry } from './sessions/registry';
import { Store } from './store/db';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function log(line: string): void {
  process.stdout.write(`[agent] ${line}\n`);
}

async function main(): Promise<void> {
  if (process.getuid?.() !== 0) {
    throw new Error('the agent must run as root: it creates namespaces, mounts and cgroups (try: sudo npm start)');
  }
  const config = loadAgentConfig(repoRoot);
  const kernel = defaultKernelConfig(kernelOverridesFromEnv());
  const probe = probeHost(kernel);
  for (const w of probe.warnings) log(`warning: ${w}`);
  if (probe.problems.length > 0) {
    throw new Error(
      `this host cannot run sandboxes; fix each of these and start again:\n  - ${probe.problems.join('\n  - ')}`,
    );
  }
  log(`kernel ${probe.kernelRelease}; cgroups ${probe.cgroup.mode}`);
  try {
    protectAgentFromOom();
  } catch (err) {
    // Defence in depth, not a requirement: a host that withholds CAP_SYS_RESOURCE (this project's CI container)
    // still serves, with the kernel's default choice of OOM victim.
    log(`warning: the agent keeps its OOM score (${(err as Error).message}); a host-wide OOM could pick it`);
  }

  const store = Store.open(config.dataDir);
  store.closeStaleSandboxes();
  const reclaimed = await reclaimLeftovers(kernel, probe);
  // Before serving: whatever a crashed run left under this parent (cgroups, processes in them) is freed first.
  if (reclaimed.cgroups > 0 || reclaimed.processes > 0) {
    log(`reclaimed ${reclaimed.cgroups} cgroups and ${reclaimed.processes} processes left by an earlier run`);
  }

  const catalog = await loadCatalog();
  // The registry and the engine need each other: the engine is made right after, before any shell exists.
  let engine: LessonEngine | undefined;
  let panel: PanelHub | undefined;
  const registry = new SandboxRegistry(
    kernel,
    probe,
    { graceMs: config.graceMs, maxSandboxes: config.maxSandboxes },
    createSandbox,
    {
      sandboxCreated: (id, student) => store.sandboxCreated(id, student),
      sandboxDestroyed: (id, reason, student) => {
        store.sandboxDestroyed(id, reason);
        engine?.sandboxGone(student);
      },
      // The Kernel panel looks again too (only sockets with the panel open cost anything).
      shellActivity: (student) => withPanelPokes((engine as LessonEngine).activity(student), panel, student),
    },
  );
  const lessons = new LessonEngine(catalog, store, registry, { inspect: inspectSandbox, startFixture, checks }, log);
  engine = lessons;
  panel = new PanelHub(
    (student) => registry.sandboxOf(student),
    panelKernel(kernel.launcherPath),
    log,
    (student) => registry.ptyPids(student),
  );
  const signer = new TokenSigner(loadOrCreateSecret(config.dataDir));
  const classMode = createClassMode({
    mode: config.mode,
    store,
    engine: lessons,
    signer,
    registry,
    maxSandboxes: config.maxSandboxes,
    lessons: [...catalog.values()].map((l) => ({
      slug: l.def.slug,
      steps: l.def.steps.length,
      questions: l.def.quiz.length,
    })),
    siteUrl: config.siteUrl,
    log,
  });
  if (config.mode === 'class') await announceClass(store, signer, config.siteUrl, process.argv.includes('--new-class'));
  const agent = createAgentServer({
    allowedOrigins: config.siteOrigins,
    signer,
    registry,
    onStudentSeen: (id) => store.upsertStudent(id, 'solo'),
    health: () => ({
      ok: true,
      sandboxes: registry.size,
      maxSandboxes: config.maxSandboxes,
      cgroups: probe.cgroup.mode,
      mode: config.mode,
      class: config.mode === 'class' ? classSummary(store) : null,
    }),
    log,
    lessons,
    panel,
    quiz: lessons,
    classRoutes: classMode.routes,
    presence: classMode.presence,
    refused: classMode.refused,
  });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: closing terminals and freeing every sandbox`);
    try {
      classMode.close();
      panel?.closeAll();
      await agent.close();
      await registry.destroyAll('agent-stopped');
      await releaseHostResources(kernel, probe);
    } finally {
      store.close();
      process.exit(0);
    }
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGHUP', () => void stop('SIGHUP'));

  agent.server.listen(config.port, config.host, () => {
    log(`listening on ${config.host}:${config.port} (origins: ${config.siteOrigins.join(', ')})`);
  });
}

main().catch((err: Error) => {
  process.stderr.write(`[agent] cannot start: ${err.message}\n`);
  process.exit(1);
});
