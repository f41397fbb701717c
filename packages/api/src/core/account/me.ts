import { publicProcedure } from '@passerelle/trpc';

/** Who is signed in (null for visitors), with their permissions for the UI. */
export const me = publicProcedure.query(({ ctx }) => ({
  actor: ctx.actor,
  permissions: [...ctx.permissions].sort()
}));
