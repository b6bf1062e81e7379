import { defineConfig } from 'vitest/config';

// Kernel integration tests: real namespaces, mounts and cgroups. They need root and run one file at a time.
export default defineConfig({
  test: {
    include: ['sandbox-agent/test/**/*.kernel.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
