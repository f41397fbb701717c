// Test support for plugins: real users in a real database, and the tRPC context the host would build
// for them, with permissions from the manifests' default grants. Plugins test their procedures through
// their own router with this; the host's authorisation matrix tests them again through the root router.
import { randomUUID } from 'node:crypto';
import type { Db } from '@passerelle/db';
import { t } from '@passerelle/i18n';
import { createCallerFactory, router, type Actor, type Bridges, type Context, type OrgMembership, type OutgoingMail, type Role } from '@passerelle/trpc';
import type { AnyTRPCRouter } from '@trpc/server';
import { defaultGrants, type PluginManifest } from './manifest.ts';

export interface TestPersonOptions {
  roles?: Role[];
  memberships?: OrgMembership[];
  email?: string;
  displayName?: string;
}

/** Creates a verified user (and their roles and memberships) and returns them as an Actor. */
export async function createTestActor(db: Db, opts: TestPersonOptions = {}): Promise<Actor> {
  const memberships = opts.memberships ?? [];
  const user = await db.user.create({
    data: {
      email: opts.email ?? `person-${randomUUID().slice(0, 8)}@example.org`,
      passwordHash: 'not-a-real-hash',
      displayName: opts.displayName ?? 'Test Person',
      emailVerifiedAt: new Date(),
      roles: { create: (opts.roles ?? []).filter((r) => r !== 'citizen' && r !== 'association_member').map((role) => ({ role })) },
      memberships: { create: memberships.map((m) => ({ organisationId: m.organisationId, role: m.role })) }
    }
  });
  const roles = new Set<Role>(['citizen', ...(opts.roles ?? [])]);
  if (memberships.length) roles.add('association_member');
  return { id: user.id, email: user.email, displayName: user.displayName, locale: user.locale, roles: [...roles], memberships };
}

export interface PluginTestContextOptions {
  db: Db;
  actor: Actor | null;
  manifest: Pick<PluginManifest, 'id' | 'permissions'>;
  /** Real SMTP in tests: pass the sendMail of a mail catcher (@passerelle/auth/mail-testing). */
  sendMail: (message: OutgoingMail) => Promise<void>;
  locale?: string;
  ip?: string;
  enabled?: boolean;
  /** Services of other plugins this one calls (see Bridges in @passerelle/trpc). */
  bridges?: Bridges;
}

/** The context of a request by `actor` (or an anonymous visitor) with the manifest's default grants. */
export function pluginTestContext(opts: PluginTestContextOptions): Context {
  const grants = defaultGrants([opts.manifest]);
  const permissions = new Set<string>();
  for (const role of opts.actor?.roles ?? []) for (const p of grants.get(role) ?? []) permissions.add(p);
  const locale = opts.locale ?? 'en';
  return {
    db: opts.db,
    actor: opts.actor,
    permissions,
    permissionDefaults: grants,
    locale,
    translate: (key, params) => t(key, params, { locale }),
    sessionId: null,
    ip: opts.ip ?? '198.51.100.7',
    origin: 'http://passerelle.test',
    pluginIds: new Set([opts.manifest.id]),
    enabledPlugins: new Set(opts.enabled === false ? [] : [opts.manifest.id]),
    sendMail: opts.sendMail,
    bridges: opts.bridges ?? {}
  };
}

/** What a plugin's tests may change in the context of a call (see PluginTestContextOptions). */
export type PluginCallerOptions = Partial<Omit<PluginTestContextOptions, 'db' | 'actor' | 'manifest'>>;

const noMail = async () => {
  throw new Error('unexpected email in this test: pass the sendMail of a mail catcher (useTestMail)');
};

/**
 * `callerFor(db, actor, options)` for a plugin's tests: calls its router mounted under the plugin's id, as
 * the host's root router mounts it (the plugin switch is keyed by that id), with the context the host
 * would build for `actor`. A procedure that sends email fails the test unless `sendMail` is given.
 */
export function pluginCaller<Id extends string, R extends AnyTRPCRouter>(manifest: Pick<PluginManifest, 'permissions'> & { id: Id }, pluginRouter: R) {
  const createCaller = createCallerFactory(router({ [manifest.id]: pluginRouter } as { [K in Id]: R }));
  return (db: Db, actor: Actor | null, options: PluginCallerOptions = {}) => createCaller(pluginTestContext({ db, actor, manifest, ...options, sendMail: options.sendMail ?? noMail }))[manifest.id];
}

const BOUNDARY = '----passerelle-test-boundary';

/** A part of a test form: a text field, or a file of `size` bytes made by `byteAt` (or given as `content`). */
export type TestPart = { name: string; value: string } | { name: string; filename: string; type?: string; size: number; byteAt?: (i: number) => number } | { name: string; filename: string; type?: string; content: Uint8Array };

/** A byte of a generated test file at a position (digits and line ends; never the multipart boundary). */
export const testByteAt = (i: number) => (i % 61 === 60 ? 10 : 48 + (i % 10));

/** `size` bytes made by `byteAt` (testByteAt by default), 64 kB at a time. */
export function* generatedBytes(size: number, byteAt?: (i: number) => number): Generator<Uint8Array> {
  // testByteAt repeats every 610 bytes: its chunks are slices of one pattern.
  const pattern = byteAt ? null : Uint8Array.from({ length: 65536 + 610 }, (_, i) => testByteAt(i));
  for (let at = 0; at < size; at += 65536) {
    const length = Math.min(65536, size - at);
    if (pattern) yield pattern.slice(at % 610, (at % 610) + length);
    else yield Uint8Array.from({ length }, (_, i) => byteAt!(at + i));
  }
}

/**
 * A form upload as a browser sends it (multipart/form-data), its body made as it is read, 64 kB at a
 * time (never whole in memory), with how far it was read; `failAt` makes the body fail there, as when
 * the browser goes away mid-upload.
 */
export function multipartRequest(url: string, parts: TestPart[], { failAt }: { failAt?: number } = {}): { request: Request; state: { pulled: number; ended: boolean } } {
  const enc = new TextEncoder();
  const state = { pulled: 0, ended: false };
  async function* bytes(): AsyncGenerator<Uint8Array> {
    for (const part of parts) {
      if ('value' in part) {
        yield enc.encode(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="${part.name}"\r\n\r\n${part.value}\r\n`);
        continue;
      }
      yield enc.encode(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="${part.name}"; filename="${part.filename}"\r\nContent-Type: ${part.type ?? 'text/csv'}\r\n\r\n`);
      if ('content' in part) {
        for (let at = 0; at < part.content.byteLength; at += 65536) yield part.content.subarray(at, at + 65536);
      } else {
        yield* generatedBytes(part.size, part.byteAt);
      }
      yield enc.encode('\r\n');
    }
    yield enc.encode(`--${BOUNDARY}--\r\n`);
  }
  const it = bytes();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await it.next();
      if (next.done) {
        state.ended = true;
        controller.close();
      } else if (failAt !== undefined && state.pulled + next.value.byteLength > failAt) {
        controller.error(new Error('aborted'));
      } else {
        state.pulled += next.value.byteLength;
        controller.enqueue(next.value);
      }
    }
  });
  const request = new Request(url, { method: 'POST', body, headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` }, duplex: 'half' } as RequestInit);
  return { request, state };
}
