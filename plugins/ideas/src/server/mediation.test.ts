import { TRPCError } from '@trpc/server';
import { expect, it } from 'vitest';
import { describeEachDb } from '@passerelle/db/testing';
import { consultationInput, ideaFields, person, setPhase } from '../test-support.ts';

const citizen = { initials: 'mj', birthYear: 1948, communeNis: '21015', consent: true as const };

describeEachDb('ideas: mediator-assisted participation', ({ getDb }) => {
  async function setup(overrides: Record<string, unknown> = {}) {
    const db = getDb();
    const staff = await person(db, { roles: ['staff'] });
    const org = await db.organisation.create({ data: { name: 'EPN Schaerbeek', slug: `epn-${Date.now()}-${Math.random().toString(36).slice(2, 6)}` } });
    const mediator = await person(db, { memberships: [{ organisationId: org.id, role: 'member' }] });
    const { id, slug } = await staff.caller.consultation.create({ ...consultationInput('submission', { mediatedDailyLimit: 3, ...overrides }), categories: [] });
    return { db, staff, org, mediator, id, slug };
  }

  it('a mediator records an idea for a citizen without an account: flagged, initials kept, audited', async () => {
    const { db, mediator, staff, id, slug } = await setup();
    const { number } = await mediator.caller.mediation.idea({ consultationId: id, citizen, fields: ideaFields('Help with online forms at the library') });
    const idea = await staff.caller.idea.get({ slug, number });
    expect(idea).toMatchObject({ mediated: true, authorName: 'MJ', mine: false });
    const row = await db.ideasMediation.findFirstOrThrow({ where: { mediatorId: mediator.actor.id } });
    expect(row).toMatchObject({ initials: 'MJ', birthYear: 1948, communeNis: '21015', kind: 'idea' });
    expect(await db.auditLog.count({ where: { action: 'ideas.mediation.idea', actorId: mediator.actor.id } })).toBe(1);
  });

  it('consent is required, and citizens without the permission are refused (403)', async () => {
    const { db, mediator, id } = await setup();
    const e = await mediator.caller.mediation.idea({ consultationId: id, citizen: { ...citizen, consent: false as unknown as true }, fields: ideaFields('No consent given here') }).catch((x: TRPCError) => x);
    expect(e).toMatchObject({ code: 'BAD_REQUEST' });
    const plain = await person(db);
    expect(await plain.caller.mediation.idea({ consultationId: id, citizen, fields: ideaFields('Not a mediator at all') }).catch((x: TRPCError) => x.code)).toBe('FORBIDDEN');
    expect(await db.ideasMediation.count({ where: { mediatorId: { in: [mediator.actor.id, plain.actor.id] } } })).toBe(0);
  });

  it('a mediator cannot record in the name of another organisation', async () => {
    const { db, mediator, id } = await setup();
    const other = await db.organisation.create({ data: { name: 'Elsewhere', slug: `else-${Date.now()}` } });
    const e = await mediator.caller.mediation.idea({ consultationId: id, organisationId: other.id, citizen, fields: ideaFields('Under a borrowed name') }).catch((x: TRPCError) => x);
    expect(e).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('contributions are limited per mediator per day, even in parallel', async () => {
    const { db, mediator, id } = await setup();
    const outcomes = await Promise.allSettled([1, 2, 3, 4, 5].map((n) => mediator.caller.mediation.idea({ consultationId: id, citizen, fields: ideaFields(`Recorded idea number ${n}`) })));
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(3);
    const refused = outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ code: 'TOO_MANY_REQUESTS', cause: { messageKey: 'ideas_error_mediator_limit', params: { max: 3 } } });
    expect(await mediator.caller.mediation.today({ consultationId: id })).toMatchObject({ count: 3, left: 0 });
    expect(await db.ideasMediation.count({ where: { mediatorId: mediator.actor.id } })).toBe(3);
  });

  it('a mediated ballot is counted apart from online votes, within the budget', async () => {
    const { db, staff, mediator, id, slug } = await setup({ voteBudget: 2, maxIdeasPerPerson: 5 });
    const author = await person(db);
    const a = await author.caller.idea.submit({ consultationId: id, fields: ideaFields('Finalist alpha idea') });
    const b = await author.caller.idea.submit({ consultationId: id, fields: ideaFields('Finalist beta idea') });
    await setPhase(db, id, 'review');
    await staff.caller.idea.setFinalist({ ideaId: a.id, finalist: true });
    await staff.caller.idea.setFinalist({ ideaId: b.id, finalist: true });
    await staff.caller.consultation.publishShortlist({ consultationId: id });
    await setPhase(db, id, 'vote');
    const online = await person(db);
    await online.caller.vote.cast({ ideaId: a.id });
    await mediator.caller.mediation.vote({ consultationId: id, citizen, votes: [{ ideaId: a.id, count: 1 }, { ideaId: b.id, count: 1 }] });
    const over = await mediator.caller.mediation.vote({ consultationId: id, citizen, votes: [{ ideaId: a.id, count: 1 }, { ideaId: b.id, count: 2 }] }).catch((x: TRPCError) => x);
    expect(over).toMatchObject({ code: 'BAD_REQUEST' }); // several votes per idea are not allowed here
    const { tally } = await staff.caller.vote.results({ slug });
    expect(tally.find((t) => t.ideaId === a.id)).toMatchObject({ online: 1, mediated: 1, total: 2 });
    expect(tally.find((t) => t.ideaId === b.id)).toMatchObject({ online: 0, mediated: 1, total: 1 });
  });
});
