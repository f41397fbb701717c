export type SortDirection = 'ascending' | 'descending' | 'none';

export interface TableColumn<Row> {
  /** Property of the row shown in this column (also the key for `cell` snippets). */
  key: string;
  header: string;
  /** Right-aligned, tabular figures. */
  numeric?: boolean;
  /** Cells of this column are row headers (<th scope="row">), e.g. the name column. */
  rowHeader?: boolean;
  /**
   * Sortable column: the header becomes a link to `href` (a URL with ?sort=…, so it works
   * without JavaScript); `direction` marks the column the table is currently sorted by.
   */
  sort?: { href: string; direction?: SortDirection };
  /** Text of a cell; default String(row[key]) ('' for null/undefined). */
  format?: (row: Row) => string;
}
