// The authorisation matrix: every procedure of the root router (core and every plugin) is called as
// each kind of person, and exactly the roles the manifests grant get past the access check. A new
// procedure is covered without touching this file.
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { appRouter, permissionDefaults } from '@passerelle/api';
import { createTestUser, startTestMail, testCaller, type TestMail } from '@passerelle/api/testing';
import { describeEachDb } from '@passerelle/db/testing';
import { listProcedures } from '@passerelle/plugin-sdk';
import type { Role } from '@passerelle/trpc';
import { PLUGINS, PLUGIN_IDS } from '$lib/plugins.ts';

const defaults = permissionDefaults(PLUGINS);
const PERSONAS = {
  anonymous: null,
  citizen: ['citizen'],
  'member of another organisation': ['citizen', 'association_member'],
  researcher: ['citizen', 'researcher'],
  staff: ['citizen', 'staff'],
  admin: ['citizen', 'admin']
} as const satisfies Record<string, readonly Role[] | null>;
type Persona = keyof typeof PERSONAS;

/** What the manifests say: may this persona pass the access check of a procedure? */
function expected(meta: { access?: string; permission?: string } | undefined, persona: Persona): 'allowed' | 'UNAUTHORIZED' | 'FORBIDDEN' {
  const roles = PERSONAS[persona];
  if (meta?.access === 'public') return 'allowed';
  if (!roles) return 'UNAUTHORIZED';
  if (meta?.access === 'authed') return 'allowed';
  const granted = roles.some((r) => defaults.get(r)?.has(meta?.permission ?? ''));
  return granted ? 'allowed' : 'FORBIDDEN';
}

let mail: TestMail;
beforeAll(async () => {
  mail = await startTestMail();
});
afterAll(() => mail.close());

const procedures = listProcedures(appRouter);

it('covers every procedure, and each one declares its access', () => {
  expect(procedures.length).toBeGreaterThan(20);
  for (const [path, meta] of procedures) expect(meta?.access, path).toMatch(/^(public|authed|permission)$/);
});

describeEachDb('authorisation matrix', ({ getDb }) => {
  const userIds = new Map<Persona, string | null>();

  beforeAll(async () => {
    const db = getDb();
    const [own, other] = await Promise.all([
      db.organisation.create({ data: { name: 'Target org', slug: `target-${Date.now()}` } }),
      db.organisation.create({ data: { name: 'Other org', slug: `other-${Date.now()}` } })
    ]);
    void own;
    for (const [persona, roles] of Object.entries(PERSONAS) as [Persona, readonly Role[] | null][]) {
      if (!roles) {
        userIds.set(persona, null);
        continue;
      }
      const member = roles.includes('association_member');
      const user = await createTestUser(db, { roles: [...roles], memberships: member ? [{ organisationId: other.id, role: 'admin' }] : [] });
      userIds.set(persona, user.id);
    }
  });

  for (const [path, meta] of procedures) {
    it(`${path} (${meta?.access === 'permission' ? meta.permission : meta?.access})`, async () => {
      const outcomes: Record<string, string> = {};
      const wanted: Record<string, string> = {};
      for (const persona of Object.keys(PERSONAS) as Persona[]) {
        // A fresh session for every call: some procedures (logout, deleteAccount) end it.
        const { caller } = await testCaller({ db: getDb(), userId: userIds.get(persona) ?? null, sendMail: mail.sendMail, permissionDefaults: defaults, pluginIds: PLUGIN_IDS, ip: `192.0.2.${Object.keys(PERSONAS).indexOf(persona)}` });
        const fn = path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller) as (input?: unknown) => Promise<unknown>;
        // No input: past the access check, validation refuses it (or a harmless read runs).
        const code = await fn(undefined).then(
          () => 'allowed',
          (e: unknown) => (e instanceof TRPCError && (e.code === 'UNAUTHORIZED' || e.code === 'FORBIDDEN') ? e.code : 'allowed')
        );
        outcomes[persona] = code;
        wanted[persona] = expected(meta, persona);
      }
      expect(outcomes).toEqual(wanted);
    });
  }
});
