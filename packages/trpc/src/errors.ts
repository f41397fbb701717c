// Domain errors. Services throw AppError with a stable code; packages/trpc maps it to a tRPC error in
// exactly one place (error-mapping.ts), and the UI shows the translated message `error_<code>`.
// This file imports nothing from tRPC, so plain services may throw AppError.

export const APP_ERROR_CODES = {
  BAD_REQUEST: 400,
  VALIDATION: 400,
  INVALID_CREDENTIALS: 400,
  TOKEN_INVALID: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  EMAIL_NOT_VERIFIED: 403,
  NOT_FOUND: 404,
  PLUGIN_DISABLED: 404,
  CONFLICT: 409,
  EMAIL_TAKEN: 409,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  INTERNAL: 500
} as const;

export type AppErrorCode = keyof typeof APP_ERROR_CODES;

/** Field-level problems, keyed by input field name; values are message keys. */
export type FieldErrors = Record<string, string>;

export interface AppErrorOptions {
  fieldErrors?: FieldErrors;
  /** Seconds until the caller may retry (RATE_LIMITED). */
  retryAfter?: number;
  /** Extra message parameters for the translated message. */
  params?: Record<string, string | number>;
  /** A more specific translated message than error_<code>, e.g. "ideas_error_budget_exceeded". */
  messageKey?: string;
  cause?: unknown;
}

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly fieldErrors: FieldErrors | undefined;
  readonly retryAfter: number | undefined;
  readonly params: Record<string, string | number> | undefined;
  readonly messageKey: string | undefined;

  constructor(code: AppErrorCode, message?: string, options: AppErrorOptions = {}) {
    super(message ?? code, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.fieldErrors = options.fieldErrors;
    this.retryAfter = options.retryAfter;
    this.params = options.params ?? (options.retryAfter !== undefined ? { seconds: options.retryAfter } : undefined);
    this.messageKey = options.messageKey;
  }

  get status(): number {
    return APP_ERROR_CODES[this.code];
  }
}

/** The message key that the UI translates for an error code, e.g. RATE_LIMITED -> error_rate_limited. */
export function errorMessageKey(code: AppErrorCode): string {
  return `error_${code.toLowerCase()}`;
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
