// Hostile input through the real API endpoint: every public and signed-in procedure gets malformed,
// oversized and hostile inputs. Each must answer a clear 4xx with a translated message, never a 5xx,
// and the rows stored before must stay exactly as they were.
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { appRouter, permissionDefaults } from '@passerelle/api';
import { createTestContext, createTestUser, startTestMail, type TestMail } from '@passerelle/api/testing';
import { describeEachDb } from '@passerelle/db/testing';
import { listProcedures } from '@passerelle/plugin-sdk';
import type { Db } from '@passerelle/db';
import { PLUGINS, PLUGIN_IDS } from '$lib/plugins.ts';
import { POST, GET } from './+server.ts';

const defaults = permissionDefaults(PLUGINS);
let mail: TestMail;
beforeAll(async () => {
  mail = await startTestMail();
});
afterAll(() => mail.close());

const hostileString = fc.oneof(
  fc.constantFrom(
    '<script>alert(1)</script>',
    '"><img src=x onerror=alert(1)>',
    "'; DROP TABLE core_user; --",
    "' OR '1'='1",
    '\u0000',
    'a\u0000b',
    '\uD800',
    '\uDFFF\uD800',
    '𝕏'.repeat(300),
    ' ',
    '',
    '../../etc/passwd',
    '${7*7}{{7*7}}',
    'x'.repeat(300_000)
  ),
  fc.string({ maxLength: 50 }),
  fc.string({ unit: 'binary', maxLength: 50 })
);
const hostileValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    hostileString,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(fc.oneof(hostileString, fc.constantFrom('email', 'password', 'token', 'displayName', 'page', 'userId', '__proto__')), tie('value'), { maxKeys: 4 })
  )
})).value;

/** Plausible field names with hostile values: the shapes that get past `typeof input === 'object'`. */
const hostileObject = fc.record(
  {
    email: fc.oneof(hostileString, fc.constant('a@b.be')),
    password: hostileString,
    displayName: hostileString,
    token: hostileString,
    locale: hostileString,
    organisationId: hostileString,
    page: fc.oneof(fc.integer(), fc.double(), hostileString),
    // Plugin "ideas": real ids of stored rows, so that hostile values reach the services.
    slug: fc.oneof(hostileString, fc.constant('stored-consultation')),
    consultationId: fc.oneof(hostileString, fc.constant('stored-consultation-id')),
    ideaId: fc.oneof(hostileString, fc.constant('stored-idea-id')),
    number: fc.oneof(fc.integer(), fc.double(), hostileString),
    body: hostileString,
    reason: hostileString,
    text: hostileString,
    fields: fc.record({ title: hostileString, summary: hostileString, description: hostileString, communeNis: fc.oneof(hostileString, fc.constant('21004')), language: fc.oneof(hostileString, fc.constant('fr')) }, { requiredKeys: [] })
  },
  { requiredKeys: [] }
);

async function snapshot(db: Db) {
  const [users, orgs, memberships, roles, settings, consultations, ideas, comments] = await Promise.all([
    db.user.findMany({ orderBy: { id: 'asc' } }),
    db.organisation.findMany({ orderBy: { id: 'asc' } }),
    db.membership.findMany({ orderBy: [{ userId: 'asc' }, { organisationId: 'asc' }] }),
    db.userRole.findMany({ orderBy: [{ userId: 'asc' }, { role: 'asc' }] }),
    db.setting.findMany({ orderBy: { key: 'asc' } }),
    db.ideasConsultation.findMany({ orderBy: { id: 'asc' } }),
    db.ideasIdea.findMany({ orderBy: { id: 'asc' } }),
    db.ideasComment.findMany({ orderBy: { id: 'asc' } })
  ]);
  return { users, orgs, memberships, roles, settings, consultations, ideas, comments };
}

// Everything a signed-in citizen who belongs to an association may call (plugins included).
const citizenGrants = new Set([...(defaults.get('citizen') ?? []), ...(defaults.get('association_member') ?? [])]);
const open = listProcedures(appRouter).filter(([, meta]) => meta?.access === 'public' || meta?.access === 'authed' || (meta?.access === 'permission' && citizenGrants.has(meta.permission ?? '')));
const types = appRouter._def.procedures as unknown as Record<string, { _def: { type: string } }>;

