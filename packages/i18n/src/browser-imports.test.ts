// In the browser, '@passerelle/i18n' has no t() or hasMessage() (package.json "browser" condition, see
// index.ts): code that can run in the browser must import them from '@passerelle/i18n/translate'. The
// browser build would otherwise fail or, worse, leave t undefined in a page. Server-only files
// (*.server.ts, server/, services/, routes/ of plugins, hooks.server.ts, tests) may use either.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, it } from 'vitest';

const repo = join(import.meta.dirname, '../../..');
const ROOTS = ['apps/web/src', 'packages/ui/src', ...readdirSync(join(repo, 'plugins')).map((p) => `plugins/${p}/src/components`)];

function* files(dir: string): Generator<string> {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) {
    const path = join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name !== 'node_modules' && e.name !== 'server') yield* files(path);
    } else if (/\.(svelte|ts)$/.test(e.name) && !/(\.test|\.server|\.d)\.ts$|^\+server\.ts$|hooks\.server\.ts$/.test(e.name)) yield path;
  }
}

it('browser code takes t() and hasMessage() from @passerelle/i18n/translate', () => {
  const offenders: string[] = [];
  for (const root of ROOTS) {
    for (const file of files(join(repo, root))) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/import\s*\{([^}]*)\}\s*from\s*'@passerelle\/i18n'/g)) {
        if (/\b(t|hasMessage)\b/.test(m[1]!.replace(/\btype\s+\w+/g, ''))) offenders.push(relative(repo, file));
      }
    }
  }
  expect(offenders).toEqual([]);
});
