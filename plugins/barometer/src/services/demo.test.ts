import { expect, it } from 'vitest';
import { describeEachDb } from '@passerelle/db/testing';
import { seedDemo } from '@passerelle/db/seed';
import { DEMO_ACCOUNTS } from '@passerelle/db/demo';
import { DEMO_YEARS, seedBarometerDemo } from './demo.ts';
import { publishedEditions, publishedTrend } from './published.ts';

describeEachDb('barometer demo data', ({ getDb }) => {
  it('releases three synthetic editions through the four-eyes workflow, once', async () => {
    const db = getDb();
    await seedDemo(db);
    const started = Date.now();
    expect(await seedBarometerDemo(db)).toBe(3);
    const seconds = (Date.now() - started) / 1000;
    expect(await seedBarometerDemo(db)).toBe(0);
    const editions = await publishedEditions(db);
    expect(editions.map((e) => e.year)).toEqual([...DEMO_YEARS]);
    expect(editions.every((e) => e.synthetic && e.releaseAt.getTime() < Date.now())).toBe(true);
    const [staff, admin] = (['staff', 'admin'] as const).map((r) => DEMO_ACCOUNTS.find((a) => a.role === r)!.email);
    const versions = await db.barometerVersion.findMany({ include: { edition: true } });
    const users = new Map((await db.user.findMany({ where: { email: { in: [staff!, admin!] } } })).map((u) => [u.id, u.email]));
    for (const v of versions) {
      expect(v.edition.synthetic).toBe(true);
      expect(users.get(v.preparedById!)).toBe(staff);
      expect(users.get(v.submittedById!)).toBe(staff);
      expect(users.get(v.reviewedById!)).toBe(admin);
    }
    const microdata = await db.barometerMicrodata.findMany();
    expect(microdata.every((m) => m.respondents > 5500 && m.respondents < 7000)).toBe(true);
    // Regional figures roughly like the published ones, improving.
    const trend = await publishedTrend(db, { indicatorId: 'digitally_vulnerable' });
    expect(trend[0]!.estimate.proportion!).toBeGreaterThan(0.4);
    expect(trend[0]!.estimate.proportion!).toBeLessThan(0.52);
    expect(trend[2]!.estimate.proportion!).toBeLessThan(trend[0]!.estimate.proportion!);
    expect(await db.auditLog.count({ where: { action: 'barometer.version.approve' } })).toBe(3);
    console.log(`barometer demo seed: ${seconds.toFixed(1)} s`);
  }, 180_000);
});
