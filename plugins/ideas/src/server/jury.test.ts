import { TRPCError } from '@trpc/server';
import { expect, it } from 'vitest';
import { describeEachDb } from '@passerelle/db/testing';
import { createTestActor } from '@passerelle/plugin-sdk/testing';
import { callerFor, consultationInput, ideaFields, person, setPhase, useTestMail } from '../test-support.ts';
import { juryReportTable } from '../services/jury.ts';
import { toCsv } from '../services/exports.ts';

const mail = useTestMail();

const code = (p: Promise<unknown>) => p.then(() => 'ok', (e: TRPCError) => e.code);

describeEachDb('ideas: the jury', ({ getDb }) => {
  async function setup() {
    const db = getDb();
    const staffActor = await createTestActor(db, { roles: ['staff'] });
    const staff = callerFor(db, staffActor, { sendMail: mail.sendMail });
    const { id, slug } = await staff.consultation.create({ ...consultationInput('submission', { maxIdeasPerPerson: 5 }), categories: [] });
    const author = await person(db);
    const ideas = [];
    for (const title of ['Idea alpha for the jury', 'Idea beta for the jury', 'Idea gamma for the jury']) ideas.push(await author.caller.idea.submit({ consultationId: id, fields: ideaFields(title) }));
    const jurorA = await createTestActor(db, { displayName: 'Juror A', email: `a-${Date.now()}@jury.example.org` });
    const jurorB = await createTestActor(db, { displayName: 'Juror B' });
    await staff.jury.addJuror({ consultationId: id, email: jurorA.email });
    await staff.jury.addJuror({ consultationId: id, email: jurorB.email });
    await setPhase(db, id, 'review');
    const criteria = await staff.jury.criteria({ consultationId: id });
    return { db, staff, id, slug, ideas, criteria, a: callerFor(db, jurorA), b: callerFor(db, jurorB), jurorA };
  }
  const all = (criteria: { id: string }[], values: number[]) => Object.fromEntries(criteria.map((c, i) => [c.id, values[i]!]));

  it('an invited juror gets an email with the link to their scoring page', async () => {
    const { jurorA, slug } = await setup();
    const message = await mail.catcher.waitForMessage({ to: jurorA.email, timeoutMs: 10_000 });
    expect(message.text).toContain(`/ideas/${slug}/jury`);
  });

  it('jurors score with private notes; each sees only their own notes', async () => {
    const { id, ideas, criteria, a, b } = await setup();
    expect(criteria).toHaveLength(3);
    await a.jury.score({ ideaId: ideas[0]!.id, scores: all(criteria, [5, 4, 3]), note: 'A: strong' });
    await b.jury.score({ ideaId: ideas[0]!.id, scores: all(criteria, [3, 3, 3]), note: 'B: average' });
    const mineA = await a.jury.mine({ consultationId: id });
    const mineB = await b.jury.mine({ consultationId: id });
    expect(mineA.ideas[0]).toMatchObject({ note: 'A: strong', scores: all(criteria, [5, 4, 3]) });
    expect(mineB.ideas[0]).toMatchObject({ note: 'B: average' });
    expect(JSON.stringify(mineB)).not.toContain('A: strong');
  });

  it('scores are 0–5 on every criterion; non-jurors are refused', async () => {
    const { db, id, ideas, criteria, a } = await setup();
    expect(await code(a.jury.score({ ideaId: ideas[0]!.id, scores: all(criteria, [6, 1, 1]) }))).toBe('BAD_REQUEST');
    expect(await code(a.jury.score({ ideaId: ideas[0]!.id, scores: { [criteria[0]!.id]: 3 } }))).toBe('BAD_REQUEST');
    const outsider = await person(db);
    expect(await code(outsider.caller.jury.score({ ideaId: ideas[0]!.id, scores: all(criteria, [1, 1, 1]) }))).toBe('FORBIDDEN');
    expect(await code(outsider.caller.jury.mine({ consultationId: id }))).toBe('FORBIDDEN');
    expect(await code(outsider.caller.jury.grid({ consultationId: id }))).toBe('FORBIDDEN');
    expect(await db.ideasScore.count({ where: { ideaId: ideas[0]!.id } })).toBe(0);
  });

  it('a declared conflict removes the juror from that idea: no scoring, not counted', async () => {
    const { id, ideas, criteria, a, b, staff } = await setup();
    await a.jury.score({ ideaId: ideas[1]!.id, scores: all(criteria, [1, 1, 1]), note: '' });
    await a.jury.declareConflict({ ideaId: ideas[1]!.id, conflict: true });
    const refused = await a.jury.score({ ideaId: ideas[1]!.id, scores: all(criteria, [5, 5, 5]) }).catch((e: TRPCError) => e);
    expect(refused).toMatchObject({ code: 'CONFLICT', cause: { messageKey: 'ideas_error_conflict_declared' } });
    await b.jury.score({ ideaId: ideas[1]!.id, scores: all(criteria, [4, 4, 4]), note: '' });
    const row = (await staff.jury.grid({ consultationId: id })).rows.find((r) => r.ideaId === ideas[1]!.id)!;
    expect(row).toMatchObject({ mean: 4, jurors: 1, conflicts: 1, spread: 0 });
  });

  it('the grid gives the weighted mean, the spread and the number of jurors, ranked', async () => {
    const { id, ideas, criteria, a, b, staff } = await setup();
    await staff.jury.saveCriteria({ consultationId: id, criteria: criteria.map((c, i) => ({ id: c.id, name: c.names, description: c.descriptions, weight: i === 0 ? 2 : 1 })) });
    await a.jury.score({ ideaId: ideas[0]!.id, scores: all(criteria, [5, 1, 1]) }); // (10+1+1)/4 = 3
    await b.jury.score({ ideaId: ideas[0]!.id, scores: all(criteria, [1, 5, 5]) }); // (2+5+5)/4 = 3
    await a.jury.score({ ideaId: ideas[2]!.id, scores: all(criteria, [4, 4, 4]) }); // 4
    await b.jury.score({ ideaId: ideas[2]!.id, scores: all(criteria, [2, 2, 2]) }); // 2
    const grid = await staff.jury.grid({ consultationId: id });
    const byIdea = (i: number) => grid.rows.find((r) => r.ideaId === ideas[i]!.id)!;
    expect(byIdea(0)).toMatchObject({ mean: 3, spread: 0, jurors: 2, rank: 1 });
    expect(byIdea(2)).toMatchObject({ mean: 3, spread: 2, sd: 1, jurors: 2, rank: 2 });
    expect(byIdea(1)).toMatchObject({ mean: null, jurors: 0, rank: null });
    expect(byIdea(0).byCriterion[criteria[0]!.id]).toBe(3);
  });

  it('scoring is only possible during the jury review', async () => {
    const { db, id, ideas, criteria, a } = await setup();
    await setPhase(db, id, 'vote');
    expect(await code(a.jury.score({ ideaId: ideas[0]!.id, scores: all(criteria, [1, 1, 1]) }))).toBe('CONFLICT');
  });

  it('the jury report exports with formula-looking titles neutralised', async () => {
    const { db, id } = await setup();
    const author = await person(db);
    await setPhase(db, id, 'submission');
    await author.caller.idea.submit({ consultationId: id, fields: ideaFields('=HYPERLINK("http://evil")') });
    const table = await juryReportTable({ db, consultationId: id, locale: 'en', t: (k) => k });
    const csv = toCsv(table.header, table.rows);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(csv.split('\r\n')[0]).toContain('Well worked out (×1)');
  });
});
