import { expect, test } from '@playwright/test';
import { t } from '@passerelle/i18n';
import { chooseOption, chooseRadio, contextPage, DEMO, expectAccessible, logIn, tabTo } from './helpers.ts';

// Mobile workshops: registrations and attendance, in French (JavaScript off), Dutch and English, with
// axe on every page. The care home's contact (the demo citizen) registers residents for one of the
// small demo workshops (2 seats, one per language) until the waiting list starts, cancels a seat and
// sees the first waiting person promoted; the assigned trainer (the demo association member) records
// the attendance of yesterday's workshop (again in each language: a correction, not a second report).

const CHAINS = [
  { locale: 'fr', js: false, topic: 'email' },
  { locale: 'nl', js: true, topic: 'internet' },
  { locale: 'en', js: true, topic: 'photos' }
] as const;

const MAIL_HTTP = Number(process.env.E2E_MAIL_HTTP_PORT ?? 2581);

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

for (const { locale, js, topic } of CHAINS) {
  const tr = (key: string, params?: Record<string, string | number>) => t(key, params, { locale });
  const topicLabel = tr(`mobile_epn_topic_${topic}`);
  const suffix = `${locale.toUpperCase()}-${Date.now() % 100_000}`;
  const residents = [`Alice ${suffix}`, `Bruno ${suffix}`, `Chantal ${suffix}`];

  test.describe.serial(`mobile-epn registrations in ${locale} (JavaScript ${js ? 'on' : 'off'})`, () => {
    let pastSessionId = '';

    test('anyone sees the upcoming group workshops and one workshop page, without a private address', async ({ browser }) => {
      const page = await contextPage(browser, locale, js);
      await page.goto(`/${locale}/mobile`);
      await expect(page.getByRole('heading', { level: 1, name: tr('mobile_epn_reg_home_title') })).toBeVisible();
      await expect(page.getByRole('link', { name: tr('mobile_epn_reg_ask_link') })).toHaveAttribute('href', `/${locale}/mobile/request`);
      await expectAccessible(page);
      // The demo home visit is one-to-one: it is not listed; its street never shows.
      await expect(page.locator('main')).not.toContainText('Rue de la Démo');
      await page.getByRole('link', { name: new RegExp(`${escape(tr('mobile_epn_reg_see_session'))}.*${escape(topicLabel)}`) }).first().click();
      await expect(page.getByRole('heading', { level: 1, name: topicLabel })).toBeVisible();
      await expect(page.getByRole('link', { name: tr('mobile_epn_reg_login_to_register') })).toBeVisible();
      await expectAccessible(page);
      await page.context().close();
    });

    test('the venue contact registers residents with the keyboard only until the waiting list starts, then a cancellation promotes the first waiting', async ({ browser }) => {
      const page = await contextPage(browser, locale, js);
      await logIn(page, DEMO.citizen, undefined, locale);
      await page.goto(`/${locale}/mobile`);
      await page.getByRole('link', { name: tr('mobile_epn_reg_home_my_venue') }).click();
      await expect(page.getByRole('heading', { level: 1, name: tr('mobile_epn_reg_venue_title') })).toBeVisible();
      await expectAccessible(page);
      // Yesterday's workshop (for the trainer's part below): its id from the link to its list.
      const past = page.getByRole('link', { name: new RegExp(`^${escape(tr('mobile_epn_reg_see_list'))}.*${escape(tr('mobile_epn_topic_smartphone'))}`) }).first();
      pastSessionId = (await past.getAttribute('href'))!.split('/').at(-1)!;
      await page.getByRole('link', { name: new RegExp(`${escape(tr('mobile_epn_reg_register_residents'))}.*${escape(topicLabel)}`) }).click();
      await expect(page.getByRole('heading', { level: 1, name: tr('mobile_epn_reg_manage_title', { topic: topicLabel }) })).toBeVisible();

      // With the keyboard only from here. An empty name is explained, linked to the field.
      const add = 'form[action="?/register"] button[type=submit]';
      await tabTo(page, add);
      await page.keyboard.press('Enter');
      const summary = page.locator('main').getByRole('link', { name: tr('mobile_epn_reg_error_name') });
      await expect(summary).toHaveAttribute('href', '#name');
      if (locale === 'fr') await expectAccessible(page);

      for (const [i, name] of residents.entries()) {
        await tabTo(page, '#name');
        await page.keyboard.type(name);
        await chooseOption(page, '#ageBand', '75+');
        if (i === 0) await chooseRadio(page, 'gender', 'woman');
        const full = i >= 2;
        await tabTo(page, add);
        await expect(page.locator(add)).toHaveText(full ? tr('mobile_epn_reg_add_waiting') : tr('mobile_epn_reg_add_button'));
        await page.keyboard.press('Enter');
        await expect(page.getByText(full ? tr('mobile_epn_reg_resident_waiting', { name, position: 1 }) : tr('mobile_epn_reg_resident_registered', { name }))).toBeVisible();
      }
      const waiting = page.getByRole('table', { name: tr('mobile_epn_reg_waiting_caption', { count: 1 }) });
      await expect(waiting.getByRole('rowheader', { name: residents[2] })).toBeVisible();

      // Alice cancels: Chantal, first on the waiting list, gets her seat.
      await tabTo(page, 'form[action="?/cancel"] button');
      await expect(page.locator(':focus')).toHaveAccessibleName(new RegExp(`^${escape(tr('mobile_epn_reg_cancel'))}\\s*:\\s*${escape(residents[0]!)}$`));
      await page.keyboard.press('Enter');
      await expect(page.getByText(tr('mobile_epn_reg_promoted', { name: residents[2]! }))).toBeVisible();
      const seated = page.getByRole('table', { name: tr('mobile_epn_reg_registered_caption', { count: 2 }) });
      await expect(seated.getByRole('row', { name: new RegExp(`${escape(residents[2]!)}.*${escape(tr('mobile_epn_reg_was_waiting'))}`) })).toBeVisible();
      await expect(page.getByRole('table', { name: tr('mobile_epn_reg_waiting_caption', { count: 0 }) })).toBeVisible();
      await expectAccessible(page);

      // The contact is told by email (Chantal has no account).
      await expect
        .poll(async () => {
          const res = await fetch(`http://127.0.0.1:${MAIL_HTTP}/messages?to=${encodeURIComponent(DEMO.citizen)}`);
          return ((await res.json()) as { subject: string }[]).filter((m) => m.subject.includes(residents[2]!)).length;
        })
        .toBe(1);
      await page.context().close();
    });

    test('the assigned trainer records the attendance of yesterday’s workshop', async ({ browser }) => {
      expect(pastSessionId).not.toBe('');
      const page = await contextPage(browser, locale, js);
      await logIn(page, DEMO.member, undefined, locale);
      await page.goto(`/${locale}/mobile/trainer/sessions/${pastSessionId}/attendance`);
      await expect(page.getByRole('heading', { level: 1, name: tr('mobile_epn_att_title', { topic: tr('mobile_epn_topic_smartphone') }) })).toBeVisible();

      // Everyone came, two more without registering; a count that is not a number is explained.
      for (const name of ['Mme Janssens (démo)', 'M. Diallo (démo)', 'Mme R. (démo)']) await page.getByLabel(name, { exact: true }).check();
      const cell = tr('mobile_epn_att_walkin_cell', { age: tr('mobile_epn_reg_age_years', { band: '65–74' }), gender: tr('mobile_epn_reg_gender_woman') });
      await page.getByLabel(cell).fill('deux');
      const save = page.locator('main form button[type=submit]');
      await save.click();
      await expect(page.locator('main').getByRole('link', { name: tr('mobile_epn_att_error_count') })).toHaveAttribute('href', '#walkIns');
      if (locale === 'fr') await expectAccessible(page);

      // Mme R.'s age band and gender were not known: the trainer gives them now.
      await page.getByLabel(tr('mobile_epn_att_age_of', { name: 'Mme R. (démo)' })).selectOption('65-74');
      await page.getByLabel(tr('mobile_epn_att_gender_of', { name: 'Mme R. (démo)' })).selectOption('woman');
      await page.getByLabel(cell).fill('2');
      await page.getByLabel(tr('mobile_epn_topic_email'), { exact: true }).check();
      await page.getByLabel(tr('mobile_epn_att_note')).fill('Atelier calme, bonne participation.');
      await save.click();
      await expect(page.getByText(tr('mobile_epn_att_saved', { count: 5 }))).toBeVisible();
      await expect(page.getByText(tr('mobile_epn_att_report_sent'))).toBeVisible();
      await expectAccessible(page);
      await page.context().close();
    });
  });
}
