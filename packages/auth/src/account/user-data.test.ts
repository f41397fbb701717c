import { afterEach, expect, it } from 'vitest';
import { describeEachDb } from '@passerelle/db/testing';
import { audit } from '../audit.ts';
import { createSession } from '../sessions.ts';
import { createAuthToken } from '../tokens.ts';
import { createOrganisation, createUser, expectAppError, PASSWORD } from '../test-helpers.ts';
import { deleteAccount } from './delete-account.ts';
import { exportUserData } from './export-user-data.ts';
import { registerUserDataEraser, registerUserDataExporter } from './user-data-registry.ts';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

describeEachDb('export and deletion of a user’s data', (ctx) => {
  async function richUser() {
    const user = await createUser(ctx.getDb(), { displayName: 'Rich Data' });
    const org = await createOrganisation(ctx.getDb(), 'Asbl Rich');
    await ctx.getDb().membership.create({ data: { userId: user.id, organisationId: org.id, role: 'admin' } });
    await ctx.getDb().userRole.create({ data: { userId: user.id, role: 'researcher' } });
    const session = await createSession({ db: ctx.getDb(), userId: user.id });
    const token = await createAuthToken({ db: ctx.getDb(), userId: user.id, kind: 'reset_password' });
    const entry = await audit({ db: ctx.getDb(), actorId: user.id, action: 'organisation.invite', targetType: 'organisation', targetId: org.id, data: { email: 'x@example.org' } });
    await ctx.getDb().invitation.create({ data: { organisationId: org.id, email: 'friend@example.org', tokenHash: `h-${user.id}`, invitedById: user.id, expiresAt: new Date(Date.now() + 1e6) } });
    await ctx.getDb().invitation.create({ data: { organisationId: org.id, email: user.email, tokenHash: `h2-${user.id}`, expiresAt: new Date(Date.now() + 1e6) } });
    return { user, org, session, token, entry };
  }

  it('exports profile, roles, memberships, sessions, tokens, invitations, audit entries and plugin sections, without secrets', async () => {
    const { user, org, session, token, entry } = await richUser();
    cleanups.push(registerUserDataExporter('ideas', async ({ db, userId }) => ({ ideas: [{ title: 'More benches' }], count: await db.user.count({ where: { id: userId } }) })));

    const data = await exportUserData({ db: ctx.getDb(), userId: user.id });
    expect(data.format).toBe('passerelle.user-data.v1');
    expect(data.profile).toMatchObject({ id: user.id, email: user.email, displayName: 'Rich Data', locale: 'fr' });
    expect(data.roles).toEqual([{ role: 'researcher', grantedAt: expect.any(String) }]);
    expect(data.memberships).toEqual([{ role: 'admin', createdAt: expect.any(String), organisation: { id: org.id, name: 'Asbl Rich', slug: org.slug } }]);
    expect(data.sessions).toHaveLength(1);
    expect(data.authTokens).toEqual([expect.objectContaining({ kind: 'reset_password', usedAt: null })]);
    expect(data.invitationsSent).toEqual([expect.objectContaining({ email: 'friend@example.org' })]);
    expect(data.invitationsReceived).toHaveLength(1);
    expect(data.auditLog).toEqual([expect.objectContaining({ id: entry.id, action: 'organisation.invite' })]);
    expect(data.plugins).toEqual({ ideas: { ideas: [{ title: 'More benches' }], count: 1 } });

    // JSON only, and no secret anywhere.
    const text = JSON.stringify(data);
    expect(JSON.parse(text)).toEqual(data);
    const { passwordHash } = await ctx.getDb().user.findUniqueOrThrow({ where: { id: user.id } });
    for (const secret of [passwordHash, session.token, session.sessionId, token.token, 'tokenHash', 'passwordHash']) expect(text).not.toContain(secret);
  });

  it('export of an unknown user is NOT_FOUND', async () => {
    await expectAppError(exportUserData({ db: ctx.getDb(), userId: 'nobody' }), 'NOT_FOUND');
  });

  it('deletion requires the password and then removes everything, anonymising through the erasers', async () => {
    const { user, org, entry } = await richUser();
    const contributions: Array<{ authorId: string | null; text: string }> = [{ authorId: user.id, text: 'Open the EPN on Saturdays' }];
    const calls: string[] = [];
    cleanups.push(
      registerUserDataEraser('ideas', async ({ db, userId }) => {
        // Runs inside the transaction, while the user still exists.
        expect(await db.user.count({ where: { id: userId } })).toBe(1);
        calls.push(userId);
        for (const c of contributions) if (c.authorId === userId) c.authorId = null;
      })
    );

    await expectAppError(deleteAccount({ db: ctx.getDb(), userId: user.id, password: 'not my password' }), 'INVALID_CREDENTIALS');
    expect(calls).toEqual([]);
    expect(await ctx.getDb().user.count({ where: { id: user.id } })).toBe(1);

    await deleteAccount({ db: ctx.getDb(), userId: user.id, password: PASSWORD });
    expect(calls).toEqual([user.id]);
    expect(contributions).toEqual([{ authorId: null, text: 'Open the EPN on Saturdays' }]);
    expect(await ctx.getDb().user.count({ where: { id: user.id } })).toBe(0);
    expect(await ctx.getDb().session.count({ where: { userId: user.id } })).toBe(0);
    expect(await ctx.getDb().authToken.count({ where: { userId: user.id } })).toBe(0);
    expect(await ctx.getDb().membership.count({ where: { userId: user.id } })).toBe(0);
    expect(await ctx.getDb().userRole.count({ where: { userId: user.id } })).toBe(0);
    expect(await ctx.getDb().invitation.count({ where: { email: user.email } })).toBe(0);
    expect(await ctx.getDb().invitation.findFirstOrThrow({ where: { organisationId: org.id, email: 'friend@example.org' } })).toMatchObject({ invitedById: null });
    // The audit entry stays, without its actor.
    expect(await ctx.getDb().auditLog.findUniqueOrThrow({ where: { id: entry.id } })).toMatchObject({ actorId: null, action: 'organisation.invite' });
    // The organisation itself is not the user's to delete.
    expect(await ctx.getDb().organisation.count({ where: { id: org.id } })).toBe(1);
  });

  it('a failing eraser rolls the whole deletion back', async () => {
    const { user } = await richUser();
    cleanups.push(
      registerUserDataEraser('broken', async ({ db, userId }) => {
        await db.session.deleteMany({ where: { userId } });
        throw new Error('plugin failure');
      })
    );
    await expect(deleteAccount({ db: ctx.getDb(), userId: user.id, password: PASSWORD })).rejects.toThrow('plugin failure');
    expect(await ctx.getDb().user.count({ where: { id: user.id } })).toBe(1);
    expect(await ctx.getDb().session.count({ where: { userId: user.id } })).toBe(1);
  });
});
