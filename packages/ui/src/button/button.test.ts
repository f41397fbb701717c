import { describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import Button from './button.svelte';
import { find, textOf } from '../test-utils/html.ts';
import { html } from '../test-utils/snippet.ts';

describe('Button (SSR)', () => {
  it('is a submit button by default', () => {
    const { body } = render(Button, { props: { children: html('Envoyer') } });
    const button = find(body, 'button');
    expect(button?.attrs.type).toBe('submit');
    expect(button?.attrs.class).toContain('button--primary');
    expect(textOf(body, button)).toBe('Envoyer');
  });

  it('renders variants, form attributes and a link form', () => {
    const warning = render(Button, {
      props: { children: html('Delete'), variant: 'warning', type: 'submit', name: 'intent', value: 'delete' },
    }).body;
    expect(find(warning, 'button')?.attrs).toMatchObject({ name: 'intent', value: 'delete' });
    expect(find(warning, 'button')?.attrs.class).toContain('button--warning');

    const link = render(Button, { props: { children: html('Start'), href: '/start', variant: 'secondary' } }).body;
    const a = find(link, 'a', { href: '/start' });
    expect(a?.attrs.class).toContain('button--secondary');
    expect(a?.attrs).not.toHaveProperty('type');
    expect(find(link, 'button')).toBeUndefined();
  });
});
