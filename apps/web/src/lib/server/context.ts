import type { RequestEvent } from '@sveltejs/kit';
import { createContext } from '@passerelle/api';
import { SESSION_COOKIE, sessionCookieOptions } from '@passerelle/auth';
import { t } from '@passerelle/i18n';
import type { Context } from '@passerelle/trpc';
import { getDb } from '@passerelle/db';
import { defaults, PLUGIN_IDS } from './app.ts';
import { sendMail } from './mail.ts';

/** Builds the tRPC context of a request: the same object serves the HTTP API and the server-side caller. */
export async function buildContext(event: RequestEvent, locale: string): Promise<Context> {
  const secure = event.url.protocol === 'https:';
  return createContext({
    db: getDb(),
    sessionToken: event.cookies.get(SESSION_COOKIE) ?? null,
    locale,
    translate: (key, params) => t(key, params, { locale }),
    ip: clientAddress(event),
    origin: event.url.origin,
    pluginIds: PLUGIN_IDS,
    permissionDefaults: defaults,
    sendMail,
    setSessionToken: (token, expiresAt) => {
      if (token) event.cookies.set(SESSION_COOKIE, token, { ...sessionCookieOptions({ secure }), ...(expiresAt ? { expires: expiresAt } : {}) });
      else event.cookies.delete(SESSION_COOKIE, { path: '/' });
    }
  });
}

function clientAddress(event: RequestEvent): string | null {
  try {
    return event.getClientAddress();
  } catch {
    return null;
  }
}
