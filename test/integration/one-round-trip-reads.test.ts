import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { caseSettings } from '../../src/domains/participants/case-governance-repo.ts';
import { caseload } from '../../src/domains/participants/case-read-repo.ts';
import { caseSummaries } from '../../src/domains/participants/case-summary-repo.ts';
import type { Referral } from '../../src/domains/referrals/referral.ts';
import { listReferrals } from '../../src/domains/referrals/referral-list-repo.ts';
import { inboxLists, referralPage, referralRead } from '../../src/domains/referrals/referral-read-repo.ts';
import { findPerson, listEvents, otherReferralsOf } from '../../src/domains/referrals/referral-repo.ts';
import { searchReferrals } from '../../src/domains/referrals/referral-search-repo.ts';
import { findTeam, listTeams, teamIdsOf } from '../../src/domains/referrals/team-repo.ts';
import type { Principal } from '../../src/platform/auth/index.ts';
import { LEICESTER_SPECIALIST, openCase } from '../support/cases.ts';
import { makeReferral, newPeople, referralInput, staffPrincipal } from '../support/referrals.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { testDatabaseKind } from '../support/test-db.ts';

/**
 * The hot reads in one statement each (ADR 0023) give the same model as the transaction-bound
 * reads they replace, built from the older repo functions here, and keep tenants apart.
 */
let t: TestApp;
const referralIds: string[] = [];
let clientOfTeamOrg: Principal & { kind: 'client' };
let clientOfGpOrg: Principal & { kind: 'client' };

const client = (tenantId: string, organisationId: string | null): Principal & { kind: 'client' } => ({
  kind: 'client',
  tenantId,
  id: crypto.randomUUID(),
  clientId: `test-${crypto.randomUUID()}`,
  name: 'Test client',
  scopes: ['referrals:read'],
  organisationId,
});

beforeAll(async () => {
  t = await createTestApp();
  const leicester = t.tenants.leicester;
  const person = newPeople('1970-01-01');
  const gp = await staffPrincipal(t, 'leicester', 'referrer@leicester.bridgework.example');
  // Referrals from the GP (organisation arm), from the public (team arm only), one urgent, and a
  // second referral of one person (the page's duplicate warning); two accepted (the working list).
  const first = person('read0');
  for (let i = 0; i < 6; i++) {
    const input = referralInput({ identifier: crypto.randomUUID(), nhsNumber: '', givenName: `Read${i}`, ...(i === 0 ? first : person(`read${i}`)) });
    const created =
      i % 2
        ? await t.services.referrals.create(gp, 'clinician', input)
        : await t.services.referrals.create({ kind: 'public', tenantId: leicester }, 'self', input);
    referralIds.push(created.referral.id);
  }
  const again = await makeReferral(t, 'leicester', { identifier: crypto.randomUUID(), nhsNumber: '', givenName: 'Read0', ...first });
  referralIds.push(again.id);
  await openCase(t);
  await openCase(t);
  const teams = await t.testDb.db.inTenant(leicester, (tx) => listTeams(tx));
  clientOfTeamOrg = client(leicester, teams[0]?.organisationId ?? null);
  clientOfGpOrg = client(leicester, gp.organisationId);
}, 180_000);
afterAll(() => t.close());

