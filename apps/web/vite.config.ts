import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig, type Plugin } from 'vite';

/**
 * paraglide's runtime imports a URLPattern polyfill (9 kB gzipped) for every page. Our URL patterns
 * ("/fr/:path(.*)?" …) take its fast path, which needs no URLPattern, so the browser build leaves the
 * polyfill out; the server keeps it (Node 20 has no URLPattern).
 */
function noUrlPatternPolyfillInBrowser(): Plugin {
  const id = '\0empty-urlpattern-polyfill';
  return {
    name: 'passerelle:no-urlpattern-polyfill-in-browser',
    enforce: 'pre',
    resolveId(source, _importer, options) {
      if (source === '@inlang/paraglide-js/urlpattern-polyfill' && !options?.ssr) return id;
      return null;
    },
    load(loaded) {
      return loaded === id ? 'export {};' : null;
    }
  };
}

export default defineConfig({
  plugins: [noUrlPatternPolyfillInBrowser(), sveltekit()],
  server: { port: 3000, strictPort: true, fs: { allow: ['../..'] } },
  preview: { port: 3000, strictPort: true },
  // The workspace's TypeScript packages are bundled into the server build; their npm dependencies stay
  // external, so apps/web lists the server-side ones in its own dependencies (pnpm resolves strictly).
  // In dev too they must go through Vite: Node cannot load their .ts sources. vite-plugin-svelte would
  // otherwise externalise the dependencies of @passerelle/ui (a Svelte library), @passerelle/i18n among
  // them, and every page would fail with ERR_UNKNOWN_FILE_EXTENSION (tested in src/dev-server.test.ts).
  ssr: { noExternal: [/^@passerelle\//] },
  // maplibre-gl and chart.js are dependencies of @passerelle/ui, not of this app.
  optimizeDeps: { include: ['@passerelle/ui > maplibre-gl', '@passerelle/ui > chart.js'] }
});
