import { AppError, router, withPermission } from '@passerelle/trpc';
import { listPluginSwitches, setPluginEnabled } from '../services/plugin-switches.ts';
import { ZSetPluginInput } from './schemas.ts';

const manage = withPermission('core.plugin.manage');

export const pluginsRouter = router({
  list: manage.query(({ ctx }) => listPluginSwitches({ db: ctx.db, pluginIds: ctx.pluginIds })),
  setEnabled: manage.input(ZSetPluginInput).mutation(async ({ ctx, input }) => {
    if (!ctx.pluginIds.has(input.pluginId)) throw new AppError('NOT_FOUND');
    await setPluginEnabled({ db: ctx.db, actorId: ctx.actor.id, ...input });
    return { ok: true };
  })
});
