import { withPermission } from '@passerelle/trpc';
import { myPlaces } from '../../services/places.ts';
import { lang } from '../locale.ts';

/** The places of the caller's organisations (every place for staff). */
export const mine = withPermission('epn-survey.place.manage').query(({ ctx }) => myPlaces({ db: ctx.db, actor: ctx.actor, locale: lang(ctx.locale) }));
