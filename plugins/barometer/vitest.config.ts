import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'barometer',
    include: ['src/**/*.test.ts'],
    testTimeout: 60_000
  }
});
