import { withPermission } from '@passerelle/trpc';
import { t } from '@passerelle/i18n';
import { addJuror as add } from '../../services/jury.ts';
import { pick } from '../../services/localized.ts';
import { ZAddJuror } from '../schemas.ts';

/** Staff invite someone with an account to the jury of one consultation; they get an email. */
export const addJuror = withPermission('ideas.consultation.manage')
  .input(ZAddJuror)
  .mutation(async ({ ctx, input }) => {
    const user = await add({ db: ctx.db, actorId: ctx.actor.id, consultationId: input.consultationId, email: input.email });
    const c = await ctx.db.ideasConsultation.findUniqueOrThrow({ where: { id: input.consultationId } });
    const locale = user.locale;
    const title = pick(c.title, locale);
    const link = `${ctx.origin}/${locale}/ideas/${c.slug}/jury`;
    await ctx.sendMail({
      to: user.email,
      subject: t('ideas_mail_juror_subject', { title }, { locale }),
      text: t('ideas_mail_juror_text', { name: user.displayName, title, link }, { locale })
    });
    return { userId: user.id };
  });
