import { defineConfig } from 'vitest/config';

// Checking every message of every plugin in three languages takes a few seconds on a busy machine.
export default defineConfig({ test: { include: ['src/**/*.test.ts'], testTimeout: 60_000 } });
