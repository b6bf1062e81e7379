import path from 'node:path';
import { defineConfig } from '@playwright/test';
import { baseConfig } from './e2e/base-config';

// The VM tier's e2e smoke (scripts/vm/run.sh): this host's Chromium drives the site and the agent that
// `npm start` runs in the Debian guest, through QEMU's forwards from this host's loopback. No webServer: the
// servers are the guest's. The specs are e2e/vm/*.vm.ts, which the host tier's playwright.config.ts (it
// matches *.spec.ts) never picks up. TCG runs the guest about ten times slower than native, hence the timeouts.
const SITE_PORT = Number(process.env.GAIOLA_VM_SITE_PORT ?? 3280);
const target = process.env.GAIOLA_VM_TARGET ?? 'bookworm';
// e2e/helpers.ts waits this long for a command or a step's check (30 s on the host).
process.env.GAIOLA_E2E_STEP_TIMEOUT_MS ??= '180000';

const base = baseConfig(SITE_PORT, { test: 600_000, expect: 60_000 });

export default defineConfig({
  ...base,
  testDir: 'e2e/vm',
  testMatch: '*.vm.ts',
  // Traces go where scripts/vm/run.sh gathers the run (copied to test-results/vm/TARGET/ at its end): a host
  // e2e run started meanwhile from the same checkout empties test-results/, traces being written included.
  outputDir: process.env.GAIOLA_VM_E2E_OUTPUT_DIR ?? path.join('test-results', 'vm', target, 'e2e'),
  use: { ...base.use, navigationTimeout: 120_000 },
});
