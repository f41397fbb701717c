import { expect, test, type Download, type Page } from '@playwright/test';
import { t } from '@passerelle/i18n';
import { expectAccessible, tabTo } from './helpers.ts';

// The barometer's public pages on the demo data (three synthetic editions, seeded at start).

async function readDownload(download: Download): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of await download.createReadStream()) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

async function visit(page: Page, path: string) {
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(200);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
}

test('a visitor explores chart, map and table, changes the breakdown, and a copied permalink restores the view (nl, en)', async ({ browser }) => {
  for (const locale of ['nl', 'en'] as const) {
    const tr = (key: string, params?: Record<string, string | number>) => t(key, params, { locale });
    const context = await browser.newContext({ locale: `${locale}-BE`, permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await context.newPage();
    await visit(page, `/${locale}/barometer`);
    await expect(page.getByTestId('easy-read')).toContainText(tr('barometer_pub_easy_synthetic'));
    await expectAccessible(page);

    // From the overview to an indicator: the server-drawn chart, with its table; the PNG download.
    await page.locator('[data-indicator="digitally_vulnerable"] a').click();
    await expect(page).toHaveURL(/\/barometer\/indicators\/digitally_vulnerable$/);
    await expect(page.getByTestId('trend-svg')).toBeVisible();
    await expect(page.getByTestId('trend-svg').locator('path[stroke]')).toHaveCount(1);
    await expect(page.getByTestId('trend-table').locator('tbody tr')).toHaveCount(3);
    const png = page.waitForEvent('download');
    await page.getByRole('button', { name: tr('barometer_pub_download_png') }).click();
    const image = await readDownload(await png);
    expect(image.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(image.length).toBeGreaterThan(10_000);
    await expectAccessible(page);
    // A pointer on the chart brings the interactive one (chart.js), with the same accessible name.
    const label = await page.getByTestId('trend-svg').getAttribute('aria-label');
    await page.locator('[data-bar-chart]').hover();
    await expect(page.locator('[data-bar-chart] canvas')).toBeVisible();
    await expect(page.locator('[data-bar-chart] canvas')).toHaveAttribute('aria-label', label!);
    await expect(page.getByTestId('trend-svg')).toBeHidden();

    // Another breakdown: one line per age band.
    await page.getByLabel(tr('barometer_pub_breakdown')).selectOption('age_band');
    await page.getByRole('button', { name: tr('barometer_pub_show') }).click();
    await expect(page).toHaveURL(/by=age_band/);
    await expect(page.getByTestId('trend-table').locator('thead th')).toHaveCount(1 + 1 + 6);

    // The map, then the table of the same view.
    await page.locator('[data-tab="map"]').click();
    await expect(page).toHaveURL(/tab=map/);
    await expect(page.getByTestId('commune-list').locator('tbody tr')).toHaveCount(19);
    await expect(page.locator('img[src*="/map.svg"]')).toBeVisible();
    await expectAccessible(page);
    // The interactive map on request (maplibre-gl): it takes the image's place and the keyboard focus.
    await page.getByRole('button', { name: tr('barometer_pub_map_interactive') }).click();
    await expect(page.locator('.maplibregl-canvas')).toBeFocused();
    await expect(page.locator('img[src*="/map.svg"]')).toBeHidden();
    await expect(page.locator('[data-map-legend] li')).not.toHaveCount(0);
    await expectAccessible(page);
    await page.locator('[data-tab="table"]').click();
    await expect(page).toHaveURL(/tab=table/);
    const rows = page.getByTestId('view-table').locator('tbody tr');
    await expect(rows).toHaveCount(6);
    const shown = await page.getByTestId('view-table').innerText();
    await expectAccessible(page);

    // Copy the permalink and open it elsewhere: the same view.
    await page.getByRole('button', { name: tr('barometer_pub_copy') }).click();
    await expect(page.getByRole('status').filter({ hasText: tr('barometer_pub_copied') })).toBeVisible();
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toMatch(new RegExp(`/${locale}/barometer/indicators/digitally_vulnerable\\?year=2025&by=age_band&tab=table$`));
    const other = await context.newPage();
    await visit(other, link);
    await expect(other.locator('[data-tab="table"]')).toHaveAttribute('aria-current', 'page');
    await expect(other.getByLabel(tr('barometer_pub_breakdown'))).toHaveValue('age_band');
    expect(await other.getByTestId('view-table').innerText()).toBe(shown);
    await context.close();
  }
});

test('a researcher downloads the CSV of the view, which matches the table shown (fr, nl, en); only the embed may be framed', async ({ page, request }) => {
  for (const locale of ['fr', 'nl', 'en'] as const) {
    await visit(page, `/${locale}/barometer/indicators/non_users?by=commune&year=2023&tab=download`);
    await expectAccessible(page);
    const download = page.waitForEvent('download');
    await page.getByTestId('csv-link').click();
    const lines = (await readDownload(await download)).toString('utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    expect(lines[0]).toBe('indicator,year,version,breakdown,level,label,estimate,ci_low,ci_high,se,n,status,synthetic');
    const csv = lines.slice(1).map((l) => l.split(','));
    expect(csv).toHaveLength(19);
    const bcp47 = locale === 'en' ? 'en-GB' : `${locale}-BE`;
    const percent = new Intl.NumberFormat(bcp47, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
    const pct = (x: string) => (x === '' ? '—' : percent.format(Number(x)));
    for (const [indicator, year, , breakdown, level, , estimate, ciLow, ciHigh, , n, status, synthetic] of csv) {
      expect([indicator, year, breakdown, synthetic]).toEqual(['non_users', '2023', 'commune', 'true']);
      const row = page.locator(`[data-testid="view-table"] tr[data-level="${level}"]`);
      await expect(row.locator('[data-col="estimate"]')).toHaveText(pct(estimate!));
      if (estimate !== '') {
        await expect(row.locator('[data-col="ci"]')).toHaveText(t('barometer_pub_ci', { low: pct(ciLow!), high: pct(ciHigh!) }, { locale }));
        await expect(row.locator('[data-col="n"]')).toHaveText(Number(n).toLocaleString(bcp47));
      } else expect(['suppressed', 'suppressed_secondary', 'empty']).toContain(status);
    }
  }

  const embed = await request.get('/en/barometer/embed/non_users?tab=table');
  expect(embed.status()).toBe(200);
  expect(embed.headers()['x-frame-options']).toBeUndefined();
  expect(embed.headers()['content-security-policy'] ?? '').not.toContain("frame-ancestors 'none'");
  const full = await request.get('/en/barometer/indicators/non_users');
  expect(full.headers()['x-frame-options']).toBe('DENY');
  await visit(page, '/en/barometer/embed/non_users?tab=table');
  await expect(page.getByTestId('view-table')).toBeVisible();
  await expectAccessible(page);
});

test('without JavaScript (fr): the overview, the table, the chart data and the static map with its list', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'fr-BE' });
  const page = await context.newPage();
  await page.route(/\.js(\?|$)/, (route) => route.abort());
  await visit(page, '/fr/barometer');
  await expect(page.getByTestId('easy-read').locator('li').first()).toContainText('2025');
  await expectAccessible(page);
  await page.locator('[data-indicator="non_users"] a').click();
  await expect(page.getByTestId('trend-svg')).toBeVisible();
  await expect(page.getByTestId('trend-table')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Image du graphique (PNG)' })).toBeHidden();
  await expectAccessible(page);
  await page.locator('[data-tab="table"]').click();
  await expect(page.getByTestId('view-table').locator('tbody tr')).toHaveCount(1);
  await page.locator('#bar-by').selectOption('gender');
  await page.getByRole('button', { name: 'Afficher' }).click();
  await expect(page).toHaveURL(/by=gender/);
  await expect(page.getByTestId('view-table').locator('tbody tr')).toHaveCount(2);
  await expectAccessible(page);
  await page.locator('[data-tab="map"]').click();
  const img = page.locator('img[src*="/map.svg"]');
  await expect(img).toBeVisible();
  const svg = await page.request.get(new URL((await img.getAttribute('src'))!, page.url()).href);
  expect(svg.status()).toBe(200);
  expect(svg.headers()['content-type']).toContain('image/svg+xml');
  const drawn = await svg.text();
  expect(drawn.match(/<path /g)).toHaveLength(19);
  expect(drawn).toContain('<title>Anderlecht: ');
  await expect.poll(() => img.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth)).toBeGreaterThan(0);
  await expect(page.getByTestId('commune-list').locator('tbody tr')).toHaveCount(19);
  await expectAccessible(page);
  await context.close();
});

test('keyboard only (fr): an indicator, another breakdown, the interactive map and its zoom, the permalink', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'fr-BE', permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await context.newPage();
  const tr = (key: string) => t(key, undefined, { locale: 'fr' });
  await visit(page, '/fr/barometer');
  await tabTo(page, '[data-indicator="digitally_vulnerable"] a');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/fr\/barometer\/indicators\/digitally_vulnerable$/);

  // The view form: a breakdown chosen with the arrow keys, then "Afficher".
  await tabTo(page, '#bar-by');
  for (let i = 0; i < 10 && (await page.locator('#bar-by').inputValue()) !== 'gender'; i++) await page.keyboard.press('ArrowDown');
  await expect(page.locator('#bar-by')).toHaveValue('gender');
  await tabTo(page, 'form.bar-view button[type=submit]');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/by=gender/);
  await expect(page.getByTestId('trend-table').locator('thead th')).toHaveCount(1 + 1 + 2);

  // The map tab, then the interactive map: the focus goes to it, and the keyboard zooms it.
  await tabTo(page, '[data-tab="map"]');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/tab=map/);
  await tabTo(page, 'button[data-bar-map-show]');
  await page.keyboard.press('Enter');
  const canvas = page.locator('.maplibregl-canvas');
  await expect(canvas).toBeFocused();
  await expect(page.locator('[data-map-help]')).toHaveText(tr('barometer_pub_map_keyboard'));
  await page.waitForTimeout(500); // the first drawing settles
  const before = await canvas.screenshot();
  await page.keyboard.press('+');
  await expect.poll(async () => (await canvas.screenshot()).equals(before), { timeout: 5000 }).toBe(false);
  await tabTo(page, '.maplibregl-ctrl-zoom-out');
  await page.keyboard.press('Enter');
  await expectAccessible(page);

  // The permalink, copied with the keyboard.
  await tabTo(page, 'button[data-bar-copy]');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: tr('barometer_pub_copied') })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/\/fr\/barometer\/indicators\/digitally_vulnerable\?year=2025&by=gender&tab=map$/);
  await context.close();
});
