import { expect, test, type Page } from '@playwright/test';
import { t } from '@passerelle/i18n';
import { readCalendar } from '@passerelle/plugin-mobile-epn/services/ical-read';
import { CHAINS, contextPage, DEMO, expectAccessible, logIn } from './helpers.ts';

// The trainer's calendar pages (mobile-epn), in French with JavaScript off, then Dutch and English,
// with axe on every page: the week, the day with the route map and travel estimates, the printable
// sheet, and a private calendar feed fetched and parsed with ical.js.

for (const { locale, js } of CHAINS) {
  const tr = (key: string, params?: Record<string, string | number>) => t(key, params, { locale });

  test.describe.serial(`a trainer's calendar in ${locale} (JavaScript ${js ? 'on' : 'off'})`, () => {
    let page: Page;
    test.beforeAll(async ({ browser }) => {
      page = await contextPage(browser, locale, js);
      await logIn(page, DEMO.member, undefined, locale);
    });
    test.afterAll(async () => {
      await page.context().close();
    });

    test('home, then the week with the demo sessions', async () => {
      await page.goto(`/${locale}/mobile/trainer`);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(tr('mobile_epn_cal_home_title'));
      await expectAccessible(page);
      // The week calendar (a table with a caption, and a list); the demo sessions are on a Tuesday 3 to 9 days ahead.
      await page.getByRole('link', { name: tr('mobile_epn_cal_my_week') }).click();
      await expect(page.locator('table caption')).toBeVisible();
      // Other demo workshops (last Saturday's, Saturday ones) may be in the same weeks: take the Tuesday's.
      const sessionLinks = page.locator('table a[href*="/mobile/day/"]');
      const tuesdayLink = async () => {
        for (const href of await sessionLinks.evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''))) {
          const day = /date=(\d{4}-\d{2}-\d{2})/.exec(href)?.[1];
          if (day && new Date(`${day}T12:00:00Z`).getUTCDay() === 2) return href;
        }
        return null;
      };
      for (let i = 0; i < 3 && (await tuesdayLink()) === null; i++) {
        await page.getByRole('link', { name: tr('mobile_epn_cal_next_week_link') }).click();
        await expect(page.locator('table caption')).toBeVisible();
      }
      const href = await tuesdayLink();
      expect(href).not.toBeNull();
      await expectAccessible(page);
      await page.locator(`table a[href="${href}"]`).first().click();
    });

    test('the day: workshops in order, travel estimates, the route map', async () => {
      await expect(page.getByRole('heading', { level: 2, name: tr('mobile_epn_cal_assumption_title') })).toBeVisible();
      const stops = page.locator('ol li[id^="session-"]');
      await expect(stops).toHaveCount(2);
      await expect(stops.first()).toContainText(tr('mobile_epn_cal_travel_from_home'));
      await expect(stops.nth(1)).toContainText(tr('mobile_epn_cal_travel_from_previous'));
      await expect(stops.nth(1)).toContainText('Rue des Tilleuls 12');
      await expect(page.locator('main')).toContainText(/km\/[hu]/);
      const map = page.locator('img[src*="map.svg"]');
      await expect(map).toHaveAttribute('alt', /Cité Modèle/);
      // The image loads after the page: wait for it (a busy machine can be slow), then check it drew.
      await expect.poll(() => map.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
      const svg = await page.request.get(new URL((await map.getAttribute('src'))!, page.url()).toString());
      expect(svg.headers()['content-type']).toContain('image/svg+xml');
      const svgText = await svg.text();
      expect(svgText).toContain('<polyline');
      expect(svgText.match(/<circle/g)).toHaveLength(2);
      await expectAccessible(page);
    });

    test('the printable sheet: addresses, contacts, access notes, kit contents', async () => {
      await page.getByRole('link', { name: tr('mobile_epn_cal_open_sheet') }).first().click();
      await expect(page).toHaveURL(/\/sheet\?date=/);
      const main = page.locator('main');
      await expect(main).toContainText('Rue des Tilleuls 12');
      await expect(main).toContainText('Entrée par le jardin');
      await expect(main).toContainText('8 tablettes');
      await expect(main).toContainText('+32 2 000 00 00');
      await expectAccessible(page);
      await page.emulateMedia({ media: 'print' });
      await expect(page.locator('.site-header')).toBeHidden();
      await page.emulateMedia({ media: 'screen' });
    });

    test('a private feed URL, shown once, fetched and parsed with ical.js', async () => {
      await page.goto(`/${locale}/mobile/feeds`);
      await page.getByRole('button', { name: tr('mobile_epn_feed_create') }).click();
      const url = await page.getByTestId('feed-url').inputValue();
      expect(url).toMatch(new RegExp(`/${locale}/mobile/feeds/[A-Za-z0-9_-]{40,}\\.ics$`));
      await expectAccessible(page);
      const res = await page.request.get(url);
      expect(res.status()).toBe(200);
      expect(res.headers()['content-type']).toBe('text/calendar; charset=utf-8');
      expect(res.headers()['cache-control']).toContain('no-store');
      const cal = readCalendar(await res.text());
      const tilleuls = cal.events.find((e) => e.location.includes('Rue des Tilleuls 12'))!;
      expect(tilleuls.uid).toMatch(/@passerelle\.brussels$/);
      expect(tilleuls.status).toBe('CONFIRMED');
      expect(tilleuls.geo).toEqual([50.8531, 4.3265]);
      expect(tilleuls.alarms.map((a) => a.seconds).sort((a, b) => a - b)).toEqual([-86400, -3600]);
      expect(tilleuls.summary).toContain(tr('mobile_epn_topic_smartphone'));
      // Revoked (the newest feed is listed first): the URL answers 404.
      await page.locator('form[action="?/revoke"] button').first().click();
      await expect(page.getByRole('status')).toContainText(tr('mobile_epn_feed_revoked_done'));
      expect((await page.request.get(url)).status()).toBe(404);
    });
  });
}
