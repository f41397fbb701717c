import { defineConfig } from 'vitest/config';

// Integration tests run against real databases (PGlite and PostgreSQL) prepared by the db package's
// global setup.
export default defineConfig({
  test: {
    name: 'auth',
    include: ['src/**/*.test.ts'],
    globalSetup: ['@passerelle/db/global-setup'],
    testTimeout: 30_000,
    hookTimeout: 60_000
  }
});
