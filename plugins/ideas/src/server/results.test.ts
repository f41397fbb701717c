import { TRPCError } from '@trpc/server';
import { expect, it } from 'vitest';
import { describeEachDb } from '@passerelle/db/testing';
import { createTestActor } from '@passerelle/plugin-sdk/testing';
import { callerFor, consultationInput, ideaFields, setPhase, useTestMail } from '../test-support.ts';

const mail = useTestMail();

const code = (p: Promise<unknown>) => p.then(() => 'ok', (e: TRPCError) => e.code);
const unique = (tag: string) => `${tag}-${Date.now()}-${Math.random().toString(36).slice(2, 7)}@example.org`;

describeEachDb('ideas: results, follow-up and notifications', ({ getDb }) => {
  async function setup() {
    const db = getDb();
    const as = async (opts: Parameters<typeof createTestActor>[1] = {}) => {
      const actor = await createTestActor(db, { email: unique('p'), ...opts });
      return { actor, caller: callerFor(db, actor, { sendMail: mail.sendMail }) };
    };
    const staff = await as({ roles: ['staff'] });
    const author = await as();
    const { id, slug } = await staff.caller.consultation.create({ ...consultationInput('submission', { maxIdeasPerPerson: 5 }), categories: [] });
    const a = await author.caller.idea.submit({ consultationId: id, fields: ideaFields('Winner to be, surely') });
    const b = await author.caller.idea.submit({ consultationId: id, fields: ideaFields('Runner-up idea here') });
    const c = await author.caller.idea.submit({ consultationId: id, fields: ideaFields('Not shortlisted idea') });
    await setPhase(db, id, 'review');
    await staff.caller.idea.setFinalist({ ideaId: a.id, finalist: true });
    await staff.caller.idea.setFinalist({ ideaId: b.id, finalist: true });
    await staff.caller.consultation.publishShortlist({ consultationId: id });
    await setPhase(db, id, 'vote');
    return { db, as, staff, author, id, slug, a, b, c };
  }

  it('results are published after the vote, with winners among the finalists only', async () => {
    const { db, staff, id, slug, a, b, c, as } = await setup();
    const voter = await as();
    await voter.caller.vote.cast({ ideaId: a.id });
    expect(await code(staff.caller.results.publish({ consultationId: id, winnerIds: [a.id] }))).toBe('CONFLICT');
    expect(await code(callerFor(db, null).results.get({ slug }))).toBe('NOT_FOUND');
    await setPhase(db, id, 'results');
    expect(await code(staff.caller.results.publish({ consultationId: id, winnerIds: [c.id] }))).toBe('BAD_REQUEST');
    expect(await code(voter.caller.results.publish({ consultationId: id, winnerIds: [a.id] }))).toBe('FORBIDDEN');
    await staff.caller.results.publish({ consultationId: id, winnerIds: [a.id] });
    const res = await callerFor(db, null).results.get({ slug });
    expect(res.rows.map((r) => [r.id, r.winner, r.total])).toEqual([[a.id, true, 1], [b.id, false, 0]]);
    expect(await db.auditLog.count({ where: { action: 'ideas.results.publish', targetId: id } })).toBe(1);
    expect(await code(staff.caller.results.publish({ consultationId: id, winnerIds: [b.id] }))).toBe('CONFLICT');
  });

  it('winners get a dated follow-up timeline; followers who opted in are emailed and can unsubscribe without logging in', async () => {
    const { db, staff, id, a, b, as } = await setup();
    await setPhase(db, id, 'results');
    await staff.caller.results.publish({ consultationId: id, winnerIds: [a.id] });
    const keen = await as();
    const quiet = await as();
    await keen.caller.notifications.set({ onStatus: false, onReply: false, onFollowed: true });
    await keen.caller.followup.follow({ ideaId: a.id, follow: true });
    await quiet.caller.followup.follow({ ideaId: a.id, follow: true });
    expect(await keen.caller.followup.following({ ideaId: a.id })).toBe(true);

    expect(await code(staff.caller.followup.add({ ideaId: b.id, stage: 'prototype', body: 'x', links: [], date: new Date() }))).toBe('CONFLICT');
    expect(await code(staff.caller.followup.add({ ideaId: a.id, stage: 'prototype', body: 'x', links: ['javascript:alert(1)'], date: new Date() }))).toBe('BAD_REQUEST');
    await staff.caller.followup.add({ ideaId: a.id, stage: 'in_development', body: 'A team started.', links: ['https://example.org/repo'], date: new Date('2027-01-10') });
    const timeline = await callerFor(db, null).followup.timeline({ ideaId: a.id });
    expect(timeline.map((u) => u.stage)).toEqual(['selected', 'in_development']);
    expect(timeline[1]).toMatchObject({ body: 'A team started.', links: ['https://example.org/repo'] });

    const message = await mail.catcher.waitForMessage({ to: keen.actor.email, timeoutMs: 10_000 });
    expect(message.text).toContain('Winner to be, surely');
    expect(mail.catcher.messages({ to: quiet.actor.email })).toHaveLength(0);
    const link = message.links.find((l) => l.includes('/ideas/unsubscribe'))!;
    const url = new URL(link);
    await callerFor(db, null).notifications.unsubscribe({ token: url.searchParams.get('token')!, kind: 'followed' });
    expect(await keen.caller.notifications.get()).toMatchObject({ onFollowed: false });
    expect(await code(callerFor(db, null).notifications.unsubscribe({ token: 'x'.repeat(43), kind: 'all' }))).toBe('BAD_REQUEST');
    await staff.caller.followup.add({ ideaId: a.id, stage: 'prototype', body: 'Prototype ready.', links: [], date: new Date('2027-03-01') });
    await new Promise((r) => setTimeout(r, 300));
    expect(mail.catcher.messages({ to: keen.actor.email })).toHaveLength(1);
  });

  it('a reply emails the comment author who opted in', async () => {
    const { db, as, a } = await setup();
    void db;
    const writer = await as();
    const replier = await as({ displayName: 'Replier' });
    await writer.caller.notifications.set({ onStatus: false, onReply: true, onFollowed: false });
    const { id: commentId } = await writer.caller.comment.add({ ideaId: a.id, body: 'First comment' });
    await replier.caller.comment.add({ ideaId: a.id, parentId: commentId, body: 'A reply' });
    const message = await mail.catcher.waitForMessage({ to: writer.actor.email, timeoutMs: 10_000 });
    expect(message.text).toContain('Replier');
    expect(message.text).toMatch(/\/ideas\/unsubscribe\?token=/);
  });
});
