import { expect, test } from '@playwright/test';
import { DEMO, LOCALES, expectAccessible, logIn } from './helpers.ts';

// Every page, in every language, with zero axe violations (WCAG 2.2 AA tags), with JavaScript on and off.
const PUBLIC_PAGES = [
  '/', '/login', '/signup', '/forgot-password', '/reset-password?token=x', '/verify-email?token=x', '/accessibility', '/privacy', '/page-that-does-not-exist',
  // Plugin "ideas" (demo consultations seeded at start)
  '/ideas', '/ideas/bruxelles-numerique-demo', '/ideas/brussels-hacks-demo', '/ideas/brussels-hacks-demo/1', '/ideas/brussels-hacks-demo/vote', '/ideas/bruxelles-numerique-demo?q=wifi&sort=oldest', '/ideas/brussels-hacks-demo/results', '/ideas/unsubscribe?token=x&kind=all', '/ideas/brussels-hacks-demo/map', '/ideas/brussels-hacks-demo/data',
  // Plugin "epn-survey" (demo EPNs and the demo visitor survey)
  '/epn', '/epn?commune=21012&service=workshops&open=1', '/epn/s/DEMOVISIT1',
  // Plugin "mobile-epn" (demo workshops)
  '/mobile',
  // Plugin "barometer" (demo editions): overview, an indicator's table tab, an edition's versions and downloads
  '/barometer', '/barometer/indicators/digitally_vulnerable?year=2023&by=commune&tab=table', '/barometer/editions/2025'
];
const ACCOUNT_PAGES = ['/account', '/account/delete', '/logout'];
// The demo citizen wrote the demo ideas of the consultation that is open for submissions.
// The demo citizen is also the contact of the demo care home (mobile workshops).
const CITIZEN_PAGES = ['/ideas/bruxelles-numerique-demo/1', '/ideas/bruxelles-numerique-demo/1/edit', '/ideas/brussels-hacks-demo/vote', '/mobile/request', '/mobile/requests', '/mobile/venue'];
const ADMIN_PAGES = [
  '/admin', '/admin/users', '/admin/organisations', '/admin/plugins', '/admin/permissions', '/admin/audit',
  '/ideas/bruxelles-numerique-demo/new', '/ideas/manage', '/ideas/manage/new', '/ideas/manage/moderation', '/ideas/manage/brussels-hacks-demo', '/ideas/brussels-hacks-demo/3', '/ideas/manage/brussels-hacks-demo/jury', '/ideas/notifications',
  '/epn/manage', '/epn/manage/places/new', '/epn/manage/activity/new', '/epn/manage/dashboard', '/epn/manage/settings', '/epn/region'
];
// Plugin "mobile-epn": the coordinators' and mediators' pages (the admin has both permissions).
const MOBILE_STAFF_PAGES = ['/mobile/manage', '/mobile/manage/venues', '/mobile/manage/venues/new', '/mobile/manage/trainers', '/mobile/manage/trainers/new', '/mobile/manage/kits', '/mobile/manage/kits/new', '/mobile/manage/settings', '/mobile/mediate', '/mobile/feeds'];

// "JavaScript off" blocks the app's scripts, so the page stays as the server rendered it; the browser's
// own JavaScript stays on because axe runs in the page. With JavaScript on, every language; with it off,
// French only: the server renders the same markup in each language (the runs with JavaScript on check
// every language's texts and labels), and one language keeps the sweep within CI's time.
for (const javaScriptEnabled of [true, false]) {
  test.describe(`accessibility (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, () => {
    test.beforeEach(async ({ page }) => {
      if (!javaScriptEnabled) await page.route(/\/_app\/.*\.js$/, (route) => route.abort());
    });

    for (const locale of javaScriptEnabled ? LOCALES : (['fr'] as const)) {
      test(`public pages in ${locale}`, async ({ page }) => {
        test.setTimeout(120_000);
        for (const path of PUBLIC_PAGES) {
          await page.goto(`/${locale}${path === '/' ? '' : path}`);
          await expect(page.locator('html')).toHaveAttribute('lang', locale);
          await expectAccessible(page);
        }
      });

      test(`a citizen's own pages in ${locale}`, async ({ page }) => {
        test.setTimeout(120_000);
        await logIn(page, DEMO.citizen, undefined, locale);
        for (const path of CITIZEN_PAGES) {
          await page.goto(`/${locale}${path}`);
          await expect(page.locator('main h1')).toBeVisible();
          if (path.endsWith('/edit')) await expect(page.locator('main input[name=title]')).toHaveValue(/.+/);
          await expectAccessible(page);
        }
      });

      test(`account and admin pages in ${locale}`, async ({ page }) => {
        test.setTimeout(120_000);
        await logIn(page, DEMO.admin, undefined, locale);
        for (const path of [...ACCOUNT_PAGES, ...ADMIN_PAGES]) {
          await page.goto(`/${locale}${path}`);
          await expectAccessible(page);
        }
      });

      test(`mobile workshop coordinators' pages in ${locale}`, async ({ page }) => {
        test.setTimeout(120_000);
        await logIn(page, DEMO.admin, undefined, locale);
        for (const path of MOBILE_STAFF_PAGES) {
          await page.goto(`/${locale}${path}`);
          await expect(page.locator('main h1')).toBeVisible();
          await expectAccessible(page);
        }
      });
    }

    test('a failed form is accessible', async ({ page }) => {
      await page.goto('/en/signup');
      await page.locator('main form button[type=submit]').click();
      await expect(page.getByRole('alert')).toBeVisible();
      await expectAccessible(page);
    });
  });
}
