import { expect, test, type Page } from '@playwright/test';
import { t } from '@passerelle/i18n';
import { CHAINS, contextPage, DEMO, expectAccessible, logIn } from './helpers.ts';

// mobile-epn scheduling: a coordinator (demo staff) opens the demo request (Résidence Les Tilleuls),
// books a suggested slot, then tries another slot by hand that conflicts with it and sees the conflict
// explained, before saving (check) and when saving anyway (refused). In French with JavaScript off, in
// Dutch and in English; axe on every page.

/** The demo request's id, from the scheduling API (as the signed-in coordinator). */
async function demoRequestId(page: Page): Promise<string> {
  const res = await page.request.get(`/api/trpc/mobile-epn.session.planning?input=${encodeURIComponent(JSON.stringify({ requestId: null }))}`);
  expect(res.ok()).toBe(true);
  const body = (await res.json()) as { result: { data: { openRequests: { id: string; venueName: string }[] } } };
  const found = body.result.data.openRequests.find((r) => r.venueName === 'Résidence Les Tilleuls (démo)');
  expect(found).toBeTruthy();
  return found!.id;
}
const REQUEST: { id?: string } = {};

for (const { locale, js } of CHAINS) {
  const tr = (key: string, params?: Record<string, string | number>) => t(key, params, { locale });

  test(`a coordinator books a suggestion, then sees a conflicting slot explained (${locale}, JavaScript ${js ? 'on' : 'off'})`, async ({ browser }) => {
    const page = await contextPage(browser, locale, js);
    await logIn(page, DEMO.staff, undefined, locale);
    REQUEST.id = await demoRequestId(page);

    // The request and its suggestions.
    await page.goto(`/${locale}/mobile/manage/requests/${REQUEST.id}`);
    await expect(page.locator('h1')).toHaveText(tr('mobile_epn_sched_request_title', { venue: 'Résidence Les Tilleuls (démo)' }));
    const rows = page.locator('table tbody tr');
    await expect(rows.first()).toBeVisible();
    await expectAccessible(page);

    // Take the first suggestion: the session page shows it, with the travel assumption.
    const when = (await rows.first().locator('th').textContent())!.trim();
    const trainer = (await rows.first().locator('td').first().textContent())!.trim();
    await rows.first().getByRole('button', { name: `${tr('mobile_epn_sched_book')}${tr('mobile_epn_sched_book_label', { when, trainer })}` }).click();
    await expect(page).toHaveURL(new RegExp(`/${locale}/mobile/manage/sessions/[^/?]+\\?created=1`));
    await expect(page.getByRole('status').first()).toHaveText(tr('mobile_epn_sched_created', { count: 1 }));
    await expect(page.locator('dd').filter({ hasText: when })).toBeVisible();
    await expect(page.getByText(tr('mobile_epn_sched_travel_title'), { exact: false }).first()).toBeVisible();
    await expectAccessible(page);

    // Back on the request, the same trainer and kit at the same time, typed by hand.
    const [, day, start, end] = /(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2})–(\d{2}:\d{2})/.exec(when)!;
    await page.goto(`/${locale}/mobile/manage/requests/${REQUEST.id}`);
    await page.locator('#date').fill(day!);
    await page.locator('#start').fill(start!);
    await page.locator('#end').fill(end!);
    await page.getByRole('checkbox', { name: trainer, exact: true }).check();
    const kitValue = await page.locator('#kitId option', { hasText: 'Valise tablettes A' }).getAttribute('value');
    await page.locator('#kitId').selectOption(kitValue!);
    await page.locator('#seats').fill('8');
    await page.getByRole('button', { name: tr('mobile_epn_sched_check') }).click();
    const conflicts = page.locator('#conflicts');
    await expect(conflicts.locator('h2')).toHaveText(/\(\d+\)/);
    const busy = tr('mobile_epn_sched_conflict_trainer_busy', { trainer, venue: 'Résidence Les Tilleuls (démo)', start: `${day} ${start}`, end: `${day} ${end}` });
    await expect(conflicts.getByText(busy)).toBeVisible();
    await expectAccessible(page);

    // Saving anyway is refused with the same explanation; nothing is booked.
    await page.getByRole('button', { name: tr('mobile_epn_sched_save') }).click();
    await expect(page.locator('.error-summary, [role=alert]').first()).toContainText(tr('mobile_epn_sched_error_conflicts', { count: await conflicts.locator('li').count() }));
    await expect(conflicts.getByText(busy)).toBeVisible();
    await expectAccessible(page);
    await page.context().close();
  });
}
