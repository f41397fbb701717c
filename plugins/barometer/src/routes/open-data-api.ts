import { json } from '@sveltejs/kit';
import type { PluginEvent } from '@passerelle/plugin-sdk/server';
import { barometerCaller } from '../server/router.ts';

// The public read-only API of the barometer (no login; any site may read it). Released versions only.
//   GET /api/barometer/v1/editions

const HEADERS = { 'access-control-allow-origin': '*', 'cache-control': 'public, max-age=60' };

/** The released editions: year, version number, release time, synthetic flag, correction note. */
export async function editions(event: PluginEvent) {
  return json(await barometerCaller(event).published.editions(), { headers: HEADERS });
}
