import { TRPCError } from '@trpc/server';
import { expect, it } from 'vitest';
import { describeEachDb } from '@passerelle/db/testing';
import { t } from '@passerelle/i18n';
import { callerFor, consultationInput, ideaFields, person, setPhase } from '../test-support.ts';
import { DATASETS, codebook } from '../services/open-data.ts';

describeEachDb('ideas: open data', ({ getDb }) => {
  it('publishes ideas and anonymised comments, never hidden content nor people who did not choose to be named', async () => {
    const db = getDb();
    const staff = await person(db, { roles: ['staff'] });
    const { id, slug } = await staff.caller.consultation.create({ ...consultationInput('submission', { maxIdeasPerPerson: 5 }), categories: [] });
    const named = await person(db, { displayName: 'Named Author' });
    const shy = await person(db, { displayName: 'Shy Author' });
    const a = await named.caller.idea.submit({ consultationId: id, fields: ideaFields('Public idea with a name', { showAuthorName: true }) });
    const b = await shy.caller.idea.submit({ consultationId: id, fields: ideaFields('=cmd|calc!A0 idea title', { showAuthorName: false }) });
    const hidden = await shy.caller.idea.submit({ consultationId: id, fields: ideaFields('Idea to be hidden') });
    await staff.caller.moderation.act({ target: { kind: 'idea', id: hidden.id }, action: 'hide', reason: 'spam' });
    const { id: c1 } = await shy.caller.comment.add({ ideaId: a.id, body: 'A visible comment' });
    const { id: c2 } = await shy.caller.comment.add({ ideaId: a.id, body: 'A comment to hide' });
    await staff.caller.moderation.act({ target: { kind: 'comment', id: c2 }, action: 'hide', reason: 'rude' });

    const anon = callerFor(db, null);
    const ideas = await anon.openData.dataset({ slug, name: 'ideas' });
    expect(ideas.rows.map((r) => [r.number, r.author])).toEqual([[a.number, 'Named Author'], [b.number, null]]);
    expect(Object.keys(ideas.rows[0]!)).toEqual(DATASETS.ideas.map((f) => f.name));
    const comments = await anon.openData.dataset({ slug, name: 'comments' });
    expect(comments.rows).toEqual([{ comment_id: c1, idea_number: a.number, reply_to: null, text_markdown: 'A visible comment', posted_on: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) }]);
    expect(JSON.stringify(comments)).not.toContain('Shy Author');
    const e = await anon.openData.dataset({ slug, name: 'votes' }).catch((x: TRPCError) => x);
    expect(e).toMatchObject({ code: 'NOT_FOUND' });
    expect((await anon.openData.catalogue()).find((c) => c.slug === slug)?.datasets).toEqual(['ideas', 'comments']);
  });

  it('vote totals are published with the results, mediated votes apart', async () => {
    const db = getDb();
    const staff = await person(db, { roles: ['staff'] });
    const { id, slug } = await staff.caller.consultation.create({ ...consultationInput('submission'), categories: [] });
    const author = await person(db);
    const a = await author.caller.idea.submit({ consultationId: id, fields: ideaFields('Finalist for open data') });
    await setPhase(db, id, 'review');
    await staff.caller.idea.setFinalist({ ideaId: a.id, finalist: true });
    await staff.caller.consultation.publishShortlist({ consultationId: id });
    await setPhase(db, id, 'vote');
    await (await person(db)).caller.vote.cast({ ideaId: a.id });
    await setPhase(db, id, 'results');
    await staff.caller.results.publish({ consultationId: id, winnerIds: [a.id] });
    const votes = await callerFor(db, null).openData.dataset({ slug, name: 'votes' });
    expect(votes.rows).toEqual([{ idea_number: a.number, title: 'Finalist for open data', votes_online: 1, votes_mediated: 0, votes_total: 1, winner: true }]);
  });

  it('every field has its meaning in French, Dutch and English', () => {
    for (const name of Object.keys(DATASETS) as (keyof typeof DATASETS)[]) {
      for (const locale of ['fr', 'nl', 'en']) {
        for (const f of codebook(name, (key) => t(key, undefined, { locale }))) expect(f.meaning, `${name}.${f.field} ${locale}`).not.toMatch(/^ideas_cb_/);
      }
    }
  });
});
