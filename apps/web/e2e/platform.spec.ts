import { expect, test } from '@playwright/test';
import { DEMO, DEMO_PASSWORD } from './helpers.ts';

test('health check reports the database', async ({ request }) => {
  const res = await request.get('/healthz');
  expect(res.status()).toBe(200);
  expect(await res.json()).toMatchObject({ status: 'ok', database: 'ok' });
});

test('pages carry the security headers', async ({ request }) => {
  const res = await request.get('/fr/login');
  const h = res.headers();
  expect(h['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(h['content-security-policy']).toContain("default-src 'self'");
  // Citizen pages carry no inline script at all; pages that hydrate allow only their own nonce.
  const scriptSrc = h['content-security-policy']!.split(';').map((d) => d.trim()).find((d) => d.startsWith('script-src '));
  expect(scriptSrc).toMatch(/^script-src 'self'( 'nonce-[^']+')?$/);
  expect((await request.get('/healthz')).headers()['x-content-type-options']).toBe('nosniff');
  expect(h['x-content-type-options']).toBe('nosniff');
  expect(h['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect(h['x-frame-options']).toBe('DENY');
});

test('a form posted from another site is refused (CSRF)', async ({ request }) => {
  const res = await request.post('/fr/login', {
    headers: { origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' },
    data: 'email=a%40b.be&password=x'
  });
  expect(res.status()).toBe(403);
});

test('the session cookie is HttpOnly and SameSite=Lax, and changes at each login', async ({ page, context }) => {
  const login = async () => {
    await page.goto('/fr/login');
    await page.locator('#email').fill(DEMO.citizen);
    await page.locator('#password').fill(DEMO_PASSWORD);
    await page.locator('main form button[type=submit]').click();
    await expect(page).toHaveURL(/\/fr\/account/);
    return (await context.cookies()).find((c) => c.name === 'passerelle_session');
  };
  const first = await login();
  expect(first?.httpOnly).toBe(true);
  expect(first?.sameSite).toBe('Lax');
  await page.goto('/fr/login'); // already signed in: redirected, same session
  await context.clearCookies();
  const second = await login();
  expect(second?.value).not.toBe(first?.value);
});

test('the API refuses anonymous admin calls with 401 and translated errors', async ({ request }) => {
  const res = await request.get('/api/trpc/admin.users.list?input=%7B%7D', { headers: { 'accept-language': 'nl' } });
  expect(res.status()).toBe(401);
  const body = await res.json();
  expect(body.error.data.appCode).toBe('UNAUTHENTICATED');
});
