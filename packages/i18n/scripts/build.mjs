#!/usr/bin/env node
// Builds the messages of the whole monorepo:
//   1. collects packages/i18n/messages, packages/*/messages, apps/*/messages, plugins/*/messages;
//   2. checks them and merges them into .generated/messages/{locale}.json (stops on errors);
//   3. writes project.inlang/settings.json with the locally installed message-format plugin
//      (the default settings load it from a CDN, which compiles no message at all offline);
//   4. compiles with paraglide into src/paraglide, then checks that every message was compiled.
//
// Usage: node scripts/build.mjs [--strict] [--watch]
//   --strict  also stop when a message is missing in a language or its parameters differ
//             (same as I18N_STRICT=1); without it those are printed as warnings.
//   --watch   rebuild when a message file changes (for `pnpm dev`).

import { existsSync, mkdirSync, readFileSync, watch, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { BASE_LOCALE, LOCALES, discoverSources, formatMessageFile, mergeSources } from '../src/catalog.js';

const pkgDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const repoRoot = resolve(pkgDir, '../..');
const generatedDir = join(pkgDir, '.generated/messages');
const projectDir = join(pkgDir, 'project.inlang');
const outdir = join(pkgDir, 'src/paraglide');

const args = new Set(process.argv.slice(2));
const strict = args.has('--strict') || process.env.I18N_STRICT === '1';
const watchMode = args.has('--watch');

/** Locale detection, in order: /fr/… in the URL, the cookie, Accept-Language, then fr. */
export const STRATEGY = ['url', 'cookie', 'preferredLanguage', 'baseLocale'];

/** Every page has its language prefix, the base locale included: / -> /fr/, /about -> /fr/about. */
export const URL_PATTERNS = [
  {
    pattern: '/:path(.*)?',
    localized: LOCALES.map((locale) => [locale, `/${locale}/:path(.*)?`])
  }
];

/**
 * Paths that are not pages keep their URL: no redirect, no prefix. The locale there comes from the
 * cookie (set by the browser on its first page), then Accept-Language; tRPC error messages use it.
 */
const WITHOUT_URL = ['cookie', 'preferredLanguage', 'baseLocale'];
export const ROUTE_STRATEGIES = [
  { match: '/api/:path(.*)?', strategy: WITHOUT_URL },
  { match: '/healthz', strategy: WITHOUT_URL },
  { match: '/.well-known/:path(.*)?', strategy: WITHOUT_URL }
];

class BuildError extends Error {}

/** Output hashes of the last compile, so that a watch rebuild writes only what changed. */
let previousCompilation;

function writeIfChanged(file, text) {
  if (existsSync(file) && readFileSync(file, 'utf8') === text) return false;
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
  return true;
}

function pluginModulePath() {
  // settings.json paths are relative to the folder that holds project.inlang (packages/i18n).
  const linked = './node_modules/@inlang/plugin-message-format/dist/index.js';
  if (existsSync(join(pkgDir, linked))) return linked;
  try {
    const entry = createRequire(join(pkgDir, 'package.json')).resolve('@inlang/plugin-message-format');
    return relative(pkgDir, entry).split('\\').join('/');
  } catch {
    throw new BuildError('@inlang/plugin-message-format is not installed in packages/i18n (run pnpm install).');
  }
}

function writeSettings() {
  const settings = {
    $schema: 'https://inlang.com/schema/project-settings',
    baseLocale: BASE_LOCALE,
    locales: [...LOCALES],
    modules: [pluginModulePath()],
    'plugin.inlang.messageFormat': { pathPattern: './.generated/messages/{locale}.json' }
  };
  writeIfChanged(join(projectDir, 'settings.json'), `${JSON.stringify(settings, null, 2)}\n`);
}

/**
 * Names of the compiled message functions, found by importing the generated messages.js in a
 * fresh Node process (a watch rebuild must not see modules cached from the previous build).
 */
function compiledMessageKeys() {
  const entry = join(outdir, 'messages.js');
  if (!existsSync(entry)) return [];
  const code = `const m = await import(${JSON.stringify(pathToFileURL(entry).href)});
    console.log(JSON.stringify(Object.keys(m).filter((k) => typeof m[k] === 'function')));`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', code], { cwd: pkgDir, encoding: 'utf8' });
  return JSON.parse(out);
}

async function build() {
  const started = Date.now();
  const sources = discoverSources(repoRoot);
  const { messages, owner, errors, warnings, skipped } = mergeSources(sources);
  for (const label of skipped) console.log(`[i18n] ${label} has no fr/nl/en.json yet; skipped`);

  for (const w of warnings) console.warn(`[i18n] warning: ${w}`);
  const fatal = strict ? [...errors, ...warnings] : errors;
  if (fatal.length > 0) {
    throw new BuildError(`message files have ${fatal.length} problem(s):\n  - ${fatal.join('\n  - ')}`);
  }
  if (owner.size === 0) throw new BuildError('no messages found (packages/i18n/messages/fr.json is empty or missing).');

  for (const locale of LOCALES) writeIfChanged(join(generatedDir, `${locale}.json`), formatMessageFile(messages[locale]));
  writeSettings();

  const { compile } = await import('@inlang/paraglide-js');
  previousCompilation = await compile({
    // In watch mode, rewrite only changed files instead of emptying the folder under a running Vite.
    cleanOutdir: !watchMode,
    ...(previousCompilation ? { previousCompilation } : {}),
    project: projectDir,
    outdir,
    strategy: STRATEGY,
    urlPatterns: URL_PATTERNS,
    routeStrategies: ROUTE_STRATEGIES,
    // .d.ts next to the generated .js, so that packages without allowJs get types.
    emitTsDeclarations: true,
    emitReadme: false
  });

  const compiled = new Set(compiledMessageKeys());
  const missing = [...owner.keys()].filter((k) => !compiled.has(k));
  if (compiled.size === 0 || missing.length > 0) {
    throw new BuildError(
      compiled.size === 0
        ? 'paraglide compiled 0 messages. Is the message-format plugin loaded from node_modules (project.inlang/settings.json "modules")?'
        : `paraglide did not compile ${missing.length} message(s): ${missing.slice(0, 20).join(', ')}`
    );
  }
  const bySource = sources.filter((s) => !skipped.includes(s.label)).map((s) => `${s.label} ${[...owner.values()].filter((l) => l === s.label).length}`).join(', ');
  console.log(`[i18n] compiled ${compiled.size} messages x ${LOCALES.length} locales into ${relative(repoRoot, outdir)} in ${Date.now() - started} ms (${bySource})`);
}

function report(error) {
  if (error instanceof BuildError) console.error(`[i18n] ${error.message}`);
  else console.error('[i18n] build failed:', error);
}

if (!watchMode) {
  try {
    await build();
  } catch (error) {
    report(error);
    process.exit(1);
  }
  // The inlang SDK leaves ~30 s of timers behind after compile(); nothing is pending once we are here.
  process.exit(0);
} else {
  // Rebuild on changes in any messages folder; new plugin folders are picked up on the next change.
  let timer;
  let running = Promise.resolve();
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      running = running.then(() => build().catch(report));
    }, 150);
  };
  const watched = new Set();
  const watchAll = () => {
    const dirs = [
      ...discoverSources(repoRoot).map((s) => s.dir),
      ...['packages', 'apps', 'plugins'].map((d) => join(repoRoot, d)).filter(existsSync)
    ];
    for (const dir of dirs) {
      if (watched.has(dir)) continue;
      watched.add(dir);
      watch(dir, (_event, file) => {
        if (dir.endsWith('messages') ? String(file).endsWith('.json') : true) {
          watchAll();
          schedule();
        }
      });
    }
  };
  watchAll();
  schedule();
  console.log(`[i18n] watching ${watched.size} folders for message changes`);
}
