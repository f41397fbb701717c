import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDb } from '@passerelle/db/testing';
import { permissionDefaults } from '../../context.ts';
import { createTestUser, startTestMail, testCaller, type TestMail } from '../../testing.ts';

// A fake plugin manifest is enough to exercise switches and grants; the core knows plugins only by id.
const plugin = { permissions: [{ id: 'board.note.read', defaultRoles: ['citizen' as const] }] };
const defaults = permissionDefaults([plugin]);
let mail: TestMail;
beforeAll(async () => {
  mail = await startTestMail();
});
afterAll(() => mail.close());

describeEachDb('admin procedures', ({ getDb }) => {
  const as = async (userId: string) => (await testCaller({ db: getDb(), userId, sendMail: mail.sendMail, permissionDefaults: defaults, pluginIds: new Set(['board']) })).caller;
  let adminId: string;
  beforeAll(async () => {
    adminId = (await createTestUser(getDb(), { roles: ['admin'] })).id;
  });

  it('grants and revokes a role, in the audit log, and the person gets the permissions at once', async () => {
    const user = await createTestUser(getDb());
    const admin = await as(adminId);
    await admin.admin.users.setRole({ userId: user.id, role: 'staff', granted: true });
    const asUser = await as(user.id);
    await expect(asUser.admin.organisations.list()).resolves.toBeInstanceOf(Array);
    await admin.admin.users.setRole({ userId: user.id, role: 'staff', granted: false });
    const after = await (await as(user.id)).admin.organisations.list().catch((e: TRPCError) => e.code);
    expect(after).toBe('FORBIDDEN');
    const log = await admin.admin.audit.list({ action: 'user.role.', limit: 10 });
    expect(log.entries.map((e) => e.action).slice(0, 2)).toEqual(['user.role.revoke', 'user.role.grant']);
    expect(log.entries[0]).toMatchObject({ actorId: adminId, targetId: user.id });
  });

  it('an admin cannot remove their own admin role nor disable themselves', async () => {
    const admin = await as(adminId);
    await expect(admin.admin.users.setRole({ userId: adminId, role: 'admin', granted: false })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(admin.admin.users.setDisabled({ userId: adminId, disabled: true })).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('disabling an account ends its sessions', async () => {
    const user = await createTestUser(getDb());
    await as(user.id);
    expect(await getDb().session.count({ where: { userId: user.id } })).toBe(1);
    await (await as(adminId)).admin.users.setDisabled({ userId: user.id, disabled: true });
    expect(await getDb().session.count({ where: { userId: user.id } })).toBe(0);
  });

  it('lists and searches users with pagination', async () => {
    const unique = `needle-${Date.now()}`;
    await createTestUser(getDb(), { email: `${unique}@example.org` });
    const admin = await as(adminId);
    const found = await admin.admin.users.list({ query: unique.toUpperCase(), page: 1, pageSize: 10 });
    expect(found.total).toBe(1);
    expect(found.users[0]?.email).toBe(`${unique}@example.org`);
    const page2 = await admin.admin.users.list({ page: 2, pageSize: 1 });
    expect(page2.users).toHaveLength(1);
  });

  it('creates organisations with unique slugs and manages members', async () => {
    const admin = await as(adminId);
    const a = await admin.admin.organisations.create({ name: 'Maison de quartier Évere', kind: 'association', communeNis: '21006' });
    const b = await admin.admin.organisations.create({ name: 'Maison de quartier Evere', kind: 'association', communeNis: null });
    expect(a.slug).toBe('maison-de-quartier-evere');
    expect(b.slug).not.toBe(a.slug);
    await expect(admin.admin.organisations.create({ name: 'Nowhere', kind: 'association', communeNis: '21099' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    const member = await createTestUser(getDb());
    await admin.admin.organisations.addMember({ organisationId: a.id, email: member.email, role: 'member' });
    expect(await (await as(member.id)).organisation.mine()).toEqual([expect.objectContaining({ id: a.id, role: 'member' })]);
    await expect(admin.admin.organisations.addMember({ organisationId: a.id, email: 'nobody@example.org', role: 'member' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await admin.admin.organisations.removeMember({ organisationId: a.id, userId: member.id });
    expect(await (await as(member.id)).organisation.mine()).toEqual([]);
  });

  it('switches a plugin off and on; its procedures then answer 404', async () => {
    const admin = await as(adminId);
    expect(await admin.admin.plugins.list()).toEqual([{ id: 'board', enabled: true, lockedByEnv: false }]);
    await admin.admin.plugins.setEnabled({ pluginId: 'board', enabled: false });
    const ctx = (await testCaller({ db: getDb(), userId: adminId, sendMail: mail.sendMail, permissionDefaults: defaults, pluginIds: new Set(['board']) })).ctx;
    expect(ctx.enabledPlugins.has('board')).toBe(false);
    await expect(admin.admin.plugins.setEnabled({ pluginId: 'unknown', enabled: false })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await admin.admin.plugins.setEnabled({ pluginId: 'board', enabled: true });
    expect(await admin.admin.plugins.list()).toEqual([{ id: 'board', enabled: true, lockedByEnv: false }]);
  });

  it('overrides a manifest grant for a role, and setting it back removes the override', async () => {
    const admin = await as(adminId);
    const citizen = await createTestUser(getDb());
    const before = await testCaller({ db: getDb(), userId: citizen.id, sendMail: mail.sendMail, permissionDefaults: defaults });
    expect(before.ctx.permissions.has('board.note.read')).toBe(true);
    await admin.admin.grants.set({ role: 'citizen', permission: 'board.note.read', granted: false });
    const during = await testCaller({ db: getDb(), userId: citizen.id, sendMail: mail.sendMail, permissionDefaults: defaults });
    expect(during.ctx.permissions.has('board.note.read')).toBe(false);
    const row = (await admin.admin.grants.list()).find((g) => g.permission === 'board.note.read')!;
    expect(row.roles.find((r) => r.role === 'citizen')).toMatchObject({ byDefault: true, granted: false, overridden: true });
    await admin.admin.grants.set({ role: 'citizen', permission: 'board.note.read', granted: true });
    expect(await getDb().roleGrant.count()).toBe(0);
    await expect(admin.admin.grants.set({ role: 'citizen', permission: 'board.note.nope', granted: true })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