describe(`hot reads in one statement on ${testDatabaseKind}`, () => {
  test('the referral page and the FHIR read give the referral, person, team, timeline and other referrals as the older reads do', async () => {
    const leicester = t.tenants.leicester;
    const specialist = await staffPrincipal(t, 'leicester', LEICESTER_SPECIALIST);
    for (const id of referralIds) {
      const page = await referralPage(t.testDb.db, leicester, id, specialist.userId);
      const expected = await t.testDb.db.inTenant(leicester, async (tx) => {
        const r = (await listReferrals(tx, { ids: [id] })).rows[0];
        if (!r) throw new Error('no referral');
        const { personName: _name, ...referral } = r;
        return {
          referral,
          person: await findPerson(tx, r.personId),
          team: await findTeam(tx, r.teamId),
          events: await listEvents(tx, id),
          others: (await otherReferralsOf(tx, r.personId, id)).map((o) => ({ id: o.id, reference: o.reference, status: o.status, createdAt: o.created_at })),
          inTeam: (await teamIdsOf(tx, specialist.userId)).includes(r.teamId),
        };
      });
      expect(page).not.toBeNull();
      expect(page?.referral).toEqual(expected.referral);
      expect(page?.person).toEqual(expected.person);
      expect(page?.team).toEqual(expected.team);
      expect(page?.events).toEqual(expected.events);
      expect(page?.others).toEqual(expected.others);
      expect(page?.facts).toEqual({ readerInTeam: expected.inTeam, teamOrganisationId: expected.team?.organisationId });
      const read = await referralRead(t.testDb.db, leicester, id, null);
      expect({ referral: read?.referral, person: read?.person, team: read?.team }).toEqual({
        referral: expected.referral,
        person: expected.person,
        team: expected.team,
      });
    }
    // A duplicate was made above, so at least one page shows another referral of the person.
    const pages = await Promise.all(referralIds.map((id) => referralPage(t.testDb.db, leicester, id, null)));
    expect(pages.some((p) => (p?.others.length ?? 0) > 0)).toBe(true);
  });

  test('the inbox lists are the older queue reads, in the same order', async () => {
    const leicester = t.tenants.leicester;
    const specialist = await staffPrincipal(t, 'leicester', LEICESTER_SPECIALIST);
    const lists = [['requested'], ['accepted', 'in-progress', 'on-hold']] as const;
    const [fresh, working] = await inboxLists(t.testDb.db, leicester, specialist.userId, lists, 200);
    const expected = await t.testDb.db.inTenant(leicester, async (tx) => {
      const teamIds = await teamIdsOf(tx, specialist.userId);
      return Promise.all(lists.map(async (statuses) => (await listReferrals(tx, { teamIds, statuses: [...statuses], order: 'queue', limit: 200 })).rows));
    });
    // The inbox reads only what its tables show (ADR 0067): those fields of the same referrals, in the same order.
    const shown = (rows: readonly (Referral & { personName: string })[] = []) =>
      rows.map((r) => ({
        id: r.id,
        reference: r.reference,
        createdAt: r.createdAt,
        status: r.status,
        urgency: r.urgency,
        youngPerson: r.youngPerson,
        personMatch: r.personMatch,
        firstContactDue: r.firstContactDue,
        firstContactAt: r.firstContactAt,
        milestone: r.milestone,
        personName: r.personName,
      }));
    expect(fresh?.length).toBeGreaterThan(5);
    expect(working?.length).toBeGreaterThan(1);
    expect(fresh).toEqual(shown(expected[0]));
    expect(working).toEqual(shown(expected[1]));
    // A short page stops each list at its length, keeping the same order.
    const [short] = await inboxLists(t.testDb.db, leicester, specialist.userId, [['requested']], 2);
    expect(short).toEqual(shown(expected[0]?.slice(0, 2)));
  });

  test('the FHIR search gives the older search’s page and total, for a client seeing referrals each way, page by page', async () => {
    const leicester = t.tenants.leicester;
    for (const c of [clientOfTeamOrg, clientOfGpOrg, client(leicester, null)]) {
      const visibleToClient = { clientId: c.id, organisationId: c.organisationId };
      for (const [limit, offset] of [
        [20, 0],
        [2, 0],
        [2, 2],
        [3, 100],
      ] as const) {
        const found = await searchReferrals(t.testDb.db, leicester, visibleToClient, { limit, offset }, 1000);
        const expected = await t.testDb.db.inTenant(leicester, (tx) =>
          listReferrals(tx, { visibleToClient, order: 'updated', countUpTo: 1000, limit, offset }),
        );
        expect(found.total).toBe(expected.total);
        expect(found.rows.map(({ team: _team, ...r }) => r)).toEqual(expected.rows);
        for (const r of found.rows) expect(r.team.id).toBe(r.teamId);
      }
    }
    // Bounded: with nothing counted past the page, a search that has more says so with no total.
    const some = await searchReferrals(
      t.testDb.db,
      leicester,
      { clientId: clientOfTeamOrg.id, organisationId: clientOfTeamOrg.organisationId },
      { limit: 1 },
      0,
    );
    expect(some.rows).toHaveLength(1);
    expect(some.total).toBeNull();
  });

  test('the caseload and its limit are the older reads', async () => {
    const leicester = t.tenants.leicester;
    const specialist = await staffPrincipal(t, 'leicester', LEICESTER_SPECIALIST);
    const now = t.clock.now();
    const read = await caseload(t.testDb.db, leicester, specialist.userId, now);
    const expected = await t.testDb.db.inTenant(leicester, async (tx) => ({
      cases: await caseSummaries(tx, { specialistUserId: specialist.userId, open: true }, now),
      limit: (await caseSettings(tx)).ipsCaseloadLimit,
    }));
    expect(read.cases.length).toBeGreaterThan(1);
    expect(read).toEqual(expected);
    // A specialist with no cases still gets the tenant's limit.
    expect(await caseload(t.testDb.db, leicester, crypto.randomUUID(), now)).toEqual({ cases: [], limit: expected.limit });
  });

  test('another tenant’s reader finds nothing: the one-statement reads are refused across tenants', async () => {
    const cardiff = t.tenants.cardiff;
    const cardiffSpecialist = await staffPrincipal(t, 'cardiff', 'specialist@cardiff.bridgework.example');
    for (const id of referralIds) {
      expect(await referralPage(t.testDb.db, cardiff, id, cardiffSpecialist.userId)).toBeNull();
      expect(await referralRead(t.testDb.db, cardiff, id, null)).toBeNull();
      await expect(t.services.referrals.view(cardiffSpecialist, id)).rejects.toThrow(/not found/i);
      await expect(t.services.referrals.read(client(cardiff, clientOfTeamOrg.organisationId), id)).rejects.toThrow(/not found/i);
    }
    // Even a Cardiff client claiming Leicester's organisation and client id sees nothing of Leicester's.
    const claimed = await searchReferrals(
      t.testDb.db,
      cardiff,
      { clientId: clientOfGpOrg.id, organisationId: clientOfGpOrg.organisationId },
      { limit: 50 },
      1000,
    );
    expect(claimed).toEqual({ rows: [], total: 0 });
    const specialist = await staffPrincipal(t, 'leicester', LEICESTER_SPECIALIST);
    expect(await inboxLists(t.testDb.db, cardiff, specialist.userId, [['requested']], 200)).toEqual([[]]);
    const cases = await caseload(t.testDb.db, cardiff, specialist.userId, t.clock.now());
    expect(cases.cases).toEqual([]);
  });
});
