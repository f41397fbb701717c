#!/usr/bin/env node
// Rewrites message files with their keys in alphabetical order (2-space JSON, "$schema" first).
// Usage: node scripts/sort.mjs [messages-dir ...]   (default: packages/i18n/messages)

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LOCALES, formatMessageFile } from '../src/catalog.js';

const pkgDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dirs = process.argv.length > 2 ? process.argv.slice(2).map((d) => resolve(d)) : [join(pkgDir, 'messages')];

for (const dir of dirs) {
  for (const locale of LOCALES) {
    const file = join(dir, `${locale}.json`);
    if (!existsSync(file)) continue;
    const before = readFileSync(file, 'utf8');
    const after = formatMessageFile(JSON.parse(before));
    if (after !== before) {
      writeFileSync(file, after);
      console.log(`sorted ${file}`);
    }
  }
}
