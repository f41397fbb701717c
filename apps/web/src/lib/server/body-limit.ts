// The request body limit. scripts/start.ts starts adapter-node without a limit of its own
// (BODY_SIZE_LIMIT=Infinity for the server) and hands the operator's BODY_SIZE_LIMIT (6 MB by default) to
// this hook as PASSERELLE_BODY_SIZE_LIMIT: every request keeps it, except the form actions that plugins
// declare in their manifest's `streamedUploads` (e.g. the barometer's microdata upload), which read their
// body with receiveFile (plugin-sdk/server) within their own limit. SvelteKit's CSRF check (the Origin of
// form posts) runs before the hooks, on every request, these included.
import { error } from '@sveltejs/kit';
import { routeMatches, type PluginManifest } from '@passerelle/plugin-sdk';
import { discardBody } from '@passerelle/plugin-sdk/server';

/** A size as adapter-node reads BODY_SIZE_LIMIT: bytes, or with K, M or G; "Infinity" for none. */
export function parseBytes(value: string): number {
  const multiplier = ({ K: 1024, M: 1024 ** 2, G: 1024 ** 3 } as Record<string, number>)[value.at(-1)?.toUpperCase() ?? ''] ?? 1;
  const bytes = Number(multiplier === 1 ? value : value.slice(0, -1)) * multiplier;
  if (Number.isNaN(bytes) || bytes < 0) throw new Error(`Invalid BODY_SIZE_LIMIT: '${value}'`);
  return bytes;
}

/** The limit of every request body but the declared uploads. */
export const BODY_LIMIT = parseBytes(process.env.PASSERELLE_BODY_SIZE_LIMIT ?? process.env.BODY_SIZE_LIMIT ?? '6M');

/** Is this a POST to a form action that a plugin streams (path without the language prefix)? */
export function isStreamedUpload(plugins: readonly Pick<PluginManifest, 'streamedUploads'>[], method: string, path: string, search: URLSearchParams): boolean {
  if (method !== 'POST') return false;
  // SvelteKit's action name: the search parameter starting with "/" ("?/upload"), else "default".
  const key = [...search.keys()].find((k) => k.startsWith('/'));
  const action = key ? key.slice(1) : 'default';
  return plugins.some((p) => (p.streamedUploads ?? []).some((u) => u.action === action && routeMatches(u.route, path)));
}

/** The same request at `url`, with `body` (moved, never copied: no clone, whose unread half would keep every byte). */
export function withBody(request: Request, url: string, body: ReadableStream<Uint8Array> | null): Request {
  return new Request(url, { method: request.method, headers: request.headers, signal: request.signal, ...(body ? { body, duplex: 'half' } : {}) } as RequestInit);
}

function payloadTooLarge(message: string): unknown {
  try {
    error(413, message);
  } catch (e) {
    return e;
  }
}

/**
 * `request` with its body limited to `limit` bytes: past it, reading the body fails with a 413 (as
 * adapter-node's own limit does), and the rest is read and dropped, so that the browser, which sends its
 * whole body before reading the answer, gets that answer. A body announced larger fails at once.
 */
export function limitBody(request: Request, limit: number, message: string): Request {
  const body = request.body;
  if (!body) return request;
  const length = request.headers.get('content-length');
  const announced = length === null ? Number.NaN : Number(length);
  if (announced <= limit) return request; // the server reads no more than announced
  const reader = body.getReader();
  let size = 0;
  const limited = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (announced > limit) {
        controller.error(payloadTooLarge(message));
        void discardBody(reader);
        return;
      }
      const next = await reader.read();
      if (next.done) return controller.close();
      size += next.value.byteLength;
      if (size > limit) {
        controller.error(payloadTooLarge(message));
        void discardBody(reader);
        return;
      }
      controller.enqueue(next.value);
    },
    cancel(reason) {
      return reader.cancel(reason);
    }
  });
  return withBody(request, request.url, limited);
}

/** After the answer: a body the route did not read at all is read and dropped (see limitBody). */
export function dropUnreadBody(request: Request): void {
  if (request.body && !request.bodyUsed && !request.body.locked) void discardBody(request.body.getReader());
}
