import { describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import Select from './select.svelte';
import { find, findAll, textOf } from '../test-utils/html.ts';

describe('Select (SSR)', () => {
  it('renders options and marks the current value selected', () => {
    const { body } = render(Select, {
      props: {
        name: 'commune',
        label: 'Commune',
        hint: 'Where you live',
        options: [
          { value: '', label: 'Choose a commune' },
          { value: '21001', label: 'Anderlecht' },
          { value: '21004', label: 'Bruxelles' },
        ],
        value: '21004',
        i18n: { errorPrefix: 'Error:' },
      },
    });
    const select = find(body, 'select', { id: 'commune' });
    expect(select?.attrs['aria-describedby']).toBe('commune-hint');
    expect(find(body, 'label', { for: 'commune' })).toBeDefined();
    const options = findAll(body, 'option');
    expect(options.map((o) => o.attrs.value)).toEqual(['', '21001', '21004']);
    expect(options.filter((o) => 'selected' in o.attrs).map((o) => o.attrs.value)).toEqual(['21004']);
    expect(textOf(body, options[2])).toBe('Bruxelles');
  });

  it('shows an error', () => {
    const { body } = render(Select, {
      props: { name: 'c', label: 'C', options: [{ value: 'a', label: 'A' }], error: 'Select a commune', i18n: { errorPrefix: 'Error:' } },
    });
    expect(find(body, 'select')?.attrs).toMatchObject({ 'aria-invalid': 'true', 'aria-describedby': 'c-error' });
  });
});
