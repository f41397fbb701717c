import { checked, field, numberField } from '@passerelle/plugin-sdk/server';
import { fromBrusselsLocal } from '@passerelle/plugin-sdk/time';

const DATE_FIELDS = ['submissionStart', 'reviewStart', 'voteStart', 'resultsStart', 'followUpStart'] as const;

/** A date typed as Brussels time; an invalid one stays invalid so that the field gets its error. */
function date(form: FormData, name: string): Date {
  return fromBrusselsLocal(field(form, name)) ?? new Date(Number.NaN);
}

const localized = (form: FormData, name: string) => ({ fr: field(form, `${name}.fr`), nl: field(form, `${name}.nl`), en: field(form, `${name}.en`) });

export function consultationFromForm(form: FormData) {
  return {
    slug: field(form, 'slug'),
    title: localized(form, 'title'),
    description: localized(form, 'description'),
    rules: localized(form, 'rules'),
    ...(Object.fromEntries(DATE_FIELDS.map((f) => [f, date(form, f)])) as Record<(typeof DATE_FIELDS)[number], Date>),
    maxIdeasPerPerson: numberField(form, 'maxIdeasPerPerson'),
    voteBudget: numberField(form, 'voteBudget'),
    allowSeveralVotesPerIdea: checked(form, 'allowSeveralVotesPerIdea'),
    allowMediated: checked(form, 'allowMediated'),
    mediatedDailyLimit: numberField(form, 'mediatedDailyLimit'),
    finalistCount: numberField(form, 'finalistCount')
  };
}

export function categoriesFromForm(form: FormData) {
  return form
    .getAll('category.fr')
    .map((_, i) => ({ fr: String(form.getAll('category.fr')[i] ?? '').trim(), nl: String(form.getAll('category.nl')[i] ?? '').trim(), en: String(form.getAll('category.en')[i] ?? '').trim() }))
    .filter((c) => c.fr || c.nl || c.en);
}
