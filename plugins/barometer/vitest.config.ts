import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'barometer',
    include: ['src/**/*.test.ts'],
    globalSetup: ['@passerelle/db/global-setup'],
    testTimeout: 60_000,
    hookTimeout: 120_000
  }
});
