import { TRPCError } from '@trpc/server';
import { expect, it } from 'vitest';
import { describeEachDb } from '@passerelle/db/testing';
import { callerFor, consultationInput, person } from '../test-support.ts';

async function refusal(p: Promise<unknown>) {
  const e = await p.then(
    () => null,
    (err: unknown) => err
  );
  expect(e).toBeInstanceOf(TRPCError);
  return e as TRPCError;
}

describeEachDb('ideas: consultations and phases', ({ getDb }) => {
  it('staff create a consultation in three languages, with the three default jury criteria', async () => {
    const db = getDb();
    const staff = await person(db, { roles: ['staff'] });
    const input = consultationInput('submission');
    const { id, slug } = await staff.caller.consultation.create({ ...input, categories: [{ fr: 'Santé', nl: 'Gezondheid', en: 'Health' }] });
    const fr = await callerFor(db, null).consultation.get({ slug });
    expect(fr.phase).toBe('submission');
    expect(fr.categories.map((c) => c.name)).toEqual(['Health']);
    expect(await db.ideasCriterion.count({ where: { consultationId: id } })).toBe(3);
    expect(await db.auditLog.count({ where: { action: 'ideas.consultation.create', targetId: id } })).toBe(1);
  });

  it('citizens cannot create one (403), and nothing is stored', async () => {
    const db = getDb();
    const citizen = await person(db);
    const before = await db.ideasConsultation.count();
    const e = await refusal(citizen.caller.consultation.create({ ...consultationInput('submission'), categories: [] }));
    expect(e.code).toBe('FORBIDDEN');
    expect(await db.ideasConsultation.count()).toBe(before);
  });

  it('dates out of phase order are refused with a translated message naming the field', async () => {
    const db = getDb();
    const staff = await person(db, { roles: ['staff'] });
    const input = consultationInput('submission');
    const e = await refusal(staff.caller.consultation.create({ ...input, voteStart: input.submissionStart, categories: [] }));
    expect(e.code).toBe('BAD_REQUEST');
    expect(e.cause).toMatchObject({ code: 'VALIDATION', fieldErrors: { voteStart: 'ideas_error_date_order' } });
    expect(await db.ideasConsultation.findUnique({ where: { slug: input.slug } })).toBeNull();
  });

  it('a taken slug is a conflict; the existing consultation is untouched', async () => {
    const db = getDb();
    const staff = await person(db, { roles: ['staff'] });
    const input = consultationInput('submission');
    await staff.caller.consultation.create({ ...input, categories: [] });
    const e = await refusal(staff.caller.consultation.create({ ...input, title: { fr: 'x', nl: 'x', en: 'x' }, categories: [] }));
    expect(e.code).toBe('CONFLICT');
    expect((await callerFor(db, null).consultation.get({ slug: input.slug })).title).toBe(input.title.en);
  });

  it('staff move the phase forward one step at a time, never backward; each move is audited', async () => {
    const db = getDb();
    const staff = await person(db, { roles: ['staff'] });
    const { id, slug } = await staff.caller.consultation.create({ ...consultationInput('submission'), categories: [] });
    expect((await staff.caller.consultation.advancePhase({ id, to: 'review' })).phase).toBe('review');
    expect((await callerFor(db, null).consultation.get({ slug })).phase).toBe('review');
    expect((await refusal(staff.caller.consultation.advancePhase({ id, to: 'submission' }))).code).toBe('CONFLICT');
    expect((await refusal(staff.caller.consultation.advancePhase({ id, to: 'results' }))).code).toBe('CONFLICT');
    expect(await db.auditLog.count({ where: { action: 'ideas.consultation.phase', targetId: id } })).toBe(1);
  });

  it('a switched-off plugin answers 404 to every call', async () => {
    const db = getDb();
    const e = await refusal(callerFor(db, null, { enabled: false }).consultation.list());
    expect(e.code).toBe('NOT_FOUND');
  });

  it('messages are in the caller language', async () => {
    const db = getDb();
    const staff = await person(db, { roles: ['staff'] });
    const input = consultationInput('submission');
    await staff.caller.consultation.create({ ...input, categories: [] });
    const list = await callerFor(db, null).consultation.list();
    expect(list.find((c) => c.slug === input.slug)?.title).toBe(input.title.en);
  });
});
