// Every translated text the UI kit needs, grouped by component. Build one object per locale in the
// app (from paraglide messages) and pass the matching group as the component's `i18n` prop.
import type { ChartI18n } from './chart/types.ts';
import type { FieldI18n } from './field/types.ts';
import type { MapI18n } from './map/types.ts';
import type { PaginationI18n } from './pagination/pagination.ts';

export interface UiI18n {
  /** TextField, TextArea, Select, Checkbox, RadioGroup, CheckboxGroup, Fieldset. */
  field: FieldI18n;
  pagination: PaginationI18n;
  chart: ChartI18n;
  map: MapI18n;
}

export type { ChartI18n, FieldI18n, MapI18n, PaginationI18n };
