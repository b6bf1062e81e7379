import path from 'node:path';
import { defineConfig } from '@playwright/test';
import { testAgentEnv } from './e2e/agent-env';
import { baseConfig } from './e2e/base-config';

// e2e runs the real site (production build) and the real agent on ports of their own, with a cgroup
// parent, run dir, uid range and data dir of their own, so a gaiola already running here is untouched.
const SITE_PORT = 3100;
const AGENT_PORT = 3101;
const run = `gaiola-e2e-${process.pid}`;
// Under the repo's data/ (git-ignored); scripts/test.sh removes it after the run.
const dataDir = path.join(process.cwd(), 'data', run);

export default defineConfig({
  ...baseConfig(SITE_PORT, { test: 60_000, expect: 15_000 }),
  testDir: 'e2e',
  webServer: [
    {
      command: 'node --import tsx sandbox-agent/src/main.ts',
      url: `http://127.0.0.1:${AGENT_PORT}/health`,
      reuseExistingServer: false,
      stdout: 'pipe',
      stderr: 'pipe',
      gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
      env: {
        ...testAgentEnv({ run, dataDir, agentPort: AGENT_PORT, sitePort: SITE_PORT, slot: 1000 }),
        GAIOLA_GRACE_SECONDS: '120',
      },
    },
    {
      command: `node node_modules/next/dist/bin/next start -H 127.0.0.1 -p ${SITE_PORT}`,
      url: `http://127.0.0.1:${SITE_PORT}/pt`,
      reuseExistingServer: false,
      gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
      env: { GAIOLA_AGENT_PORT: String(AGENT_PORT), NEXT_TELEMETRY_DISABLED: '1' },
    },
  ],
});
