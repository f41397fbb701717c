export { summaryOf } from '@passerelle/ui/form-errors.ts';
