import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { benefitsCapability, type GuaranteeService } from '../../src/domains/benefits/index.ts';
import { RESTATEMENT_JOB_KEY } from '../../src/migrations/0008-guarantee-restatement-and-job-pay.ts';
import { auditRows, caseOn, outboxFor } from '../support/case-regimes.ts';
import { browser, createTestApp, type TestApp } from '../support/test-app.ts';
import { testDatabaseKind } from '../support/test-db.ts';

// Guarantees made under the ESA 104-week "work or training beneficiary" term, revoked from 1 May 2012
// (SI 2012/919), are re-stated by the one-off job migration 0008 queues: recomputed under the rules in
// force, the earlier last day kept on the row, in the audit trail and on the timeline, and the person
// (in their language) and the specialist told what changed and why. Each guarantee below is stored as
// the old code stored it; before the fix nothing changed it, so every test here fails on the old behaviour.
let t: TestApp;
let guarantees: GuaranteeService;
const START = '2026-11-23T09:00:00Z';
const SPECIALIST = 'specialist@leicester.bridgework.example';

beforeAll(async () => {
  t = await createTestApp();
  guarantees = t.services.guarantees;
}, 120_000);
afterAll(() => t.close());
afterEach(() => t.clock.set(START));

const db = () => t.testDb.db;
type Row = {
  id: string;
  status: string;
  protected_until: string;
  protecting_rule: string;
  restated_from: string | null;
  restated_at: Date | null;
  rules: unknown;
};
const rowOf = async (caseId: string) =>
  (await db().inTenant(t.tenants.leicester, (tx) => sql<Row>`select * from bridge_back_guarantees where case_id = ${caseId}`.execute(tx))).rows[0];
const timeline = async (caseId: string) =>
  (
    await db().inTenant(t.tenants.leicester, (tx) =>
      sql<{ reason: string }>`select reason from case_events where case_id = ${caseId} and kind = 'bridge-back-guarantee' order by at, id`.execute(tx),
    )
  ).rows.map((r) => r.reason);

/**
 * An ESA case (LCW since January 2025) with a job from 20 November 2026, and its guarantee as the old
 * rules stored it: the 12-week link to 12 February 2027, the revoked 104-week term to 17 November 2028
 * (728 days on) protecting, and the platform period to 20 May 2027.
 */
async function oldEsaGuarantee(options: { language?: 'en' | 'cy'; benefit?: string } = {}) {
  const c = await caseOn(t, { regime: 'voluntary-health', language: options.language });
  await guarantees.recordAward(c.specialist, c.caseId, {
    benefit: options.benefit ?? 'esa-new-style',
    esaGroup: 'wrag',
    decisionDate: '2025-01-10',
    evidence: ['esa-decision-letter'],
  });
  await t.services.cases.startJob(c.specialist, c.caseId, {
    employer: 'Leicester Bakery',
    role: 'Baker',
    hoursPerWeek: 16,
    hourlyPay: 12.71,
    contractType: 'permanent',
    startDate: '2026-11-20',
  });
  const p = (name: string, value: number, unit: string) => ({
    name,
    value,
    unit,
    effectiveFrom: '2008-10-27',
    confidence: 'V',
    source: 'ESA Regulations 2008',
  });
  const rules = {
    applied: [
      { rule: 'esa-linking', until: '2027-02-12', statutory: true, parameters: [p('bridge-back-esa-linking-weeks', 12, 'weeks')] },
      {
        rule: 'esa-work-or-training',
        until: '2028-11-17',
        statutory: true,
        parameters: [p('bridge-back-esa-work-or-training-qualifying-weeks', 13, 'weeks'), p('bridge-back-esa-work-or-training-linking-weeks', 104, 'weeks')],
      },
      { rule: 'platform-protected-period', until: '2027-05-20', statutory: false, parameters: [] },
    ],
    notApplied: [],
  };
  await db().inTenant(t.tenants.leicester, (tx) =>
    sql`update bridge_back_guarantees set protected_until = '2028-11-17', protecting_rule = 'esa-work-or-training', rules = ${JSON.stringify(rules)}::jsonb where case_id = ${c.caseId}`.execute(
      tx,
    ),
  );
  const row = await rowOf(c.caseId);
  if (!row) throw new Error('no guarantee');
  return { ...c, g: row };
}

