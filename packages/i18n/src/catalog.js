// Reading, checking and merging message files. Plain JavaScript (types in catalog.d.ts) because
// scripts/build.mjs runs it on Node 20 without a TypeScript loader; src/check.ts re-exports it.

import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

export const LOCALES = /** @type {const} */ (['fr', 'nl', 'en']);
export const BASE_LOCALE = 'fr';

/**
 * snake_case words separated by single "_", starting with a lower-case letter, so always a valid
 * JavaScript identifier. A word may be a camelCase field name: "error_field_too_long_displayName".
 */
export const KEY_PATTERN = /^[a-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)*$/;

// Words that would compile to an invalid export name.
const RESERVED = new Set(
  ('break case catch class const continue debugger default delete do else enum export extends false finally for function if ' +
    'implements import in instanceof interface let new null package private protected public return static super switch this ' +
    'throw true try typeof var void while with yield await arguments eval undefined')
    .split(' ')
);

/** A plugin's message keys start with its id as an identifier: "epn-survey" -> "epn_survey_". */
export function messagePrefix(pluginId) {
  return `${pluginId.replace(/-/g, '_')}_`;
}

export function isValidKey(key) {
  return KEY_PATTERN.test(key) && !RESERVED.has(key);
}

// ---------------------------------------------------------------------------------------------
// Patterns and parameters (syntax of @inlang/plugin-message-format 4)

/** Placeholders of one pattern string: { variables, markup, invalid }. */
function scanPattern(pattern) {
  const variables = [];
  const invalid = [];
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '\\') {
      i++; // escaped character, e.g. \{
      continue;
    }
    if (ch !== '{') continue;
    const end = pattern.indexOf('}', i + 1);
    if (end === -1) break; // an unclosed brace is plain text for the plugin
    const inner = pattern.slice(i + 1, end);
    i = end;
    if (inner.startsWith('#') || inner.startsWith('/')) continue; // markup {#b}…{/b}
    if (/^[A-Za-z_$][\w$]*$/.test(inner)) variables.push(inner);
    else invalid.push(`{${inner}}`);
  }
  return { variables, invalid };
}

/**
 * Parameters a message needs, sorted. A value is either a string ("Hello {name}") or a complex
 * message: [{ declarations: ["input count", "local n = count: plural"], selectors: ["n"], match: {...} }].
 */
export function messageParams(value) {
  if (typeof value === 'string') return [...new Set(scanPattern(value).variables)].sort();
  const complex = Array.isArray(value) ? value[0] : undefined;
  if (!complex || typeof complex !== 'object') return [];
  const params = new Set();
  const locals = new Set();
  for (const declaration of complex.declarations ?? []) {
    const input = /^\s*input\s+([A-Za-z_$][\w$]*)\s*$/.exec(declaration);
    if (input) params.add(input[1]);
    const local = /^\s*local\s+([A-Za-z_$][\w$]*)\s*=\s*([A-Za-z_$][\w$]*)/.exec(declaration);
    if (local) {
      locals.add(local[1]);
      params.add(local[2]);
    }
  }
  for (const pattern of Object.values(complex.match ?? {})) {
    if (typeof pattern !== 'string') continue;
    for (const name of scanPattern(pattern).variables) if (!locals.has(name)) params.add(name);
  }
  for (const local of locals) params.delete(local);
  return [...params].sort();
}

/** Shape problems of one value (empty, wrong type, bad placeholder), as sentences without the key. */
function valueProblems(value) {
  if (typeof value === 'string') {
    if (value.trim() === '') return ['is empty'];
    const { invalid } = scanPattern(value);
    return invalid.map((p) => `has an invalid placeholder ${p} (use {name}, a plain identifier)`);
  }
  if (Array.isArray(value)) {
    const complex = value[0];
    if (value.length !== 1 || !complex || typeof complex !== 'object' || Array.isArray(complex)) {
      return ['must be a string, or an array holding one complex message object'];
    }
    const match = complex.match;
    if (!match || typeof match !== 'object' || Object.keys(match).length === 0) return ['is a complex message without "match" variants'];
    const problems = [];
    for (const [selector, pattern] of Object.entries(match)) {
      if (typeof pattern !== 'string' || pattern.trim() === '') problems.push(`has an empty variant "${selector}"`);
      else for (const p of scanPattern(pattern).invalid) problems.push(`has an invalid placeholder ${p} in variant "${selector}"`);
    }
    return problems;
  }
  if (value && typeof value === 'object') return ['is a nested object: use flat snake_case keys instead'];
  return ['must be a string'];
}

