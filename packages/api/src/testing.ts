// Test support for procedure tests (here, in the app and in plugins): a real context built from a real
// session, and real email through an SMTP server started by the test.
import { randomUUID } from 'node:crypto';
import type { Db } from '@passerelle/db';
import { createMailer, createSession, hashPassword } from '@passerelle/auth';
import { startMailCatcher, type MailCatcher } from '@passerelle/auth/mail-testing';
import { t } from '@passerelle/i18n';
import type { Context, OutgoingMail, Role } from '@passerelle/trpc';
import { createContext } from './context.ts';
import { createCaller } from './root.ts';

export const TEST_PASSWORD = 'a long enough passphrase';
let passwordHash: Promise<string> | null = null;

export interface TestMail {
  catcher: MailCatcher;
  sendMail: (message: OutgoingMail) => Promise<void>;
  close(): Promise<void>;
}

/** A real SMTP server on a free port, and a nodemailer transport that sends to it. */
export async function startTestMail(): Promise<TestMail> {
  const catcher = await startMailCatcher({ port: 0 });
  const mailer = createMailer({ smtpUrl: catcher.smtpUrl, from: 'Passerelle <test@passerelle.brussels>' });
  return {
    catcher,
    sendMail: (m) => mailer.sendMail(m).then(() => undefined),
    close: async () => {
      mailer.close();
      await catcher.close();
    }
  };
}

/** A verified user with TEST_PASSWORD and the given global roles / organisation memberships. */
export async function createTestUser(
  db: Db,
  opts: { roles?: Role[]; memberships?: { organisationId: string; role: 'member' | 'admin' }[]; email?: string } = {}
) {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const user = await db.user.create({
    data: {
      email: opts.email ?? `user-${randomUUID().slice(0, 8)}@example.org`,
      passwordHash: await passwordHash,
      displayName: 'Test User',
      emailVerifiedAt: new Date(),
      roles: { create: (opts.roles ?? []).filter((r) => r !== 'citizen' && r !== 'association_member').map((role) => ({ role })) },
      memberships: { create: opts.memberships ?? [] }
    }
  });
  return user;
}

export interface TestContextOptions {
  db: Db;
  /** Signed in as this user (a real session is created), or anonymous. */
  userId?: string | null;
  sendMail: (message: OutgoingMail) => Promise<void>;
  locale?: string;
  ip?: string;
  pluginIds?: ReadonlySet<string>;
  permissionDefaults: ReadonlyMap<Role, ReadonlySet<string>>;
}

/** The context the app would build for this request, plus what the procedure did to the cookie. */
export async function createTestContext(opts: TestContextOptions): Promise<Context & { cookie: { token: string | null | undefined } }> {
  const sessionToken = opts.userId ? (await createSession({ db: opts.db, userId: opts.userId })).token : null;
  const locale = opts.locale ?? 'en';
  const cookie: { token: string | null | undefined } = { token: undefined };
  const ctx = await createContext({
    db: opts.db,
    sessionToken,
    locale,
    translate: (key, params) => t(key, params, { locale }),
    ip: opts.ip ?? '203.0.113.7',
    origin: 'http://passerelle.test',
    pluginIds: opts.pluginIds ?? new Set(),
    permissionDefaults: opts.permissionDefaults,
    sendMail: opts.sendMail,
    setSessionToken: (token) => {
      cookie.token = token;
    }
  });
  return Object.assign(ctx, { cookie });
}

export async function testCaller(opts: TestContextOptions) {
  const ctx = await createTestContext(opts);
  return { caller: createCaller(ctx), ctx };
}
