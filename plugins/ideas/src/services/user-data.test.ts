import { expect, it } from 'vitest';
import { deleteAccount, exportUserData, hashPassword } from '@passerelle/auth';
import { describeEachDb } from '@passerelle/db/testing';
import { consultationInput, ideaFields, person, setPhase } from '../test-support.ts';
import { registerIdeasUserData } from './user-data.ts';

registerIdeasUserData();

describeEachDb('ideas: the person’s data (export and account deletion)', ({ getDb }) => {
  it('exports the person’s ideas, comments and votes; deleting the account keeps ideas and vote totals without the person', async () => {
    const db = getDb();
    const staff = await person(db, { roles: ['staff'] });
    const { id } = await staff.caller.consultation.create({ ...consultationInput('submission'), categories: [] });
    const leaver = await person(db, { displayName: 'Leaving Person' });
    await db.user.update({ where: { id: leaver.actor.id }, data: { passwordHash: await hashPassword('a long enough passphrase') } });
    const idea = await leaver.caller.idea.submit({ consultationId: id, fields: ideaFields('An idea that should stay', { showAuthorName: true }) });
    await leaver.caller.comment.add({ ideaId: idea.id, body: 'My own comment' });
    await setPhase(db, id, 'review');
    await staff.caller.idea.setFinalist({ ideaId: idea.id, finalist: true });
    await staff.caller.consultation.publishShortlist({ consultationId: id });
    await setPhase(db, id, 'vote');
    await leaver.caller.vote.cast({ ideaId: idea.id });

    const exported = (await exportUserData({ db, userId: leaver.actor.id })) as { plugins?: Record<string, unknown> } & Record<string, unknown>;
    const ideasPart = JSON.stringify(exported);
    expect(ideasPart).toContain('An idea that should stay');
    expect(ideasPart).toContain('My own comment');

    await deleteAccount({ db, userId: leaver.actor.id, password: 'a long enough passphrase' });
    const kept = await db.ideasIdea.findUniqueOrThrow({ where: { id: idea.id } });
    expect(kept).toMatchObject({ authorId: null, title: 'An idea that should stay' });
    expect(await db.ideasComment.count({ where: { ideaId: idea.id, authorId: null, body: 'My own comment' } })).toBe(1);
    expect(await db.ideasVote.count({ where: { ideaId: idea.id } })).toBe(1);
  });
});
