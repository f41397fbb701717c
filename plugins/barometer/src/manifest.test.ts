import { join } from 'node:path';
import { it } from 'vitest';
import { expectPluginContract } from '@passerelle/plugin-sdk/contract';
import { barometerManifest } from './manifest.ts';
import { barometerRouter } from './server/router.ts';

// The host's registry test checks the rest (shims in apps/web, registration in the root router).
it('keeps the plugin contract', () => {
  expectPluginContract({ manifest: barometerManifest, router: barometerRouter, messagesDir: join(import.meta.dirname, '../messages') });
});
