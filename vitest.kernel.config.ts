import { defineConfig } from 'vitest/config';

// Kernel integration tests: real namespaces, mounts and cgroups. They need root and run one file at a time.
export default defineConfig({
  test: {
    include: ['sandbox-agent/test/**/*.kernel.test.ts'],
    environment: 'node',
    fileParallelism: false,
    // One worker for every file, its modules imported once: the tests share no module state (each starts its
    // own agents, sandboxes and stores), and a fresh worker per file cost the classroom guest's kernel stage
    // under emulation 803 s against 582 s this way (Debian 12 guest, 2026-12-06, the same 293+ tests passing).
    isolate: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
