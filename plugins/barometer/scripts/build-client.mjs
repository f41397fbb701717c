#!/usr/bin/env node
// Bundles the barometer's browser scripts (src/client) into dist/client: grapher.js, the small script of
// the citizen pages, and the two bundles it loads on demand, chart.js (with chart.js) and map.js (with
// maplibre-gl). Each is one self-contained ES module: the pages import them with Vite's ?url, so the app's
// build copies them among its hashed, precompressed assets. Run by `pnpm generate`.
import { build } from 'vite';
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const outDir = join(root, 'dist/client');
const entries = ['grapher', 'chart', 'map'];

for (const [i, name] of entries.entries()) {
  await build({
    configFile: false,
    root,
    logLevel: 'warn',
    publicDir: false,
    build: {
      outDir,
      emptyOutDir: i === 0,
      target: 'es2020',
      minify: true,
      sourcemap: false,
      modulePreload: false,
      copyPublicDir: false,
      // maplibre-gl alone is ~1 MB minified: it is loaded on demand.
      chunkSizeWarningLimit: 2048,
      rolldownOptions: {
        input: { [name]: join(root, `src/client/${name}.ts`) },
        output: { format: 'es', entryFileNames: '[name].js', codeSplitting: false },
        preserveEntrySignatures: 'exports-only'
      }
    }
  });
  const size = gzipSync(readFileSync(join(outDir, `${name}.js`)), { level: 9 }).length;
  console.log(`barometer client: ${name}.js ${(size / 1024).toFixed(1)} kB gzipped`);
}
