import { defineConfig } from '@playwright/test';

// End-to-end tests against the built app on a fresh embedded database, with a real SMTP server
// (e2e/mail-server.ts) that the tests read messages from. Debian's Chromium; one worker on 2 cores.
const PORT = Number(process.env.E2E_PORT ?? 3100);
const MAIL_HTTP = Number(process.env.E2E_MAIL_HTTP_PORT ?? 2581);
const SMTP = Number(process.env.E2E_SMTP_PORT ?? 2526);

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [['list'], ['json']] : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    locale: 'fr-BE',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
    }
  },
  webServer: [
    {
      command: `pnpm exec tsx e2e/mail-server.ts`,
      url: `http://127.0.0.1:${MAIL_HTTP}/messages`,
      env: { SMTP_PORT: String(SMTP), MAIL_HTTP_PORT: String(MAIL_HTTP) },
      reuseExistingServer: false,
      timeout: 30_000
    },
    {
      command: `pnpm exec tsx scripts/start.ts`,
      url: `http://127.0.0.1:${PORT}/healthz`,
      env: {
        PORT: String(PORT),
        HOST: '127.0.0.1',
        ORIGIN: `http://127.0.0.1:${PORT}`,
        PGLITE_DIR: process.env.E2E_PGLITE_DIR ?? `${process.env.TMPDIR ?? '/tmp'}/passerelle-e2e-${Date.now()}`,
        DATABASE_URL: '',
        SMTP_URL: `smtp://127.0.0.1:${SMTP}`,
        SEED_DEMO: '1',
        // e2e/barometer-upload.spec.ts uploads past it (a 7.7 MB file goes through, 17 MB is refused).
        BAROMETER_MAX_UPLOAD_MB: '16',
        LOG_LEVEL: 'warn'
      },
      reuseExistingServer: false,
      timeout: 180_000,
      stdout: 'pipe',
      stderr: 'pipe'
    }
  ]
});
