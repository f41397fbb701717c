import { TRPCError } from '@trpc/server';
import { expect } from 'vitest';
import type { Db } from '@passerelle/db';
import { createTestActor, pluginCaller, type TestPersonOptions } from '@passerelle/plugin-sdk/testing';
import { epnSurveyManifest } from './manifest.ts';
import { epnSurveyRouter } from './server/router.ts';

// Test helpers: a caller mounted like the root router mounts the plugin (pluginCaller), and people with roles.

export const callerFor = pluginCaller(epnSurveyManifest, epnSurveyRouter);

export async function person(db: Db, opts: TestPersonOptions = {}) {
  const actor = await createTestActor(db, opts);
  return { actor, caller: callerFor(db, actor) };
}

let orgCount = 0;
export async function organisation(db: Db, name = 'EPN association') {
  orgCount++;
  return db.organisation.create({ data: { name: `${name} ${orgCount}`, slug: `epn-org-${Date.now()}-${orgCount}`, communeNis: '21004' } });
}

export const placeFields = (name: string, extra: Record<string, unknown> = {}) => ({
  name,
  street: 'Rue Haute 1',
  postcode: '1000',
  communeNis: '21004',
  latitude: 50.84,
  longitude: 4.35,
  openingHours: 'Mo-Fr 09:00-17:00',
  services: ['free_access', 'individual_help'] as ('free_access' | 'individual_help')[],
  languages: ['fr', 'nl'] as ('fr' | 'nl')[],
  devices: 8,
  ...extra
});

/** The refusal of a call that must fail: the TRPCError, to check its code. */
export const refusal = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error('expected a refusal');
    },
    (e: unknown) => {
      expect(e).toBeInstanceOf(TRPCError);
      return e as TRPCError;
    }
  );
