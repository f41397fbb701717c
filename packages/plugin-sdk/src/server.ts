// What a plugin's route modules (load functions and form actions re-exported by the host's shims) need
// from the host, typed without depending on the app: the request's tRPC context lives in locals.ctx.
import { error, redirect, type Cookies } from '@sveltejs/kit';
import { AppError, describeError, toTRPCError, type Context } from '@passerelle/trpc';
import { TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';

/** The part of SvelteKit's RequestEvent that plugin routes use. */
export interface PluginEvent<Params extends Record<string, string> = Record<string, string>> {
  locals: { ctx: Context };
  url: URL;
  params: Params;
  request: Request;
  setHeaders: (headers: Record<string, string>) => void;
  cookies: Pick<Cookies, 'get' | 'set' | 'delete'>;
}

/**
 * For a plugin's server-side caller (its load functions and form actions call the same procedures, with
 * the same checks, as the HTTP API): a switched-off plugin answers 404 here too.
 *
 *   const factory = createCallerFactory(ideasRouter);
 *   export const ideasCaller = (event) => (assertPluginEnabled(event.locals.ctx, 'ideas'), factory(event.locals.ctx));
 */
export function assertPluginEnabled(ctx: Context, pluginId: string): void {
  if (ctx.pluginIds.has(pluginId) && !ctx.enabledPlugins.has(pluginId)) throw toTRPCError(new AppError('PLUGIN_DISABLED'));
}

/**
 * Runs a procedure for a page's load function: a refusal becomes SvelteKit's error page with the
 * translated message and the right status (404, 403…), instead of a 500.
 */
export async function orPageError<T>(event: { locals: { ctx: Context } }, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if (!(e instanceof TRPCError)) throw e;
    const described = describeError(e);
    const status = getHTTPStatusCodeFromError(e);
    error(status, event.locals.ctx.translate(described.messageKey, described.params));
  }
}

/** Reads a form field as a trimmed string ('' when absent). */
export function field(form: FormData, name: string): string {
  const v = form.get(name);
  return typeof v === 'string' ? v.trim() : '';
}

/** A checkbox: true when sent with any value. */
export function checked(form: FormData, name: string): boolean {
  return form.get(name) !== null;
}

/** A number field; NaN when empty or not a number, so that validation reports it on that field. */
export function numberField(form: FormData, name: string): number {
  const v = field(form, name);
  return v === '' ? Number.NaN : Number(v.replace(',', '.'));
}

/** The sign-in page, coming back to `url` afterwards. */
export function loginRedirect(url: URL, localize: (href: string) => string): never {
  redirect(303, `${localize('/login')}?next=${encodeURIComponent(url.pathname + url.search)}`);
}

/**
 * A response body read from an async generator of text or bytes, pull-based: the next chunk (e.g. the
 * next batch of rows from the database) is produced only when the client has taken the last one; a
 * client that goes away ends the generator (its `finally` blocks run).
 */
export function pullStream(chunks: AsyncGenerator<string | Uint8Array, unknown, undefined>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(typeof next.value === 'string' ? encoder.encode(next.value) : next.value);
    },
    async cancel() {
      await chunks.return(undefined);
    }
  });
}

export { FORM_OVERHEAD, discardBody, receiveFile, uploadedFile, type IncomingFile, type Received, type Uploaded } from './receive-file.ts';
