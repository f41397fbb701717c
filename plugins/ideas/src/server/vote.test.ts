import { TRPCError } from '@trpc/server';
import { expect, it } from 'vitest';
import { describeEachDb } from '@passerelle/db/testing';
import { createTestActor } from '@passerelle/plugin-sdk/testing';
import { callerFor, consultationInput, ideaFields, person, setPhase } from '../test-support.ts';

const code = (p: Promise<unknown>) => p.then(() => 'ok', (e: TRPCError) => e.code);

describeEachDb('ideas: shortlist and public vote', ({ getDb, kind }) => {
  /** A consultation in its vote phase with three finalists (budget 2) and one idea left out. */
  async function setup(overrides: Record<string, unknown> = {}) {
    const db = getDb();
    const staff = await person(db, { roles: ['staff'] });
    const { id, slug } = await staff.caller.consultation.create({ ...consultationInput('submission', { voteBudget: 2, maxIdeasPerPerson: 5, ...overrides }), categories: [] });
    const author = await person(db);
    const ideas = [];
    for (const t of ['Finalist one', 'Finalist two', 'Finalist three', 'Not a finalist']) ideas.push(await author.caller.idea.submit({ consultationId: id, fields: ideaFields(`${t} idea`) }));
    expect(await code(staff.caller.idea.setFinalist({ ideaId: ideas[0]!.id, finalist: true }))).toBe('CONFLICT'); // still submission phase
    await setPhase(db, id, 'review');
    for (const idea of ideas.slice(0, 3)) await staff.caller.idea.setFinalist({ ideaId: idea.id, finalist: true });
    await staff.caller.consultation.publishShortlist({ consultationId: id });
    await setPhase(db, id, 'vote');
    return { db, staff, id, slug, ideas: ideas.map((i) => i.id) };
  }

  it('a citizen votes within the budget, changes their mind, and a vote beyond the budget is refused clearly', async () => {
    const { db, id, ideas } = await setup();
    const voter = await person(db);
    await voter.caller.vote.cast({ ideaId: ideas[0]! });
    await voter.caller.vote.cast({ ideaId: ideas[1]! });
    const refused = await voter.caller.vote.cast({ ideaId: ideas[2]! }).catch((e: TRPCError) => e);
    expect(refused).toMatchObject({ code: 'CONFLICT', cause: { messageKey: 'ideas_error_budget_exceeded', params: { budget: 2, left: 0 } } });
    await voter.caller.vote.withdraw({ ideaId: ideas[0]! });
    await voter.caller.vote.cast({ ideaId: ideas[2]! });
    expect(await voter.caller.vote.mine({ consultationId: id })).toEqual({ budget: 2, used: 2, votes: { [ideas[1]!]: 1, [ideas[2]!]: 1 } });
  });

  it('no votes on non-finalists, nor before the shortlist is out, nor after the vote closes', async () => {
    const { db, id, ideas } = await setup();
    const voter = await person(db);
    expect(await code(voter.caller.vote.cast({ ideaId: ideas[3]! }))).toBe('CONFLICT');
    const published = await db.ideasConsultation.update({ where: { id }, data: { shortlistPublishedAt: null } });
    expect(await code(voter.caller.vote.cast({ ideaId: ideas[0]! }))).toBe('CONFLICT');
    await db.ideasConsultation.update({ where: { id }, data: { shortlistPublishedAt: published.updatedAt } });
    await setPhase(db, id, 'results');
    expect(await code(voter.caller.vote.cast({ ideaId: ideas[0]! }))).toBe('CONFLICT');
    expect(await db.ideasVote.count({ where: { ideaId: { in: ideas } } })).toBe(0);
  });

  it('several votes on one idea only where the consultation allows it', async () => {
    const one = await setup();
    const v1 = await person(one.db);
    expect(await code(v1.caller.vote.cast({ ideaId: one.ideas[0]!, count: 2 }))).toBe('BAD_REQUEST');
    const several = await setup({ allowSeveralVotesPerIdea: true, voteBudget: 3 });
    const v2 = await person(several.db);
    await v2.caller.vote.cast({ ideaId: several.ideas[0]!, count: 3 });
    expect((await v2.caller.vote.mine({ consultationId: several.id })).used).toBe(3);
  });

  it('the same person voting twice in parallel is counted once', async () => {
    const { db, staff, slug, ideas } = await setup();
    const voter = await person(db);
    const outcomes = await Promise.allSettled(Array.from({ length: 8 }, () => voter.caller.vote.cast({ ideaId: ideas[0]! })));
    expect(outcomes.every((o) => o.status === 'fulfilled')).toBe(true);
    const { tally } = await staff.caller.vote.results({ slug });
    expect(tally.find((t) => t.ideaId === ideas[0])).toMatchObject({ total: 1, voters: 1 });
  });

  it('parallel votes of one person on different ideas never exceed the budget', async () => {
    const { db, ideas } = await setup();
    const voter = await person(db);
    const outcomes = await Promise.allSettled(ideas.slice(0, 3).map((ideaId) => voter.caller.vote.cast({ ideaId })));
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(2);
    expect(await db.ideasVote.count({ where: { ballot: { userId: voter.actor.id } } })).toBe(2);
  });

  it('1,000 concurrent votes from 1,000 people give exactly 1,000 votes', { timeout: 300_000 }, async () => {
    const { db, staff, slug, ideas } = await setup();
    const voters = await Promise.all(Array.from({ length: 1000 }, () => createTestActor(db)));
    const outcomes = await Promise.allSettled(voters.map((actor, i) => callerFor(db, actor).vote.cast({ ideaId: ideas[i % 3]! })));
    const failures = outcomes.filter((o) => o.status === 'rejected') as PromiseRejectedResult[];
    expect(failures.map((f) => String(f.reason)).slice(0, 3), kind).toEqual([]);
    const { tally } = await staff.caller.vote.results({ slug });
    expect(tally.reduce((a, t) => a + t.total, 0)).toBe(1000);
    expect(tally.map((t) => t.total).sort()).toEqual([333, 333, 334]);
    expect(await db.ideasVote.count()).toBeGreaterThanOrEqual(1000);
  });

  it('vote counts stay hidden until the results are published', async () => {
    const { db, slug } = await setup();
    const citizen = await person(db);
    expect(await code(callerFor(db, null).vote.results({ slug }))).toBe('NOT_FOUND');
    expect(await code(citizen.caller.vote.results({ slug }))).toBe('NOT_FOUND');
  });
});
