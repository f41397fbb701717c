/** The one form of an email address that the database stores and looks up. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}
