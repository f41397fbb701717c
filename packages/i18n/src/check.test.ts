import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { assertMessageFiles, checkMessageFiles, discoverSources, mergeSources, messageParams, messagePrefix } from './check.ts';

const temps: string[] = [];
afterEach(() => temps.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'i18n-check-'));
  temps.push(dir);
  return dir;
}

function writeMessages(dir: string, files: Record<string, unknown>): string {
  mkdirSync(dir, { recursive: true });
  for (const [locale, content] of Object.entries(files)) {
    writeFileSync(join(dir, `${locale}.json`), typeof content === 'string' ? content : JSON.stringify(content));
  }
  return dir;
}

const good = {
  fr: { greeting: 'Bonjour {name}', bye: 'Au revoir' },
  nl: { greeting: 'Hallo {name}', bye: 'Tot ziens' },
  en: { greeting: 'Hello {name}', bye: 'Goodbye' }
};

describe('checkMessageFiles', () => {
  it('accepts complete files, as objects or as a folder', () => {
    expect(checkMessageFiles(good)).toEqual([]);
    expect(checkMessageFiles(writeMessages(tempDir(), good))).toEqual([]);
    expect(() => assertMessageFiles(good)).not.toThrow();
  });

  it('finds a key missing in one language', () => {
    const { bye: _bye, ...nl } = good.nl;
    expect(checkMessageFiles({ ...good, nl })).toEqual(['key "bye" is missing in nl']);
  });

  it('finds an empty or blank value', () => {
    expect(checkMessageFiles({ ...good, en: { ...good.en, bye: '  ' } })).toEqual(['key "bye" is empty in en']);
  });

  it('finds parameters that differ between languages', () => {
    const problems = checkMessageFiles({ ...good, nl: { ...good.nl, greeting: 'Hallo' } });
    expect(problems).toEqual(['key "greeting" has different parameters: fr {name}, nl none']);
    expect(checkMessageFiles({ ...good, en: { ...good.en, greeting: 'Hello {nom}' } })).toHaveLength(1);
  });

  it('requires the prefix when one is given', () => {
    expect(checkMessageFiles(good, { prefix: 'epn_survey_' })).toContain('key "bye" must start with "epn_survey_"');
    const prefixed = { fr: { epn_survey_title: 'Enquête' }, nl: { epn_survey_title: 'Enquête' }, en: { epn_survey_title: 'Survey' } };
    expect(checkMessageFiles(prefixed, { prefix: messagePrefix('epn-survey') })).toEqual([]);
  });

  it('rejects keys that are not snake_case identifiers, and nested objects', () => {
    const bad = { 'nav.home': 'x', NavHome: 'x', delete: 'x', a__b: 'x', nested: { a: 'x' }, error_field_too_long_displayName: 'x' };
    const problems = checkMessageFiles({ fr: bad, nl: bad, en: bad });
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringContaining('key "nav.home" is not a snake_case identifier'),
        expect.stringContaining('key "NavHome" is not a snake_case identifier'),
        expect.stringContaining('key "delete" is not a snake_case identifier'),
        expect.stringContaining('key "a__b" is not a snake_case identifier'),
        'key "nested" is a nested object: use flat snake_case keys instead in fr'
      ])
    );
    expect(problems.join()).not.toContain('displayName');
  });

  it('rejects placeholders that are not plain names', () => {
    const problems = checkMessageFiles({ fr: { a: 'x { name }' }, nl: { a: 'x {name}' }, en: { a: 'x {name}' } });
    expect(problems).toEqual(['key "a" has an invalid placeholder { name } (use {name}, a plain identifier) in fr']);
  });

  it('reports missing and broken files of a folder', () => {
    const dir = writeMessages(tempDir(), { fr: good.fr, nl: '{ not json' });
    const problems = checkMessageFiles(dir);
    expect(problems).toContain('en.json is missing');
    expect(problems.some((p) => p.startsWith('nl.json is not valid JSON'))).toBe(true);
  });

  it('can require sorted keys', () => {
    expect(checkMessageFiles(good, { requireSorted: true })).toEqual([
      'fr.json keys are not sorted (run: pnpm --filter @passerelle/i18n sort)',
      'nl.json keys are not sorted (run: pnpm --filter @passerelle/i18n sort)',
      'en.json keys are not sorted (run: pnpm --filter @passerelle/i18n sort)'
    ]);
  });

  it('checks complex (plural) messages: variants and parameters', () => {
    const plural = (one: string, other: string) => [
      { declarations: ['input count', 'local n = count: plural'], selectors: ['n'], match: { 'n=one': one, 'n=*': other } }
    ];
    const ok = { fr: { items: plural('{count} objet', '{count} objets') }, nl: { items: plural('{count} ding', '{count} dingen') }, en: { items: plural('one item', '{count} items') } };
    expect(checkMessageFiles(ok)).toEqual([]);
    expect(messageParams(ok.en.items)).toEqual(['count']);
    const empty = { ...ok, nl: { items: plural('', '{count} dingen') } };
    expect(checkMessageFiles(empty)).toEqual(['key "items" has an empty variant "n=one" in nl']);
  });
});

