import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SEQUENTIAL_BLUES } from '../map/choropleth.ts';
import { DEFAULT_CHART_COLORS } from '../chart/chart-data.ts';

const srcDir = fileURLToPath(new URL('..', import.meta.url));
const css = readFileSync(new URL('./base.css', import.meta.url), 'utf8');
const tokens = Object.fromEntries([...css.matchAll(/(--[\w-]+):\s*([^;]+);/g)].map((m) => [m[1]!, m[2]!.trim()]));

function luminance(hex: string): number {
  const channels = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  const [r, g, b] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

function token(name: string): string {
  const value = tokens[name];
  if (!value) throw new Error(`${name} missing from base.css`);
  return value;
}

function svelteFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return svelteFiles(path);
    return path.endsWith('.svelte') ? [path] : [];
  });
}

describe('base.css tokens', () => {
  it.each([
    ['--color-text', '--color-background'],
    ['--color-text', '--color-surface'],
    ['--color-text-secondary', '--color-background'],
    ['--color-text-secondary', '--color-surface'],
    ['--color-link', '--color-background'],
    ['--color-link', '--color-surface'],
    ['--color-link-visited', '--color-background'],
    ['--color-link-hover', '--color-background'],
    ['--color-on-primary', '--color-primary'],
    ['--color-on-primary', '--color-primary-hover'],
    ['--color-on-primary', '--color-error'],
    ['--color-on-primary', '--color-error-hover'],
    ['--color-on-primary', '--color-success'],
    ['--color-on-primary', '--color-warning'],
    ['--color-primary', '--color-background'],
    ['--color-error', '--color-background'],
    ['--color-error', '--color-surface'],
    ['--color-focus-text', '--color-focus'],
  ])('text %s on %s has at least 4.5:1', (fg, bg) => {
    expect(contrast(token(fg), token(bg))).toBeGreaterThanOrEqual(4.5);
  });

  it.each([
    ['--color-input-border', '--color-background'],
    ['--color-border-strong', '--color-background'],
    ['--map-border', '--map-fill'],
    ['--map-border', '--map-background'],
    ['--map-marker', '--map-fill'],
    ['--color-focus-text', '--color-background'],
    ['--color-chart-1', '--color-background'],
    ['--color-chart-2', '--color-background'],
    ['--color-chart-3', '--color-background'],
    ['--color-chart-4', '--color-background'],
    ['--color-chart-5', '--color-background'],
  ])('graphics %s on %s have at least 3:1', (fg, bg) => {
    expect(contrast(token(fg), token(bg))).toBeGreaterThanOrEqual(3);
  });

  it('chart defaults in code match the CSS tokens', () => {
    expect(DEFAULT_CHART_COLORS.map((_, i) => token(`--color-chart-${i + 1}`))).toEqual([...DEFAULT_CHART_COLORS]);
  });

  it('the darkest choropleth class is distinct from the map border', () => {
    for (const palette of Object.values(SEQUENTIAL_BLUES)) {
      expect(palette.length).toBeGreaterThan(0);
    }
    expect(contrast(SEQUENTIAL_BLUES[5]![4]!, token('--map-fill'))).toBeGreaterThanOrEqual(3);
  });

  it('every var() fallback in a component equals the base.css default', () => {
    const mismatches: string[] = [];
    for (const file of svelteFiles(srcDir)) {
      const source = readFileSync(file, 'utf8');
      for (const [, name, fallback] of source.matchAll(/var\((--[\w-]+),\s*([^)]+?)\)/g)) {
        if (name!.startsWith('--_') || name!.startsWith('--container-')) continue;
        if (tokens[name!] !== fallback!.trim()) mismatches.push(`${file}: ${name} ${fallback} (base.css: ${tokens[name!]})`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('keeps the base font size at 1rem or more and honours reduced motion', () => {
    expect(token('--font-size-base')).toBe('1rem');
    expect(css).toContain('@media (prefers-reduced-motion: reduce)');
    expect(css).toMatch(/\.visually-hidden\b/);
    expect(css).toMatch(/:focus-visible\s*{[^}]*outline:\s*3px/);
  });
});
