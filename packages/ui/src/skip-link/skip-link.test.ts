import { describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import SkipLink from './skip-link.svelte';
import VisuallyHidden from '../visually-hidden/visually-hidden.svelte';
import Container from '../container/container.svelte';
import { find, textOf } from '../test-utils/html.ts';
import { html } from '../test-utils/snippet.ts';

describe('SkipLink, VisuallyHidden, Container (SSR)', () => {
  it('links to the main content with a translated label', () => {
    const { body } = render(SkipLink, { props: { label: 'Aller au contenu principal' } });
    const link = find(body, 'a', { href: '#main' });
    expect(textOf(body, link)).toBe('Aller au contenu principal');
  });

  it('hides text visually but keeps it in the markup', () => {
    const { body } = render(VisuallyHidden, { props: { children: html('Error:') } });
    const span = find(body, 'span');
    expect(span?.attrs.class).toContain('visually-hidden');
    expect(textOf(body, span)).toBe('Error:');
  });

  it('renders the requested element', () => {
    const { body } = render(Container, { props: { as: 'main', id: 'main', tabindex: -1, width: 'narrow', children: html('x') } });
    expect(find(body, 'main', { id: 'main', tabindex: '-1' })?.attrs.class).toContain('container--narrow');
  });
});
