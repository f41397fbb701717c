// Fixed lists of codes (labels are translated messages mobile_epn_<list>_<code>).

export const VENUE_TYPES = ['care_home', 'social_housing', 'community_centre', 'library', 'private_home'] as const;
export type VenueType = (typeof VENUE_TYPES)[number];

/** Same codes as epn-survey's activity topics, so that attendance maps one to one. */
export const TOPICS = ['basics', 'internet', 'email', 'smartphone', 'online_admin', 'eid_itsme', 'banking', 'health', 'job_search', 'safety', 'social_media', 'office', 'photos', 'other'] as const;
export type Topic = (typeof TOPICS)[number];

export const LANGUAGES = ['fr', 'nl', 'en', 'ar', 'tr', 'es', 'pt', 'ro', 'pl', 'de', 'it', 'ru', 'uk'] as const;
export type Language = (typeof LANGUAGES)[number];

export const TRAVEL_MODES = ['public_transport', 'bike', 'car'] as const;
export type TravelMode = (typeof TRAVEL_MODES)[number];

export const KIT_STATUSES = ['available', 'in_repair'] as const;
export const REQUEST_STATUSES = ['new', 'scheduled', 'declined', 'withdrawn'] as const;
export const SESSION_STATUSES = ['scheduled', 'cancelled'] as const;
export const REGISTRATION_STATUSES = ['registered', 'waiting', 'cancelled'] as const;

/** As epn-survey's activity reports (anonymous counts). */
export const AGE_BANDS = ['16-24', '25-34', '35-44', '45-54', '55-64', '65-74', '75+'] as const;
export const GENDERS = ['woman', 'man', 'other'] as const;
