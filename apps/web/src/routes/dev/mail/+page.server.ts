import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';

interface CaughtMail {
  id: string;
  to: string[];
  subject: string;
  text: string;
  date: string;
}

/** Development only: the emails caught by the local SMTP catcher that `pnpm start` runs. */
export const load: PageServerLoad = async ({ fetch }) => {
  const base = process.env.MAIL_CATCHER_URL;
  if (!base || process.env.NODE_ENV === 'production') error(404);
  const res = await fetch(`${base}/messages`);
  const messages = ((await res.json()) as CaughtMail[]).slice().reverse();
  return { messages };
};
