import { sql } from 'kysely';
import { type OutcomeKind, recordOutcomeFact } from '../../src/platform/outcomes/index.ts';
import type { TestApp } from './test-app.ts';

/**
 * Journeys written straight through the fact writer (as the domains do, without the pages): `n`
 * people referred to a team, `steps[kind]` of them reaching each later step, days apart.
 */
export async function writeJourneys(
  t: TestApp,
  tenant: 'leicester' | 'cardiff',
  teamName: string,
  n: number,
  steps: Partial<Record<OutcomeKind, number>>,
  options: { at?: string; referringService?: string; programme?: string } = {},
) {
  const tenantId = t.tenants[tenant];
  await t.testDb.db.inTenant(tenantId, async (tx) => {
    const team = (await sql<{ id: string }>`select id from teams where name = ${teamName}`.execute(tx)).rows[0];
    if (!team) throw new Error(`no team ${teamName}`);
    const start = Date.parse(options.at ?? '2026-06-01T10:00:00Z');
    for (let i = 0; i < n; i++) {
      const subjectId = crypto.randomUUID();
      const personId = crypto.randomUUID();
      const kinds: OutcomeKind[] = ['referral-received', ...(Object.keys(steps) as OutcomeKind[]).filter((k) => i < (steps[k] ?? 0))];
      for (const [j, kind] of kinds.entries()) {
        const days = j === 0 ? 0 : i + j;
        await recordOutcomeFact(tx, {
          tenantId,
          kind,
          at: new Date(start + days * 86_400_000),
          subjectId,
          personId,
          daysFromReferral: days,
          dimensions: {
            teamId: team.id,
            specialistUserId: null,
            referringService: options.referringService ?? 'gp',
            programme: options.programme ?? 'ips',
            regime: 'voluntary-health',
            youthPathway: false,
            conditionCategories: ['mental-health'],
            ageBand: '25-34',
            nation: tenant === 'cardiff' ? 'wales' : 'england',
          },
        });
      }
    }
  });
}
