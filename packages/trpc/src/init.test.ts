import { TRPCError } from '@trpc/server';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Context } from './context.ts';
import { describeError } from './error-mapping.ts';
import { AppError, APP_ERROR_CODES, errorMessageKey } from './errors.ts';
import { authedProcedure, createCallerFactory, publicProcedure, router, withPermission } from './init.ts';

const appRouter = router({
  open: publicProcedure.input(z.object({ name: z.string().max(5) })).query(({ input }) => `hi ${input.name}`),
  mine: authedProcedure.query(({ ctx }) => ctx.actor.id),
  secret: withPermission('demo.thing.read').query(() => 'secret'),
  fails: publicProcedure.mutation(() => {
    throw new AppError('RATE_LIMITED', 'slow down', { retryAfter: 30 });
  }),
  crashes: publicProcedure.mutation(() => {
    throw new Error('database exploded at db.ts:12');
  }),
  demo: router({ ping: publicProcedure.query(() => 'pong') })
});

function ctx(over: Partial<Context> = {}): Context {
  return {
    db: {} as Context['db'],
    actor: null,
    permissions: new Set(),
    permissionDefaults: new Map(),
    locale: 'en',
    translate: (key, params) => `T(${key}${params ? JSON.stringify(params) : ''})`,
    sessionId: null,
    ip: null,
    origin: 'http://test',
    pluginIds: new Set(['demo']),
    enabledPlugins: new Set(['demo']),
    sendMail: async () => {},
    ...over
  };
}
const actor = { id: 'u1', email: 'a@b.be', displayName: 'A', locale: 'en', roles: ['citizen' as const], memberships: [] };
const call = (c: Context) => createCallerFactory(appRouter)(c);
const codeOf = (p: Promise<unknown>) => p.then(() => 'ok', (e: TRPCError) => e.code);

describe('procedures', () => {
  it('public: anyone; authed: 401 for visitors; withPermission: 401 visitors, 403 without it', async () => {
    expect(await call(ctx()).open({ name: 'Ana' })).toBe('hi Ana');
    expect(await codeOf(call(ctx()).mine())).toBe('UNAUTHORIZED');
    expect(await call(ctx({ actor })).mine()).toBe('u1');
    expect(await codeOf(call(ctx()).secret())).toBe('UNAUTHORIZED');
    expect(await codeOf(call(ctx({ actor })).secret())).toBe('FORBIDDEN');
    expect(await call(ctx({ actor, permissions: new Set(['demo.thing.read']) })).secret()).toBe('secret');
  });

  it('records each procedure’s access in its meta', () => {
    const metas = Object.fromEntries(Object.entries(appRouter._def.procedures as unknown as Record<string, { _def: { meta?: unknown } }>).map(([k, v]) => [k, v._def.meta]));
    expect(metas).toMatchObject({ open: { access: 'public' }, mine: { access: 'authed' }, secret: { access: 'permission', permission: 'demo.thing.read' } });
  });

  it('answers 404 for procedures of a switched-off plugin', async () => {
    expect(await call(ctx()).demo.ping()).toBe('pong');
    const error = await call(ctx({ enabledPlugins: new Set() })).demo.ping().catch((e: TRPCError) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe('NOT_FOUND');
    expect(describeError(error as TRPCError).appCode).toBe('PLUGIN_DISABLED');
  });

  it('refuses NUL characters anywhere in the input', async () => {
    expect(await codeOf(call(ctx()).open({ name: 'a\u0000' }))).toBe('BAD_REQUEST');
  });
});

describe('error mapping', () => {
  it('maps each AppError code to its HTTP status and message key', async () => {
    const error = await call(ctx()).fails().catch((e: TRPCError) => e);
    expect((error as TRPCError).code).toBe('TOO_MANY_REQUESTS');
    expect(describeError(error as TRPCError)).toEqual({ appCode: 'RATE_LIMITED', messageKey: 'error_rate_limited', retryAfter: 30, params: { seconds: 30 } });
    for (const code of Object.keys(APP_ERROR_CODES) as (keyof typeof APP_ERROR_CODES)[]) expect(errorMessageKey(code)).toBe(`error_${code.toLowerCase()}`);
  });

  it('turns zod failures into field errors, and unknown errors into INTERNAL without details', async () => {
    const invalid = await call(ctx()).open({ name: 'far too long' }).catch((e: TRPCError) => e);
    expect(describeError(invalid as TRPCError)).toEqual({ appCode: 'VALIDATION', messageKey: 'error_validation', fieldErrors: { name: 'error_field_too_long' } });
    const crash = await call(ctx()).crashes().catch((e: TRPCError) => e);
    expect((crash as TRPCError).code).toBe('INTERNAL_SERVER_ERROR');
    expect(describeError(crash as TRPCError)).toEqual({ appCode: 'INTERNAL', messageKey: 'error_internal' });
  });
});
