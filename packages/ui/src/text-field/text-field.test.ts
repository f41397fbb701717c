import { describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import TextField from './text-field.svelte';
import { describedByTargets, find, textOf } from '../test-utils/html.ts';

const i18n = { errorPrefix: 'Erreur :' };

describe('TextField (SSR)', () => {
  it('ties the label to the input, with the id defaulting to the name', () => {
    const { body } = render(TextField, { props: { name: 'email', label: 'Adresse e-mail', i18n } });
    const input = find(body, 'input', { name: 'email' });
    expect(input?.attrs.id).toBe('email');
    expect(textOf(body, find(body, 'label', { for: 'email' }))).toBe('Adresse e-mail');
    expect(input?.attrs).not.toHaveProperty('aria-describedby');
    expect(input?.attrs).not.toHaveProperty('aria-invalid');
  });

  it('links hint and error with aria-describedby and marks the input invalid', () => {
    const { body } = render(TextField, {
      props: {
        name: 'email',
        id: 'contact-email',
        label: 'Email',
        hint: 'We only use it to reply',
        error: 'Enter an email address like name@example.com',
        i18n,
        type: 'email',
        autocomplete: 'email',
        required: true,
        value: 'jan@',
      },
    });
    const input = find(body, 'input', { id: 'contact-email' });
    expect(input?.attrs).toMatchObject({
      type: 'email',
      autocomplete: 'email',
      value: 'jan@',
      'aria-invalid': 'true',
      'aria-describedby': 'contact-email-hint contact-email-error',
    });
    expect('required' in (input?.attrs ?? {})).toBe(true);
    const [hint, error] = describedByTargets(body, input!);
    expect(textOf(body, hint)).toBe('We only use it to reply');
    expect(textOf(body, error)).toBe('Erreur : Enter an email address like name@example.com');
    // The prefix is for screen readers only.
    expect(textOf(body, find(body, 'span', { class: true }))).toBe('Erreur :');
    expect(find(body, 'span')?.attrs.class).toContain('visually-hidden');
  });

  it('keeps an author-given aria-describedby and supports other input types', () => {
    const { body } = render(TextField, {
      props: { name: 'birth', label: 'Date', type: 'date', i18n, 'aria-describedby': 'format-note', width: '10' },
    });
    const input = find(body, 'input', { name: 'birth' });
    expect(input?.attrs.type).toBe('date');
    expect(input?.attrs['aria-describedby']).toBe('format-note');
    expect(input?.attrs.class).toContain('input--width-10');
  });

  it('can make the label the page heading', () => {
    const { body } = render(TextField, { props: { name: 'q', label: 'What is your postcode?', pageHeading: true, i18n } });
    expect(textOf(body, find(body, 'h1'))).toBe('What is your postcode?');
  });
});
