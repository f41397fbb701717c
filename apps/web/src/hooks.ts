import type { Reroute } from '@sveltejs/kit';
import { deLocalizeUrl } from '@passerelle/i18n';

/** /nl/account is served by the route /account; the language comes from the URL prefix. */
export const reroute: Reroute = ({ url }) => deLocalizeUrl(url).pathname;