describeEachDb('hostile input on the API', ({ getDb }) => {
  let userId: string;
  let before: Awaited<ReturnType<typeof snapshot>>;

  beforeAll(async () => {
    const db = getDb();
    const org = await db.organisation.create({ data: { name: 'Stored org', slug: 'stored-org' } });
    userId = (await createTestUser(db, { memberships: [{ organisationId: org.id, role: 'admin' }] })).id;
    const day = 86_400_000;
    const at = (d: number) => new Date(Date.now() + d * day);
    const text = { fr: 'Stored', nl: 'Stored', en: 'Stored' };
    await db.ideasConsultation.create({
      data: { id: 'stored-consultation-id', slug: 'stored-consultation', title: text, description: text, rules: text, submissionStart: at(-1), reviewStart: at(1), voteStart: at(2), resultsStart: at(3), followUpStart: at(4) }
    });
    await db.ideasIdea.create({ data: { id: 'stored-idea-id', consultationId: 'stored-consultation-id', number: 1, title: 'Stored idea', summary: 'Stored summary', description: '', communeNis: '21004', language: 'fr', authorId: userId } });
    await db.ideasComment.create({ data: { ideaId: 'stored-idea-id', authorId: userId, body: 'Stored comment' } });
    before = await snapshot(db);
  });

  for (const [path] of open) {
    it(`${path} answers 4xx with a translated message`, async () => {
      const type = types[path]!._def.type;
      await fc.assert(
        fc.asyncProperty(fc.oneof(hostileValue, hostileObject), fc.constantFrom('fr', 'nl', 'en'), fc.boolean(), async (input, locale, signedIn) => {
          const ctx = await createTestContext({ db: getDb(), userId: signedIn ? userId : null, sendMail: mail.sendMail, permissionDefaults: defaults, pluginIds: PLUGIN_IDS, locale, ip: '192.0.2.99' });
          const body = JSON.stringify(input ?? null);
          const url = `http://passerelle.test/api/trpc/${path}`;
          const request =
            type === 'query'
              ? new Request(`${url}?input=${encodeURIComponent(body)}`)
              : new Request(url, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) }, body });
          const event = { request, locals: { ctx, requestId: 'test' } } as never;
          const response = await (type === 'query' ? GET : POST)(event);
          if (response.status < 400) return; // a valid input: fine, as long as stored rows are untouched
          expect(response.status, `${path} ${body.slice(0, 200)}`).toBeLessThan(500);
          const json = (await response.json()) as { error: { message: string; data: { appCode: string; messageKey: string } } };
          expect(json.error.data.appCode).toMatch(/^[A-Z_]+$/);
          // Translated: not the key itself, and no stack trace or SQL leaked.
          expect(json.error.message).not.toBe(json.error.data.messageKey);
          expect(json.error.message).not.toMatch(/at .+\.(ts|js):\d+|prisma|SELECT|INSERT/i);
        }),
        { numRuns: 30, seed: 20261128 }
      );
    });
  }

  it('refuses, with 400, an otherwise valid sign-up holding a NUL character (PostgreSQL cannot store it)', async () => {
    const ctx = await createTestContext({ db: getDb(), sendMail: mail.sendMail, permissionDefaults: defaults, pluginIds: PLUGIN_IDS, locale: 'nl', ip: '192.0.2.100' });
    const body = JSON.stringify({ email: 'nul@example.org', password: 'a long enough passphrase', displayName: 'a\u0000b', locale: 'nl' });
    const request = new Request('http://passerelle.test/api/trpc/account.signUp', { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const response = await POST({ request, locals: { ctx, requestId: 'test' } } as never);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { message: string } }).error.message).toBe('Deze aanvraag is niet geldig.');
    expect(await getDb().user.count({ where: { email: 'nul@example.org' } })).toBe(0);
  });

  it('left every stored row as it was', async () => {
    const after = await snapshot(getDb());
    const stillThere = <T,>(rows: T[], original: T[]) => original.map((o) => rows.find((r) => JSON.stringify(r) === JSON.stringify(o)) ?? null);
    expect(stillThere(after.users, before.users)).toEqual(before.users);
    expect(stillThere(after.orgs, before.orgs)).toEqual(before.orgs);
    expect(stillThere(after.memberships, before.memberships)).toEqual(before.memberships);
    expect(stillThere(after.roles, before.roles)).toEqual(before.roles);
    expect(after.settings).toEqual(before.settings);
    // New valid rows may have been added by valid inputs; the stored ones must be unchanged.
    expect(stillThere(after.consultations, before.consultations)).toEqual(before.consultations);
    expect(stillThere(after.ideas, before.ideas)).toEqual(before.ideas);
    expect(stillThere(after.comments, before.comments)).toEqual(before.comments);
  });
});
