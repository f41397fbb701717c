import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { t } from '@passerelle/i18n';
import { toBrusselsLocal } from '@passerelle/plugin-sdk/time';
import { contextPage, DEMO, DEMO_PASSWORD, expectAccessible, logIn } from './helpers.ts';

// mobile-epn, directory and requests: the contact of a care home (the demo citizen is the contact of
// "Résidence Les Tilleuls (démo)") asks for a workshop, and a coordinator sees it in the queue. In
// French (JavaScript off), Dutch and English, with axe on every page.

const CHAINS = [
  { locale: 'fr', js: false, topic: 'email' },
  { locale: 'nl', js: true, topic: 'internet' },
  { locale: 'en', js: true, topic: 'photos' }
] as const;

type State = Awaited<ReturnType<BrowserContext['storageState']>>;

/** A Brussels wall-clock "YYYY-MM-DDTHH:mm" `days` from now at `hour`. */
const inDays = (days: number, hour: number) => `${toBrusselsLocal(new Date(Date.now() + days * 86_400_000)).slice(0, 10)}T${String(hour).padStart(2, '0')}:00`;
const byId = (page: Page, id: string) => page.locator(`[id="${id}"]`);

// The chains run in order and share the two log-ins (the first chain logs the contact in through the
// request form's redirect; the coordinator logs in once). A margin over the default 60 s for a loaded runner.
test.describe.configure({ mode: 'serial', timeout: 120_000 });
let contactState: State | undefined;
let staffState: State | undefined;

for (const { locale, js, topic } of CHAINS) {
  const tr = (key: string, params?: Record<string, string | number>) => t(key, params, { locale });

  test(`a care-home contact requests a workshop; a coordinator sees it in the queue (${locale}, JavaScript ${js ? 'on' : 'off'})`, async ({ browser }) => {
    // Signed out: the request form sends the visitor to log in, and back (once; later chains reuse the session).
    const contact = await contextPage(browser, locale, js, contactState ? { storageState: contactState } : {});
    await contact.goto(`/${locale}/mobile/request`);
    if (!contactState) {
      await expect(contact).toHaveURL(new RegExp(`/${locale}/login\\?next=`));
      await contact.locator('#email').fill(DEMO.citizen);
      await contact.locator('#password').fill(DEMO_PASSWORD);
      await contact.locator('main form button[type=submit]').click();
      await expect(contact).toHaveURL(new RegExp(`/${locale}/mobile/request$`));
      contactState = await contact.context().storageState();
    }
    await expect(contact.locator('h1')).toHaveText(tr('mobile_epn_req_title'));
    await expectAccessible(contact);

    // Step 1: where. The care home is theirs (and chosen first).
    const tilleuls = contact.getByRole('radio', { name: /Résidence Les Tilleuls \(démo\)/ });
    await tilleuls.check();
    await contact.getByRole('button', { name: tr('mobile_epn_req_continue') }).click();
    await expect(contact).toHaveURL(/where=/);
    await expect(contact.getByText(tr('mobile_epn_req_for_venue', { name: 'Résidence Les Tilleuls (démo)' }))).toBeVisible();
    await expectAccessible(contact);

    // Step 2: a first try with a date in the past is explained next to the field.
    await contact.locator('#topic').selectOption(topic);
    await contact.locator('#language').selectOption(locale);
    await contact.locator('#participants').fill('8');
    await byId(contact, 'w0.from').fill('2020-01-07T14:00');
    await byId(contact, 'w0.to').fill('2020-01-07T16:00');
    await contact.locator('#accessibilityNeeds').fill('Plusieurs résidents malentendants');
    await contact.getByRole('button', { name: tr('mobile_epn_req_send') }).click();
    await expect(contact.getByRole('link', { name: tr('mobile_epn_dir_error_window_past') })).toBeVisible();
    await expect(byId(contact, 'w0.from')).toHaveAttribute('aria-invalid', 'true');
    await expectAccessible(contact);

    // Corrected: sent, and listed among their requests.
    await byId(contact, 'w0.from').fill(inDays(10, 14));
    await byId(contact, 'w0.to').fill(inDays(24, 16));
    await byId(contact, 'w1.from').fill(inDays(30, 10));
    await byId(contact, 'w1.to').fill(inDays(30, 12));
    await contact.getByRole('button', { name: tr('mobile_epn_req_send') }).click();
    await expect(contact).toHaveURL(new RegExp(`/${locale}/mobile/requests\\?sent=1`));
    await expect(contact.getByText(tr('mobile_epn_req_sent'))).toBeVisible();
    const mine = contact.locator('.dir-request').filter({ hasText: tr(`mobile_epn_topic_${topic}`) });
    await expect(mine).toHaveCount(1);
    await expect(mine).toContainText(tr('mobile_epn_req_status_new'));
    await expectAccessible(contact);
    await contact.context().close();

    // A coordinator sees it in the queue (new requests first), with a link to its page.
    const staff = await contextPage(browser, locale, js, staffState ? { storageState: staffState } : {});
    if (!staffState) {
      await logIn(staff, DEMO.staff, undefined, locale);
      staffState = await staff.context().storageState();
    }
    await staff.goto(`/${locale}/mobile/manage?status=new&topic=${topic}`);
    await expectAccessible(staff);
    const row = staff.getByRole('row').filter({ hasText: `${tr(`mobile_epn_topic_${topic}`)} (${tr(`mobile_epn_dir_language_${locale}`)})` });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText('Résidence Les Tilleuls (démo)');
    await expect(row).toContainText(tr('mobile_epn_req_status_new'));
    await expect(row.getByRole('link')).toHaveAttribute('href', new RegExp(`/${locale}/mobile/manage/requests/[a-z0-9]+$`));
    await staff.context().close();
  });
}
