// What a plugin's route modules (load functions and form actions re-exported by the host's shims) need
// from the host, typed without depending on the app: the request's tRPC context lives in locals.ctx.
import { AppError, createCallerFactory, type Context } from '@passerelle/trpc';
import { toTRPCError } from '@passerelle/trpc';
import type { AnyRouter } from '@trpc/server';

/** The part of SvelteKit's RequestEvent that plugin routes use. */
export interface PluginEvent<Params extends Record<string, string> = Record<string, string>> {
  locals: { ctx: Context };
  url: URL;
  params: Params;
  request: Request;
  setHeaders: (headers: Record<string, string>) => void;
}

/**
 * A server-side caller over a plugin's own router, for its load functions and form actions: the same
 * procedures and checks as the HTTP API. A switched-off plugin answers 404 here too.
 */
export function pluginCaller<R extends AnyRouter>(pluginId: string, pluginRouter: R) {
  const factory = createCallerFactory(pluginRouter);
  return (event: { locals: { ctx: Context } }) => {
    const { ctx } = event.locals;
    if (ctx.pluginIds.has(pluginId) && !ctx.enabledPlugins.has(pluginId)) throw toTRPCError(new AppError('PLUGIN_DISABLED'));
    return factory(ctx);
  };
}
