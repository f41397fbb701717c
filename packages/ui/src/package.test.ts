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
// An import that runs the library (an asset URL such as `maplibre-gl/dist/…?url` does not).
const staticImport = (name: string) => new RegExp(`^\\s*import\\s+(?!type\\b)[^;]*?from\\s+['"]${name}(/[^'"?]*)?['"]`, 'm');
const sideEffectImport = (name: string) => new RegExp(`^\\s*import\\s+['"]${name}(/[^'"?]*)?['"]`, 'm');
const importsModule = (source: string, name: string) => new RegExp(`^\\s*import\\s+(?!type\\b)[^;]*from\\s+['"][^'"]*/${name}(\\.ts)?['"]`, 'm').test(source);

describe('package rules', () => {
  it.each([
    ['chart.js', 'chart/chart-setup.ts', []],
    // map-lib.ts is also what standalone scripts bundle (their own on-demand bundle, see map/standalone.ts).
    ['maplibre-gl', 'map/map-lib.ts', ['map/map-setup.ts']],
  ])('only %s loads %s at run time, and the package imports it only dynamically', (library, setup, via) => {
    const loaders = files.filter((f) => staticImport(library).test(f.source) || sideEffectImport(library).test(f.source));
    expect(loaders.map((f) => f.path)).toEqual([setup]);
    const name = (path: string) => path.split('/')[1]!.replace('.ts', '');
    expect(files.filter((f) => importsModule(f.source, name(setup))).map((f) => f.path)).toEqual(via);
    for (const module of via) expect(files.filter((f) => importsModule(f.source, name(module))).map((f) => f.path)).toEqual([]);
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
