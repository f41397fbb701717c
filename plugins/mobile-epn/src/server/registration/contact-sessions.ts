import { withPermission } from '@passerelle/trpc';
import { contactSessions as contactSessionsService } from '../../services/registrations.ts';

/** Sessions at the venues the signed-in person is the contact of. */
export const contactSessions = withPermission('mobile-epn.registration.manage').query(({ ctx }) => contactSessionsService({ db: ctx.db, actor: ctx.actor, locale: ctx.locale }));
