// The sandbox agent: reads its configuration and environment, composes the agent (compose.ts) and serves.
// Runs as root on the VM because it creates namespaces and cgroups; nothing a student sends is ever
// interpolated into a command.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { announceClass } from './class/class-setup';
import { composeAgent } from './compose';
import { kernelOverridesFromEnv, loadAgentConfig } from './config';
import { protectAgentFromOom } from './kernel/host-tuning';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function log(line: string): void {
  process.stdout.write(`[agent] ${line}\n`);
}

async function main(): Promise<void> {
  if (process.getuid?.() !== 0) {
    throw new Error('the agent must run as root: it creates namespaces, mounts and cgroups (try: sudo npm start)');
  }
  const config = loadAgentConfig(repoRoot);
  try {
    protectAgentFromOom();
  } catch (err) {
    // Defence in depth, not a requirement: a host that withholds CAP_SYS_RESOURCE (this project's CI container)
    // still serves, with the kernel's default choice of OOM victim.
    log(`warning: the agent keeps its OOM score (${(err as Error).message}); a host-wide OOM could pick it`);
  }
  const agent = await composeAgent({
    kernel: kernelOverridesFromEnv(),
    dataDir: config.dataDir,
    databaseUrl: config.databaseUrl,
    agentId: config.agentId,
    agentUrl: config.agentUrl,
    host: config.host,
    port: config.port,
    allowedOrigins: config.siteOrigins,
    siteUrl: config.siteUrl,
    mode: config.mode,
    graceMs: config.graceMs,
    maxSandboxes: config.maxSandboxes,
    warmSandboxes: config.warmSandboxes,
    stuckMs: config.stuckMs,
    stuckFailures: config.stuckFailures,
    lessons: true,
    panel: true,
    log,
  });
  if (config.mode === 'class') {
    await announceClass(agent.store, agent.signer, config.siteUrl, process.argv.includes('--new-class'));
  }

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: closing terminals and freeing every sandbox`);
    try {
      await agent.close('agent-stopped');
    } finally {
      process.exit(0);
    }
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGHUP', () => void stop('SIGHUP'));

  const port = await agent.listen();
  log(`listening on ${config.host}:${port} (origins: ${config.siteOrigins.join(', ')})`);
}

main().catch((err: Error) => {
  process.stderr.write(`[agent] cannot start: ${err.message}\n`);
  process.exit(1);
});
