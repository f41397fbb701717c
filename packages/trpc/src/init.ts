import { initTRPC, TRPCError } from '@trpc/server';
import type { Context } from './context.ts';
import { describeError, toTRPCError } from './error-mapping.ts';
import { AppError } from './errors.ts';

/**
 * Every procedure declares who may call it (checked by the authorisation matrix test):
 * - public: anyone, signed in or not;
 * - authed: any signed-in person;
 * - permission: a signed-in person holding that permission (`plugin.resource.action`).
 */
export type Access = { access: 'public' } | { access: 'authed' } | { access: 'permission'; permission: string };

export type Meta = Access & {
  /** Services check an extra scope (e.g. "own organisation only"); documented for the matrix test. */
  scoped?: boolean;
};

const t = initTRPC
  .context<Context>()
  .meta<Meta>()
  .create({
    errorFormatter({ shape, error, ctx }) {
      const described = describeError(error);
      const message = ctx ? ctx.translate(described.messageKey, described.params) : described.messageKey;
      return {
        message,
        code: shape.code,
        data: {
          code: shape.data.code,
          httpStatus: shape.data.httpStatus,
          path: shape.data.path,
          appCode: described.appCode,
          messageKey: described.messageKey,
          ...(described.fieldErrors ? { fieldErrors: described.fieldErrors } : {}),
          ...(described.retryAfter !== undefined ? { retryAfter: described.retryAfter } : {})
        }
      };
    }
  });

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const middleware = t.middleware;

/** A NUL character, or a lone surrogate (not valid Unicode): PostgreSQL text cannot store either. */
function unstorable(text: string): boolean {
  return text.includes('\u0000') || !text.isWellFormed();
}

/** True when a string anywhere in the value (keys included) could not be stored. */
function hasUnstorable(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return unstorable(value);
  if (depth > 32 || value === null || typeof value !== 'object') return false;
  return Object.entries(value).some(([k, v]) => unstorable(k) || hasUnstorable(v, depth + 1));
}

/**
 * Refuses procedures of switched-off plugins, refuses inputs no database could store, and maps
 * AppError thrown by services.
 */
const base = t.procedure.use(async ({ ctx, path, next, getRawInput }) => {
  const namespace = path.split('.')[0] ?? '';
  if (ctx.pluginIds.has(namespace) && !ctx.enabledPlugins.has(namespace)) {
    throw toTRPCError(new AppError('PLUGIN_DISABLED'));
  }
  if (hasUnstorable(await getRawInput().catch(() => undefined))) {
    throw toTRPCError(new AppError('BAD_REQUEST', 'NUL character or lone surrogate in input'));
  }
  const result = await next();
  if (!result.ok && result.error.cause instanceof AppError) {
    throw toTRPCError(result.error.cause);
  }
  return result;
});

export const publicProcedure = base.meta({ access: 'public' });

const requireActor = t.middleware(({ ctx, next }) => {
  if (!ctx.actor) throw toTRPCError(new AppError('UNAUTHENTICATED'));
  return next({ ctx: { ...ctx, actor: ctx.actor } });
});

export const authedProcedure = base.meta({ access: 'authed' }).use(requireActor);

/** A procedure that needs `permission`. Anonymous callers get 401, others without it 403. */
export function withPermission(permission: string) {
  return base
    .meta({ access: 'permission', permission })
    .use(requireActor)
    .use(({ ctx, next }) => {
      if (!ctx.permissions.has(permission)) {
        throw toTRPCError(new AppError('FORBIDDEN', `missing permission ${permission}`));
      }
      return next();
    });
}

export { TRPCError };
