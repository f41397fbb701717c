import { checkAnswers, isShown, type Answers, type Question, type SurveyDefinition } from './definition.ts';

// Answering without JavaScript: a survey is split into steps so that skip logic works with plain form
// posts. A new step starts at a question whose condition looks at an answer given in the current step;
// the server then knows the answer before it decides whether to show the question.

export function steps(def: SurveyDefinition): Question[][] {
  const result: Question[][] = [[]];
  for (const q of def.questions) {
    const current = result[result.length - 1]!;
    const dependsOnCurrent = (q.showIf?.conditions ?? []).some((c) => current.some((p) => p.id === c.question));
    if (dependsOnCurrent && current.length > 0) result.push([q]);
    else current.push(q);
  }
  return result;
}

/** The questions of step `index` that are shown, given the answers of the earlier steps. */
export function shownInStep(def: SurveyDefinition, index: number, answers: Answers): Question[] {
  const all = steps(def);
  const earlier = new Set(all.slice(0, index).flat().map((q) => q.id));
  const known: Answers = Object.fromEntries(Object.entries(answers).filter(([k]) => earlier.has(k)));
  // Within a step no question depends on another of the same step, so earlier answers decide.
  return (all[index] ?? []).filter((q) => isShown(q, visibleAnswers(def, known)));
}

/** The answers that count: those to questions shown given the answers before them. */
export function visibleAnswers(def: SurveyDefinition, answers: Answers): Answers {
  const kept: Answers = {};
  for (const q of def.questions) if (isShown(q, kept) && answers[q.id] !== undefined) kept[q.id] = answers[q.id]!;
  return kept;
}

/**
 * Checks the answers of steps 0..index: the full rules (required, types, hidden questions) applied to a
 * survey cut after that step. Returns the field errors, empty when the step may be left.
 */
export function checkUpTo(def: SurveyDefinition, index: number, answers: Answers): Record<string, string> {
  const upTo = steps(def).slice(0, index + 1).flat();
  const ids = new Set(upTo.map((q) => q.id));
  const partial: SurveyDefinition = { ...def, questions: upTo };
  const own = Object.fromEntries(Object.entries(answers).filter(([k]) => ids.has(k)));
  const r = checkAnswers(partial, own);
  return r.ok ? {} : r.errors;
}

/** The next step with at least one shown question after `index`, or null when the survey is done. */
export function nextStep(def: SurveyDefinition, index: number, answers: Answers): number | null {
  const count = steps(def).length;
  for (let i = index + 1; i < count; i++) if (shownInStep(def, i, answers).length > 0) return i;
  return null;
}

/**
 * Whether the response may end after step `index`: every later question depends on an answer (and may
 * stay hidden). The kiosk's script treats the send of such a step as possibly the final one.
 */
export function mayBeLast(def: SurveyDefinition, index: number): boolean {
  return steps(def)
    .slice(index + 1)
    .every((step) => step.every((q) => q.showIf !== undefined));
}
