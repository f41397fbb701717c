import { join } from 'node:path';
import { it } from 'vitest';
import { expectPluginContract } from '@passerelle/plugin-sdk/contract';
import { mobileEpnManifest } from './manifest.ts';
import { mobileEpnRouter } from './server/router.ts';

// The host's registry test checks the rest (shims in apps/web, registration in the root router).
it('keeps the plugin contract', () => {
  expectPluginContract({ manifest: mobileEpnManifest, router: mobileEpnRouter, messagesDir: join(import.meta.dirname, '../messages') });
});
