import { describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import RadioGroup from './radio-group.svelte';
import { describedByTargets, find, findAll, textOf } from '../test-utils/html.ts';

describe('RadioGroup (SSR)', () => {
  const props = {
    name: 'contact',
    legend: 'How should we contact you?',
    hint: 'Choose one',
    i18n: { errorPrefix: 'Error:' },
    items: [
      { value: 'email', label: 'Email' },
      { value: 'phone', label: 'Phone', hint: 'Weekdays only' },
      { value: 'post', label: 'Post' },
    ],
  };

  it('uses a fieldset and legend, one label per radio, the first radio carrying the group id', () => {
    const { body } = render(RadioGroup, { props: { ...props, value: 'phone' } });
    expect(textOf(body, find(body, 'legend'))).toBe('How should we contact you?');
    const radios = findAll(body, 'input', { type: 'radio' });
    expect(radios.map((r) => r.attrs.id)).toEqual(['contact', 'contact-2', 'contact-3']);
    expect(radios.every((r) => r.attrs.name === 'contact')).toBe(true);
    for (const radio of radios) expect(find(body, 'label', { for: radio.attrs.id! })).toBeDefined();
    expect(radios.filter((r) => 'checked' in r.attrs).map((r) => r.attrs.value)).toEqual(['phone']);
    // An item hint is linked from its radio.
    expect(describedByTargets(body, radios[1]!).map((el) => textOf(body, el))).toEqual(['Weekdays only']);
  });

  it('links the group hint and error from the fieldset and marks radios invalid', () => {
    const { body } = render(RadioGroup, { props: { ...props, error: 'Select how to contact you' } });
    const fieldset = find(body, 'fieldset');
    expect(fieldset?.attrs['aria-describedby']).toBe('contact-hint contact-error');
    const [, error] = describedByTargets(body, fieldset!);
    expect(textOf(body, error)).toBe('Error: Select how to contact you');
    expect(findAll(body, 'input', { type: 'radio' }).every((r) => r.attrs['aria-invalid'] === 'true')).toBe(true);
  });
});
