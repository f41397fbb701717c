import { z } from 'zod';

// Inputs of the account procedures; the app's form actions parse with the same schemas.

export const ZEmail = z.string().trim().toLowerCase().max(254).email();
export const ZPassword = z.string().min(1).max(256);
export const ZDisplayName = z.string().trim().min(1).max(80);
export const ZLocale = z.enum(['fr', 'nl', 'en']);
export const ZToken = z.string().min(16).max(128).regex(/^[A-Za-z0-9_-]+$/);

export const ZSignUpInput = z.object({ email: ZEmail, password: ZPassword, displayName: ZDisplayName, locale: ZLocale.default('fr') });
export type TSignUpInput = z.infer<typeof ZSignUpInput>;

export const ZLoginInput = z.object({ email: ZEmail, password: ZPassword });
export type TLoginInput = z.infer<typeof ZLoginInput>;

export const ZTokenInput = z.object({ token: ZToken });
export const ZEmailInput = z.object({ email: ZEmail });
export const ZResetPasswordInput = z.object({ token: ZToken, password: ZPassword });
export const ZUpdateProfileInput = z.object({ displayName: ZDisplayName, locale: ZLocale });
export const ZDeleteAccountInput = z.object({ password: ZPassword });
