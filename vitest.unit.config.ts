import { defineConfig } from 'vitest/config';

// Fast tests next to pure code: no root, no kernel state.
export default defineConfig({
  // The site's `@/…` and `@protocol` imports resolve as in tsconfig.json.
  resolve: { tsconfigPaths: true },
  test: {
    include: [
      'sandbox-agent/src/**/*.test.ts',
      // The throwaway PostgreSQL server the store's tests start; the rest of sandbox-agent/test/ is the kernel tier.
      'sandbox-agent/test/pg-server.test.ts',
      'lib/**/*.test.ts',
      'app/**/*.test.ts',
      // Components rendered with react-dom/server: Vite's oxc transform takes tsconfig's `jsx: react-jsx`
      // (the automatic runtime), so TSX needs nothing more here.
      'app/**/*.test.tsx',
      'messages/**/*.test.ts',
      'lessons/**/*.test.ts',
      'scripts/**/*.test.ts',
      'bench/**/*.test.ts',
      'deploy/**/*.test.ts',
    ],
    environment: 'node',
  },
});
