// Shared set-up for the plugin's tests: consultations in a chosen phase, people with roles, and callers
// over the plugin's router with the context the host would build for them.
import type { Db } from '@passerelle/db';
import { createTestActor, pluginCaller, type TestPersonOptions } from '@passerelle/plugin-sdk/testing';
import { ideasManifest } from './manifest.ts';
import { ideasRouter } from './server/router.ts';
import type { Phase } from './services/phases.ts';

const DAY = 86_400_000;

/** Phase dates (relative to now) that put a consultation in `phase`. */
export function datesFor(phase: Phase, now = Date.now()) {
  const offset = { upcoming: 1, submission: 0, review: -1, vote: -2, results: -3, followup: -4 }[phase];
  const at = (i: number) => new Date(now + (i + offset) * DAY - (phase === 'upcoming' ? 0 : DAY / 2));
  return { submissionStart: at(0), reviewStart: at(1), voteStart: at(2), resultsStart: at(3), followUpStart: at(4) };
}

const text = (s: string) => ({ fr: `${s} (fr)`, nl: `${s} (nl)`, en: s });
let seq = 0;

export function consultationInput(phase: Phase, overrides: Record<string, unknown> = {}) {
  seq++;
  return {
    slug: `consultation-${Date.now().toString(36)}-${seq}`,
    title: text(`Consultation ${seq}`),
    description: text('What would make digital life easier in Brussels?'),
    rules: text('One idea per form. Be kind.'),
    ...datesFor(phase),
    maxIdeasPerPerson: 3,
    voteBudget: 3,
    allowSeveralVotesPerIdea: false,
    allowMediated: true,
    mediatedDailyLimit: 5,
    finalistCount: 6,
    ...overrides
  };
}

/** No email is expected from most procedures; a test that sends one passes the sendMail of a mail catcher. */
export const callerFor = pluginCaller(ideasManifest, ideasRouter);

export async function person(db: Db, opts: TestPersonOptions = {}) {
  const actor = await createTestActor(db, opts);
  return { actor, caller: callerFor(db, actor) };
}

export const ideaFields = (title: string, extra: Record<string, unknown> = {}) => ({
  title,
  summary: `A short summary of: ${title}`,
  description: 'Some **details**.',
  communeNis: '21004',
  language: 'en' as const,
  showAuthorName: false,
  ...extra
});

/** Moves a consultation to `phase` by rewriting its dates (what time passing would do). */
export async function setPhase(db: Db, consultationId: string, phase: Phase) {
  await db.ideasConsultation.update({ where: { id: consultationId }, data: { ...datesFor(phase), phaseOverride: null } });
}

/** A real SMTP server for the tests of one file (shared helper of @passerelle/auth). */
export { useTestMail } from '@passerelle/auth/mail-testing/vitest';
