import { expect, it } from 'vitest';
import { describeEachDb } from '@passerelle/db/testing';
import { acceptInvitation, inviteMember } from './invitations.ts';
import { hashToken } from './crypto.ts';
import { createOrganisation, createUser, expectAppError, uniqueEmail } from './test-helpers.ts';

describeEachDb('organisation invitations', (ctx) => {
  it('an organisation admin invites; the invitee accepts once and becomes a member', async () => {
    const org = await createOrganisation(ctx.getDb(), 'EPN Molenbeek');
    const admin = await createUser(ctx.getDb());
    await ctx.getDb().membership.create({ data: { userId: admin.id, organisationId: org.id, role: 'admin' } });
    const invitee = await createUser(ctx.getDb());

    const invitation = await inviteMember({ db: ctx.getDb(), actor: admin, organisationId: org.id, email: invitee.email.toUpperCase(), role: 'member' });
    const { token } = invitation;
    expect(invitation).toMatchObject({ organisationId: org.id, organisationName: 'EPN Molenbeek', email: invitee.email, role: 'member' });
    const row = await ctx.getDb().invitation.findUniqueOrThrow({ where: { id: invitation.invitationId } });
    expect(row.tokenHash).toBe(hashToken(token));
    expect(row.invitedById).toBe(admin.id);
    expect(await ctx.getDb().auditLog.count({ where: { actorId: admin.id, action: 'organisation.invite', targetId: org.id } })).toBe(1);

    expect(await acceptInvitation({ db: ctx.getDb(), token, userId: invitee.id })).toEqual({ organisationId: org.id, role: 'member' });
    expect(await ctx.getDb().membership.findUnique({ where: { userId_organisationId: { userId: invitee.id, organisationId: org.id } } })).toMatchObject({ role: 'member' });
    await expectAppError(acceptInvitation({ db: ctx.getDb(), token, userId: invitee.id }), 'TOKEN_INVALID');
  });

  it('staff and admins may invite into any organisation; plain members and strangers may not', async () => {
    const org = await createOrganisation(ctx.getDb());
    const staff = await createUser(ctx.getDb());
    await ctx.getDb().userRole.create({ data: { userId: staff.id, role: 'staff' } });
    const platformAdmin = await createUser(ctx.getDb());
    await ctx.getDb().userRole.create({ data: { userId: platformAdmin.id, role: 'admin' } });
    const member = await createUser(ctx.getDb());
    await ctx.getDb().membership.create({ data: { userId: member.id, organisationId: org.id, role: 'member' } });
    const researcher = await createUser(ctx.getDb());
    await ctx.getDb().userRole.create({ data: { userId: researcher.id, role: 'researcher' } });
    const otherOrgAdmin = await createUser(ctx.getDb());
    const otherOrg = await createOrganisation(ctx.getDb());
    await ctx.getDb().membership.create({ data: { userId: otherOrgAdmin.id, organisationId: otherOrg.id, role: 'admin' } });

    await inviteMember({ db: ctx.getDb(), actor: staff, organisationId: org.id, email: uniqueEmail(), role: 'admin' });
    await inviteMember({ db: ctx.getDb(), actor: platformAdmin, organisationId: org.id, email: uniqueEmail() });
    for (const actor of [member, researcher, otherOrgAdmin]) {
      await expectAppError(inviteMember({ db: ctx.getDb(), actor, organisationId: org.id, email: uniqueEmail(), role: 'member' }), 'FORBIDDEN');
    }
    await expectAppError(inviteMember({ db: ctx.getDb(), actor: null, organisationId: org.id, email: uniqueEmail() }), 'UNAUTHENTICATED');
    await expectAppError(inviteMember({ db: ctx.getDb(), actor: staff, organisationId: 'missing', email: uniqueEmail() }), 'NOT_FOUND');
    await expectAppError(inviteMember({ db: ctx.getDb(), actor: staff, organisationId: org.id, email: uniqueEmail(), role: 'owner' as 'admin' }), 'VALIDATION');
    await expectAppError(inviteMember({ db: ctx.getDb(), actor: staff, organisationId: org.id, email: member.email }), 'CONFLICT');
  });

  it('the invitation only works for the invited address, and a newer invitation replaces the older', async () => {
    const org = await createOrganisation(ctx.getDb());
    const staff = await createUser(ctx.getDb());
    await ctx.getDb().userRole.create({ data: { userId: staff.id, role: 'staff' } });
    const invitee = await createUser(ctx.getDb());
    const stranger = await createUser(ctx.getDb());
    const first = await inviteMember({ db: ctx.getDb(), actor: staff, organisationId: org.id, email: invitee.email });
    const second = await inviteMember({ db: ctx.getDb(), actor: staff, organisationId: org.id, email: invitee.email, role: 'admin' });
    await expectAppError(acceptInvitation({ db: ctx.getDb(), token: first.token, userId: invitee.id }), 'TOKEN_INVALID');
    await expectAppError(acceptInvitation({ db: ctx.getDb(), token: second.token, userId: stranger.id }), 'FORBIDDEN');
    expect(await acceptInvitation({ db: ctx.getDb(), token: second.token, userId: invitee.id })).toEqual({ organisationId: org.id, role: 'admin' });
  });

  it('rejects an expired invitation; concurrent accepts: exactly one wins', async () => {
    const org = await createOrganisation(ctx.getDb());
    const staff = await createUser(ctx.getDb());
    await ctx.getDb().userRole.create({ data: { userId: staff.id, role: 'staff' } });
    const invitee = await createUser(ctx.getDb());
    const expired = await inviteMember({ db: ctx.getDb(), actor: staff, organisationId: org.id, email: invitee.email });
    await ctx.getDb().invitation.update({ where: { id: expired.invitationId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expectAppError(acceptInvitation({ db: ctx.getDb(), token: expired.token, userId: invitee.id }), 'TOKEN_INVALID');

    const fresh = await inviteMember({ db: ctx.getDb(), actor: staff, organisationId: org.id, email: invitee.email });
    const results = await Promise.allSettled([
      acceptInvitation({ db: ctx.getDb(), token: fresh.token, userId: invitee.id }),
      acceptInvitation({ db: ctx.getDb(), token: fresh.token, userId: invitee.id })
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(await ctx.getDb().membership.count({ where: { organisationId: org.id, userId: invitee.id } })).toBe(1);
  });

  it('an unverified account cannot accept', async () => {
    const org = await createOrganisation(ctx.getDb());
    const staff = await createUser(ctx.getDb());
    await ctx.getDb().userRole.create({ data: { userId: staff.id, role: 'admin' } });
    const invitee = await createUser(ctx.getDb(), { verified: false });
    const { token } = await inviteMember({ db: ctx.getDb(), actor: staff, organisationId: org.id, email: invitee.email });
    await expectAppError(acceptInvitation({ db: ctx.getDb(), token, userId: invitee.id }), 'EMAIL_NOT_VERIFIED');
  });
});
