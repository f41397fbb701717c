import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDb } from '@passerelle/db/testing';
import { permissionDefaults } from '../../context.ts';
import { createTestUser, startTestMail, testCaller, type TestMail } from '../../testing.ts';

const defaults = permissionDefaults([]);
let mail: TestMail;
beforeAll(async () => {
  mail = await startTestMail();
});
afterAll(() => mail.close());

describeEachDb('organisation invitations (scoped to the organisations one runs)', ({ getDb }) => {
  it('an organisation admin invites by email; the invitee joins with the emailed link', async () => {
    const db = getDb();
    const org = await db.organisation.create({ data: { name: 'EPN Jette', slug: `jette-${Date.now()}` } });
    const boss = await createTestUser(db, { memberships: [{ organisationId: org.id, role: 'admin' }] });
    const invitee = await createTestUser(db);
    const { caller } = await testCaller({ db, userId: boss.id, sendMail: mail.sendMail, permissionDefaults: defaults });
    await caller.organisation.invite({ organisationId: org.id, email: invitee.email, role: 'member' });
    const message = await mail.catcher.waitForMessage({ to: invitee.email, timeoutMs: 10_000 });
    expect(message.text).toContain('EPN Jette');
    const token = new URL(message.links.find((l) => l.includes('/invitation?token='))!).searchParams.get('token')!;
    const { caller: asInvitee } = await testCaller({ db, userId: invitee.id, sendMail: mail.sendMail, permissionDefaults: defaults });
    await asInvitee.organisation.acceptInvitation({ token });
    expect(await asInvitee.organisation.mine()).toEqual([expect.objectContaining({ id: org.id, role: 'member' })]);
  });

  it('a member of another organisation, or a plain member, is refused with 403', async () => {
    const db = getDb();
    const [target, other] = await Promise.all([
      db.organisation.create({ data: { name: 'Target', slug: `t-${Date.now()}` } }),
      db.organisation.create({ data: { name: 'Other', slug: `o-${Date.now()}` } })
    ]);
    const outsider = await createTestUser(db, { memberships: [{ organisationId: other.id, role: 'admin' }] });
    const plain = await createTestUser(db, { memberships: [{ organisationId: target.id, role: 'member' }] });
    for (const userId of [outsider.id, plain.id]) {
      const { caller } = await testCaller({ db, userId, sendMail: mail.sendMail, permissionDefaults: defaults });
      const error = await caller.organisation.invite({ organisationId: target.id, email: 'someone@example.org', role: 'member' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TRPCError);
      expect((error as TRPCError).code).toBe('FORBIDDEN');
    }
    expect(await db.invitation.count({ where: { organisationId: target.id } })).toBe(0);
  });
});
