import { randomBytes } from 'node:crypto';
import type { Db } from '@passerelle/db';
import { t } from '@passerelle/i18n';
import type { OutgoingMail } from '@passerelle/trpc';

// Opt-in email notifications: when one's idea changes status, when someone replies to one's comment,
// and when a followed idea has an update. Every email carries a link that switches them off without
// logging in. The link holds a random per-person key (256 bits), stable so that every email's link keeps
// working; the worst a stolen key can do is switch someone's notifications off.

export type NotificationKind = 'status' | 'reply' | 'followed';
const FIELD: Record<NotificationKind, 'onStatus' | 'onReply' | 'onFollowed'> = { status: 'onStatus', reply: 'onReply', followed: 'onFollowed' };

const newKey = () => randomBytes(32).toString('base64url');

export async function getPrefs({ db, userId }: { db: Db; userId: string }) {
  const p = await db.ideasNotificationPrefs.findUnique({ where: { userId } });
  return { onStatus: p?.onStatus ?? false, onReply: p?.onReply ?? false, onFollowed: p?.onFollowed ?? false };
}

export async function setPrefs({ db, userId, prefs }: { db: Db; userId: string; prefs: { onStatus: boolean; onReply: boolean; onFollowed: boolean } }) {
  await db.ideasNotificationPrefs.upsert({ where: { userId }, create: { userId, ...prefs, unsubscribeHash: newKey() }, update: prefs });
  return prefs;
}


/** Switches notifications off from an email link, without logging in. False when the link is not valid. */
export async function unsubscribe({ db, token, kind }: { db: Db; token: string; kind: NotificationKind | 'all' }): Promise<boolean> {
  const prefs = await db.ideasNotificationPrefs.findUnique({ where: { unsubscribeHash: token } });
  if (!prefs) return false;
  const data = kind === 'all' ? { onStatus: false, onReply: false, onFollowed: false } : { [FIELD[kind]]: false };
  await db.ideasNotificationPrefs.update({ where: { userId: prefs.userId }, data });
  return true;
}

export interface Notice {
  kind: NotificationKind;
  userIds: string[];
  /** Message keys and parameters; the email is written in each recipient's language. */
  subjectKey: string;
  textKey: string;
  params: Record<string, string>;
  /** Path of the page the email points to, without the language, e.g. /ideas/slug/3. */
  path: string;
}

/**
 * Sends a notice to the people who opted in to that kind. Email trouble never undoes what was done:
 * a failed send is reported in the result (and logged by the caller), not thrown.
 */
export async function notify({ db, origin, sendMail, notice }: { db: Db; origin: string; sendMail: (m: OutgoingMail) => Promise<void>; notice: Notice }): Promise<{ sent: number; failed: number }> {
  const ids = [...new Set(notice.userIds)];
  if (!ids.length) return { sent: 0, failed: 0 };
  const recipients = await db.user.findMany({
    where: { id: { in: ids }, disabledAt: null, ideasPrefs: { [FIELD[notice.kind]]: true } },
    select: { id: true, email: true, locale: true, ideasPrefs: { select: { unsubscribeHash: true } } }
  });
  let sent = 0;
  let failed = 0;
  for (const r of recipients) {
    const locale = r.locale;
    const token = r.ideasPrefs!.unsubscribeHash;
    const link = `${origin}/${locale}${notice.path}`;
    const unsubscribeLink = `${origin}/${locale}/ideas/unsubscribe?token=${token}&kind=${notice.kind}`;
    const text = `${t(notice.textKey, { ...notice.params, link }, { locale })}\n\n${t('ideas_mail_unsubscribe', { link: unsubscribeLink }, { locale })}`;
    try {
      await sendMail({ to: r.email, subject: t(notice.subjectKey, notice.params, { locale }), text });
      sent++;
    } catch {
      failed++;
    }
  }
  return { sent, failed };
}
