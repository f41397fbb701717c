// Gzipped JavaScript shipped per public route, measured in Debian's Chromium. Budget: 40 kB on
// citizen pages. Prints a table; does not fail.
import { chromium, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { startServer } from './server.ts';

const ROUTES = [
  '/fr', '/fr/login', '/fr/signup', '/fr/forgot-password', '/fr/accessibility', '/fr/privacy',
  // ideas (demo consultations): list, idea page, vote page, map, and the idea form with its suggestion script
  '/fr/ideas', '/fr/ideas/brussels-hacks-demo', '/fr/ideas/brussels-hacks-demo/1', '/fr/ideas/brussels-hacks-demo/vote', '/fr/ideas/brussels-hacks-demo/map', '/fr/ideas/bruxelles-numerique-demo/new',
  // barometer (demo editions): overview, an indicator's chart, table and map tabs, and the embeddable version
  '/fr/barometer', '/fr/barometer/indicators/digitally_vulnerable', '/fr/barometer/indicators/digitally_vulnerable?tab=table', '/fr/barometer/indicators/digitally_vulnerable?tab=map', '/fr/barometer/embed/digitally_vulnerable'
];
const BUDGET = 40 * 1024;

/** Counts the scripts (and workers' scripts) the page receives from now on. */
function scripts(page: Page) {
  const bodies: Promise<Buffer>[] = [];
  page.on('response', (res) => {
    if (res.request().resourceType() === 'script' || /\.m?js$/.test(new URL(res.url()).pathname)) bodies.push(res.body().catch(() => Buffer.alloc(0)));
  });
  return {
    async total() {
      const buffers = await Promise.all(bodies);
      return { count: buffers.length, gz: buffers.reduce((sum, b) => sum + gzipSync(b, { level: 9 }).length, 0) };
    }
  };
}

const dir = mkdtempSync(join(tmpdir(), 'passerelle-bench-js-'));
const server = await startServer({ PGLITE_DIR: join(dir, 'pglite'), DATABASE_URL: '', SEED_DEMO: '1' });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
try {
  console.log('route'.padEnd(60), 'scripts', 'gzip kB', 'budget');
  for (const route of ROUTES) {
    const page = await browser.newPage();
    if (route.endsWith('/new')) {
      // The idea form needs someone signed in.
      await page.goto(`${server.url}/fr/login`);
      await page.fill('#email', 'citizen@demo.passerelle.brussels');
      await page.fill('#password', 'Demo-passerelle-2026');
      await page.click('main form button[type=submit]');
      await page.waitForURL(/\/account/);
    }
    const js = scripts(page);
    await page.goto(`${server.url}${route}`, { waitUntil: 'networkidle' });
    const { count, gz } = await js.total();
    console.log(route.padEnd(60), String(count).padStart(7), (gz / 1024).toFixed(1).padStart(7), gz <= BUDGET ? 'ok' : 'OVER');
    await page.close();
  }
  // Loaded on request, not counted in the budget: the barometer's interactive chart (chart.js, when a
  // pointer reaches the chart) and interactive map (maplibre-gl and its worker, with the map's button).
  console.log('\non request (barometer)'.padEnd(61), 'scripts', 'gzip kB');
  for (const [label, route, act] of [
    ['interactive chart (pointer on the chart)', '/fr/barometer/indicators/digitally_vulnerable', (p: Page) => p.locator('[data-bar-chart]').hover().then(() => p.locator('[data-bar-chart] canvas').waitFor())],
    ['interactive map (button)', '/fr/barometer/indicators/digitally_vulnerable?tab=map', (p: Page) => p.locator('[data-bar-map-show]').click().then(() => p.locator('.maplibregl-canvas').waitFor())]
  ] as const) {
    const page = await browser.newPage();
    await page.goto(`${server.url}${route}`, { waitUntil: 'networkidle' });
    const js = scripts(page);
    await act(page);
    await page.waitForLoadState('networkidle');
    const { count, gz } = await js.total();
    console.log(label.padEnd(60), String(count).padStart(7), (gz / 1024).toFixed(1).padStart(7));
    await page.close();
  }
} finally {
  await browser.close();
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
}
