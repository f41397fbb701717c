import { expect, test } from '@playwright/test';

test('the first visit picks the language from the browser', async ({ browser }) => {
  for (const [locale, prefix] of [['nl-BE', '/nl'], ['en-GB', '/en'], ['fr-BE', '/fr'], ['de-DE', '/fr']] as const) {
    const context = await browser.newContext({ locale });
    const page = await context.newPage();
    await page.goto('/');
    await expect(page).toHaveURL(new RegExp(`${prefix}/?$`));
    await context.close();
  }
});

test('the language switch keeps the page and sets lang', async ({ page }) => {
  await page.goto('/fr/login');
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Se connecter');
  await page.getByRole('navigation', { name: 'Langue' }).getByRole('link', { name: 'Nederlands' }).click();
  await expect(page).toHaveURL(/\/nl\/login$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Inloggen');
  await page.getByRole('navigation', { name: 'Taal' }).getByRole('link', { name: 'English' }).click();
  await expect(page).toHaveURL(/\/en\/login$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Log in');
});

test('unknown pages answer 404 in the visitor’s language', async ({ page }) => {
  const response = await page.goto('/nl/bestaat-niet');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pagina niet gevonden');
});
