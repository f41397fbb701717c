// The real message files of the monorepo, and what paraglide compiled from them.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCALES, checkMessageFiles, discoverSources, mergeSources, messageParams } from './check.ts';

const pkgDir = join(import.meta.dirname, '..');
const repoRoot = join(pkgDir, '../..');
const compiledEntry = join(pkgDir, 'src/paraglide/messages.js');
const notGenerated = 'src/paraglide is missing: run `pnpm --filter @passerelle/i18n generate` first';

const sources = discoverSources(repoRoot);
const merged = mergeSources(sources);

describe('message sources', () => {
  it('core messages are complete, consistent and sorted in fr, nl and en', () => {
    expect(checkMessageFiles(join(pkgDir, 'messages'), { requireSorted: true })).toEqual([]);
  });

  it.each(sources.filter((s) => !merged.skipped.includes(s.label)).map((s) => [s.label, s] as const))('%s is complete and consistent', (_label, source) => {
    expect(checkMessageFiles(source.dir, source.prefix ? { prefix: source.prefix } : {})).toEqual([]);
  });

  it('merge without duplicate keys or missing prefixes', () => {
    expect(merged.errors).toEqual([]);
    expect(merged.warnings).toEqual([]);
  });

  it('have a message for every generic error code and the form summary', () => {
    const required = [
      'error_unauthenticated',
      'error_forbidden',
      'error_not_found',
      'error_validation',
      'error_conflict',
      'error_rate_limited',
      'error_internal',
      'error_plugin_disabled',
      'error_bad_request',
      'form_error_summary_title',
      'skip_to_content',
      'site_name'
    ];
    for (const key of required) expect(merged.owner.get(key), key).toBe('packages/i18n/messages');
    expect(messageParams(merged.messages.nl.error_rate_limited)).toEqual(['seconds']);
  });
});

describe('compiled messages', () => {
  it('exist', () => {
    expect(existsSync(compiledEntry), notGenerated).toBe(true);
  });

  it('contain every key of every source, in every language', async () => {
    const compiled = (await import('./paraglide/messages.js')) as unknown as Record<string, unknown>;
    const keys = [...merged.owner.keys()];
    expect(keys.length).toBeGreaterThan(0);
    const missing = keys.filter((k) => typeof compiled[k] !== 'function');
    expect(missing, 'keys missing from src/paraglide (re-run generate)').toEqual([]);

    for (const key of keys) {
      const fn = compiled[key] as (inputs: Record<string, unknown>, options: { locale: string }) => string;
      const params = Object.fromEntries(messageParams(merged.messages.fr[key]).map((p) => [p, `«${p}»`]));
      for (const locale of LOCALES) {
        const text = fn(params, { locale });
        expect(text.trim(), `${key} in ${locale}`).not.toBe('');
        expect(text, `${key} in ${locale} leaves a placeholder`).not.toMatch(/undefined/);
        for (const p of Object.keys(params)) expect(text, `${key} in ${locale} shows {${p}}`).toContain(`«${p}»`);
      }
    }
  });

  it('are built from the generated merge of all sources', () => {
    for (const locale of LOCALES) {
      const file = join(pkgDir, `.generated/messages/${locale}.json`);
      expect(existsSync(file), notGenerated).toBe(true);
      const generated = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
      expect(Object.keys(generated).filter((k) => k !== '$schema').sort()).toEqual(Object.keys(merged.messages[locale]).sort());
    }
  });

  it('load the message-format plugin from node_modules, not from a CDN', () => {
    const settings = JSON.parse(readFileSync(join(pkgDir, 'project.inlang/settings.json'), 'utf8')) as { modules: string[] };
    expect(settings.modules).toEqual(['./node_modules/@inlang/plugin-message-format/dist/index.js']);
  });
});
