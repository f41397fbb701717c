import { describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import CheckboxGroup from './checkbox-group.svelte';
import { describedByTargets, find, findAll, textOf } from '../test-utils/html.ts';

describe('CheckboxGroup (SSR)', () => {
  it('renders a fieldset with checkboxes sharing the name, checking the given values', () => {
    const { body } = render(CheckboxGroup, {
      props: {
        name: 'topics',
        legend: 'Which topics interest you?',
        hint: 'Select all that apply',
        error: 'Select at least one topic',
        i18n: { errorPrefix: 'Erreur :' },
        items: [
          { value: 'mobility', label: 'Mobility' },
          { value: 'housing', label: 'Housing' },
          { value: 'digital', label: 'Digital skills' },
        ],
        value: ['housing', 'digital'],
      },
    });
    const fieldset = find(body, 'fieldset');
    expect(describedByTargets(body, fieldset!).map((el) => el.attrs.id)).toEqual(['topics-hint', 'topics-error']);
    expect(textOf(body, find(body, 'legend'))).toBe('Which topics interest you?');
    const boxes = findAll(body, 'input', { type: 'checkbox' });
    expect(boxes.map((b) => b.attrs.id)).toEqual(['topics', 'topics-2', 'topics-3']);
    expect(boxes.every((b) => b.attrs.name === 'topics' && b.attrs['aria-invalid'] === 'true')).toBe(true);
    expect(boxes.filter((b) => 'checked' in b.attrs).map((b) => b.attrs.value)).toEqual(['housing', 'digital']);
    expect(textOf(body, find(body, 'label', { for: 'topics-3' }))).toBe('Digital skills');
  });
});
