import type { Db } from '@passerelle/db';
import { audit } from '@passerelle/auth';
import { checkThreshold, DEFAULT_SUPPRESSION_THRESHOLD } from './suppression.ts';

// Settings of the plugin, kept in the core Setting table. Staff change them; the change is audited.

const THRESHOLD_KEY = 'epn-survey.suppression-threshold';

/** Aggregates built from fewer responses than this are shown as "< threshold". Never below 5. */
export async function suppressionThreshold(db: Db): Promise<number> {
  const row = await db.setting.findUnique({ where: { key: THRESHOLD_KEY } });
  const value = typeof row?.value === 'number' ? row.value : DEFAULT_SUPPRESSION_THRESHOLD;
  try {
    return checkThreshold(value);
  } catch {
    return DEFAULT_SUPPRESSION_THRESHOLD;
  }
}

export async function setSuppressionThreshold({ db, actorId, value }: { db: Db; actorId: string; value: number }) {
  checkThreshold(value);
  await db.$transaction(async (tx) => {
    const before = await tx.setting.findUnique({ where: { key: THRESHOLD_KEY } });
    await tx.setting.upsert({ where: { key: THRESHOLD_KEY }, create: { key: THRESHOLD_KEY, value }, update: { value } });
    await audit({ db: tx, actorId, action: 'epn-survey.settings.threshold', targetType: 'setting', targetId: THRESHOLD_KEY, data: { from: typeof before?.value === 'number' ? before.value : DEFAULT_SUPPRESSION_THRESHOLD, to: value } });
  });
  return { threshold: value };
}
