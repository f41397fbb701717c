import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Server-side tests of the app. The SvelteKit plugin is left out (it resets the project root to the
// process's folder, which breaks the root-level `vitest --project` run); $lib is all these tests need.
export default defineConfig({
  resolve: { alias: { $lib: fileURLToPath(new URL('./src/lib', import.meta.url)) } },
  test: {
    name: 'web',
    include: ['src/**/*.test.ts'],
    globalSetup: ['@passerelle/db/global-setup'],
    testTimeout: 60_000,
    hookTimeout: 120_000
  }
});
