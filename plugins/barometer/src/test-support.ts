// Shared set-up for the plugin's tests: callers over the plugin's router with the context the host would
// build, mounted under the plugin id as in the host's root router.
import { pluginCaller } from '@passerelle/plugin-sdk/testing';
import { barometerManifest } from './manifest.ts';
import { barometerRouter } from './server/router.ts';

export { createTestActor } from '@passerelle/plugin-sdk/testing';

export const callerFor = pluginCaller(barometerManifest, barometerRouter);
