import { expect, test, type Browser, type Page } from '@playwright/test';
import sharp from 'sharp';
import { t } from '@passerelle/i18n';
import { CHAINS, contextPage, DEMO, expectAccessible, linkFromMail, logIn } from './helpers.ts';

// The ideas plugin, journey by journey, in French, Dutch and English, with axe on every page.
// Ideas pages are server-rendered without JavaScript; the only script is the optional "similar ideas
// while typing" helper. The French chain runs with JavaScript off, the others with it on.

/** Brussels wall-clock "YYYY-MM-DDTHH:mm", offset by `hours` from now. */
function brusselsLocal(hours: number): string {
  const d = new Date(Date.now() + hours * 3_600_000);
  const p = Object.fromEntries(new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Brussels', hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).formatToParts(d).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

async function personPage(browser: Browser, email: string, locale: string, js: boolean): Promise<Page> {
  const page = await contextPage(browser, locale, js);
  await logIn(page, email, undefined, locale);
  return page;
}

async function visit(page: Page, path: string) {
  await page.goto(path);
  await expectAccessible(page);
}

for (const { locale, js } of CHAINS) {
  const tr = (key: string, params?: Record<string, string | number>) => t(key, params, { locale });
  const slug = `e2e-${locale}-${Date.now().toString(36)}`;

  test.describe.serial(`ideas in ${locale} (JavaScript ${js ? 'on' : 'off'})`, () => {
    let staff: Page;
    let author: Page;
    let neighbour: Page;

    test.beforeAll(async ({ browser }) => {
      staff = await personPage(browser, DEMO.staff, locale, js);
      author = await personPage(browser, DEMO.citizen, locale, js);
      neighbour = await personPage(browser, DEMO.researcher, locale, js);
    });
    test.afterAll(async () => {
      for (const p of [staff, author, neighbour]) await p.context().close();
    });

    test('staff create a consultation', async () => {
      await visit(staff, `/${locale}/ideas/manage`);
      await staff.getByRole('link', { name: tr('ideas_manage_create') }).click();
      await expectAccessible(staff);
      await staff.locator('#slug').fill(slug);
      for (const l of ['fr', 'nl', 'en']) {
        await staff.locator(`[id="title.${l}"]`).fill(`Consultation ${l} ${slug}`);
        await staff.locator(`[id="description.${l}"]`).fill(`Description ${l}`);
        await staff.locator(`[id="rules.${l}"]`).fill(`Rules ${l}`);
      }
      await staff.locator('#submissionStart').fill(brusselsLocal(-1));
      await staff.locator('#category-1-fr').fill('Santé');
      await staff.locator('#category-1-nl').fill('Gezondheid');
      await staff.locator('#category-1-en').fill('Health');
      await staff.locator('main form button[type=submit]').last().click();
      await expect(staff).toHaveURL(new RegExp(`/${locale}/ideas/manage/${slug}\\?created=1`));
      await expect(staff.getByRole('status')).toContainText(tr('ideas_manage_created'));
      await expectAccessible(staff);
    });

    test('a citizen submits an idea and comments on it', async () => {
      await visit(author, `/${locale}/ideas`);
      await author.getByRole('link', { name: `Consultation ${locale} ${slug}` }).click();
      await expectAccessible(author);
      await author.getByRole('link', { name: tr('ideas_submit_cta') }).click();
      await expectAccessible(author);
      // A refused form keeps what was typed and says what to fix.
      await author.locator('#title').fill('Free wifi in every public library');
      await author.locator('form[action="?/submit"] button[type=submit]').last().click();
      await expect(author.getByRole('alert')).toBeVisible();
      await expect(author.locator('#title')).toHaveValue('Free wifi in every public library');
      await expectAccessible(author);
      await author.locator('#summary').fill('Many people have no internet at home; libraries are open to everyone.');
      await author.locator('#description').fill('**Why**: libraries are everywhere.\n\n<script>window.hacked = true</script>');
      await author.locator('#communeNis').selectOption('21004');
      await author.locator(`input[name=language][value=${locale}]`).check();
      // A file that is not a picture is refused with a clear message, and nothing is stored.
      await author.locator('#image').setInputFiles({ name: 'photo.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('this is not a picture') });
      await author.locator('#imageAlt').fill('A library reading room');
      await author.locator('form[action="?/submit"] button[type=submit]').last().click();
      await expect(author.getByRole('alert')).toContainText(tr('ideas_error_image_type'));
      await expect(author.locator('#title')).toHaveValue('Free wifi in every public library');
      await expectAccessible(author);
      // Place the idea on the map by clicking it (works without JavaScript: the click is a form post).
      await author.locator('input[name=pick]').click({ position: { x: 150, y: 110 } });
      await expect(author.getByText(tr('ideas_field_point_set'))).toBeVisible();
      await expect(author.locator('input[name=latitude]')).toHaveValue(/^50\.8\d+$/);
      await expect(author.locator('#title')).toHaveValue('Free wifi in every public library');
      const photo = await sharp({ create: { width: 320, height: 200, channels: 3, background: '#1d70b8' } }).jpeg().withMetadata({ exif: { IFD0: { Make: 'SecretCam' } } }).toBuffer();
      await author.locator('#image').setInputFiles({ name: 'library.jpg', mimeType: 'image/jpeg', buffer: photo });
      await author.locator('form[action="?/submit"] button[type=submit]').last().click();
      await expect(author).toHaveURL(new RegExp(`/${locale}/ideas/${slug}/1\\?submitted=1`));
      const img = author.getByRole('img', { name: 'A library reading room' });
      await expect(img).toBeVisible();
      const served = await author.request.get((await img.getAttribute('src'))!);
      expect(served.headers()['content-type']).toBe('image/jpeg');
      expect((await served.body()).includes(Buffer.from('SecretCam'))).toBe(false);
      await expect(author.getByRole('status')).toContainText(tr('ideas_submitted'));
      await visit(author, `/${locale}/ideas/${slug}/map`);
      await expect(author.locator('main li').filter({ hasText: 'Free wifi in every public library' })).toContainText(tr('ideas_map_on_map'));
      await visit(author, `/${locale}/ideas/${slug}/1`);
      // What was typed as HTML is shown as nothing, and never runs.
      await expect(author.locator('.ideas-description strong')).toHaveText('Why');
      expect(await author.evaluate(() => (window as unknown as { hacked?: boolean }).hacked)).toBeUndefined();
      await expect(author.locator('.ideas-description script')).toHaveCount(0);
      await expectAccessible(author);
      await author.locator('#comment-body').fill('I can help at the library on Saturdays.');
      await author.locator('form[action="?/comment"] button[type=submit]').last().click();
      await expect(author.getByRole('status')).toContainText(tr('ideas_comment_done'));
      await expectAccessible(author);
    });

    test('another citizen gets a duplicate suggestion, submits, replies and reports a comment', async () => {
      await visit(neighbour, `/${locale}/ideas/${slug}/new`);
      const title = neighbour.locator('#title');
      if (js) {
        // While typing: the suggestion appears under the field, announced politely.
        await title.pressSequentially('wifi public library free', { delay: 20 });
        await expect(neighbour.locator('#similar-ideas')).toContainText('Free wifi in every public library');
      } else {
        await title.fill('wifi public library free');
        await neighbour.getByRole('button', { name: tr('ideas_similar_check') }).click();
        await expect(neighbour.locator('#similar-ideas')).toContainText('Free wifi in every public library');
        await expect(neighbour.locator('#title')).toHaveValue('wifi public library free');
      }
      await expectAccessible(neighbour);
      await title.fill('Computer lessons for seniors in community centres');
      await neighbour.locator('#summary').fill('Slow, free lessons in small groups close to home.');
      await neighbour.locator('#communeNis').selectOption('21015');
      await neighbour.locator(`input[name=language][value=${locale}]`).check();
      await neighbour.locator('#showAuthorName').check();
      await neighbour.locator('form[action="?/submit"] button[type=submit]').last().click();
      await expect(neighbour).toHaveURL(new RegExp(`/${locale}/ideas/${slug}/2\\?submitted=1`));

      await visit(neighbour, `/${locale}/ideas/${slug}/1`);
      await neighbour.getByText(tr('ideas_reply'), { exact: true }).first().click();
      await neighbour.locator('textarea[name=body]').first().fill('Good idea, I would come.');
      await neighbour.locator('form[action="?/comment"]').first().locator('button').click();
      await expect(neighbour.getByRole('status')).toContainText(tr('ideas_comment_done'));
      await expect(neighbour.locator('.ideas-replies')).toContainText('Good idea, I would come.');
      // Report the author's comment.
      const authorComment = neighbour.locator('.ideas-comments > li').first().locator('> article');
      await authorComment.getByText(tr('ideas_report_comment')).click();
      await authorComment.locator('textarea[name=reason]').fill('Advertising for a private shop');
      await authorComment.locator('form[action="?/report"] button').click();
      await expect(neighbour.getByRole('status')).toContainText(tr('ideas_report_done'));
      await expectAccessible(neighbour);
    });

    test('staff moderate: the comment is hidden with a reason its author can read', async () => {
      await visit(staff, `/${locale}/ideas/manage/moderation`);
      const item = staff.locator('.ideas-queue > li').filter({ hasText: 'I can help at the library on Saturdays.' });
      await item.locator('textarea[name=reason]').fill('Rule 3: no advertising');
      await item.getByRole('button', { name: tr('ideas_moderation_hide') }).click();
      await expect(staff.getByRole('status')).toContainText(tr('ideas_moderation_done'));
      await expectAccessible(staff);

      await visit(author, `/${locale}/ideas/${slug}/1`);
      await expect(author.locator('.ideas-comments')).toContainText(tr('ideas_hidden_reason', { reason: 'Rule 3: no advertising' }));
      await visit(neighbour, `/${locale}/ideas/${slug}/1`);
      await expect(neighbour.locator('.ideas-comments')).toContainText(tr('ideas_comment_hidden'));
      await expect(neighbour.locator('.ideas-comments')).not.toContainText('Rule 3');
      await expect(neighbour.locator('.ideas-comments')).not.toContainText('I can help at the library');
    });

    test('staff close submissions and invite a juror, who scores one idea and declares a conflict on another', async () => {
      await visit(staff, `/${locale}/ideas/manage/${slug}`);
      await staff.getByRole('button', { name: tr('ideas_advance_to', { phase: tr('ideas_phase_review') }) }).click();
      await expect(staff.getByRole('heading', { level: 2, name: new RegExp(tr('ideas_phase_review')) })).toBeVisible();
      await staff.getByRole('link', { name: tr('ideas_jury_manage_title') }).click();
      await expectAccessible(staff);
      await staff.locator('#email').fill(DEMO.researcher);
      await staff.getByRole('button', { name: tr('ideas_jury_add') }).click();
      await expect(staff.getByRole('status')).toContainText(tr('ideas_manage_saved'));

      // The juror follows the link in the email, which is in the juror's own language (Dutch); the
      // test then carries on in the language of this run.
      const link = new URL(await linkFromMail(DEMO.researcher, `/ideas/${slug}/jury`));
      expect(link.pathname).toBe(`/nl/ideas/${slug}/jury`);
      await neighbour.goto(link.pathname.replace('/nl/', `/${locale}/`));
      await expectAccessible(neighbour);
      await neighbour.getByRole('link', { name: 'Free wifi in every public library' }).click();
      await expectAccessible(neighbour);
      const groups = neighbour.getByRole('group').filter({ has: neighbour.locator('input[type=radio]') });
      const count = await groups.count();
      expect(count).toBe(3);
      for (let i = 0; i < count; i++) await groups.nth(i).getByLabel(String(5 - i), { exact: true }).check();
      await neighbour.locator('#note').fill('Private: strong and feasible.');
      await neighbour.locator('form[action="?/score"] button[type=submit]').click();
      // Saved, and on to the next idea: the juror's own one, so they declare a conflict.
      await expect(neighbour).toHaveURL(new RegExp(`/ideas/${slug}/jury/2`));
      await neighbour.getByText(tr('ideas_jury_conflict_question')).click();
      await neighbour.getByRole('button', { name: tr('ideas_jury_conflict_declare') }).click();
      await expect(neighbour.getByText(tr('ideas_jury_conflict_declared'))).toBeVisible();
      await expectAccessible(neighbour);

      await visit(staff, `/${locale}/ideas/manage/${slug}/jury`);
      const first = staff.locator('tbody tr').filter({ hasText: 'Free wifi in every public library' });
      await expect(first.locator('td').first()).toHaveText('1');
      await expect(first).toContainText('4.00'); // (5 + 4 + 3) / 3
      await expect(staff.locator('tbody tr').filter({ hasText: 'Computer lessons' }).locator('td').last()).toHaveText(tr('ideas_no'));
      await expect(staff.locator('main')).not.toContainText('Private: strong');
      const csv = await staff.request.get(`/${locale}/ideas/manage/${slug}/jury.csv`);
      expect(csv.headers()['content-type']).toContain('text/csv');
      expect(await csv.text()).toContain('Free wifi in every public library');
    });

    test('staff shortlist the finalists and open the vote', async () => {
      await visit(staff, `/${locale}/ideas/manage/${slug}`);
      await staff.getByRole('button', { name: tr('ideas_make_finalist', { number: 1 }) }).click();
      await staff.getByRole('button', { name: tr('ideas_make_finalist', { number: 2 }) }).click();
      await expect(staff.getByRole('heading', { name: tr('ideas_shortlist_title', { count: 2, max: 6 }) })).toBeVisible();
      await staff.getByRole('button', { name: tr('ideas_publish_shortlist') }).click();
      await expect(staff.getByText(tr('ideas_shortlist_is_published'))).toBeVisible();
      await staff.getByRole('button', { name: tr('ideas_advance_to', { phase: tr('ideas_phase_vote') }) }).click();
      await expect(staff.getByRole('heading', { level: 2, name: new RegExp(tr('ideas_phase_vote')) })).toBeVisible();
      await expectAccessible(staff);
    });

    test('citizens vote within their budget and may take a vote back', async () => {
      await visit(neighbour, `/${locale}/ideas/${slug}/vote`);
      await expect(neighbour.getByRole('status')).toContainText(tr('ideas_budget_status', { used: 0, budget: 3 }));
      await neighbour.getByRole('button', { name: tr('ideas_vote_for', { title: 'Free wifi in every public library' }) }).click();
      await expect(neighbour.locator('.ideas-budget')).toContainText(tr('ideas_budget_status', { used: 1, budget: 3 }));
      await neighbour.getByRole('button', { name: tr('ideas_vote_for', { title: 'Computer lessons for seniors in community centres' }) }).click();
      await neighbour.getByRole('button', { name: tr('ideas_withdraw_for', { title: 'Computer lessons for seniors in community centres' }) }).click();
      await expect(neighbour.locator('.ideas-budget')).toContainText(tr('ideas_budget_status', { used: 1, budget: 3 }));
      await expectAccessible(neighbour);
      // From the idea page as well.
      await visit(author, `/${locale}/ideas/${slug}/2`);
      await author.getByRole('button', { name: tr('ideas_vote_button') }).click();
      await expect(author.getByRole('status')).toContainText(tr('ideas_vote_done'));
      await expectAccessible(author);
    });

    test('a mediator records a vote for a citizen without an account', async ({ browser }) => {
      const mediator = await personPage(browser, DEMO.member, locale, js);
      await visit(mediator, `/${locale}/ideas/${slug}`);
      await mediator.getByRole('link', { name: tr('ideas_mediated_link') }).click();
      await expectAccessible(mediator);
      await mediator.locator('#initials').fill('mj');
      await mediator.locator('#birthYear').fill('1947');
      await mediator.locator('#citizenCommune').selectOption('21012');
      await mediator.getByLabel('Free wifi in every public library').check();
      // Without consent, nothing is recorded.
      await mediator.locator('form[action="?/vote"] button[type=submit]').click();
      await expect(mediator.getByRole('alert')).toBeVisible();
      await expectAccessible(mediator);
      await mediator.locator('#consent').check();
      await mediator.getByLabel('Free wifi in every public library').check();
      await mediator.locator('#initials').fill('mj');
      await mediator.locator('#birthYear').fill('1947');
      await mediator.locator('#citizenCommune').selectOption('21012');
      await mediator.locator('form[action="?/vote"] button[type=submit]').click();
      await expect(mediator.getByRole('status')).toContainText(tr('ideas_mediated_vote_done'));
      await expectAccessible(mediator);
      await mediator.context().close();

      // Staff see the mediated vote counted apart; the public does not see counts before the results.
      await visit(staff, `/${locale}/ideas/manage/${slug}`);
      const row = staff.locator('tr').filter({ hasText: 'Free wifi in every public library' });
      await expect(row).toContainText(tr('ideas_votes_detail', { total: 2, online: 1, mediated: 1 }));
    });

    test('staff publish the results and post a follow-up; a follower sees it', async () => {
      await visit(author, `/${locale}/ideas/${slug}/1`);
      await author.getByRole('button', { name: tr('ideas_follow') }).click();
      await expect(author.getByRole('status')).toContainText(tr('ideas_follow_done'));

      await visit(staff, `/${locale}/ideas/manage/${slug}`);
      await staff.getByRole('button', { name: tr('ideas_advance_to', { phase: tr('ideas_phase_results') }) }).click();
      await staff.getByLabel(/Free wifi in every public library/).check();
      await staff.getByRole('button', { name: tr('ideas_results_publish') }).click();
      await expect(staff.getByRole('status')).toContainText(tr('ideas_manage_saved'));
      await expectAccessible(staff);

      await visit(neighbour, `/${locale}/ideas/${slug}/results`);
      const row = neighbour.locator('tbody tr').filter({ hasText: 'Free wifi in every public library' });
      await expect(row).toContainText(tr('ideas_winner'));
      await expect(row.locator('td').last()).toHaveText('2');

      await visit(staff, `/${locale}/ideas/${slug}/1`);
      await staff.getByText(tr('ideas_followup_add')).click();
      await staff.locator('#stage').selectOption('in_development');
      await staff.locator('#update-body').fill('The libraries network started the work.');
      await staff.locator('#links').fill('https://example.org/wifi-project');
      await staff.getByRole('button', { name: tr('ideas_followup_publish') }).click();
      await expect(staff.getByRole('status')).toContainText(tr('ideas_manage_saved'));

      await visit(author, `/${locale}/ideas/${slug}/1`);
      const timeline = author.locator('.ideas-timeline');
      await expect(timeline).toContainText(tr('ideas_stage_selected'));
      await expect(timeline).toContainText(tr('ideas_stage_in_development'));
      await expect(timeline).toContainText('The libraries network started the work.');
      await expect(timeline.getByRole('link', { name: 'https://example.org/wifi-project' })).toBeVisible();
    });
  });
}

test('every ideas page answers without JavaScript and ships none', async ({ page }) => {
  const scripts: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
  });
  for (const path of ['/fr/ideas', '/fr/ideas/brussels-hacks-demo', '/fr/ideas/brussels-hacks-demo/1', '/fr/ideas/brussels-hacks-demo/vote']) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  }
  expect(scripts).toEqual([]);
});
