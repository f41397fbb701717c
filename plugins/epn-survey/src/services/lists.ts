// Fixed lists of the EPN directory and of activity reports. Codes are stored; labels are messages
// (epn_survey_<list>_<code>) in FR/NL/EN. Adding a code means adding its three labels.

/** Services an EPN offers (mednum "services", adapted to Brussels EPNs). */
export const SERVICES = ['free_access', 'individual_help', 'workshops', 'online_admin_help', 'device_loan', 'printing', 'wifi', 'device_repair', 'job_search_help'] as const;
/** Publics an EPN addresses specifically. */
export const PUBLICS = ['everyone', 'seniors', 'young_people', 'job_seekers', 'newcomers', 'people_with_disabilities', 'families', 'low_literacy'] as const;
export const ACCESSIBILITY = ['wheelchair', 'hearing_loop', 'adapted_toilets', 'large_screens'] as const;
/** Languages spoken at the desk (ISO 639-1). */
export const LANGUAGES = ['fr', 'nl', 'en', 'ar', 'es', 'tr', 'pl', 'ro', 'pt', 'it', 'de'] as const;

/** Activity reports. */
export const SESSION_TYPES = ['individual', 'group'] as const;
export const LOCATIONS = ['epn', 'home', 'remote', 'mobile'] as const;
export const TOPICS = ['basics', 'internet', 'email', 'smartphone', 'online_admin', 'eid_itsme', 'banking', 'health', 'job_search', 'safety', 'social_media', 'office', 'photos', 'other'] as const;
export const REFERRALS = ['other_epn', 'social_services', 'public_administration', 'training', 'employment_services', 'other'] as const;
export const GENDERS = ['woman', 'man', 'other'] as const;

export type Service = (typeof SERVICES)[number];
export type Topic = (typeof TOPICS)[number];
export type Location = (typeof LOCATIONS)[number];
export type Gender = (typeof GENDERS)[number];
