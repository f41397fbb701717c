import { describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import TextArea from './text-area.svelte';
import { describedByTargets, find, textOf } from '../test-utils/html.ts';

describe('TextArea (SSR)', () => {
  it('renders a labelled textarea with its value, hint and error', () => {
    const { body } = render(TextArea, {
      props: {
        name: 'idea',
        label: 'Your idea',
        hint: 'Two or three sentences',
        error: 'Describe your idea',
        value: 'A bench <near> the library',
        i18n: { errorPrefix: 'Fout:' },
      },
    });
    const textarea = find(body, 'textarea', { id: 'idea' });
    expect(find(body, 'label', { for: 'idea' })).toBeDefined();
    expect(textarea?.attrs['aria-invalid']).toBe('true');
    expect(describedByTargets(body, textarea!).map((el) => el.attrs.id)).toEqual(['idea-hint', 'idea-error']);
    expect(textOf(body, textarea)).toBe('A bench <near> the library');
    expect(textOf(body, find(body, 'p', { id: 'idea-error' }))).toBe('Fout: Describe your idea');
  });
});
