import { describe, expect, it } from 'vitest';

describe('chart-setup', () => {
  it('registers only the chart.js parts Chart uses', async () => {
    const { Chart } = await import('./chart-setup.ts');
    const registry = Chart.registry as unknown as Record<string, { items: Record<string, unknown> }>;
    const ids = (kind: string) => Object.keys(registry[kind]!.items).sort();
    expect(ids('controllers')).toEqual(['bar', 'line']);
    expect(ids('elements')).toEqual(['bar', 'line', 'point']);
    expect(ids('scales')).toEqual(['category', 'linear']);
    expect(ids('plugins')).toEqual(['legend', 'tooltip']);
  });
});
