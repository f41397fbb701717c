import { describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import Notice from './notice.svelte';
import { find, textOf } from '../test-utils/html.ts';
import { html } from '../test-utils/snippet.ts';

describe('Notice (SSR)', () => {
  it('has a heading and content, and no live role unless asked', () => {
    const { body } = render(Notice, { props: { variant: 'success', title: 'Demande envoyée', children: html('<p>Merci.</p>') } });
    const box = find(body, 'div');
    expect(box?.attrs.class).toContain('notice--success');
    expect(box?.attrs).not.toHaveProperty('role');
    expect(textOf(body, find(body, 'h2'))).toBe('Demande envoyée');
    expect(textOf(body, find(body, 'p'))).toBe('Merci.');
    expect(find(body, 'span', { 'aria-hidden': 'true' })).toBeDefined();
  });

  it('announces live notices: status, or alert for errors', () => {
    expect(find(render(Notice, { props: { title: 'Saved', live: true } }).body, 'div')?.attrs.role).toBe('status');
    expect(find(render(Notice, { props: { title: 'Failed', variant: 'error', live: true } }).body, 'div')?.attrs.role).toBe(
      'alert',
    );
  });
});
