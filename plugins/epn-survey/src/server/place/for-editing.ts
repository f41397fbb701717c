import { withPermission } from '@passerelle/trpc';
import { placeForEditing } from '../../services/places.ts';
import { ZId } from '../schemas.ts';

export const forEditing = withPermission('epn-survey.place.manage').input(ZId).query(({ ctx, input }) => placeForEditing({ db: ctx.db, actor: ctx.actor, id: input.id }));
