import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Browser, browser, createTestApp, type TestApp } from '../support/test-app.ts';
import { testDatabaseKind } from '../support/test-db.ts';

// A member's full-time equivalent: the question page, its checks, and the caseloads that use it.
let t: TestApp;
let lead: Browser;
let teamId: string;
let specialistId: string;
beforeAll(async () => {
  t = await createTestApp();
  lead = browser(t.app);
  await lead.signIn('team-lead@leicester.bridgework.example');
  const row = await t.testDb.db.inTenant(
    t.tenants.leicester,
    async (tx) =>
      (
        await sql<{ team_id: string; user_id: string }>`
        SELECT m.team_id, m.user_id FROM team_members m JOIN users u ON u.tenant_id = m.tenant_id AND u.id = m.user_id
         WHERE 'specialist' = ANY (u.roles) ORDER BY u.display_name LIMIT 1`.execute(tx)
      ).rows[0],
  );
  teamId = row?.team_id ?? '';
  specialistId = row?.user_id ?? '';
}, 120_000);
afterAll(() => t.close());

const fteOf = async () =>
  t.testDb.db.inTenant(t.tenants.leicester, async (tx) =>
    Number((await sql<{ fte: string }>`SELECT fte::text FROM team_members WHERE team_id = ${teamId} AND user_id = ${specialistId}`.execute(tx)).rows[0]?.fte),
  );

describe(`a specialist's full-time equivalent on ${testDatabaseKind}`, () => {
  test('the team page lists members with their FTE and a link to change it', async () => {
    const res = await lead.get(`/teams/${teamId}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Working time of members');
    expect(res.body).toContain(`href="/teams/${teamId}/members/${specialistId}/fte"`);
  });

  test.each([
    ['1.5', 'more than 1'],
    ['0', 'zero'],
    ['0.333', 'three decimal places'],
    ['half', 'not a number'],
    ['', 'nothing'],
  ])('%s (%s) is refused with the error summary, and nothing changes', async (fte) => {
    const url = `/teams/${teamId}/members/${specialistId}/fte`;
    const res = await lead.post(url, { fte, _csrf: await lead.csrf(url) });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('govuk-error-summary');
    expect(res.body).toContain('Enter a number more than 0 and no more than 1, with up to 2 decimal places, like 0.6');
    expect(await fteOf()).toBe(1);
  });

  test('a good answer is saved and audited, the caseloads use it, and saving the team keeps it', async () => {
    const url = `/teams/${teamId}/members/${specialistId}/fte`;
    const page = await lead.get(url);
    expect(page.body).toContain('How much of a full-time week does');
    const res = await lead.post(url, { fte: '0.6', _csrf: await lead.csrf(url) });
    expect(res.statusCode, res.body).toBe(303);
    expect(await fteOf()).toBe(0.6);
    const audited = await t.testDb.db.inTenant(
      t.tenants.leicester,
      async (tx) =>
        (await sql<{ n: number }>`SELECT count(*)::integer AS n FROM audit_events WHERE action = 'team.member-fte' AND record_id = ${teamId}`.execute(tx))
          .rows[0]?.n,
    );
    expect(audited).toBe(1);
    const commissioner = browser(t.app);
    await commissioner.signIn('commissioner@leicester.bridgework.example');
    expect((await commissioner.get('/outcomes')).body).toMatch(/Leicester IPS team<\/th>\s*<td[^>]*>[^<]*<\/td>\s*<td[^>]*>\s*\d+\.\d0\s*</);
    // Saving the team again with the same members keeps the recorded FTE.
    const { team, memberIds } = await t.services.teams.get(t.tenants.leicester, teamId);
    expect(memberIds).toContain(specialistId);
    await t.services.teams.update(t.tenants.leicester, { kind: 'system', id: 'test' }, teamId, {
      name: team.name,
      organisationId: team.organisationId,
      services: team.services,
      postcodeDistricts: team.postcodeDistricts.join(' '),
      programmes: team.programmes,
      specialists: String(team.specialists),
      caseloadLimit: String(team.caseloadLimit),
      accepting: team.accepting ? 'yes' : 'no',
      memberIds,
    });
    expect(await fteOf()).toBe(0.6);
  });

  test('a specialist cannot change it; an unknown member is not found', async () => {
    const specialist = browser(t.app);
    await specialist.signIn('specialist@leicester.bridgework.example');
    expect((await specialist.get(`/teams/${teamId}/members/${specialistId}/fte`)).statusCode).toBe(403);
    expect((await lead.get(`/teams/${teamId}/members/${crypto.randomUUID()}/fte`)).statusCode).toBe(404);
  });
});
