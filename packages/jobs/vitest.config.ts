import { defineConfig } from 'vitest/config';

// Integration tests run against real databases (PGlite and PostgreSQL) prepared by the db package's
// global setup, with a real pg-boss queue on each.
export default defineConfig({
  test: {
    name: 'jobs',
    include: ['src/**/*.test.ts'],
    globalSetup: ['@passerelle/db/global-setup'],
    testTimeout: 60_000,
    hookTimeout: 60_000
  }
});
