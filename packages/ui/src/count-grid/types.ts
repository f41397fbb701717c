/** One row or column of a count grid: its code (used in field names) and its label. */
export interface CountGridAxis {
  key: string;
  label: string;
}
