// @passerelle/auth: accounts, sessions, permissions, rate limits, audit log and emails.
// Plain async services taking one options object ({ db, actor?, ...input }); no tRPC imports.
// The mail catcher for tests and development is a separate entry: '@passerelle/auth/mail-testing'.

export * from './roles.ts';
export * from './locale.ts';
export { isUniqueViolation, type DbClient } from './db-client.ts';
export { normaliseEmail } from './email.ts';
export { generateToken, hashToken } from './crypto.ts';
export * from './password.ts';
export * from './sessions.ts';
export * from './tokens.ts';
export * from './account/sign-up.ts';
export * from './account/verify-email.ts';
export * from './account/resend-verification.ts';
export * from './account/login.ts';
export * from './account/password-reset.ts';
export * from './account/user-data-registry.ts';
export * from './account/export-user-data.ts';
export * from './account/delete-account.ts';
export * from './permissions.ts';
export * from './rate-limit.ts';
export * from './audit.ts';
export * from './invitations.ts';
export * from './mail/mailer.ts';
export * from './mail/messages.ts';
export * from './mail/templates.ts';