describe('merging the sources of the monorepo', () => {
  function repo(layout: Record<string, Record<string, unknown>>): string {
    const root = tempDir();
    for (const [dir, files] of Object.entries(layout)) writeMessages(join(root, dir, 'messages'), files);
    return root;
  }
  const same = (messages: Record<string, string>) => ({ fr: messages, nl: messages, en: messages });

  it('merges core, package, app and plugin messages', () => {
    const root = repo({
      'packages/i18n': same({ nav_home: 'Accueil' }),
      'packages/ui': same({ ui_close: 'Fermer' }),
      'apps/web': same({ web_welcome: 'Bienvenue' }),
      'plugins/epn-survey': same({ epn_survey_title: 'Enquête' })
    });
    const sources = discoverSources(root);
    expect(sources.map((s) => [s.kind, s.label, s.prefix])).toEqual([
      ['core', 'packages/i18n/messages', undefined],
      ['package', 'packages/ui/messages', undefined],
      ['app', 'apps/web/messages', undefined],
      ['plugin', 'plugins/epn-survey/messages', 'epn_survey_']
    ]);
    const merged = mergeSources(sources);
    expect(merged.errors).toEqual([]);
    expect(Object.keys(merged.messages.nl).sort()).toEqual(['epn_survey_title', 'nav_home', 'ui_close', 'web_welcome']);
  });

  it('fails on a key defined twice', () => {
    const root = repo({ 'packages/i18n': same({ nav_home: 'Accueil' }), 'apps/web': same({ nav_home: 'Maison' }) });
    expect(mergeSources(discoverSources(root)).errors).toEqual([
      'duplicate message key "nav_home": defined in packages/i18n/messages and in apps/web/messages'
    ]);
  });

  it('fails on a plugin key without the plugin prefix, and on a core key using it', () => {
    const root = repo({ 'packages/i18n': same({ ideas_title: 'Idées' }), 'plugins/ideas': same({ title: 'Idées' }) });
    expect(mergeSources(discoverSources(root)).errors).toEqual([
      'packages/i18n/messages: key "ideas_title" uses the prefix "ideas_" reserved for plugins/ideas/messages',
      'plugins/ideas/messages: key "title" must start with "ideas_"'
    ]);
  });

  it('treats a missing translation as a warning, and a missing file as an error', () => {
    const root = repo({
      'packages/i18n': { fr: { a_b: 'x', c_d: 'y' }, nl: { a_b: 'x' }, en: { a_b: 'x', c_d: 'y' } },
      'plugins/ideas': { fr: { ideas_a: 'x' }, nl: { ideas_a: 'x' } }
    });
    const merged = mergeSources(discoverSources(root));
    expect(merged.warnings).toEqual(['packages/i18n/messages: key "c_d" is missing in nl']);
    expect(merged.errors).toEqual(['plugins/ideas/messages: en.json is missing']);
  });

  it('skips a messages folder that has no file yet', () => {
    const root = repo({ 'packages/i18n': same({ a_b: 'x' }) });
    mkdirSync(join(root, 'apps/web/messages'), { recursive: true });
    const merged = mergeSources(discoverSources(root));
    expect(merged.skipped).toEqual(['apps/web/messages']);
    expect(merged.errors).toEqual([]);
  });
});
