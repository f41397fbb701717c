import { error, redirect, type Handle, type HandleServerError, type ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { randomUUID } from 'node:crypto';
import { paraglideMiddleware } from '@passerelle/i18n/server';
import { deLocalizeUrl, baseLocale, getLocale, isLocale, localizeUrl, t } from '@passerelle/i18n';
import { routeMatches } from '@passerelle/plugin-sdk';
import { log } from '$lib/server/log.ts';
import { buildContext } from '$lib/server/context.ts';
import { PLUGINS } from '$lib/plugins.ts';
import '$lib/server/plugin-hooks.ts';
import { startJobs } from '$lib/server/jobs.ts';
import { BODY_LIMIT, dropUnreadBody, isStreamedUpload, limitBody, withBody } from '$lib/server/body-limit.ts';

/** Once per server process, before the first request: the job queue that runs imports, exports and reminders. */
export const init: ServerInit = async () => {
  // Started by scripts/start.ts (an IPC channel): stop cleanly when that launcher goes away.
  if (process.send) process.once('disconnect', () => process.kill(process.pid, 'SIGTERM'));
  await startJobs();
};

// Order: request id and logging -> language -> body limit -> session and permissions -> plugin switch -> headers.

const handleRequestLog: Handle = async ({ event, resolve }) => {
  const started = performance.now();
  event.locals.requestId = event.request.headers.get('x-request-id')?.slice(0, 64) || randomUUID();
  const response = await resolve(event);
  const ms = Math.round(performance.now() - started);
  if (event.url.pathname !== '/healthz') {
    log.info({ requestId: event.locals.requestId, method: event.request.method, path: event.url.pathname, status: response.status, ms }, 'request');
  }
  response.headers.set('x-request-id', event.locals.requestId);
  return response;
};

// /api and /healthz have no language prefix (route rules in packages/i18n); their language comes from
// the cookie, then Accept-Language.
const UNPREFIXED = /^\/(api|healthz|_app|\.well-known)(\/|$)|\.[a-z0-9]+$/i;

const handleLocale: Handle = ({ event, resolve }) => {
  const original = event.request;
  // paraglide builds its request from a clone of the one it is given, and a clone tees the body: the
  // unread half would keep every byte of an upload in memory. It gets the headers only; the body moves,
  // unread, to the request the routes see.
  return paraglideMiddleware(original.body ? withBody(original, original.url, null) : original, ({ request, locale }) => {
    // Every page has one address per language: /dashboard -> /nl/dashboard for a Dutch browser.
    const first = event.url.pathname.split('/')[1] ?? '';
    if ((event.request.method === 'GET' || event.request.method === 'HEAD') && !isLocale(first) && !UNPREFIXED.test(event.url.pathname)) {
      redirect(307, localizeUrl(event.url, { locale }).href);
    }
    event.request = original.body ? withBody(original, request.url, original.body) : request;
    return resolve(event, { transformPageChunk: ({ html }) => html.replace('%paraglide.lang%', locale) });
  });
};

/** Every request body keeps BODY_SIZE_LIMIT, but the uploads plugins stream (lib/server/body-limit.ts). */
const handleBodyLimit: Handle = async ({ event, resolve }) => {
  if (!event.request.body) return resolve(event);
  if (!isStreamedUpload(PLUGINS, event.request.method, deLocalizeUrl(event.url).pathname, event.url.searchParams)) {
    event.request = limitBody(event.request, BODY_LIMIT, t('error_payload_too_large', undefined, { locale: getLocale() }));
  }
  const response = await resolve(event);
  dropUnreadBody(event.request);
  return response;
};

const handleContext: Handle = async ({ event, resolve }) => {
  event.locals.ctx = await buildContext(event, getLocale());
  return resolve(event);
};

/** A switched-off plugin's pages answer 404 (its procedures are refused by the tRPC base procedure). */
const handlePluginSwitch: Handle = ({ event, resolve }) => {
  const path = deLocalizeUrl(event.url).pathname;
  for (const plugin of PLUGINS) {
    if (!event.locals.ctx.enabledPlugins.has(plugin.id) && plugin.routes.some((r) => routeMatches(r, path) || path.startsWith(`${r}/`))) {
      error(404, t('error_plugin_disabled', undefined, { locale: event.locals.ctx.locale }));
    }
  }
  return resolve(event);
};

const handleHeaders: Handle = async ({ event, resolve }) => {
  const response = await resolve(event);
  const h = response.headers;
  h.set('x-content-type-options', 'nosniff');
  h.set('referrer-policy', 'strict-origin-when-cross-origin');
  h.set('permissions-policy', 'camera=(), microphone=(), geolocation=(self), interest-cohort=()');
  h.set('cross-origin-opener-policy', 'same-origin');
  const path = deLocalizeUrl(event.url).pathname;
  const embeddable = PLUGINS.some((p) => (p.embeddable ?? []).some((r) => routeMatches(r, path)));
  const csp = h.get('content-security-policy');
  if (embeddable) {
    // Plugins declare which pages other sites may embed (e.g. a results widget on a commune's site).
    const ancestors = process.env.EMBED_ALLOWED_ORIGINS?.trim() || '*';
    if (csp) h.set('content-security-policy', csp.replace(/frame-ancestors [^;]*/, `frame-ancestors ${ancestors}`));
  } else {
    h.set('x-frame-options', 'DENY');
    if (!csp) h.set('content-security-policy', "frame-ancestors 'none'");
  }
  return response;
};

export const handle: Handle = sequence(handleRequestLog, handleLocale, handleBodyLimit, handleContext, handlePluginSwitch, handleHeaders);

export const handleError: HandleServerError = ({ error: err, event, status, message }) => {
  const requestId = event.locals.requestId;
  if (status >= 500) log.error({ err, requestId, path: event.url.pathname }, 'unhandled error');
  const locale = event.locals.ctx?.locale ?? baseLocale;
  return { message: status === 404 ? t('error_not_found', undefined, { locale }) : status >= 500 ? t('error_internal', undefined, { locale }) : message, requestId };
};
