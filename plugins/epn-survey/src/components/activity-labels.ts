import { m } from '@passerelle/i18n';
import type { GENDERS, LOCATIONS, REFERRALS, TOPICS } from '../services/lists.ts';

export const topicLabel: Record<(typeof TOPICS)[number], () => string> = {
  basics: m.epn_survey_topic_basics,
  internet: m.epn_survey_topic_internet,
  email: m.epn_survey_topic_email,
  smartphone: m.epn_survey_topic_smartphone,
  online_admin: m.epn_survey_topic_online_admin,
  eid_itsme: m.epn_survey_topic_eid_itsme,
  banking: m.epn_survey_topic_banking,
  health: m.epn_survey_topic_health,
  job_search: m.epn_survey_topic_job_search,
  safety: m.epn_survey_topic_safety,
  social_media: m.epn_survey_topic_social_media,
  office: m.epn_survey_topic_office,
  photos: m.epn_survey_topic_photos,
  other: m.epn_survey_topic_other
};

export const locationLabel: Record<(typeof LOCATIONS)[number], () => string> = {
  epn: m.epn_survey_location_epn,
  home: m.epn_survey_location_home,
  remote: m.epn_survey_location_remote,
  mobile: m.epn_survey_location_mobile
};

export const referralLabel: Record<(typeof REFERRALS)[number], () => string> = {
  other_epn: m.epn_survey_referral_other_epn,
  social_services: m.epn_survey_referral_social_services,
  public_administration: m.epn_survey_referral_public_administration,
  training: m.epn_survey_referral_training,
  employment_services: m.epn_survey_referral_employment_services,
  other: m.epn_survey_referral_other
};

export const genderLabel: Record<(typeof GENDERS)[number], () => string> = {
  woman: m.epn_survey_gender_woman,
  man: m.epn_survey_gender_man,
  other: m.epn_survey_gender_other
};
