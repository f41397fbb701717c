import AxeBuilder from '@axe-core/playwright';
import { expect, type Browser, type BrowserContextOptions, type Page } from '@playwright/test';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '@passerelle/db/demo';

export const LOCALES = ['fr', 'nl', 'en'] as const;
export { DEMO_PASSWORD };

const demoEmail = (role: string) => DEMO_ACCOUNTS.find((a) => a.role === role)!.email;
/** The seeded demo accounts (packages/db/src/demo.ts), by role. */
export const DEMO = {
  citizen: demoEmail('citizen'),
  member: demoEmail('association_member'),
  researcher: demoEmail('researcher'),
  staff: demoEmail('staff'),
  admin: demoEmail('admin')
} as const;

const MAIL_HTTP = Number(process.env.E2E_MAIL_HTTP_PORT ?? 2581);

interface CaughtMail {
  to: string[];
  subject: string;
  text: string;
}

/** Waits for an email to `to` at the test SMTP server and returns the first link in it. */
export async function linkFromMail(to: string, pathPart: string): Promise<string> {
  let found: string | undefined;
  await expect
    .poll(
      async () => {
        const res = await fetch(`http://127.0.0.1:${MAIL_HTTP}/messages?to=${encodeURIComponent(to)}`);
        const mails = (await res.json()) as CaughtMail[];
        found = mails
          .flatMap((m) => m.text.match(/https?:\/\/\S+/g) ?? [])
          .filter((l) => l.includes(pathPart))
          .at(-1);
        return found;
      },
      { timeout: 15_000 }
    )
    .toBeTruthy();
  return found!;
}

/** Zero WCAG 2.2 AA violations on the current page. */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  const summary = results.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

export async function logIn(page: Page, email: string, password = DEMO_PASSWORD, locale = 'fr'): Promise<void> {
  await page.goto(`/${locale}/login`);
  await page.locator('#email').fill(email);
  await page.locator('#password').fill(password);
  await page.locator('main form button[type=submit]').click();
  await expect(page).toHaveURL(new RegExp(`/${locale}/account`));
}

export function uniqueEmail(tag: string): string {
  return `${tag}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.be`;
}

/** Presses Tab until the focused element matches `selector` (keyboard only: no click, no focus()). */
export async function tabTo(page: Page, selector: string): Promise<void> {
  for (let i = 0; i < 120; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`could not reach ${selector} with Tab`);
}

/** The journeys' three runs: French with JavaScript off, Dutch and English with it. */
export const CHAINS = [
  { locale: 'fr', js: false },
  { locale: 'nl', js: true },
  { locale: 'en', js: true }
] as const;

/** A page in a new context for `locale`; "JavaScript off" blocks the app's scripts (axe runs in the page, so the engine stays on). */
export async function contextPage(browser: Browser, locale: string, js: boolean, options: Omit<BrowserContextOptions, 'locale'> = {}): Promise<Page> {
  const context = await browser.newContext({ ...options, locale: `${locale}-BE` });
  const page = await context.newPage();
  if (!js) await page.route(/\.js(\?|$)/, (route) => route.abort());
  return page;
}

/** A radio button by keyboard: Tab into its group, then arrow keys (which move and select) to the value. */
export async function chooseRadio(page: Page, name: string, value: string): Promise<void> {
  await tabTo(page, `input[type=radio][name="${name}"]`);
  for (let i = 0; i < 30; i++) {
    if (await page.evaluate((v) => (document.activeElement as HTMLInputElement | null)?.value === v, value)) {
      await page.keyboard.press('Space'); // selects it if focus arrived without selecting
      return;
    }
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`could not choose ${name}=${value} with the keyboard`);
}

/** An option of a <select> by keyboard: Tab to it, then the arrow keys (which change the value). */
export async function chooseOption(page: Page, selector: string, value: string): Promise<void> {
  await tabTo(page, selector);
  for (let i = 0; i < 40 && (await page.locator(selector).inputValue()) !== value; i++) await page.keyboard.press('ArrowDown');
  await expect(page.locator(selector)).toHaveValue(value);
}

/** A step run as a task: small files finish within the request; otherwise the progress page is reloaded until it sends the person back. */
export async function afterTask(page: Page) {
  for (let i = 0; i < 60 && /\/tasks\//.test(page.url()); i++) {
    await page.waitForTimeout(500);
    await page.reload();
  }
  expect(page.url()).not.toMatch(/\/tasks\//);
}
