import { describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import ErrorSummary from './error-summary.svelte';
import { elements, find, findAll, textOf } from '../test-utils/html.ts';

describe('ErrorSummary (SSR)', () => {
  it('is a titled alert box, focusable by script, linking each error to its field', () => {
    const { body } = render(ErrorSummary, {
      props: {
        title: 'Il y a un problème',
        errors: [
          { id: 'email', message: 'Saisissez une adresse e-mail' },
          { id: 'contact', message: 'Choisissez un moyen de contact' },
          { href: '#dob-day', message: 'La date doit être dans le passé' },
        ],
      },
    });
    const box = find(body, 'div', { role: 'alert' });
    expect(box?.attrs.tabindex).toBe('-1');
    const heading = elements(body).find((el) => el.attrs.id === box?.attrs['aria-labelledby']);
    expect(heading?.name).toBe('h2');
    expect(textOf(body, heading)).toBe('Il y a un problème');
    const links = findAll(body, 'a');
    expect(links.map((a) => a.attrs.href)).toEqual(['#email', '#contact', '#dob-day']);
    expect(textOf(body, links[0])).toBe('Saisissez une adresse e-mail');
  });

  it('takes a heading level and a description', () => {
    const { body } = render(ErrorSummary, {
      props: { title: 'There is a problem', description: 'Check these answers', headingLevel: 3, errors: [{ id: 'x', message: 'M' }] },
    });
    expect(find(body, 'h3')).toBeDefined();
    expect(textOf(body, find(body, 'p'))).toBe('Check these answers');
  });
});

describe('ErrorSummary without errors', () => {
  it('renders nothing', () => {
    const { body } = render(ErrorSummary, { props: { title: 'There is a problem', errors: [] } });
    expect(find(body, 'div')).toBeUndefined();
  });
});
