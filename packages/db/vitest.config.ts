import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    globalSetup: ['./src/global-setup.ts'],
    // Migrating and opening databases takes seconds on 2 cores.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
