import { expect, test, type Page } from '@playwright/test';
import { t } from '@passerelle/i18n';
import { syntheticRespondents } from '@passerelle/plugin-barometer/services/synthetic';
import { VARIABLES } from '@passerelle/plugin-barometer/services/variables';
import { afterTask, contextPage, DEMO, expectAccessible, logIn } from './helpers.ts';

// The staff side of the barometer, in French (JavaScript off), Dutch and English: a staff member creates
// an edition, uploads synthetic microdata, maps its columns, reads the validation report, imports,
// computes the draft and submits it; trying to approve it herself is refused (four eyes); the admin (a
// second staff member) approves it with a release time in Brussels; the edition then appears in the
// open-data API. Axe runs on every page.

const CHAINS = [
  { locale: 'fr', js: false, year: 2019 },
  { locale: 'nl', js: true, year: 2018 },
  { locale: 'en', js: true, year: 2017 }
] as const;

/** A small microdata file (labelled synthetic data, generated with the plugin's own generator). */
function microdataCsv(year: number): Buffer {
  const cols = ['weight', 'stratum', 'psu', ...VARIABLES.map((v) => v.id)];
  const lines = [cols.join(';')];
  // Every third respondent of a small generated sample: about 750 rows, two or more PSUs per stratum.
  let k = 0;
  for (const r of syntheticRespondents({ year, respondents: 200, seed: year, clusters: 4 })) if (k++ % 3 === 0) lines.push(cols.map((c) => (r[c] === null || r[c] === undefined ? '' : c === 'weight' ? String(r[c]).replace('.', ',') : String(r[c]))).join(';'));
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`);
}

/** Brussels wall-clock time, `minutes` from now, as <input type=datetime-local> wants it. */
function brusselsLocal(minutes: number): string {
  const p = Object.fromEntries(new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Brussels', hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).formatToParts(new Date(Date.now() + minutes * 60_000)).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

for (const { locale, js, year } of CHAINS) {
  const tr = (key: string, params?: Record<string, string | number>) => t(key, params, { locale });
  const button = (page: Page, key: string) => page.getByRole('button', { name: tr(key), exact: true });

  test(`barometer staff in ${locale} (JavaScript ${js ? 'on' : 'off'}): import, compute, submit, four eyes, approve, release`, async ({ browser, request }) => {
    const staff = await contextPage(browser, locale, js);
    await logIn(staff, DEMO.staff, undefined, locale);

    // Editions list and create form.
    await staff.goto(`/${locale}/barometer/manage`);
    await expectAccessible(staff);
    await staff.locator('#year').fill(String(year));
    await button(staff, 'barometer_manage_create').click();
    await expect(staff).toHaveURL(new RegExp(`/${locale}/barometer/manage/${year}\\?created`));
    await expect(staff.getByRole('heading', { level: 1 })).toContainText(String(year));
    await expectAccessible(staff);

    // Microdata: upload, mapping (suggested from the column names), report, import.
    await staff.getByRole('link', { name: tr('barometer_manage_microdata_import') }).click();
    await expectAccessible(staff);
    await staff.locator('#file').setInputFiles({ name: `enquete-${year}.csv`, mimeType: 'text/csv', buffer: microdataCsv(year) });
    await button(staff, 'barometer_manage_upload').click();
    await afterTask(staff);
    await expect(staff.getByRole('heading', { name: tr('barometer_manage_mapping_title') })).toBeVisible();
    await expect(staff.locator('#weight')).toHaveValue('weight');
    await expect(staff.locator('#var_commune')).toHaveValue('commune');
    await expectAccessible(staff);
    await button(staff, 'barometer_manage_check').click();
    await afterTask(staff);
    await expect(staff.getByRole('heading', { name: tr('barometer_manage_report_title') })).toBeVisible();
    await expect(staff.getByText(tr('barometer_manage_report_clean'), { exact: true })).toBeVisible();
    await expectAccessible(staff);
    await button(staff, 'barometer_manage_import').click();
    await afterTask(staff);
    await expect(staff).toHaveURL(new RegExp(`/${locale}/barometer/manage/${year}\\?imported=\\d+`));

    // Compute the draft, preview it by gender, submit it.
    await button(staff, 'barometer_manage_compute').click();
    await expect(staff).toHaveURL(/\?computed=1/);
    await staff.locator('#breakdown').selectOption('gender');
    await button(staff, 'barometer_manage_show').click();
    await expect(staff.locator('#preview-caption')).toContainText(tr('barometer_manage_breakdown_gender'));
    await expect(staff.locator('#preview-caption ~ tbody tr').filter({ hasText: 'woman' }).first()).toBeVisible();
    await expectAccessible(staff);
    await button(staff, 'barometer_manage_submit').click();
    await expect(staff).toHaveURL(/\?submitted=1/);

    // Four eyes: she prepared it, so approving it herself is refused with a clear message.
    await expect(staff.getByText(tr('barometer_manage_review_own'), { exact: true })).toBeVisible();
    await button(staff, 'barometer_manage_approve').click();
    await expect(staff.getByText(tr('barometer_error_four_eyes'), { exact: true })).toBeVisible();
    await expectAccessible(staff);

    // Not released yet: the open data does not show it.
    expect(((await (await request.get('/api/barometer/v1/editions')).json()) as { year: number }[]).map((e) => e.year)).not.toContain(year);

    // The admin (another staff member) approves it, released a minute ago (Brussels time).
    const admin = await contextPage(browser, locale, js);
    await logIn(admin, DEMO.admin, undefined, locale);
    await admin.goto(`/${locale}/barometer/manage`);
    await expect(admin.getByRole('link', { name: tr('barometer_manage_edition_version', { year, number: 1 }) })).toBeVisible();
    await expectAccessible(admin);
    await admin.getByRole('link', { name: tr('barometer_manage_edition_version', { year, number: 1 }) }).click();
    await admin.locator('#releaseAt').fill(brusselsLocal(-1));
    await button(admin, 'barometer_manage_approve').click();
    await expect(admin).toHaveURL(/\?approved=1/);
    await expect(admin.locator('#versions-title ~ table tbody tr').first()).toContainText(tr('barometer_manage_version_released'));
    await expectAccessible(admin);

    const released = (await (await request.get('/api/barometer/v1/editions')).json()) as { year: number; number: number }[];
    expect(released.find((e) => e.year === year)).toMatchObject({ year, number: 1 });
    await staff.context().close();
    await admin.context().close();
  });
}
