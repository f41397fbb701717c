import { expect, test, type Page } from '@playwright/test';
import { t } from '@passerelle/i18n';
import { chooseRadio, CHAINS, contextPage, DEMO, expectAccessible, logIn, tabTo } from './helpers.ts';

// The epn-survey plugin, journey by journey, in French, Dutch and English, with axe on every page.
// The French chain runs with JavaScript off; the visitor answers with the keyboard only.

async function visit(page: Page, path: string) {
  await page.goto(path);
  await expectAccessible(page);
}

for (const { locale, js } of CHAINS) {
  const tr = (key: string, params?: Record<string, string | number>) => t(key, params, { locale });

  test.describe.serial(`epn-survey in ${locale} (JavaScript ${js ? 'on' : 'off'})`, () => {
    let member: Page;
    let surveyUrl = '';
    let publicLink = '';

    test.beforeAll(async ({ browser }) => {
      member = await contextPage(browser, locale, js);
      await logIn(member, DEMO.member, undefined, locale);
    });
    test.afterAll(async () => {
      await member.context().close();
    });

    test('anyone finds an EPN in the directory, with filters, and opens its page', async ({ browser }) => {
      const page = await contextPage(browser, locale, js);
      await visit(page, `/${locale}/epn`);
      await page.locator('#service').selectOption('online_admin_help');
      await page.getByRole('button', { name: tr('epn_survey_filter_apply') }).click();
      await expect(page).toHaveURL(/service=online_admin_help/);
      await expectAccessible(page);
      const first = page.locator('.epn-card h3 a').first();
      const name = await first.textContent();
      await first.click();
      await expect(page.locator('h1')).toHaveText(name!.trim());
      await expect(page.getByRole('table')).toBeVisible(); // opening hours of the week
      await expectAccessible(page);
      await page.context().close();
    });

    test('an association member builds a survey from the template and publishes it', async () => {
      await visit(member, `/${locale}/epn/manage`);
      await member.getByRole('button', { name: tr('epn_survey_from_template') }).click();
      await expect(member).toHaveURL(/\/epn\/manage\/surveys\/[^/]+$/);
      surveyUrl = new URL(member.url()).pathname;
      await expectAccessible(member);
      await member.getByRole('button', { name: tr('epn_survey_publish', { version: 1 }) }).click();
      await expect(member.getByRole('status')).toHaveText(tr('epn_survey_published_now'));
      await expect(member.getByRole('img', { name: /QR/ })).toBeVisible();
      publicLink = (await member.locator('#share ~ p a').first().getAttribute('href'))!;
      expect(publicLink).toMatch(new RegExp(`/${locale}/epn/s/[A-Z0-9]+$`));
      await expectAccessible(member);
      await visit(member, `${surveyUrl}/poster`);
      await expect(member.getByRole('img', { name: /QR/ })).toBeVisible();
    });

    test('the member edits a survey: adds a single-choice question with two choices and a skip-logic condition, saves, publishes', async () => {
      const byId = (id: string) => member.locator(`[id="${id}"]`);
      await visit(member, `/${locale}/epn/manage`);
      await byId('blankTitle').fill(`Atelier smartphone (${locale})`);
      await byId('blankQuestion').fill('Qu’avez-vous appris ?');
      await member.getByRole('button', { name: tr('epn_survey_blank_create') }).click();
      await expect(member).toHaveURL(/\/epn\/manage\/surveys\/[^/]+\/edit$/);
      const manageUrl = new URL(member.url()).pathname.replace(/\/edit$/, '');
      await expect(byId('q.0.id')).toHaveValue('qu_avez_vous_appris');
      await expectAccessible(member);

      // A single-choice question at the end: it comes with two empty answers, and the focus is on its text.
      await byId('add.type').selectOption('single');
      await member.getByRole('button', { name: tr('epn_survey_builder_add_button'), exact: true }).click();
      await expect(member.getByRole('group', { name: tr('epn_survey_builder_question', { n: 2 }), exact: true })).toBeVisible();
      await expect(byId('q.1.label.fr')).toBeFocused();
      await byId('q.1.label.fr').fill('Êtes-vous déjà venu ?');
      await byId('q.1.choices.0.label.fr').fill('Oui');
      await byId('q.1.choices.1.label.fr').fill('Non');

      // A third question, shown only to those who answer "Non": the condition offers question 2's answers.
      await byId('add.type').selectOption('long_text');
      await member.getByRole('button', { name: tr('epn_survey_builder_add_button'), exact: true }).click();
      await byId('q.2.showIf.add').click();
      await expect(byId('q.2.showIf.conditions.0.question')).toHaveValue('etes_vous_deja_venu');
      await expect(byId('q.2.showIf.conditions.0.value').locator('option')).toHaveText([tr('epn_survey_choose'), 'Oui (oui)', 'Non (non)']);
      await byId('q.2.showIf.conditions.0.value').selectOption('non');
      await expectAccessible(member);
      // Question 2 cannot be deleted while question 3's condition needs it: said, and nothing changes.
      await member.getByRole('button', { name: tr('epn_survey_builder_delete', { n: 2 }) }).click();
      await expect(member.getByRole('alert')).toContainText(tr('epn_survey_builder_question_in_use', { n: 2, id: 'etes_vous_deja_venu', by: 3 }));
      await expect(byId('q.2.showIf.conditions.0.question')).toBeFocused();
      await expect(byId('q.1.label.fr')).toHaveValue('Êtes-vous déjà venu ?');
      await expect(byId('q.2.showIf.conditions.0.value')).toHaveValue('non');

      // Saved with the new question's text missing: the error is explained by the field, nothing typed is lost.
      await member.getByRole('button', { name: tr('epn_survey_builder_save') }).first().click();
      await expect(member.getByRole('alert')).toContainText(tr('epn_survey_error_label_required'));
      await expect(member.getByRole('alert').getByRole('link').first()).toHaveAttribute('href', '#q.2.label.fr');
      await expect(byId('q.2.label-error')).toHaveText(tr('epn_survey_error_label_required'));
      await expect(byId('q.1.choices.1.label.fr')).toHaveValue('Non');
      await expect(byId('q.2.showIf.conditions.0.value')).toHaveValue('non');
      await expectAccessible(member);
      await byId('q.2.label.fr').fill('Pourquoi pas ?');
      await member.getByRole('button', { name: tr('epn_survey_builder_save') }).first().click();

      // Back on the survey's page, which offers to publish the draft.
      await expect(member).toHaveURL(new RegExp(`${manageUrl}\\?saved=1`));
      await expect(member.getByRole('status')).toHaveText(tr('epn_survey_builder_saved', { version: 1 }));
      await expect(member.locator('#questions ~ ol')).toContainText('etes_vous_deja_venu equals non');
      await member.getByRole('button', { name: tr('epn_survey_publish', { version: 1 }) }).click();
      await expect(member.getByRole('status')).toHaveText(tr('epn_survey_published_now'));

      // Editing again says that a save makes version 2, and that version 1 keeps serving until then.
      await member.getByRole('link', { name: tr('epn_survey_builder_edit_link') }).click();
      await expect(member.locator('main')).toContainText(tr('epn_survey_builder_published_note', { version: 1, next: 2 }));
      await expect(byId('q.1.choices.1.value')).toHaveValue('non');
    });

    test('the member imports an XLSForm and sees what could not be carried over', async () => {
      await visit(member, `/${locale}/epn/manage`);
      await member.locator('#file').setInputFiles(new URL('../../../plugins/epn-survey/src/services/fixtures/xlsform/unsupported-bits.xlsx', import.meta.url).pathname);
      await member.getByRole('button', { name: tr('epn_survey_import'), exact: true }).click();
      await expect(member.getByRole('status')).toContainText(tr('epn_survey_open_survey'));
      await expect(member.getByRole('status').locator('li').first()).toBeVisible();
      await expectAccessible(member);
    });

    test('the member corrects an EPN: a wrong field is explained, nothing is lost, then it is saved', async () => {
      await visit(member, `/${locale}/epn/manage`);
      await member.locator('#places ~ table tbody a').first().click();
      await expectAccessible(member);
      const hours = member.locator('#openingHours');
      const before = await hours.inputValue();
      await hours.fill('tous les jours sauf quand il pleut');
      await member.locator('#devices').fill('14');
      await member.getByRole('button', { name: tr('epn_survey_save'), exact: true }).click();
      await expect(member.getByRole('alert')).toContainText(tr('epn_survey_error_opening_hours'));
      await expect(member.locator('#devices')).toHaveValue('14'); // what was typed stays
      await expectAccessible(member);
      await hours.fill(before);
      // The point is picked by clicking the map (it works without JavaScript); the rest of the form stays.
      const latitude = await member.locator('#latitude').inputValue();
      await member.locator('input[name=pick]').click({ position: { x: 160, y: 110 } });
      await expect(member.getByRole('status')).toContainText(tr('epn_survey_pick_done', { lat: 'X', lon: 'Y' }).split('X')[0]!.trim());
      await expect(member.locator('#latitude')).not.toHaveValue(latitude);
      await expect(member.locator('#devices')).toHaveValue('14');
      await expect(hours).toHaveValue(before);
      await expectAccessible(member);
      const picked = await member.locator('#latitude').inputValue();
      await member.getByRole('button', { name: tr('epn_survey_save'), exact: true }).click();
      await expect(member.getByRole('status')).toContainText(tr('epn_survey_saved'));
      await expect(member.locator('#devices')).toHaveValue('14');
      await expect(member.locator('#latitude')).toHaveValue(String(Number(picked)));
    });

    test('a visitor answers with the keyboard only and JavaScript off; nothing of the answers stays on screen', async ({ browser }) => {
      const visitor = await contextPage(browser, locale, false);
      await visit(visitor, new URL(publicLink).pathname);
      // Step 1: a required question left empty gives an error summary.
      await tabTo(visitor, 'button[type=submit]');
      await visitor.keyboard.press('Enter');
      await expect(visitor.getByRole('alert')).toBeVisible();
      await expectAccessible(visitor);
      await chooseRadio(visitor, 'q.age_band', '65-74');
      await chooseRadio(visitor, 'q.internet_home', 'no');
      await tabTo(visitor, 'button[type=submit]');
      await visitor.keyboard.press('Enter');
      // Step 2: the follow-up question, shown because the answer was "no".
      await expect(visitor.locator('input[name="q.no_internet_reason"]').first()).toBeVisible();
      await expectAccessible(visitor);
      await tabTo(visitor, 'input[name="q.no_internet_reason"][value="cost"]');
      await visitor.keyboard.press('Space');
      await tabTo(visitor, 'button[type=submit]');
      await visitor.keyboard.press('Enter');
      await expect(visitor.locator('h1')).toHaveText(tr('epn_survey_thanks_title'));
      await expect(visitor.locator('main input, main textarea, main select')).toHaveCount(0);
      await expect(visitor.locator('main')).not.toContainText('65');
      expect(await visitor.evaluate(() => [localStorage.length, sessionStorage.length, document.cookie])).toEqual([0, 0, '']);
      await expectAccessible(visitor);
      await visitor.context().close();
      await member.goto(surveyUrl);
      await expect(member.locator('main')).toContainText(tr('epn_survey_response_count', { count: 1 }));
    });

    test('a kiosk at the desk: unlocked once, large print, resets after each visitor, keeps a response sent while offline', async ({ browser }) => {
      await member.goto(surveyUrl);
      await member.locator('#kiosk-label').fill(`Accueil ${locale}`);
      await member.getByRole('button', { name: tr('epn_survey_kiosk_create') }).click();
      const link = (await member.locator('.epn-token').textContent())!.trim();
      await expectAccessible(member);
      const tablet = await contextPage(browser, locale, js);
      await tablet.goto(new URL(link).pathname + new URL(link).search);
      await expect(tablet).toHaveURL(new RegExp(`/${locale}/epn/kiosk$`)); // the token left the address bar
      await expectAccessible(tablet);
      const answerOnce = async () => {
        await tablet.getByLabel(tr('epn_survey_age_years', { band: '35–44' })).check();
        await tablet.locator('input[name="q.internet_home"][value="yes"]').check();
        await tablet.getByRole('button', { name: tr('epn_survey_next') }).click();
        await expect(tablet.locator('input[name="q.devices"]').first()).toBeVisible();
        await tablet.locator('input[name="q.devices"][value="smartphone"]').check();
      };
      await answerOnce();
      await tablet.getByRole('button', { name: tr('epn_survey_send') }).click();
      await expect(tablet.locator('h1')).toHaveText(tr('epn_survey_thanks_title'));
      await expect(tablet.locator('main input[type=radio], main input[type=checkbox], main textarea')).toHaveCount(0);
      expect(await tablet.evaluate(() => [localStorage.length, sessionStorage.length])).toEqual([0, 0]);
      await expectAccessible(tablet);
      await tablet.getByRole('link', { name: tr('epn_survey_kiosk_next_visitor') }).click();
      await expect(tablet.locator('input[name="q.age_band"]:checked')).toHaveCount(0); // an empty first page

      if (js) {
        // A visitor walks away mid-way: after a warning that offers more time, the page clears itself.
        await tablet.clock.install();
        await tablet.reload();
        await tablet.getByLabel(tr('epn_survey_age_years', { band: '35–44' })).check();
        await tablet.clock.fastForward(151_000);
        await expect(tablet.getByRole('alert')).toContainText(tr('epn_survey_kiosk_idle_warning'));
        await expectAccessible(tablet);
        await tablet.getByRole('button', { name: tr('epn_survey_kiosk_idle_stay') }).click();
        await tablet.clock.fastForward(40_000);
        await expect(tablet.locator('input[name="q.age_band"]:checked')).toHaveCount(1); // more time was given
        await tablet.clock.runFor(200_000);
        await expect(tablet.locator('input[name="q.age_band"]:checked')).toHaveCount(0);
        await tablet.clock.resume();

        // Flaky wifi: the final send fails; the response waits on the tablet, then goes once the network is back.
        await answerOnce();
        await tablet.context().setOffline(true);
        await tablet.getByRole('button', { name: tr('epn_survey_send') }).click();
        await expect(tablet.locator('h1')).toHaveText(tr('epn_survey_thanks_title'));
        expect(await tablet.evaluate(() => JSON.parse(localStorage.getItem('passerelle-kiosk-outbox') ?? '[]').length)).toBe(1);
        await tablet.context().setOffline(false);
        await tablet.evaluate(() => dispatchEvent(new Event('online')));
        await expect.poll(() => tablet.evaluate(() => localStorage.length), { timeout: 15_000 }).toBe(0);
      }
      await tablet.context().close();
      await member.goto(surveyUrl);
      await expect(member.locator('main')).toContainText(tr('epn_survey_response_count', { count: js ? 3 : 2 }));
    });

    test('the member files an activity report in under 10 actions', async () => {
      await visit(member, `/${locale}/epn/manage/activity/new`);
      let actions = 0;
      const act = async (run: () => Promise<unknown>) => {
        actions++;
        await run();
      };
      await act(() => member.getByLabel(tr('epn_survey_session_group'), { exact: true }).check());
      await act(() => member.getByLabel(tr('epn_survey_minutes', { count: 60 }), { exact: true }).check());
      await act(() => member.getByLabel(tr('epn_survey_topic_online_admin')).check());
      await act(() => member.locator('input[name="a.65-74.woman"]').fill('3'));
      await act(() => member.locator('input[name="a.75+.man"]').fill('2'));
      await act(() => member.getByRole('button', { name: tr('epn_survey_save_session') }).click());
      await expect(member.getByRole('status')).toHaveText(tr('epn_survey_activity_saved'));
      expect(actions).toBeLessThan(10);
      await expectAccessible(member);
      await visit(member, `/${locale}/epn/manage`);
      await expect(member.locator('#activity ~ table tbody tr').first()).toContainText('5');
      await visit(member, `/${locale}/epn/manage/dashboard`);
    });

    test("the member enters a month's totals and imports a CSV of past sessions, seeing the validation report first", async () => {
      // A month's totals: a wrong field is explained and nothing typed is lost.
      await visit(member, `/${locale}/epn/manage/activity/month`);
      const month = (await member.locator('#month option:checked').textContent())!.trim();
      await member.locator('#individualSessions').fill('12');
      await member.locator('#groupSessions').fill('3');
      await member.locator('#hours').fill('beaucoup');
      await member.locator('#topic-email').fill('5');
      await member.locator('input[name="a.65-74.woman"]').fill('9');
      await member.locator('input[name="a.25-34.man"]').fill('4');
      await member.getByRole('button', { name: tr('epn_survey_save_month') }).click();
      await expect(member.getByRole('alert')).toContainText(tr('epn_survey_error_duration_hours'));
      await expect(member.locator('#topic-email')).toHaveValue('5');
      await expect(member.locator('input[name="a.65-74.woman"]')).toHaveValue('9');
      await expectAccessible(member);
      await member.locator('#hours').fill('30,5');
      await member.getByRole('button', { name: tr('epn_survey_save_month') }).click();
      await expect(member.getByRole('status')).toContainText(tr('epn_survey_month_saved', { month }));
      await expectAccessible(member);

      // The import: a file with a wrong date is reported row by row, and cannot be imported.
      await visit(member, `/${locale}/epn/manage/activity/import`);
      // Dated today, so that they head the list of records.
      const today = new Date().toISOString().slice(0, 10);
      const [y, mo, d] = today.split('-');
      const rows = (date: string) => `id;date;session_type;duration_minutes;location;topics;woman_65_74;man_75plus\r\ne2e-${locale}-1;${today};individual;45;epn;email;1;\r\ne2e-${locale}-2;${date};group;60;epn;banking|safety;4;2\r\n`;
      const upload = async (text: string) => {
        await member.locator('#file').setInputFiles({ name: `sessions-${locale}.csv`, mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${text}`) });
        await member.getByRole('button', { name: tr('epn_survey_check_file') }).click();
      };
      await upload(rows(`31/02/${y}`));
      await expect(member.getByRole('alert')).toContainText(tr('epn_survey_report_problems', { count: 1, file: `sessions-${locale}.csv` }));
      await expect(member.locator('#report-section tbody tr')).toHaveCount(1);
      await expect(member.locator('#report-section tbody tr')).toContainText(tr('epn_survey_error_date'));
      await expect(member.locator('#report-section tbody th')).toHaveText('3');
      await expect(member.getByRole('button', { name: tr('epn_survey_import_confirm') })).toHaveCount(0);
      await expectAccessible(member);
      // Corrected: the report says what will happen; nothing is stored before the confirmation.
      await upload(rows(`${d}/${mo}/${y}`));
      await expect(member.getByRole('status')).toContainText(tr('epn_survey_report_counts', { created: 2, updated: 0, unchanged: 0 }));
      await expectAccessible(member);
      await member.getByRole('button', { name: tr('epn_survey_import_confirm') }).click();
      await expect(member).toHaveURL(/\/epn\/manage\/activity\?imported=2/);
      await expect(member.getByRole('status')).toHaveText(tr('epn_survey_imported_sessions', { created: 2, updated: 0 }));
      await expectAccessible(member);
      // The same file again adds nothing.
      await visit(member, `/${locale}/epn/manage/activity/import`);
      await upload(rows(`${d}/${mo}/${y}`));
      await expect(member.getByRole('status')).toContainText(tr('epn_survey_report_counts', { created: 0, updated: 0, unchanged: 2 }));

      // The records say how and by whom they were entered; each can be corrected.
      await visit(member, `/${locale}/epn/manage/activity`);
      await expect(member.locator('main table')).toContainText(tr('epn_survey_source_import'));
      await member.locator('main table tbody a').first().click();
      await expect(member.locator('h1')).toHaveText(new RegExp(`${tr('epn_survey_correct_session')}|${tr('epn_survey_correct_month')}`));
      await expectAccessible(member);
      await visit(member, `/${locale}/epn/manage/places/import`);
    });

    test('staff view the regional dashboard', async ({ browser }) => {
      const staff = await contextPage(browser, locale, js);
      await logIn(staff, DEMO.staff, undefined, locale);
      await visit(staff, `/${locale}/epn/region`);
      await expect(staff.locator('h1')).toHaveText(tr('epn_survey_region_title', { year: new Date().getUTCFullYear() }));
      await expect(staff.getByRole('img', { name: tr('epn_survey_communes_alt') })).toBeVisible();
      await expect(staff.locator('main')).toContainText(tr('epn_survey_hidden_legend', { threshold: 10 }));
      await visit(staff, `/${locale}/epn/manage/settings`);
      await staff.context().close();
    });
  });
}
