import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { referralTables } from '../../src/domains/referrals/index.ts';
import { makeReferral, referralInput, staffPrincipal } from '../support/referrals.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { testDatabaseKind } from '../support/test-db.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
}, 120_000);
afterAll(() => t.close());

const OPEN = ['requested', 'accepted', 'in-progress', 'on-hold'] as const;

/** Each team's kept count beside a count of its open referrals made now. */
async function counts(tenantId: string) {
  return t.testDb.db.inTenant(tenantId, async (tx) => {
    const teams = await referralTables(tx).selectFrom('teams').select(['id', 'name', 'open_referrals', 'specialists', 'caseload_limit']).execute();
    const open = await referralTables(tx)
      .selectFrom('referrals')
      .select((eb) => ['team_id', eb.fn.countAll<string>().as('n')])
      .where('status', 'in', OPEN)
      .groupBy('team_id')
      .execute();
    return teams.map((team) => ({ ...team, counted: Number(open.find((o) => o.team_id === team.id)?.n ?? 0) }));
  });
}

describe('a team keeps its count of open referrals', () => {
  test('through a create, a rejection and a move to another team', async () => {
    const tenant = t.tenants.leicester;
    const lead = await staffPrincipal(t, 'leicester', 'team-lead@leicester.bridgework.example');
    const first = await makeReferral(t, 'leicester');
    const second = await makeReferral(t, 'leicester', { nhsNumber: '9434765870', givenName: 'Jo' });
    await t.services.referrals.reject(lead, first.id, { reasonCode: 'out-of-area', reason: 'Lives elsewhere' });
    const other = (await counts(tenant)).find((c) => c.id !== second.teamId);
    if (!other) throw new Error('the seed has one team in Leicester');
    await t.services.referrals.reroute(lead, second.id, { teamId: other.id, reason: 'Their specialism' });
    for (const team of await counts(tenant)) expect(team.open_referrals, team.name).toBe(team.counted);
  });
});

describe.skipIf(testDatabaseKind !== 'postgres')('two referrals after a team has one place left', () => {
  test('do not both take it: one takes the place, the other is routed on with the count it then sees', async () => {
    const tenant = t.tenants.leicester;
    const owner = t.testDb.db.owner;
    // A second team beside Leicester's IPS team, covering the same services and places, with room.
    await sql`INSERT INTO teams (tenant_id, id, organisation_id, name, services, postcode_districts, programmes, specialists, caseload_limit, accepting, created_at, updated_at)
      SELECT tenant_id, gen_random_uuid(), organisation_id, 'Leicester Second IPS team', services, postcode_districts, programmes, 2, 20, true, now(), now()
      FROM teams WHERE name = 'Leicester IPS team'`.execute(owner);
    // Leicester's IPS team (first by name, so first choice) has exactly one place left.
    await sql`UPDATE teams SET specialists = 1, caseload_limit = open_referrals + 1 WHERE name = 'Leicester IPS team'`.execute(owner);
    const ips = (await counts(tenant)).find((c) => c.name === 'Leicester IPS team');
    if (!ips) throw new Error('no IPS team');

    // Hold the team's row as taking a place does, so both referrals are routed (to the last place)
    // and written before either can take it.
    const { both } = await owner.transaction().execute(async (hold) => {
      await sql`SELECT 1 FROM teams WHERE id = ${ips.id} FOR NO KEY UPDATE`.execute(hold);
      const both = Promise.all(
        ['Ann', 'Bea'].map((givenName, i) =>
          t.services.referrals.create(
            { kind: 'public', tenantId: tenant },
            'self',
            referralInput({ givenName, nhsNumber: i === 0 ? '9434765846' : '9434765838' }),
          ),
        ),
      );
      // Both are waiting on a lock (the team's row, or one queued behind the other): let them go.
      for (let tries = 0; tries < 500; tries++) {
        const waiting = await sql<{ n: string }>`SELECT count(*) AS n FROM pg_locks WHERE NOT granted`.execute(owner);
        if (Number(waiting.rows[0]?.n) >= 2) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      // Not awaited here: they finish only once this transaction lets the row go.
      return { both };
    });
    const made = await both;

    const teams = made.map((m) => m.referral.teamId).sort();
    expect(new Set(teams).size).toBe(2);
    const after = await counts(tenant);
    const ipsAfter = after.find((c) => c.id === ips.id);
    expect(ipsAfter?.open_referrals).toBe((ipsAfter?.specialists ?? 0) * (ipsAfter?.caseload_limit ?? 0));
    for (const team of after) expect(team.open_referrals, team.name).toBe(team.counted);
  });
});
