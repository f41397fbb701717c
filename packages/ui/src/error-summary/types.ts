import type { Content } from '../lib/text.ts';

export interface ErrorSummaryItem {
  /** Id of the field in error (the link goes to `#id`); for radio/checkbox groups, the group id. */
  id?: string;
  /** Explicit link target instead of `#id`. */
  href?: string;
  /** The same message as shown at the field. */
  message: Content;
}
