import { defineConfig } from 'vitest/config';

// One Vitest run over every workspace project (each has its own vitest.config.ts).
export default defineConfig({
  test: {
    projects: ['packages/*', 'apps/web', 'plugins/*'],
    // 2 cores: each test file opens its own databases; more workers only thrash.
    maxWorkers: 2
  }
});
