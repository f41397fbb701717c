import { m } from '@passerelle/i18n';
import type { ACCESSIBILITY, LANGUAGES, PUBLICS, SERVICES } from '../services/lists.ts';
import type { ConditionOp, QuestionType } from '../services/definition.ts';

// Labels of the fixed lists, in the visitor's language (paraglide functions, tree-shaken per page).

export const serviceLabel: Record<(typeof SERVICES)[number], () => string> = {
  free_access: m.epn_survey_service_free_access,
  individual_help: m.epn_survey_service_individual_help,
  workshops: m.epn_survey_service_workshops,
  online_admin_help: m.epn_survey_service_online_admin_help,
  device_loan: m.epn_survey_service_device_loan,
  printing: m.epn_survey_service_printing,
  wifi: m.epn_survey_service_wifi,
  device_repair: m.epn_survey_service_device_repair,
  job_search_help: m.epn_survey_service_job_search_help
};

export const publicLabel: Record<(typeof PUBLICS)[number], () => string> = {
  everyone: m.epn_survey_public_everyone,
  seniors: m.epn_survey_public_seniors,
  young_people: m.epn_survey_public_young_people,
  job_seekers: m.epn_survey_public_job_seekers,
  newcomers: m.epn_survey_public_newcomers,
  people_with_disabilities: m.epn_survey_public_people_with_disabilities,
  families: m.epn_survey_public_families,
  low_literacy: m.epn_survey_public_low_literacy
};

export const accessLabel: Record<(typeof ACCESSIBILITY)[number], () => string> = {
  wheelchair: m.epn_survey_access_wheelchair,
  hearing_loop: m.epn_survey_access_hearing_loop,
  adapted_toilets: m.epn_survey_access_adapted_toilets,
  large_screens: m.epn_survey_access_large_screens
};

export const languageLabel: Record<(typeof LANGUAGES)[number], () => string> = {
  fr: m.epn_survey_lang_fr,
  nl: m.epn_survey_lang_nl,
  en: m.epn_survey_lang_en,
  ar: m.epn_survey_lang_ar,
  es: m.epn_survey_lang_es,
  tr: m.epn_survey_lang_tr,
  pl: m.epn_survey_lang_pl,
  ro: m.epn_survey_lang_ro,
  pt: m.epn_survey_lang_pt,
  it: m.epn_survey_lang_it,
  de: m.epn_survey_lang_de
};

/** The label of a stored code, or the code itself if the list no longer has it. */
export function labelOf<K extends string>(labels: Record<K, () => string>, code: string): string {
  return code in labels ? labels[code as K]() : code;
}

export const typeLabel: Record<QuestionType, () => string> = {
  single: m.epn_survey_type_single,
  multiple: m.epn_survey_type_multiple,
  scale: m.epn_survey_type_scale,
  number: m.epn_survey_type_number,
  short_text: m.epn_survey_type_short_text,
  long_text: m.epn_survey_type_long_text,
  date: m.epn_survey_type_date,
  commune: m.epn_survey_type_commune,
  age_band: m.epn_survey_type_age_band,
  note: m.epn_survey_type_note
};

export const opLabel: Record<ConditionOp, () => string> = {
  equals: m.epn_survey_op_equals,
  not_equals: m.epn_survey_op_not_equals,
  includes: m.epn_survey_op_includes,
  gt: m.epn_survey_op_gt,
  gte: m.epn_survey_op_gte,
  lt: m.epn_survey_op_lt,
  lte: m.epn_survey_op_lte,
  answered: m.epn_survey_op_answered
};
