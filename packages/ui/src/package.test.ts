// Guards for the package's promises: lazy chart.js/maplibre-gl, no i18n import, everything exported.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as ui from './index.ts';

const srcDir = fileURLToPath(new URL('.', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|svelte)$/.test(path) && !path.endsWith('.test.ts') ? [path] : [];
  });
}

const files = sourceFiles(srcDir).map((path) => ({ path: relative(srcDir, path), source: readFileSync(path, 'utf8') }));
const staticImport = (name: string) => new RegExp(`^\\s*import\\s+(?!type\\b)[^;]*?from\\s+['"]${name}(/[^'"]*)?['"]`, 'm');
const sideEffectImport = (name: string) => new RegExp(`^\\s*import\\s+['"]${name}(/[^'"]*)?['"]`, 'm');

describe('package rules', () => {
  it.each([
    ['chart.js', 'chart/chart-setup.ts'],
    ['maplibre-gl', 'map/map-setup.ts'],
  ])('only %s loads %s at run time, and that module is only imported dynamically', (library, setup) => {
    const loaders = files.filter((f) => staticImport(library).test(f.source) || sideEffectImport(library).test(f.source));
    expect(loaders.map((f) => f.path)).toEqual([setup]);
    const setupName = setup.split('/')[1]!.replace('.ts', '');
    for (const file of files) {
      expect(new RegExp(`^\\s*import\\s+(?!type\\b)[^;]*from\\s+['"][^'"]*${setupName}`, 'm').test(file.source), file.path).toBe(false);
    }
  });

  it('does not import the i18n package (texts come in through props)', () => {
    expect(files.filter((f) => f.source.includes('@passerelle/i18n')).map((f) => f.path)).toEqual([]);
  });

  it('exports every component', () => {
    for (const name of [
      'Button',
      'Chart',
      'Checkbox',
      'CheckboxGroup',
      'Container',
      'CountGrid',
      'ErrorSummary',
      'FieldError',
      'FieldHint',
      'FieldLabel',
      'Fieldset',
      'FormGroup',
      'MapView',
      'Notice',
      'Pagination',
      'RadioGroup',
      'Select',
      'SkipLink',
      'Table',
      'TextArea',
      'TextField',
      'VisuallyHidden',
    ]) {
      expect(ui, name).toHaveProperty(name);
    }
  });
});
