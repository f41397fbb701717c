// The plugin registry: every installed plugin keeps the contract (manifest, shims, router, permissions,
// messages), and the two literal lists (manifests here, routers in packages/api) name the same plugins.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appRouter } from '@passerelle/api';
import { expectPluginContract } from '@passerelle/plugin-sdk/contract';
import { hasMessage, t } from '@passerelle/i18n';
import { APP_ERROR_CODES, errorMessageKey, router as trpcRouter, type AppErrorCode } from '@passerelle/trpc';
import { PLUGINS } from './plugins.ts';

const CORE_ROUTERS = ['account', 'organisation', 'admin', 'task'];
const repo = join(import.meta.dirname, '../../../..');

describe('plugin registry', () => {
  it('the root router holds the core routers and exactly the registered plugins', () => {
    const keys = Object.keys(appRouter._def.record);
    expect(keys.filter((k) => !CORE_ROUTERS.includes(k)).sort()).toEqual(PLUGINS.map((p) => p.id).sort());
    expect(new Set(PLUGINS.map((p) => p.id)).size).toBe(PLUGINS.length);
  });

  for (const manifest of PLUGINS) {
    it(`${manifest.id} keeps the plugin contract`, () => {
      // The root router holds the plugin's procedures under its id; rebuild a router from them.
      const record = (appRouter._def.record as Record<string, unknown>)[manifest.id];
      expect(record, `${manifest.id} is registered in the root router`).toBeDefined();
      const router = trpcRouter(record as never);
      expectPluginContract({
        manifest,
        router,
        rootRouter: appRouter,
        messagesDir: join(repo, 'plugins', manifest.id, 'messages'),
        appRoutesDir: join(repo, 'apps/web/src/routes')
      });
    });
  }
});

describe('error messages', () => {
  it('every error code the API can send has a message in fr, nl and en', () => {
    for (const code of Object.keys(APP_ERROR_CODES) as AppErrorCode[]) {
      const key = errorMessageKey(code);
      expect(hasMessage(key), key).toBe(true);
      const texts = ['fr', 'nl', 'en'].map((locale) => t(key, { seconds: 5 }, { locale }));
      expect(new Set(texts).size, `${key} is translated`).toBe(3);
    }
  });
});
