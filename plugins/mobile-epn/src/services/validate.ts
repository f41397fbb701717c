import type { z } from 'zod';
import { AppError } from '@passerelle/trpc';

/**
 * Parses a service's input with a schema whose messages are message keys: a refusal is a VALIDATION
 * error naming each field with its own translated explanation (the API's generic zod mapping would
 * only say "not valid").
 */
export function validate<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const fieldErrors: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const path = issue.path.length ? issue.path.map(String).join('.') : '_';
    fieldErrors[path] ??= issue.message.startsWith('mobile_epn_') ? issue.message : 'error_field_invalid';
  }
  throw new AppError('VALIDATION', 'invalid input', { fieldErrors });
}
