import type { Content } from '../lib/text.ts';

/** Translated texts that every form field needs. */
export interface FieldI18n {
  /** Visually hidden prefix read before each error message, e.g. "Error:" / "Erreur :" / "Fout:". */
  errorPrefix: string;
}

/** Props shared by every single-control field (TextField, TextArea, Select, Checkbox). */
export interface FieldBaseProps {
  /** Form field name; also the default id, so that an ErrorSummary link `#name` finds it. */
  name: string;
  /** Defaults to `name`. Must be unique in the page. */
  id?: string;
  label: Content;
  /** Help text under the label, linked with aria-describedby. */
  hint?: Content;
  /** Error message; marks the control aria-invalid and links the message with aria-describedby. */
  error?: Content | null;
  /** Defaults to the texts set with setUiI18n(). */
  i18n?: FieldI18n;
  /** Wrap the label in an <h1> (GOV.UK pattern for a one-question page). */
  pageHeading?: boolean;
}

export interface FieldOption {
  value: string;
  label: string;
  disabled?: boolean;
}

export interface ChoiceItem {
  value: string;
  label: Content;
  /** Help text for this option only. */
  hint?: Content;
  disabled?: boolean;
}
