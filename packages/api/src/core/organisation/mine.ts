import { authedProcedure } from '@passerelle/trpc';

/** The caller's organisations and their role in each. */
export const mine = authedProcedure.query(async ({ ctx }) => {
  const rows = await ctx.db.membership.findMany({
    where: { userId: ctx.actor.id },
    select: { role: true, organisation: { select: { id: true, name: true, slug: true, kind: true } } },
    orderBy: { organisation: { name: 'asc' } }
  });
  return rows.map((r) => ({ ...r.organisation, role: r.role as 'member' | 'admin' }));
});
