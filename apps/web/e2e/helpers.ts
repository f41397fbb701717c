import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
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

/** A step run as a task: small files finish within the request; otherwise the progress page is reloaded until it sends the person back. */
export async function afterTask(page: Page) {
  for (let i = 0; i < 60 && /\/tasks\//.test(page.url()); i++) {
    await page.waitForTimeout(500);
    await page.reload();
  }
  expect(page.url()).not.toMatch(/\/tasks\//);
}
