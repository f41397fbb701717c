import { expect, it } from 'vitest';
import { describeEachDb } from '@passerelle/db/testing';
import { seedDemo } from '@passerelle/db/seed';
import { seedMobileEpnDemo } from './demo.ts';

describeEachDb('mobile-epn demo data', ({ getDb }) => {
  it('seeds venues of every type, trainers, kits, a request and sessions, once', async () => {
    const db = getDb();
    await seedDemo(db);
    expect(await seedMobileEpnDemo(db)).toBeGreaterThan(10);
    expect(await seedMobileEpnDemo(db)).toBe(0);
    expect((await db.mobileVenue.findMany({ where: { isDemo: true } })).map((v) => v.type).sort()).toEqual(['care_home', 'community_centre', 'library', 'private_home', 'social_housing']);
    expect(await db.mobileTrainer.count({ where: { isDemo: true } })).toBe(3);
    expect(await db.mobileSession.count({ where: { isDemo: true, startsAt: { gt: new Date() } } })).toBe(8);
    // Yesterday's workshop at the care home, with three residents waiting for their attendance.
    expect(await db.mobileRegistration.count({ where: { session: { isDemo: true, startsAt: { lt: new Date() } } } })).toBe(3);
  });
});
