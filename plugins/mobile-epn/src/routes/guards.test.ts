import { isHttpError, isRedirect } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { pluginTestContext } from '@passerelle/plugin-sdk/testing';
import type { PluginEvent } from '@passerelle/plugin-sdk/server';
import type { Actor } from '@passerelle/trpc';
import { mobileEpnManifest } from '../manifest.ts';
import * as hub from './manage-hub.ts';
import * as mediate from './mediate.ts';
import * as myRequests from './my-requests.ts';
import * as requestForm from './request-form.ts';
import * as settings from './travel-settings.ts';
import * as venueForm from './venue-form.ts';

// Who reaches the pages: a signed-out visitor is sent to log in and comes back; people without the
// permission get 403 before anything is read (the procedures check again).

const noDb = new Proxy({}, { get: () => { throw new Error('no database access expected'); } }) as never;
const citizen: Actor = { id: 'u1', email: 'c@example.org', displayName: 'C', locale: 'fr', roles: ['citizen'], memberships: [] };

function event(actor: Actor | null, path: string): PluginEvent<{ id?: string }> {
  const ctx = pluginTestContext({ db: noDb, actor, manifest: mobileEpnManifest, sendMail: async () => {}, locale: 'fr' });
  return { locals: { ctx }, url: new URL(`http://passerelle.test${path}`), params: {}, request: new Request(`http://passerelle.test${path}`, { method: 'POST', body: new FormData() }), setHeaders: () => {}, cookies: { get: () => undefined, set: () => {}, delete: () => {} } };
}

async function outcome(run: () => unknown) {
  try {
    await run();
    return 'ran';
  } catch (e) {
    if (isRedirect(e)) return `redirect ${e.status} ${e.location}`;
    if (isHttpError(e)) return `error ${e.status}`;
    throw e;
  }
}

describe('page guards of the directory and request pages', () => {
  it('signed out: the request pages send to the login page and back', async () => {
    expect(await outcome(() => requestForm.load(event(null, '/fr/mobile/request?where=home')))).toMatch(/^redirect 303 .*\/login\?next=%2Ffr%2Fmobile%2Frequest%3Fwhere%3Dhome$/);
    expect(await outcome(() => myRequests.load(event(null, '/fr/mobile/requests')))).toMatch(/^redirect 303 .*\/login\?next=/);
    expect(await outcome(() => requestForm.actions.default(event(null, '/fr/mobile/request')))).toMatch(/^redirect 303 .*\/login/);
    expect(await outcome(() => hub.load(event(null, '/fr/mobile/manage')))).toMatch(/^redirect 303 .*\/login/);
  });

  it('a citizen gets 403 on the coordinator pages and on the mediator form, before any read', async () => {
    for (const run of [() => hub.load(event(citizen, '/fr/mobile/manage')), () => venueForm.load(event(citizen, '/fr/mobile/manage/venues/new')), () => venueForm.actions.save(event(citizen, '/fr/mobile/manage/venues/new')), () => settings.actions.default(event(citizen, '/fr/mobile/manage/settings')), () => mediate.load(event(citizen, '/fr/mobile/mediate'))]) {
      expect(await outcome(run)).toBe('error 403');
    }
  });
});
