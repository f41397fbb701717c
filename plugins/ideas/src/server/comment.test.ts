import { TRPCError } from '@trpc/server';
import { expect, it } from 'vitest';
import { describeEachDb } from '@passerelle/db/testing';
import { callerFor, consultationInput, ideaFields, person } from '../test-support.ts';

describeEachDb('ideas: comments, reports and moderation', ({ getDb }) => {
  async function setup() {
    const db = getDb();
    const staff = await person(db, { roles: ['staff'] });
    const { id, slug } = await staff.caller.consultation.create({ ...consultationInput('submission'), categories: [] });
    const author = await person(db, { displayName: 'Idea Author' });
    const idea = await author.caller.idea.submit({ consultationId: id, fields: ideaFields('Workshops on online banking') });
    return { db, staff, slug, idea, author };
  }

  it('comments have one level of replies; a reply to a reply joins the thread', async () => {
    const { db, idea } = await setup();
    const kim = await person(db, { displayName: 'Kim' });
    const top = await kim.caller.comment.add({ ideaId: idea.id, body: 'Great idea, my mother needs this.' });
    const reply = await kim.caller.comment.add({ ideaId: idea.id, parentId: top.id, body: 'Same for my neighbour.' });
    await kim.caller.comment.add({ ideaId: idea.id, parentId: reply.id, body: 'And for me too.' });
    const thread = await callerFor(db, null).comment.list({ ideaId: idea.id });
    expect(thread).toHaveLength(1);
    expect(thread[0]!.replies.map((r) => r.bodyHtml)).toEqual(['<p>Same for my neighbour.</p>', '<p>And for me too.</p>']);
  });

  it('anonymous visitors cannot comment (401); comments are rate limited', async () => {
    const { db, idea } = await setup();
    const e = await callerFor(db, null).comment.add({ ideaId: idea.id, body: 'hello there' }).catch((x: unknown) => x);
    expect((e as TRPCError).code).toBe('UNAUTHORIZED');
    const spammer = await person(db);
    const results = await Promise.allSettled(Array.from({ length: 12 }, (_, i) => spammer.caller.comment.add({ ideaId: idea.id, body: `comment number ${i}` })));
    const limited = results.filter((r) => r.status === 'rejected');
    expect(limited.length).toBe(2);
    expect(((limited[0] as PromiseRejectedResult).reason as TRPCError).code).toBe('TOO_MANY_REQUESTS');
    expect(await db.ideasComment.count({ where: { ideaId: idea.id, authorId: spammer.actor.id } })).toBe(10);
  });

  it('a report reaches the queue; staff hide the comment with a reason shown to its author only, and audited', async () => {
    const { db, staff, idea } = await setup();
    const troll = await person(db, { displayName: 'Troll' });
    const reader = await person(db);
    const { id: commentId } = await troll.caller.comment.add({ ideaId: idea.id, body: 'Something rude.' });
    await reader.caller.comment.report({ ideaId: idea.id, commentId, reason: 'Insulting' });
    await reader.caller.comment.report({ ideaId: idea.id, commentId, reason: 'Insulting again' });
    expect((await reader.caller.moderation.queue().catch((e: TRPCError) => e)) as TRPCError).toMatchObject({ code: 'FORBIDDEN' });
    const queue = await staff.caller.moderation.queue();
    const entry = queue.find((q) => q.comment?.id === commentId)!;
    expect(entry.reasons).toHaveLength(1);
    await staff.caller.moderation.act({ target: { kind: 'comment', id: commentId }, action: 'hide', reason: 'Personal attack (rule 2)' });
    const asTroll = (await troll.caller.comment.list({ ideaId: idea.id }))[0]!;
    expect(asTroll).toMatchObject({ hidden: true, hiddenReason: 'Personal attack (rule 2)', bodyHtml: '<p>Something rude.</p>' });
    const asPublic = (await callerFor(db, null).comment.list({ ideaId: idea.id }))[0]!;
    expect(asPublic).toMatchObject({ hidden: true, hiddenReason: null, bodyHtml: '' });
    expect((await staff.caller.moderation.queue()).find((q) => q.comment?.id === commentId)).toBeUndefined();
    const log = await db.auditLog.findFirstOrThrow({ where: { action: 'ideas.moderation.hide', targetId: commentId } });
    expect(log).toMatchObject({ actorId: staff.actor.id, data: { reason: 'Personal attack (rule 2)' } });
    await staff.caller.moderation.act({ target: { kind: 'comment', id: commentId }, action: 'restore', reason: 'Apology received' });
    expect((await callerFor(db, null).comment.list({ ideaId: idea.id }))[0]).toMatchObject({ hidden: false });
  });

  it('a hidden idea shows its reason to its author and staff; others see it was hidden', async () => {
    const { db, staff, slug, idea, author } = await setup();
    await staff.caller.moderation.act({ target: { kind: 'idea', id: idea.id }, action: 'hide', reason: 'Advertising' });
    expect(await author.caller.idea.get({ slug, number: idea.number })).toMatchObject({ status: 'hidden', hiddenReason: 'Advertising' });
    expect(await callerFor(db, null).idea.get({ slug, number: idea.number })).toMatchObject({ status: 'hidden', hiddenReason: null, summary: '', descriptionHtml: '' });
    expect((await callerFor(db, null).idea.list({ slug })).total).toBe(0);
  });

  it('comments cannot inject script', async () => {
    const { db, idea } = await setup();
    const x = await person(db);
    await x.caller.comment.add({ ideaId: idea.id, body: '*ok*\n\n<script>alert(1)</script><a href="javascript:alert(2)">x</a><iframe src="//evil"></iframe>' });
    const [c] = await callerFor(db, null).comment.list({ ideaId: idea.id });
    expect(c!.bodyHtml).not.toMatch(/<script|javascript:|<iframe/i);
    expect(c!.bodyHtml).toContain('<em>ok</em>');
  });
});
