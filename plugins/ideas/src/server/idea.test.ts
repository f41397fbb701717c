import { TRPCError } from '@trpc/server';
import { expect, it } from 'vitest';
import { describeEachDb } from '@passerelle/db/testing';
import { callerFor, consultationInput, ideaFields, person, setPhase } from '../test-support.ts';

const refusal = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error('expected a refusal');
    },
    (e: unknown) => {
      expect(e).toBeInstanceOf(TRPCError);
      return e as TRPCError;
    }
  );

describeEachDb('ideas: submitting, editing, finding duplicates', ({ getDb }) => {
  async function setup(overrides: Record<string, unknown> = {}) {
    const db = getDb();
    const staff = await person(db, { roles: ['staff'] });
    const { id, slug } = await staff.caller.consultation.create({ ...consultationInput('submission', overrides), categories: [{ fr: 'Mobilité', nl: 'Mobiliteit', en: 'Mobility' }] });
    const categoryId = (await db.ideasCategory.findFirstOrThrow({ where: { consultationId: id } })).id;
    return { db, staff, id, slug, categoryId };
  }

  it('a citizen submits an idea; it gets the next number and shows in the list', async () => {
    const { db, id, slug, categoryId } = await setup();
    const alice = await person(db, { displayName: 'Alice Martin' });
    const first = await alice.caller.idea.submit({ consultationId: id, fields: ideaFields('Free wifi in every library', { categoryId, showAuthorName: true }) });
    const second = await alice.caller.idea.submit({ consultationId: id, fields: ideaFields('Digital help desk at the town hall') });
    expect([first.number, second.number]).toEqual([1, 2]);
    const list = await callerFor(db, null).idea.list({ slug });
    expect(list.total).toBe(2);
    expect(list.ideas.map((i) => i.title)).toEqual(['Digital help desk at the town hall', 'Free wifi in every library']);
    expect(list.ideas[1]).toMatchObject({ authorName: 'Alice Martin', category: { name: 'Mobility' }, commune: { name: 'City of Brussels' } });
  });

  it('the list filters by words (taken literally), category, commune and finalists, sorts and pages', async () => {
    const { db, staff, id, slug, categoryId } = await setup({ maxIdeasPerPerson: 5 });
    const [lea, max] = [await person(db), await person(db)];
    const a = await lea.caller.idea.submit({ consultationId: id, fields: ideaFields('Printing at 100% free of charge', { categoryId }) });
    const b = await lea.caller.idea.submit({ consultationId: id, fields: ideaFields('Printing at 1000 EPN sites', { communeNis: '21009' }) });
    const c = await max.caller.idea.submit({ consultationId: id, fields: ideaFields('Help_desk for forms', { communeNis: '21009' }) });
    const d = await max.caller.idea.submit({ consultationId: id, fields: ideaFields('Helpxdesk lookalike title') });
    const anon = callerFor(db, null);
    const titles = async (filters: Record<string, unknown>) => (await anon.idea.list({ slug, ...filters })).ideas.map((i) => i.number);
    expect(await titles({ q: '100%' })).toEqual([a.number]); // "%" is not a wildcard
    expect(await titles({ q: 'help_desk' })).toEqual([c.number]); // nor "_"; and case does not matter
    expect(await titles({ q: 'printing' })).toEqual([b.number, a.number]);
    expect(await titles({ categoryId })).toEqual([a.number]);
    expect(await titles({ communeNis: '21009', sort: 'oldest' })).toEqual([b.number, c.number]);
    await max.caller.comment.add({ ideaId: b.id, body: 'Yes please.' });
    await max.caller.comment.add({ ideaId: b.id, body: 'And in Ixelles.' });
    await lea.caller.comment.add({ ideaId: c.id, body: 'Useful.' });
    expect(await titles({ sort: 'comments' })).toEqual([b.number, c.number, d.number, a.number]);
    const page2 = await anon.idea.list({ slug, pageSize: 3, page: 2 });
    expect({ total: page2.total, numbers: page2.ideas.map((i) => i.number), comments: page2.ideas.map((i) => i.commentCount) }).toEqual({ total: 4, numbers: [a.number], comments: [0] });
    await setPhase(db, id, 'review');
    await staff.caller.idea.setFinalist({ ideaId: d.id, finalist: true });
    expect(await titles({ finalists: true })).toEqual([d.number]);
  });

  it('an anonymous idea hides its author from the public, not from staff', async () => {
    const { db, staff, id, slug } = await setup();
    const bob = await person(db, { displayName: 'Bob Peeters' });
    const { number } = await bob.caller.idea.submit({ consultationId: id, fields: ideaFields('Anonymous suggestion about parks') });
    expect((await callerFor(db, null).idea.get({ slug, number })).authorName).toBeNull();
    expect((await staff.caller.idea.get({ slug, number })).authorName).toBe('Bob Peeters');
    expect((await bob.caller.idea.get({ slug, number })).mine).toBe(true);
  });

  it('the maximum of ideas per person holds, even for parallel submissions', async () => {
    const { db, id } = await setup({ maxIdeasPerPerson: 2 });
    const carla = await person(db);
    const results = await Promise.allSettled([1, 2, 3, 4].map((n) => carla.caller.idea.submit({ consultationId: id, fields: ideaFields(`Parallel idea number ${n}`) })));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(2);
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason.cause).toMatchObject({ messageKey: 'ideas_error_idea_limit', params: { max: 2 } });
    expect(refused.reason.message).toBe('idea limit');
    expect(await db.ideasIdea.count({ where: { consultationId: id, authorId: carla.actor.id } })).toBe(2);
  });

  it('no submissions outside the submission phase', async () => {
    const { db, id } = await setup();
    await setPhase(db, id, 'review');
    const dan = await person(db);
    const e = await refusal(dan.caller.idea.submit({ consultationId: id, fields: ideaFields('Too late for this one') }));
    expect(e.code).toBe('CONFLICT');
    expect(e.cause).toMatchObject({ messageKey: 'ideas_error_submission_closed' });
    expect(await db.ideasIdea.count({ where: { consultationId: id } })).toBe(0);
  });

  it('bad fields are refused by field, and a category of another consultation is refused', async () => {
    const { db, id } = await setup();
    const other = await setup();
    const eve = await person(db);
    const e1 = await refusal(eve.caller.idea.submit({ consultationId: id, fields: { ...ideaFields('ok title here'), communeNis: '99999', latitude: 48.85, longitude: 2.35 } }));
    expect(e1.code).toBe('BAD_REQUEST');
    const e2 = await refusal(eve.caller.idea.submit({ consultationId: id, fields: ideaFields('Category mix-up', { categoryId: other.categoryId }) }));
    expect(e2.cause).toMatchObject({ code: 'VALIDATION', fieldErrors: { categoryId: 'error_field_invalid' } });
    expect(await db.ideasIdea.count({ where: { consultationId: id } })).toBe(0);
  });

  it('only the author edits, and only during the submission phase', async () => {
    const { db, id, slug } = await setup();
    const fay = await person(db);
    const gus = await person(db);
    const { id: ideaId, number } = await fay.caller.idea.submit({ consultationId: id, fields: ideaFields('First version of the title') });
    await fay.caller.idea.update({ ideaId, fields: ideaFields('Second version of the title') });
    expect((await gus.caller.idea.get({ slug, number })).title).toBe('Second version of the title');
    expect((await refusal(gus.caller.idea.update({ ideaId, fields: ideaFields('Hijacked title here') }))).code).toBe('FORBIDDEN');
    await setPhase(db, id, 'review');
    expect((await refusal(fay.caller.idea.update({ ideaId, fields: ideaFields('Third version of the title') }))).code).toBe('CONFLICT');
    expect((await fay.caller.idea.get({ slug, number })).title).toBe('Second version of the title');
  });

  it('similar titles are suggested while typing, best first', async () => {
    const { db, id, slug } = await setup();
    const hana = await person(db);
    await hana.caller.idea.submit({ consultationId: id, fields: ideaFields('Free wifi in public libraries') });
    await hana.caller.idea.submit({ consultationId: id, fields: ideaFields('Computer lessons for seniors') });
    await hana.caller.idea.submit({ consultationId: id, fields: ideaFields('Repair café for old laptops') });
    const suggestions = await callerFor(db, null).idea.similar({ slug, text: 'wifi gratuit libraries free' });
    expect(suggestions[0]?.title).toBe('Free wifi in public libraries');
    expect(suggestions.map((s) => s.title)).not.toContain('Repair café for old laptops');
    expect(await callerFor(db, null).idea.similar({ slug, text: 'lessons computer senior' })).toEqual([expect.objectContaining({ title: 'Computer lessons for seniors' })]);
  });

  it('staff merge a duplicate: it leaves the list and points to the kept idea', async () => {
    const { db, staff, id, slug } = await setup();
    const ivan = await person(db);
    const kept = await ivan.caller.idea.submit({ consultationId: id, fields: ideaFields('Public computers in metro stations') });
    const dup = await ivan.caller.idea.submit({ consultationId: id, fields: ideaFields('Computers in the metro stations') });
    expect((await refusal(ivan.caller.idea.merge({ duplicateId: dup.id, keptId: kept.id }))).code).toBe('FORBIDDEN');
    await staff.caller.idea.merge({ duplicateId: dup.id, keptId: kept.id });
    const list = await callerFor(db, null).idea.list({ slug });
    expect(list.ideas.map((i) => i.number)).toEqual([kept.number]);
    expect((await callerFor(db, null).idea.get({ slug, number: dup.number })).mergedInto).toEqual({ number: kept.number, title: 'Public computers in metro stations' });
    expect(await db.auditLog.count({ where: { action: 'ideas.idea.merge', targetId: dup.id } })).toBe(1);
  });

  it('the description is rendered as sanitised HTML', async () => {
    const { db, id, slug } = await setup();
    const jo = await person(db);
    const { number } = await jo.caller.idea.submit({
      consultationId: id,
      fields: ideaFields('Markdown with a trap inside', { description: '**bold** <script>alert(1)</script> <img src=x onerror=alert(2)> [link](javascript:alert(3))' })
    });
    const html = (await callerFor(db, null).idea.get({ slug, number })).descriptionHtml;
    expect(html).toContain('<strong>bold</strong>');
    expect(html).not.toMatch(/<script|onerror|javascript:|<img/i);
  });
});
