import { describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import Checkbox from './checkbox.svelte';
import { describedByTargets, find, textOf } from '../test-utils/html.ts';

describe('Checkbox (SSR)', () => {
  it('renders a labelled checkbox, checked, with error and hint linked', () => {
    const { body } = render(Checkbox, {
      props: {
        name: 'consent',
        label: 'I agree to the terms',
        hint: 'You can withdraw at any time',
        error: 'Agree to the terms to continue',
        checked: true,
        value: 'yes',
        i18n: { errorPrefix: 'Error:' },
      },
    });
    const input = find(body, 'input', { type: 'checkbox' });
    expect(input?.attrs).toMatchObject({ id: 'consent', name: 'consent', value: 'yes', 'aria-invalid': 'true' });
    expect('checked' in (input?.attrs ?? {})).toBe(true);
    expect(textOf(body, find(body, 'label', { for: 'consent' }))).toBe('I agree to the terms');
    expect(describedByTargets(body, input!).map((el) => el.attrs.id)).toEqual(['consent-error', 'consent-hint']);
  });

  it('is unchecked by default and valid without an error', () => {
    const { body } = render(Checkbox, { props: { name: 'news', label: 'Newsletter', i18n: { errorPrefix: 'Error:' } } });
    const input = find(body, 'input', { type: 'checkbox' });
    expect(input?.attrs).not.toHaveProperty('checked');
    expect(input?.attrs).not.toHaveProperty('aria-invalid');
    expect(input?.attrs.value).toBe('on');
  });
});
