export { default as FieldLabel } from './field-label.svelte';
export { default as FieldHint } from './field-hint.svelte';
export { default as FieldError } from './field-error.svelte';
export { default as FormGroup } from './form-group.svelte';
export { default as Fieldset } from './fieldset.svelte';
export type { FieldI18n, FieldBaseProps, FieldOption, ChoiceItem } from './types.ts';

