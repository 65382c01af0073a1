import { defineConfig } from 'vitest/config';

// Browser tests against a running app (see e2e/support/browser.ts for the env they read).
export default defineConfig({
  test: {
    environment: 'node',
    include: ['e2e/**/*.e2e.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
