// Two app servers on one PostgreSQL share sessions: log in on one, be logged in on the other. This is
// what makes the servers stateless behind a load balancer (docs/operations.md).
import { expect, test } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import pg from 'pg';
import { DEMO, DEMO_PASSWORD } from './helpers.ts';

const ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgres://passerelle:passerelle@127.0.0.1:5432/passerelle_test';
const dbName = `passerelle_e2e_multi_${process.pid}`;
const servers: ChildProcess[] = [];

function databaseUrl(): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${dbName}`;
  return url.toString();
}

async function startServer(port: number, seed: boolean): Promise<string> {
  const origin = `http://127.0.0.1:${port}`;
  const child = spawn('pnpm', ['exec', 'tsx', 'scripts/start.ts'], {
    cwd: new URL('..', import.meta.url).pathname,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', ORIGIN: origin, DATABASE_URL: databaseUrl(), SEED_DEMO: seed ? '1' : '0', SMTP_URL: 'smtp://127.0.0.1:9', LOG_LEVEL: 'warn' },
    stdio: 'inherit',
    detached: true
  });
  servers.push(child);
  await expect
    .poll(async () => (await fetch(`${origin}/healthz`).catch(() => null))?.status, { timeout: 120_000, intervals: [250] })
    .toBe(200);
  return origin;
}

test.describe.configure({ timeout: 240_000 });

test.beforeAll(async () => {
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${dbName}`);
  await admin.end();
});

test.afterAll(async () => {
  for (const child of servers) if (child.pid) process.kill(-child.pid, 'SIGTERM');
  await new Promise((r) => setTimeout(r, 500));
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  await admin.end();
});

test('log in on one app server, be logged in on the other; log out on the other, logged out on the first', async ({ page }) => {
  const first = await startServer(3201, true);
  const second = await startServer(3202, false);

  await page.goto(`${first}/fr/login`);
  await page.locator('#email').fill(DEMO.citizen);
  await page.locator('#password').fill(DEMO_PASSWORD);
  await page.locator('main form button[type=submit]').click();
  await expect(page).toHaveURL(`${first}/fr/account`);

  // Cookies belong to the host, not the port: the second server gets the same session cookie.
  await page.goto(`${second}/fr/account`);
  await expect(page).toHaveURL(`${second}/fr/account`);
  await expect(page.getByText(DEMO.citizen)).toBeVisible();

  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  await page.goto(`${first}/fr/account`);
  await expect(page).toHaveURL(/\/fr\/login/);
});
