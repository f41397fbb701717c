import { TRPCError } from '@trpc/server';
import type { TRPC_ERROR_CODE_KEY } from '@trpc/server/rpc';
import { ZodError } from 'zod';
import { AppError, errorMessageKey, type AppErrorCode, type FieldErrors } from './errors.ts';

// The one place where domain errors become tRPC errors.

const TRPC_CODE: Record<number, TRPC_ERROR_CODE_KEY> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  429: 'TOO_MANY_REQUESTS',
  500: 'INTERNAL_SERVER_ERROR'
};

const FROM_TRPC: Partial<Record<TRPC_ERROR_CODE_KEY, AppErrorCode>> = {
  PARSE_ERROR: 'BAD_REQUEST',
  BAD_REQUEST: 'BAD_REQUEST',
  UNAUTHORIZED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  METHOD_NOT_SUPPORTED: 'BAD_REQUEST',
  CONFLICT: 'CONFLICT',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  TOO_MANY_REQUESTS: 'RATE_LIMITED',
  UNPROCESSABLE_CONTENT: 'VALIDATION'
};

export function toTRPCError(error: AppError): TRPCError {
  return new TRPCError({ code: TRPC_CODE[error.status] ?? 'INTERNAL_SERVER_ERROR', message: error.message, cause: error });
}

/** Zod issues -> { field: messageKey }. The key is generic; the path names the field. */
export function zodFieldErrors(error: ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const field = issue.path.length ? issue.path.map(String).join('.') : '_';
    if (out[field]) continue;
    out[field] = issue.code === 'too_big' ? 'error_field_too_long' : issue.code === 'too_small' ? 'error_field_too_short' : 'error_field_invalid';
  }
  return out;
}

export interface PublicErrorShape {
  appCode: AppErrorCode;
  messageKey: string;
  fieldErrors?: FieldErrors;
  retryAfter?: number;
}

/** Normalise any error thrown in a procedure to the shape that clients see. */
export function describeError(error: TRPCError): PublicErrorShape & { params?: Record<string, string | number> } {
  const cause = error.cause;
  if (cause instanceof AppError) {
    return {
      appCode: cause.code,
      messageKey: cause.messageKey ?? errorMessageKey(cause.code),
      ...(cause.fieldErrors ? { fieldErrors: cause.fieldErrors } : {}),
      ...(cause.retryAfter !== undefined ? { retryAfter: cause.retryAfter } : {}),
      ...(cause.params ? { params: cause.params } : {})
    };
  }
  if (cause instanceof ZodError) {
    return { appCode: 'VALIDATION', messageKey: errorMessageKey('VALIDATION'), fieldErrors: zodFieldErrors(cause) };
  }
  const appCode = FROM_TRPC[error.code] ?? 'INTERNAL';
  return { appCode, messageKey: errorMessageKey(appCode) };
}
