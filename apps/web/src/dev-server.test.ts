// `pnpm dev` (vite dev): the server-side modules load through Vite. The workspace packages ship their
// TypeScript sources, which Node cannot import natively: a workspace package that Vite externalises in
// dev answers every page with ERR_UNKNOWN_FILE_EXTENSION (vite-plugin-svelte externalises the
// dependencies of Svelte libraries such as @passerelle/ui unless vite.config.ts says otherwise). The
// tests and the production build bundle those packages, so only this test sees it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type ViteDevServer } from 'vite';

const appDir = fileURLToPath(new URL('..', import.meta.url));

describe('vite dev server (SSR)', () => {
  let server: ViteDevServer;
  const cwd = process.cwd();
  const cacheDir = mkdtempSync(join(tmpdir(), 'passerelle-vite-dev-')); // not the one a running `pnpm dev` uses

  beforeAll(async () => {
    process.chdir(appDir); // SvelteKit's plugin reads svelte.config.js and src/ from the working directory
    server = await createServer({
      configFile: `${appDir}/vite.config.ts`,
      cacheDir,
      logLevel: 'silent',
      server: { middlewareMode: true, hmr: false, ws: false }
    });
  });

  afterAll(async () => {
    await server?.close();
    process.chdir(cwd);
    rmSync(cacheDir, { recursive: true, force: true });
  });

  it('externalises no workspace package', () => {
    const external = server.environments.ssr.config.resolve.external;
    expect(external === true ? ['every dependency'] : external.filter((dep) => dep.startsWith('@passerelle/'))).toEqual([]);
  });

  it('loads the server hooks and a page that uses the UI kit and a plugin', async () => {
    const hooks = await server.ssrLoadModule('/src/hooks.server.ts');
    expect(typeof hooks.handle).toBe('function');
    const page = await server.ssrLoadModule('/src/routes/(citizen)/barometer/indicators/[id]/+page.svelte');
    expect(typeof page.default).toBe('function');
  });
});
