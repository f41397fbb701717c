// Form-action helpers live in the plugin SDK so that plugins' form actions use the very same ones.
export { attempt, failure, formValues, type FormFailure } from '@passerelle/plugin-sdk/forms';