describe(`re-stating guarantees made under the revoked ESA 104-week term, on ${testDatabaseKind}`, () => {
  test('migration 0008 queued the one-off job, and the benefits capability runs it', async () => {
    const jobs = await db().global((tx) =>
      sql<{ name: string; state: string }>`select name, state from jobs where dedupe_key = ${RESTATEMENT_JOB_KEY}`.execute(tx),
    );
    expect(jobs.rows).toEqual([{ name: 'benefits.guarantee-restatement', state: 'pending' }]);
    const handlers = benefitsCapability.jobs?.(t.services).handlers ?? {};
    expect(Object.keys(handlers)).toContain('benefits.guarantee-restatement');
  });

  test('an active guarantee is re-stated to the rules in force, keeps its trail, and the person and specialist are told why', async () => {
    const { caseId, g, email } = await oldEsaGuarantee();
    const before = (await outboxFor(t, SPECIALIST)).length;
    expect(await guarantees.restateRevoked()).toMatchObject({ restated: 1, told: 1 });

    // 20 November 2026 + 6 months = 20 May 2027, Bridgework's promise; the law (12 weeks) ends 12 February 2027.
    const row = await rowOf(caseId);
    expect(row).toMatchObject({
      id: g.id,
      status: 'active',
      protected_until: '2027-05-20',
      protecting_rule: 'platform-protected-period',
      restated_from: '2028-11-17',
    });
    expect(row?.restated_at).not.toBeNull();
    expect(JSON.stringify(row?.rules)).not.toContain('esa-work-or-training');

    const [audit] = await auditRows(t, 'guarantee.restate', caseId);
    expect(audit).toMatchObject({ actor_kind: 'system', reason: expect.stringContaining('protected until 2028-11-17 re-stated as 2027-05-20') });
    expect(audit?.details).toMatchObject({
      guarantee: g.id,
      from: { protectedUntil: '2028-11-17', protectingRule: 'esa-work-or-training' },
      to: { protectedUntil: '2027-05-20' },
    });
    expect((await timeline(caseId)).at(-1)).toContain('It said protected until 17 November 2028; under the rules in force it is protected until 20 May 2027');

    const [mail] = (await outboxFor(t, email)).filter((m) => m.template === 'guarantee-restated');
    expect(mail).toMatchObject({ language: 'en', subject: 'Your bridge-back guarantee has been corrected' });
    expect(mail?.body).toContain('said you were protected until 17 November 2028');
    expect(mail?.body).toContain('revoked on 1 May 2012 and is not law');
    expect(mail?.body).toContain('now runs until 20 May 2027');
    expect(mail?.body).not.toMatch(/\b104\b|work or training/u);
    const staff = (await outboxFor(t, SPECIALIST)).slice(before).filter((m) => m.template === 'guarantee-restated-staff');
    expect(staff).toHaveLength(1);
    expect(staff[0]?.body).toContain(`/cases/${caseId}/benefits`);
    expect(staff[0]?.body).not.toContain(email);

    // The benefits page shows the corrected dates and says when and why; never the revoked rule as law.
    const b = browser(t.app);
    await b.signIn(SPECIALIST);
    const page = await b.get(`/cases/${caseId}/benefits`);
    expect(page.body).toContain('20 May 2027');
    expect(page.body).toContain('this guarantee said protected until 17 November 2028, relying on an ESA linking rule revoked on 1 May 2012');
    // Words only: a CSRF token or an id may hold the digits 104 by chance.
    expect(page.body).not.toMatch(/\b104\b|work or training/u);

    // Again, or on another node: nothing more.
    expect(await guarantees.restateRevoked()).toEqual({ restated: 0, told: 0 });
    expect(await auditRows(t, 'guarantee.restate', caseId)).toHaveLength(1);
  });

  test('in Welsh for a Welsh speaker', async () => {
    const { caseId, email } = await oldEsaGuarantee({ language: 'cy', benefit: 'esa-income-related' });
    await guarantees.restateRevoked();
    expect((await rowOf(caseId))?.protected_until).toBe('2027-05-20');
    const [mail] = (await outboxFor(t, email)).filter((m) => m.template === 'guarantee-restated');
    expect(mail).toMatchObject({ language: 'cy', subject: 'Mae eich gwarant pont yn ôl wedi’i chywiro' });
    expect(mail?.body).toContain('tan 17 Tachwedd 2028');
    expect(mail?.body).toContain('a ddirymwyd ar 1 Mai 2012');
    expect(mail?.body).toContain('tan 20 Mai 2027');
  });

  test('a guarantee whose corrected period has passed says so; the sweep then expires it', async () => {
    const { caseId, email } = await oldEsaGuarantee();
    t.clock.set('2027-06-01T09:00:00Z');
    await guarantees.restateRevoked();
    const [mail] = (await outboxFor(t, email)).filter((m) => m.template === 'guarantee-restated');
    expect(mail?.body).toContain('its protected period ended on 20 May 2027');
    expect((await rowOf(caseId))?.status).toBe('active');
    await guarantees.sweep();
    expect((await rowOf(caseId))?.status).toBe('expired');
  });

  test('a used guarantee whose job ended after the corrected period: told plainly, and the public check no longer says valid', async () => {
    const { caseId, g, email } = await oldEsaGuarantee();
    await db().inTenant(t.tenants.leicester, (tx) =>
      sql`update bridge_back_guarantees set status = 'used', used_at = '2027-08-01T09:00:00Z', job_ended_on = '2027-08-01' where id = ${g.id}`.execute(tx),
    );
    t.clock.set('2027-08-02T09:00:00Z');
    await guarantees.restateRevoked();
    expect(await rowOf(caseId)).toMatchObject({ status: 'used', protected_until: '2027-05-20' });
    const [mail] = (await outboxFor(t, email)).filter((m) => m.template === 'guarantee-restated');
    expect(mail?.body).toContain('Your job ended on 1 August 2027, after the corrected period, which ended on 20 May 2027');
    const code = (
      await db().inTenant(t.tenants.leicester, (tx) =>
        sql<{ c: string }>`select verification_code as c from bridge_back_guarantees where id = ${g.id}`.execute(tx),
      )
    ).rows[0]?.c;
    expect(await guarantees.check({ code }, '203.0.113.50')).toMatchObject({ kind: 'found', status: 'used', valid: false, validUntil: '2027-05-20' });
  });

  test('a withdrawn guarantee is re-stated for the record without a letter', async () => {
    const { caseId, g, email } = await oldEsaGuarantee();
    await db().inTenant(t.tenants.leicester, (tx) =>
      sql`update bridge_back_guarantees set status = 'withdrawn', withdrawn_at = now(), withdrawn_reason = 'recorded-in-error' where id = ${g.id}`.execute(tx),
    );
    await guarantees.restateRevoked();
    expect(await rowOf(caseId)).toMatchObject({ status: 'withdrawn', protected_until: '2027-05-20', restated_from: '2028-11-17' });
    expect(await auditRows(t, 'guarantee.restate', caseId)).toHaveLength(1);
    expect((await outboxFor(t, email)).filter((m) => m.template === 'guarantee-restated')).toEqual([]);
  });
});
