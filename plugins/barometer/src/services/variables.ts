// The microdata codebook: the variables an edition's import maps file columns to, with their codes.
// It follows Statbel's ICT household survey (people aged 16–74) and Eurostat's Digital Skills Indicator
// 2.0 (five DigComp areas rated 0 = none, 1 = basic, 2 = above basic).

export const COMMUNES = ['21001', '21002', '21003', '21004', '21005', '21006', '21007', '21008', '21009', '21010', '21011', '21012', '21013', '21014', '21015', '21016', '21017', '21018', '21019'] as const;

export interface CategoricalVariable {
  id: string;
  kind: 'category';
  codes: readonly string[];
  /** A breakdown dimension of the published tables. */
  breakdown?: boolean;
}
export interface NumericVariable {
  id: string;
  kind: 'number';
  min: number;
  max: number;
  integer?: boolean;
}
export type Variable = CategoricalVariable | NumericVariable;

/** Design variables. The weight is required; without stratum or PSU each respondent is its own PSU in one stratum. */
export const DESIGN_VARIABLES = ['weight', 'stratum', 'psu'] as const;

export const VARIABLES: readonly Variable[] = [
  { id: 'commune', kind: 'category', codes: COMMUNES, breakdown: true },
  { id: 'age_band', kind: 'category', codes: ['16-24', '25-34', '35-44', '45-54', '55-64', '65-74'], breakdown: true },
  { id: 'gender', kind: 'category', codes: ['woman', 'man'], breakdown: true },
  { id: 'education', kind: 'category', codes: ['low', 'medium', 'high'], breakdown: true },
  { id: 'income_band', kind: 'category', codes: ['q1', 'q2', 'q3', 'q4'], breakdown: true },
  /** Last internet use: within 3 months, 3 to 12 months ago, more than a year ago, never. */
  { id: 'internet_use', kind: 'category', codes: ['3m', '12m', 'more', 'never'] },
  { id: 'dsi_information', kind: 'number', min: 0, max: 2, integer: true },
  { id: 'dsi_communication', kind: 'number', min: 0, max: 2, integer: true },
  { id: 'dsi_content', kind: 'number', min: 0, max: 2, integer: true },
  { id: 'dsi_safety', kind: 'number', min: 0, max: 2, integer: true },
  { id: 'dsi_problem_solving', kind: 'number', min: 0, max: 2, integer: true },
  /** Internet access at home (0/1). */
  { id: 'home_internet', kind: 'number', min: 0, max: 1, integer: true },
  /** Devices used to go online: smartphone only, computer (with or without smartphone), none. */
  { id: 'access_devices', kind: 'category', codes: ['smartphone_only', 'computer', 'none'] },
  { id: 'egov_12m', kind: 'number', min: 0, max: 1, integer: true },
  { id: 'eid_itsme', kind: 'number', min: 0, max: 1, integer: true },
  { id: 'admin_help', kind: 'number', min: 0, max: 1, integer: true },
  /** Online-safety precautions taken (count of listed actions, 0..7). */
  { id: 'safety_precautions', kind: 'number', min: 0, max: 7, integer: true }
];

export const BREAKDOWNS = VARIABLES.filter((v): v is CategoricalVariable => v.kind === 'category' && !!v.breakdown).map((v) => v.id);
export const DSI_AREAS = ['dsi_information', 'dsi_communication', 'dsi_content', 'dsi_safety', 'dsi_problem_solving'] as const;

export const variableById = new Map(VARIABLES.map((v) => [v.id, v]));

/** A respondent's answers: codes as strings, numbers as numbers, null when missing. */
export type Respondent = Record<string, string | number | null>;
