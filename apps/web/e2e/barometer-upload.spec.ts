import { expect, test } from '@playwright/test';
import { t } from '@passerelle/i18n';
import { syntheticCsv } from '@passerelle/plugin-barometer/demo';
import { afterTask, DEMO, logIn } from './helpers.ts';

// Large microdata uploads: the file is streamed into its import task, past the 6 MB BODY_SIZE_LIMIT that
// every other request keeps, up to BAROMETER_MAX_UPLOAD_MB (16 MB for this server: playwright.config.ts).
// The upload keeps SvelteKit's CSRF check and the staff permission.

const YEAR = 2014;
const LIMIT_MB = 16;
const tr = (key: string, params?: Record<string, string | number>) => t(key, params, { locale: 'fr' });

test('barometer: a 7.7 MB microdata file (100,000 rows) uploads through the page; too large, cross-site or not staff is refused; other requests keep the 6 MB limit', async ({ page, browser, baseURL }) => {
  test.setTimeout(120_000);
  const button = (key: string) => page.getByRole('button', { name: tr(key), exact: true });
  await logIn(page, DEMO.staff);
  await page.goto('/fr/barometer/manage');
  await page.locator('#year').fill(String(YEAR));
  await button('barometer_manage_create').click();
  await expect(page).toHaveURL(/\?created/);

  const csv = Buffer.from(syntheticCsv(YEAR, 100_000));
  expect(csv.byteLength).toBeGreaterThan(6 * 1024 * 1024);
  await page.goto(`/fr/barometer/manage/${YEAR}/microdata`);
  await expect(page.getByText(tr('barometer_manage_upload_hint', { mb: LIMIT_MB }))).toBeVisible();
  await page.locator('#file').setInputFiles({ name: `enquete-${YEAR}.csv`, mimeType: 'text/csv', buffer: csv });
  await button('barometer_manage_upload').click();
  await afterTask(page);
  await expect(page.getByRole('heading', { name: tr('barometer_manage_mapping_title') })).toBeVisible();
  await expect(page.locator('#weight')).toHaveValue('weight');
  // The whole file arrived: its 100,000 rows are checked without a problem.
  await button('barometer_manage_check').click();
  await afterTask(page);
  await expect(page.getByRole('heading', { name: tr('barometer_manage_report_title') })).toBeVisible();
  await expect(page.getByText(tr('barometer_manage_report_clean'), { exact: true })).toBeVisible();

  // Past BAROMETER_MAX_UPLOAD_MB: the translated refusal, on the same page.
  await page.locator('#file').setInputFiles({ name: 'trop-grand.csv', mimeType: 'text/csv', buffer: Buffer.alloc((LIMIT_MB + 1) * 1024 * 1024, 'a') });
  await button('barometer_manage_upload').click();
  await expect(page.getByText(tr('barometer_error_microdata_too_big', { mb: LIMIT_MB })).first()).toBeVisible();

  // Every other request keeps the 6 MB limit, another action of the same page too. The aggregates import
  // reads its file within its own limit (20 MB): a 7 MB file is read and checked, a 21 MB one refused
  // with its translated message. As a browser posts a form (without `accept: text/html`, SvelteKit
  // answers an action in JSON, with 200).
  const headers = { origin: baseURL!, accept: 'text/html' };
  const file = (mb: number) => ({ name: 'x.csv', mimeType: 'text/csv', buffer: Buffer.alloc(mb * 1024 * 1024, 'a') });
  expect((await page.request.post(`/fr/barometer/manage/${YEAR}/microdata?/check`, { headers, multipart: { task: 'x', weight: 'weight', file: file(7) } })).status()).toBe(413);
  const read = await page.request.post(`/fr/barometer/manage/${YEAR}/aggregates`, { headers, multipart: { file: file(7) } });
  expect(read.status()).toBe(400);
  expect(await read.text()).toContain(tr('barometer_manage_report_refused', { count: 1 }));
  const tooBig = await page.request.post(`/fr/barometer/manage/${YEAR}/aggregates`, { headers, multipart: { file: file(21) } });
  expect(tooBig.status()).toBe(413);
  expect(await tooBig.text()).toContain(tr('barometer_manage_error_aggregates_too_big'));
  // The upload keeps the CSRF check (a form posted from another site) …
  const small = { name: 'm.csv', mimeType: 'text/csv', buffer: csv.subarray(0, 4096) };
  const crossSite = await page.request.post(`/fr/barometer/manage/${YEAR}/microdata?/upload`, { headers: { ...headers, origin: 'https://evil.example' }, multipart: { file: small } });
  expect([crossSite.status(), await crossSite.text()]).toEqual([403, 'Cross-site POST form submissions are forbidden']);
  // … and only staff may upload.
  const citizen = await (await browser.newContext()).newPage();
  await logIn(citizen, DEMO.citizen);
  expect((await citizen.request.post(`/fr/barometer/manage/${YEAR}/microdata?/upload`, { headers, multipart: { file: small } })).status()).toBe(403);
});
