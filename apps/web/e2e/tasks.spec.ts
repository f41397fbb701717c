import { expect, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { t } from '@passerelle/i18n';
import { contextPage, DEMO, expectAccessible, logIn } from './helpers.ts';

// A long export runs as a task: the member starts it, follows its progress (with JavaScript the page
// follows it by itself; without, the person checks again with a link), then downloads the file. In French
// with JavaScript off, and in Dutch with it on.

for (const { locale, js } of [{ locale: 'fr', js: false }, { locale: 'nl', js: true }] as const) {
  const tr = (key: string, params?: Record<string, string | number>) => t(key, params, { locale });

  test(`a member prepares the responses as XLSX, follows the progress and downloads it (${locale}, JavaScript ${js ? 'on' : 'off'})`, async ({ browser }) => {
    const page = await contextPage(browser, locale, js, { acceptDownloads: true });
    const context = page.context();
    await logIn(page, DEMO.member, undefined, locale);
    await page.goto(`/${locale}/epn/manage`);
    // The demo survey: the one with the most responses (other tests may have added surveys of their own).
    const surveys = await page.locator('#surveys ~ ul li').evaluateAll((items) =>
      items.map((li) => ({ href: li.querySelector('a')!.getAttribute('href')!, responses: Math.max(0, ...(li.textContent!.match(/\d+/g) ?? []).map(Number)) }))
    );
    surveys.sort((a, b) => b.responses - a.responses);
    await page.goto(surveys[0]!.href);
    await page.getByRole('button', { name: tr('epn_survey_export_xlsx') }).click();
    await expect(page).toHaveURL(/\/tasks\/[^/]+$/);
    await expect(page.locator('h1')).toHaveText(tr('epn_survey_task_responses_xlsx'));
    await expectAccessible(page);
    const link = page.getByRole('link', { name: /-responses\.xlsx.*\(\d/ });
    if (js) {
      // The page's small script follows the task and shows the result when it is done.
      await expect(link).toBeVisible({ timeout: 30_000 });
    } else {
      // Without JavaScript, the person checks again with the link (the page never reloads by itself).
      for (let i = 0; i < 30 && !(await link.isVisible()); i++) {
        await page.waitForTimeout(1000);
        if (!(await link.isVisible())) await page.getByRole('link', { name: tr('task_check_now') }).click();
      }
    }
    await expect(page.getByRole('status')).toHaveText(tr('task_status_done'));
    await expectAccessible(page);
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(await download.path());
    const responses = book.getWorksheet('responses')!;
    expect(responses.getRow(1).getCell(1).value).toBe('response_id');
    expect(responses.rowCount).toBeGreaterThan(10); // the demo survey's responses
    expect(book.getWorksheet('codebook')!.rowCount).toBeGreaterThan(10);
    // Someone else cannot see the task or its file.
    const taskPath = new URL(page.url()).pathname.replace(/^\/[a-z]{2}/, '');
    const stranger = await browser.newContext({ locale: `${locale}-BE` });
    const other = await stranger.newPage();
    await logIn(other, DEMO.researcher, undefined, locale);
    expect((await other.goto(`/${locale}${taskPath}`))!.status()).toBe(403);
    expect((await other.request.get(`/${locale}${taskPath}/file`)).status()).toBe(403);
    await stranger.close();
    await context.close();
  });
}
