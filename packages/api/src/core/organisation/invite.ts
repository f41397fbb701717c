import { withPermission } from '@passerelle/trpc';
import { inviteMember, renderMail } from '@passerelle/auth';
import { ZInviteInput } from './schemas.ts';

/** An organisation admin (or staff) invites someone by email; scoped to organisations they administer. */
export const invite = withPermission('core.organisation.invite')
  .meta({ access: 'permission', permission: 'core.organisation.invite', scoped: true })
  .input(ZInviteInput)
  .mutation(async ({ ctx, input }) => {
    const { token, organisationName } = await inviteMember({ db: ctx.db, actor: ctx.actor, ...input });
    const inviterName = ctx.actor.displayName;
    const link = `${ctx.origin}/${ctx.locale}/invitation?token=${token}`;
    await ctx.sendMail({ to: input.email, ...renderMail({ kind: 'invitation', locale: ctx.locale, link, organisationName, inviterName }) });
    return { invited: input.email };
  });