// ---------------------------------------------------------------------------------------------
// Files

/** Reads fr.json, nl.json, en.json from a folder; a missing or broken file is reported, not thrown. */
export function readMessageDir(dir) {
  const catalogs = {};
  const problems = [];
  for (const locale of LOCALES) {
    const file = join(dir, `${locale}.json`);
    if (!existsSync(file)) {
      problems.push(`${locale}.json is missing`);
      continue;
    }
    let parsed;
    try {
      parsed = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      problems.push(`${locale}.json is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
      continue;
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
      problems.push(`${locale}.json must hold one JSON object`);
      continue;
    }
    catalogs[locale] = parsed;
  }
  return { catalogs, problems };
}

/** The message entries of a catalog, without "$schema". */
export function entriesOf(catalog) {
  return Object.entries(catalog).filter(([key]) => key !== '$schema');
}

/**
 * Checks one set of message files: every key present and non-empty in fr, nl and en, the same
 * parameters in every language, keys in snake_case, and (with `prefix`) every key namespaced.
 * Returns the problems found; an empty array means the files are fine.
 *
 * @param input a folder holding fr.json, nl.json, en.json, or the three parsed objects
 */
export function checkMessageFiles(input, options = {}) {
  const problems = [];
  let catalogs;
  if (typeof input === 'string') {
    const read = readMessageDir(input);
    problems.push(...read.problems);
    catalogs = read.catalogs;
  } else {
    catalogs = {};
    for (const locale of LOCALES) {
      const catalog = input[locale];
      if (catalog === undefined || catalog === null) problems.push(`${locale} messages are missing`);
      else if (typeof catalog !== 'object' || Array.isArray(catalog)) problems.push(`${locale} messages must be an object`);
      else catalogs[locale] = catalog;
    }
  }

  const present = LOCALES.filter((l) => catalogs[l]);
  const allKeys = new Set();
  for (const locale of present) for (const [key] of entriesOf(catalogs[locale])) allKeys.add(key);

  for (const key of [...allKeys].sort()) {
    if (!isValidKey(key)) problems.push(`key "${key}" is not a snake_case identifier (letters, digits, single "_", starts with a-z, no reserved word)`);
    if (options.prefix && !key.startsWith(options.prefix)) problems.push(`key "${key}" must start with "${options.prefix}"`);
    let reference = null;
    for (const locale of present) {
      const catalog = catalogs[locale];
      if (!Object.hasOwn(catalog, key)) {
        problems.push(`key "${key}" is missing in ${locale}`);
        continue;
      }
      const shape = valueProblems(catalog[key]);
      for (const p of shape) problems.push(`key "${key}" ${p} in ${locale}`);
      if (shape.length > 0) continue;
      const params = messageParams(catalog[key]);
      if (reference === null) reference = { locale, params };
      else if (params.join(',') !== reference.params.join(',')) {
        const show = (list) => (list.length ? list.map((p) => `{${p}}`).join(' ') : 'none');
        problems.push(`key "${key}" has different parameters: ${reference.locale} ${show(reference.params)}, ${locale} ${show(params)}`);
      }
    }
  }

  if (options.requireSorted) {
    for (const locale of present) {
      const keys = entriesOf(catalogs[locale]).map(([k]) => k);
      const sorted = [...keys].sort();
      if (keys.join('\n') !== sorted.join('\n')) problems.push(`${locale}.json keys are not sorted (run: pnpm --filter @passerelle/i18n sort)`);
    }
  }
  return problems;
}

/** The text of a sorted message file, as `pnpm --filter @passerelle/i18n sort` writes it. */
export function formatMessageFile(catalog) {
  const out = { $schema: 'https://inlang.com/schema/inlang-message-format' };
  for (const [key, value] of entriesOf(catalog).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) out[key] = value;
  return `${JSON.stringify(out, null, 2)}\n`;
}

// ---------------------------------------------------------------------------------------------
// Sources across the monorepo

function subfolders(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && !e.name.startsWith('.') && e.name !== 'node_modules')
    .map((e) => e.name)
    .sort();
}

/**
 * Every folder that contributes messages, in merge order: the core (packages/i18n/messages), then
 * packages/<name>/messages, apps/<name>/messages and plugins/<id>/messages. A plugin's id is its
 * folder name, and its keys must start with messagePrefix(id).
 */
export function discoverSources(repoRoot) {
  const sources = [];
  const add = (kind, name, dir, prefix) => {
    if (existsSync(dir)) sources.push({ kind, name, dir, label: relative(repoRoot, dir) || dir, ...(prefix ? { prefix } : {}) });
  };
  add('core', 'i18n', join(repoRoot, 'packages/i18n/messages'));
  for (const name of subfolders(join(repoRoot, 'packages'))) if (name !== 'i18n') add('package', name, join(repoRoot, 'packages', name, 'messages'));
  for (const name of subfolders(join(repoRoot, 'apps'))) add('app', name, join(repoRoot, 'apps', name, 'messages'));
  for (const name of subfolders(join(repoRoot, 'plugins'))) add('plugin', name, join(repoRoot, 'plugins', name, 'messages'), messagePrefix(name));
  return sources;
}

/**
 * Merges the sources into one catalog per locale.
 * - errors (the build stops): unreadable files, keys that are not snake_case, a key defined by two
 *   sources, a plugin key without the plugin's prefix, a non-plugin key using a plugin's prefix,
 *   values of the wrong shape;
 * - warnings (the build goes on, the test fails): a key missing in a language, different parameters.
 */
export function mergeSources(sources) {
  const errors = [];
  const warnings = [];
  const skipped = [];
  const messages = Object.fromEntries(LOCALES.map((l) => [l, {}]));
  const owner = new Map();
  const pluginPrefixes = sources.filter((s) => s.kind === 'plugin').map((s) => ({ prefix: s.prefix, label: s.label }));

  for (const source of sources) {
    if (LOCALES.every((l) => !existsSync(join(source.dir, `${l}.json`)))) {
      skipped.push(source.label); // an empty messages folder contributes nothing yet
      continue;
    }
    const { catalogs, problems: fileProblems } = readMessageDir(source.dir);
    errors.push(...fileProblems.map((p) => `${source.label}: ${p}`));
    for (const p of checkMessageFiles(catalogs, source.prefix ? { prefix: source.prefix } : {})) {
      if (/ messages are missing$/.test(p)) continue; // already reported as a missing file
      const isCompleteness = / is missing in \w+$/.test(p) || /has different parameters/.test(p);
      (isCompleteness ? warnings : errors).push(`${source.label}: ${p}`);
    }

    const keys = new Set();
    for (const locale of LOCALES) for (const [key] of entriesOf(catalogs[locale] ?? {})) keys.add(key);
    for (const key of [...keys].sort()) {
      const previous = owner.get(key);
      if (previous) {
        errors.push(`duplicate message key "${key}": defined in ${previous} and in ${source.label}`);
        continue;
      }
      owner.set(key, source.label);
      if (source.kind !== 'plugin') {
        const taken = pluginPrefixes.find((p) => key.startsWith(p.prefix));
        if (taken) errors.push(`${source.label}: key "${key}" uses the prefix "${taken.prefix}" reserved for ${taken.label}`);
      }
      for (const locale of LOCALES) {
        const catalog = catalogs[locale];
        if (catalog && Object.hasOwn(catalog, key)) messages[locale][key] = catalog[key];
      }
    }
  }
  return { messages, owner, errors, warnings, skipped };
}
