import { expect, test } from '@playwright/test';
import { DEMO, DEMO_PASSWORD, logIn } from './helpers.ts';

test('an admin grants a role, the person gets its permissions, and the audit log shows it', async ({ page, browser }) => {
  await logIn(page, DEMO.admin);
  await page.goto(`/fr/admin/users?q=${encodeURIComponent(DEMO.researcher)}`);
  const row = page.getByRole('row', { name: new RegExp(DEMO.researcher) });
  await row.getByRole('button', { name: /Donner le rôle Administration régionale/ }).click();
  await expect(page.getByRole('row', { name: new RegExp(DEMO.researcher) }).getByRole('button', { name: /Retirer le rôle Administration régionale/ })).toBeVisible();

  // The researcher now holds staff permissions: organisations can be managed.
  const other = await browser.newContext();
  const researcher = await other.newPage();
  await logIn(researcher, DEMO.researcher);
  const res = await researcher.goto('/fr/admin/organisations');
  expect(res?.status()).toBe(200);
  await other.close();

  await page.goto('/fr/admin/audit?action=user.role.grant');
  await expect(page.getByRole('table')).toContainText('user.role.grant');
  await expect(page.getByRole('table')).toContainText(DEMO.admin);

  // Put things back for the other tests.
  await page.goto(`/fr/admin/users?q=${encodeURIComponent(DEMO.researcher)}`);
  await page.getByRole('row', { name: new RegExp(DEMO.researcher) }).getByRole('button', { name: /Retirer le rôle Administration régionale/ }).click();
  await expect(page.getByRole('row', { name: new RegExp(DEMO.researcher) }).getByRole('button', { name: /Donner le rôle Administration régionale/ })).toBeVisible();
});

test('a citizen is refused the admin pages', async ({ page }) => {
  await logIn(page, DEMO.citizen);
  const res = await page.goto('/fr/admin/users');
  expect(res?.status()).toBe(403);
});

test('keyboard only: skip link, then log in without a mouse', async ({ page }) => {
  await page.goto('/fr/login');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Aller au contenu principal' })).toBeFocused();
  await page.keyboard.press('Enter');
  await page.locator('#email').focus();
  await page.keyboard.type(DEMO.citizen);
  await page.keyboard.press('Tab');
  await page.keyboard.type(DEMO_PASSWORD);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/fr\/account/);
});

test('a switched-off plugin disappears: no menu entry, its pages and its API answer 404', async ({ page, request }) => {
  await logIn(page, DEMO.admin, undefined, 'en');
  const nav = page.getByRole('navigation', { name: 'Main navigation' });
  await expect(nav.getByRole('link', { name: 'Ideas', exact: true })).toBeVisible();
  await page.goto('/en/admin/plugins');
  await page.getByRole('button', { name: "Switch off Citizens' ideas" }).click();
  await expect(page.getByRole('button', { name: "Switch on Citizens' ideas" })).toBeVisible();
  try {
    await page.goto('/en');
    await expect(nav.getByRole('link', { name: 'Ideas', exact: true })).toHaveCount(0);
    for (const path of ['/en/ideas', '/en/ideas/brussels-hacks-demo', '/en/ideas/brussels-hacks-demo/1', '/en/ideas/manage']) {
      expect((await request.get(path)).status(), path).toBe(404);
    }
    const api = await request.get('/api/trpc/ideas.consultation.list');
    expect(api.status()).toBe(404);
    expect(((await api.json()) as { error: { data: { appCode: string } } }).error.data.appCode).toBe('PLUGIN_DISABLED');
  } finally {
    await page.goto('/en/admin/plugins');
    await page.getByRole('button', { name: "Switch on Citizens' ideas" }).click();
    await expect(page.getByRole('button', { name: "Switch off Citizens' ideas" })).toBeVisible();
  }
  await page.goto('/en');
  await expect(nav.getByRole('link', { name: 'Ideas', exact: true })).toBeVisible();
  expect((await request.get('/en/ideas')).status()).toBe(200);
});
