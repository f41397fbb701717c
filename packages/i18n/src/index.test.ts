import { describe, expect, it } from 'vitest';
import { LOCALE_NAMES, baseLocale, deLocalizeUrl, hasMessage, isLocale, languageLinks, localizeHref, locales, m, t } from './index.ts';
import { paraglideMiddleware } from './paraglide/server.js';

const origin = 'http://localhost:3000';

/** What the server middleware does with a browser navigation to `path`. */
async function navigate(path: string, headers: Record<string, string> = {}) {
  let seen: { locale: string; path: string } | undefined;
  const response = await paraglideMiddleware(new Request(origin + path, { headers: { 'sec-fetch-dest': 'document', ...headers } }), ({ request, locale }) => {
    seen = { locale, path: new URL(request.url).pathname };
    return new Response('page');
  });
  return { status: response.status, location: response.headers.get('location')?.replace(origin, ''), seen };
}

describe('locales', () => {
  it('are fr (base), nl and en, each with its own name', () => {
    expect(locales).toEqual(['fr', 'nl', 'en']);
    expect(baseLocale).toBe('fr');
    expect(LOCALE_NAMES).toEqual({ fr: 'Français', nl: 'Nederlands', en: 'English' });
    expect(isLocale('nl')).toBe(true);
    expect(isLocale('de')).toBe(false);
  });
});

describe('t()', () => {
  it('translates a key given as data, with parameters and a language', () => {
    expect(t('error_forbidden', undefined, { locale: 'en' })).toBe('You do not have permission to do this.');
    expect(t('error_rate_limited', { seconds: 30 }, { locale: 'fr' })).toBe('Trop de tentatives. Réessayez dans 30 secondes.');
    expect(t('error_rate_limited', { seconds: 1 }, { locale: 'nl' })).toBe('Te veel pogingen. Probeer het over 1 seconde opnieuw.');
    expect(t('form_error_summary_title', {}, { locale: 'en' })).toBe('There is a problem');
  });

  it('uses the base language by default and ignores an unknown language', () => {
    expect(t('nav_home')).toBe('Accueil');
    expect(t('nav_home', {}, { locale: 'de' })).toBe('Accueil');
  });

  it('falls back to another key, or returns the key itself', () => {
    expect(t('error_no_such_code', {}, { locale: 'en', fallback: 'error_internal' })).toBe(t('error_internal', {}, { locale: 'en' }));
    expect(t('error_no_such_code')).toBe('error_no_such_code');
    expect(t('toString')).toBe('toString');
    expect(hasMessage('nav_home')).toBe(true);
    expect(hasMessage('constructor')).toBe(false);
  });

  it('matches the typed message functions', () => {
    expect(m.skip_to_content({}, { locale: 'en' })).toBe('Skip to main content');
    expect(t('skip_to_content', {}, { locale: 'nl' })).toBe(m.skip_to_content({}, { locale: 'nl' }));
  });
});

describe('URLs', () => {
  it('carry the language prefix for every locale, the base one included', () => {
    expect(localizeHref('/', { locale: 'fr' })).toBe('/fr/');
    expect(localizeHref('/ideas/12?tab=2', { locale: 'nl' })).toBe('/nl/ideas/12?tab=2');
    expect(localizeHref('/fr/ideas', { locale: 'en' })).toBe('/en/ideas');
  });

  it('de-localize for the reroute hook', () => {
    expect(deLocalizeUrl(`${origin}/nl/ideas/12`).pathname).toBe('/ideas/12');
    expect(deLocalizeUrl(`${origin}/fr`).pathname).toBe('/');
    expect(deLocalizeUrl(`${origin}/api/trpc/ideas.list`).pathname).toBe('/api/trpc/ideas.list');
  });

  it('give one language-switch link per locale to the same page', () => {
    expect(languageLinks('/nl/ideas?page=2')).toEqual([
      { locale: 'fr', name: 'Français', href: '/fr/ideas?page=2' },
      { locale: 'nl', name: 'Nederlands', href: '/nl/ideas?page=2' },
      { locale: 'en', name: 'English', href: '/en/ideas?page=2' }
    ]);
  });
});

describe('server middleware', () => {
  it('sends a first visit to / to the Accept-Language locale, else to fr', async () => {
    expect(await navigate('/', { 'accept-language': 'nl-BE,nl;q=0.9,fr;q=0.5' })).toMatchObject({ status: 307, location: '/nl/' });
    expect(await navigate('/', { 'accept-language': 'de-DE,en;q=0.5' })).toMatchObject({ status: 307, location: '/en/' });
    expect(await navigate('/', { 'accept-language': 'de' })).toMatchObject({ status: 307, location: '/fr/' });
    expect(await navigate('/')).toMatchObject({ status: 307, location: '/fr/' });
  });

  it('prefers the cookie of an earlier visit over Accept-Language', async () => {
    expect(await navigate('/ideas', { 'accept-language': 'nl', cookie: 'PARAGLIDE_LOCALE=en' })).toMatchObject({ status: 307, location: '/en/ideas' });
  });

  it('serves a prefixed URL in its language, de-localized for the router', async () => {
    expect(await navigate('/nl/ideas', { cookie: 'PARAGLIDE_LOCALE=en', 'accept-language': 'fr' })).toEqual({
      status: 200,
      location: undefined,
      seen: { locale: 'nl', path: '/ideas' }
    });
  });

  it('leaves /api alone: no redirect, locale from the cookie', async () => {
    expect(await navigate('/api/trpc/ideas.list', { cookie: 'PARAGLIDE_LOCALE=en' })).toEqual({
      status: 200,
      location: undefined,
      seen: { locale: 'en', path: '/api/trpc/ideas.list' }
    });
  });

  it('leaves /healthz alone too', async () => {
    expect(await navigate('/healthz')).toMatchObject({ status: 200, seen: { locale: 'fr', path: '/healthz' } });
  });

  it('makes messages render in the request language during the request', async () => {
    let text = '';
    await paraglideMiddleware(new Request(`${origin}/en/`), () => {
      text = m.nav_log_in();
      return new Response(text);
    });
    expect(text).toBe('Log in');
  });
});
