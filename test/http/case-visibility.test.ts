import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { CaseService } from '../../src/domains/participants/index.ts';
import type { UserPrincipal } from '../../src/platform/auth/index.ts';
import { api, auditRows, CARDIFF_IPS, caseOn, LEICESTER_IPS, outboxFor } from '../support/case-regimes.ts';
import { staffPrincipal } from '../support/referrals.ts';
import { bearerToken, browser, createTestApp, type TestApp } from '../support/test-app.ts';
import { testDatabaseKind } from '../support/test-db.ts';

// Health information (conditions, fit-note advice, health in the person's own words, health-team
// notes) only for a working relationship; every read of it audited; break-glass; and no health
// field through the API, ever.
let t: TestApp;
let cases: CaseService;
const staff = {} as Record<'specialist' | 'teamLead' | 'gp' | 'jobcentre' | 'admin' | 'analyst' | 'igLead' | 'cardiff', UserPrincipal>;
let ips: string;
let otherOrganisation: string;
let cardiff: string;

const LEICESTER = (role: string) => `${role}@leicester.bridgework.example`;
const HOUR = 3_600_000;

beforeAll(async () => {
  t = await createTestApp();
  cases = t.services.cases;
  staff.specialist = await staffPrincipal(t, 'leicester', LEICESTER('specialist'));
  staff.teamLead = await staffPrincipal(t, 'leicester', LEICESTER('team-lead'));
  staff.gp = await staffPrincipal(t, 'leicester', LEICESTER('referrer'));
  staff.jobcentre = await staffPrincipal(t, 'leicester', LEICESTER('jobcentre-referrer'));
  staff.admin = await staffPrincipal(t, 'leicester', LEICESTER('tenant-admin'));
  staff.analyst = await staffPrincipal(t, 'leicester', LEICESTER('national-analyst'));
  staff.igLead = await staffPrincipal(t, 'leicester', LEICESTER('ig-lead'));
  staff.cardiff = await staffPrincipal(t, 'cardiff', 'specialist@cardiff.bridgework.example');
  ips = await bearerToken(t, 'E06000016', 'cases:read cases:write', LEICESTER_IPS);
  otherOrganisation = await bearerToken(t, 'E06000016', 'cases:read cases:write', 'Leicester Jobcentre');
  cardiff = await bearerToken(t, 'W06000015', 'cases:read cases:write', CARDIFF_IPS);
}, 120_000);
afterAll(() => t.close());

/** A case with health information in every place it can be: referral, profile, a health-team note. */
async function caseWithHealth(options: { recoveryTeam?: boolean } = {}) {
  const c = await caseOn(t, { regime: 'voluntary-health', conditionsText: `Bipolar disorder noted for ${crypto.randomUUID()}`, ...options });
  const ownWords = `In my own words ${crypto.randomUUID()}`;
  const liaison = `Spoke to the community psychiatric nurse ${crypto.randomUUID()}`;
  await cases.updateProfile(c.worker, c.caseId, { skills: 'Forklift licence', healthInOwnWords: ownWords });
  await cases.addNote(c.worker, c.caseId, { kind: 'health-liaison', body: liaison });
  await cases.addNote(c.worker, c.caseId, { kind: 'contact', body: 'Phoned to say hello' });
  const fitNoteAdvice = `Fit-note advice for ${c.givenName}`;
  return { ...c, secrets: [c.conditionsText, ownWords, liaison, fitNoteAdvice], ownWords, liaison };
}

/** A field name that would hold health information. */
const HEALTHY_KEY = /health|condition|fitNote|breakGlass|ownWords/i;
/** Every property name in a JSON value, however deep. */
const keysOf = (value: unknown): string[] =>
  Array.isArray(value) ? value.flatMap(keysOf) : value && typeof value === 'object' ? Object.entries(value).flatMap(([k, v]) => [k, ...keysOf(v)]) : [];

const healthReads = async (caseId: string) => (await auditRows(t, 'case.health-read', caseId)).length;

describe(`who sees health information, on ${testDatabaseKind}`, () => {
  test('without a working relationship (the GP referrer, the tenant admin, a Jobcentre referrer): no health fields, no health notes, no audit of a read', async () => {
    const c = await caseWithHealth();
    for (const reader of [staff.gp, staff.admin, staff.jobcentre]) {
      const view = await cases.view(reader, c.caseId);
      expect(view.relationship).toBe('none');
      expect(view.health).toBeNull();
      expect(view.notes.map((n) => n.kind)).toEqual(['contact']);
      expect(view.profile.skills).toBe('Forklift licence');
      const json = JSON.stringify(view);
      for (const secret of c.secrets) expect(json).not.toContain(secret);
    }
    expect(await healthReads(c.caseId)).toBe(0);
  });

  test('the assigned specialist and the team lead of the case’s team see health fields, and each read is audited', async () => {
    const c = await caseWithHealth();
    for (const [reader, relationship] of [
      [staff.specialist, 'assigned-specialist'],
      [staff.teamLead, 'team-lead'],
    ] as const) {
      const before = await healthReads(c.caseId);
      const view = await cases.view(reader, c.caseId);
      expect(view.relationship).toBe(relationship);
      expect(view.health).toMatchObject({ conditionsText: c.conditionsText, healthInOwnWords: c.ownWords, fitNote: 'may-be-fit' });
      expect(view.notes.map((n) => n.kind).sort()).toEqual(['contact', 'health-liaison']);
      const reads = await auditRows(t, 'case.health-read', c.caseId);
      expect(reads).toHaveLength(before + 1);
      expect(reads.at(-1)).toMatchObject({ actor_kind: 'user', reason: `working relationship: ${relationship}`, details: { relationship } });
    }
  });

  test('a health read whose audit row cannot be written shows nothing, and no row says it was read', async () => {
    const c = await caseWithHealth();
    // The audit row travels with the read's COMMIT (ADR 0067): an insert that fails there must fail the read.
    const owner = t.testDb.db.owner;
    await sql
      .raw(
        `create function refuse_health_read() returns trigger language plpgsql as $$ begin
           if new.action = 'case.health-read' and new.record_id = '${c.caseId}' then raise exception 'audit refused'; end if;
           return new; end $$`,
      )
      .execute(owner);
    await sql`create trigger refuse_health_read before insert on audit_events for each row execute function refuse_health_read()`.execute(owner);
    try {
      await expect(cases.view(staff.specialist, c.caseId)).rejects.toThrow(/audit refused/);
      const b = browser(t.app);
      await b.signIn(LEICESTER('specialist'));
      const page = await b.get(`/cases/${c.caseId}`);
      expect(page.statusCode).toBe(500);
      for (const secret of c.secrets) expect(page.body).not.toContain(secret);
    } finally {
      await sql`drop trigger refuse_health_read on audit_events`.execute(owner);
      await sql`drop function refuse_health_read()`.execute(owner);
    }
    expect(await healthReads(c.caseId)).toBe(0);
    // Once the row can be written, the same read shows the fields and is audited.
    expect((await cases.view(staff.specialist, c.caseId)).health?.conditionsText).toBe(c.conditionsText);
    expect(await healthReads(c.caseId)).toBe(1);
  });

  test('a named health-team member sees health fields only while the person consents to sharing with the health team', async () => {
    const c = await caseWithHealth();
    expect((await cases.view(staff.gp, c.caseId)).health).toBeNull();
    await cases.addHealthTeamMember(c.specialist, c.caseId, { userId: staff.gp.userId });
    const named = await cases.view(staff.gp, c.caseId);
    expect(named.relationship).toBe('health-team');
    expect(named.health?.conditionsText).toBe(c.conditionsText);
    expect(named.notes.some((n) => n.body === c.liaison)).toBe(true);
    expect(await auditRows(t, 'case.health-read', c.caseId)).toEqual([expect.objectContaining({ details: { relationship: 'health-team' } })]);

    // Withdrawn: they lose it at once, and the health-team note with it.
    await cases.changeConsent(c.specialist, c.caseId, { scopes: ['contact-employers'] });
    const withdrawn = await cases.view(staff.gp, c.caseId);
    expect(withdrawn.relationship).toBe('none');
    expect(withdrawn.health).toBeNull();
    expect(withdrawn.notes.some((n) => n.kind === 'health-liaison')).toBe(false);
    expect(await healthReads(c.caseId)).toBe(1);
    // Nor may anyone add a health-team note without that consent.
    await expect(cases.addNote(c.specialist, c.caseId, { kind: 'health-liaison', body: 'Spoke to the GP' })).rejects.toMatchObject({ code: 'forbidden' });
    // The specialist keeps their working relationship.
    expect((await cases.view(staff.specialist, c.caseId)).health).not.toBeNull();

    // Given again, through the API: back.
    const given = await api(t, ips).send('PUT', `/api/v1/cases/${c.caseId}/consent`, { scopes: ['share-with-health-team'] });
    expect(given.json()).toMatchObject({ withdrawn: ['contact-employers'], given: ['share-with-health-team'] });
    expect((await cases.view(staff.gp, c.caseId)).relationship).toBe('health-team');
  });

  test('break-glass: a reason, a limited time, audited, and a review item and email for the information-governance lead', async () => {
    // A case of the Recovery into Work team, worked by its team lead: the IPS specialist has no working relationship.
    const c = await caseWithHealth({ recoveryTeam: true });
    const sam = staff.specialist;
    expect((await cases.view(sam, c.caseId)).relationship).toBe('none');
    const start = t.clock.now();
    try {
      // Only staff who work cases may break the glass; the tenant admin asks them.
      await expect(cases.breakGlass(staff.admin, c.caseId, { reason: 'I would like to see the health information' })).rejects.toMatchObject({
        code: 'forbidden',
      });
      for (const reason of [undefined, '', 'too short', '         x']) {
        await expect(cases.breakGlass(sam, c.caseId, { reason })).rejects.toMatchObject({
          code: 'invalid-input',
          issues: [{ path: 'reason', message: 'cases.error.breakGlassReason' }],
        });
      }
      const mailBefore = (await outboxFor(t, LEICESTER('ig-lead'))).length;
      const reason = 'Crisis call from the person: need to know their medication';
      const grant = await cases.breakGlass(sam, c.caseId, { reason });
      if (!grant) throw new Error('no grant');
      // The tenant's break-glass hours (4 by default).
      expect(grant.expiresAt.getTime() - start.getTime()).toBe(4 * HOUR);
      expect(await auditRows(t, 'case.break-glass', c.caseId)).toEqual([
        expect.objectContaining({ reason, details: expect.objectContaining({ grant: grant.id }) }),
      ]);

      const seen = await cases.view(sam, c.caseId);
      expect(seen.relationship).toBe('break-glass');
      expect(seen.health?.conditionsText).toBe(c.conditionsText);
      expect(seen.breakGlass).toMatchObject({ id: grant.id, reason });
      expect((await auditRows(t, 'case.health-read', c.caseId)).at(-1)).toMatchObject({
        reason: `break-glass: ${reason}`,
        details: { relationship: 'break-glass' },
      });

      // The information-governance lead is told and has an item to review.
      const mail = await outboxFor(t, LEICESTER('ig-lead'));
      expect(mail).toHaveLength(mailBefore + 1);
      expect(mail.at(-1)).toMatchObject({ template: 'case-break-glass', subject: 'Break-glass access to review' });
      expect(mail.at(-1)?.body).toContain('Sam Okafor');
      expect(mail.at(-1)?.body).not.toContain(c.conditionsText);
      const items = await cases.reviewItems(staff.igLead);
      expect(items.find((i) => i.id === grant.id)).toMatchObject({ caseId: c.caseId, userName: 'Sam Okafor', reason, reviewedAt: null });
      await expect(cases.reviewItems(staff.admin)).rejects.toMatchObject({ code: 'forbidden' });
      await expect(cases.review(staff.admin, grant.id, { outcome: 'justified' })).rejects.toMatchObject({ code: 'forbidden' });

      // Just before it ends, still there; just after, hidden again.
      t.clock.set(new Date(grant.expiresAt.getTime() - 60_000));
      expect((await cases.view(sam, c.caseId)).health).not.toBeNull();
      t.clock.set(new Date(grant.expiresAt.getTime() + 1));
      const after = await cases.view(sam, c.caseId);
      expect(after.relationship).toBe('none');
      expect(after.health).toBeNull();
      expect(after.breakGlass).toBeNull();

      // Reviewing marks it reviewed, once.
      await cases.review(staff.igLead, grant.id, { outcome: 'justified', note: 'A crisis call' });
      expect((await cases.reviewItems(staff.igLead)).find((i) => i.id === grant.id)).toMatchObject({
        reviewOutcome: 'justified',
        reviewNote: 'A crisis call',
        reviewedAt: expect.any(Date),
      });
      await expect(cases.review(staff.igLead, grant.id, { outcome: 'not-justified' })).rejects.toMatchObject({ code: 'not-found' });
      expect(await auditRows(t, 'case.break-glass-review', grant.id)).toEqual([expect.objectContaining({ reason: 'justified' })]);

      // Someone who already has a working relationship needs no break-glass.
      expect(await cases.breakGlass(staff.teamLead, c.caseId, { reason })).toBeNull();
    } finally {
      t.clock.set(start);
    }
  });

  test('break-glass in a tenant with no information-governance lead alerts the tenant admins instead', async () => {
    const c = await caseWithHealth({ recoveryTeam: true });
    const setDisabled = (at: Date | null) =>
      t.testDb.db.inTenant(t.tenants.leicester, (tx) => tx.updateTable('users').set({ disabled_at: at }).where('email', '=', LEICESTER('ig-lead')).execute());
    await setDisabled(t.clock.now());
    try {
      const before = (await outboxFor(t, LEICESTER('tenant-admin'))).length;
      await cases.breakGlass(staff.specialist, c.caseId, { reason: 'Crisis call: the person asked for help now' });
      const mail = await outboxFor(t, LEICESTER('tenant-admin'));
      expect(mail).toHaveLength(before + 1);
      expect(mail.at(-1)).toMatchObject({ template: 'case-break-glass' });
    } finally {
      await setDisabled(null);
    }
  });

  test('the referral page follows the case: once a case is open, only the assigned specialist and team leads see its health fields, audited', async () => {
    const c = await caseWithHealth();
    // Before: the assigned specialist sees the referral's health information, and the read is audited.
    const assigned = await t.services.referrals.view(staff.specialist, c.referralId);
    expect(assigned.healthVisible).toBe(true);
    expect(assigned.referral.conditionsText).toBe(c.conditionsText);
    expect(await auditRows(t, 'referral.health-read', c.referralId)).toHaveLength(1);
    // The team lead gives the case to themselves: the specialist, still in the team, loses it at once.
    await cases.reassign(staff.teamLead, c.caseId, { specialistUserId: staff.teamLead.userId, reason: 'Cover while Sam is away' });
    const former = await t.services.referrals.view(staff.specialist, c.referralId);
    expect(former.healthVisible).toBe(false);
    expect(JSON.stringify(former.referral)).not.toContain(c.conditionsText);
    expect(former.referral.fitNoteAdvice).toBeNull();
    expect(await auditRows(t, 'referral.health-read', c.referralId)).toHaveLength(1);
    // And so does the page.
    const b = browser(t.app);
    await b.signIn(LEICESTER('specialist'));
    const page = await b.get(`/referrals/${c.referralId}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain(c.conditionsText);
    expect(page.body).toContain('Shown only to the person’s assigned specialist');
    expect((await t.services.referrals.view(staff.teamLead, c.referralId)).healthVisible).toBe(true);
  });

  test('a national analyst cannot see cases at all, nor break the glass', async () => {
    const c = await caseWithHealth();
    await expect(cases.view(staff.analyst, c.caseId)).rejects.toMatchObject({ code: 'not-found' });
    await expect(cases.breakGlass(staff.analyst, c.caseId, { reason: 'Curious about the numbers' })).rejects.toMatchObject({ code: 'forbidden' });
    expect(await auditRows(t, 'case.break-glass', c.caseId)).toEqual([]);
  });

  test('the API never returns health fields, not even to the organisation working the case', async () => {
    const c = await caseWithHealth();
    await cases.addHealthTeamMember(c.specialist, c.caseId, { userId: staff.gp.userId });
    // Break-glass by the specialist of another team, whose reason mentions health.
    const other = await caseWithHealth({ recoveryTeam: true });
    await cases.breakGlass(staff.specialist, other.caseId, { reason: 'Checking the medication after a call' });
    const recovery = await api(t, ips).get(`/api/v1/cases/${other.caseId}`);
    expect(recovery.statusCode, recovery.body).toBe(200);
    expect(recovery.body).not.toContain('Checking the medication');
    for (const secret of other.secrets) expect(recovery.body).not.toContain(secret);
    const reads = await healthReads(c.caseId);
    const one = await api(t, ips).get(`/api/v1/cases/${c.caseId}`);
    expect(one.statusCode, one.body).toBe(200);
    const body = one.json() as Record<string, unknown>;
    expect(body).toMatchObject({ id: c.caseId, regime: 'voluntary-health', phase: 'vocational-profile', profile: { skills: 'Forklift licence' } });
    expect((body.notes as { kind: string }[]).map((n) => n.kind)).toEqual(['contact']);
    const list = await api(t, ips).get('/api/v1/cases');
    expect(list.statusCode).toBe(200);
    expect((list.json() as { items: { id: string }[] }).items.map((i) => i.id)).toContain(c.caseId);
    for (const res of [one, list]) {
      for (const secret of [...c.secrets, 'Checking the medication', 'Dr Priya Shah', 'may-be-fit']) expect(res.body).not.toContain(secret);
      expect(keysOf(res.json()).filter((k) => HEALTHY_KEY.test(k))).toEqual([]);
    }
    // A client's read is no health read.
    expect(await healthReads(c.caseId)).toBe(reads);

    // Nor does the published schema have anywhere to put them.
    const doc = await t.app.inject({ method: 'GET', url: '/api/docs/openapi.json' });
    const paths = (doc.json() as { paths: Record<string, Record<string, unknown>> }).paths;
    expect(Object.keys(paths)).toEqual(expect.arrayContaining(['/api/v1/cases', '/api/v1/cases/{id}']));
    const keys = keysOf(paths['/api/v1/cases/{id}']?.get);
    expect(keys).toEqual(expect.arrayContaining(['personName', 'participant', 'notes']));
    expect(keys.filter((k) => HEALTHY_KEY.test(k))).toEqual([]);
  });

  test('another tenant’s user or client, or a client of an organisation not running the team, gets 404', async () => {
    const c = await caseWithHealth();
    await expect(cases.view(staff.cardiff, c.caseId)).rejects.toMatchObject({ code: 'not-found' });
    for (const token of [cardiff, otherOrganisation]) {
      const res = await api(t, token).get(`/api/v1/cases/${c.caseId}`);
      expect(res.statusCode).toBe(404);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body).not.toContain(c.givenName);
      const write = await api(t, token).send('POST', `/api/v1/cases/${c.caseId}/notes`, { kind: 'contact', body: 'Hello' });
      expect(write.statusCode).toBe(404);
      const list = await api(t, token).get('/api/v1/cases');
      expect(list.statusCode).toBe(200);
      expect(list.body).not.toContain(c.caseId);
    }
    // A read-only token may read but not write; no token at all, neither.
    const readOnly = await bearerToken(t, 'E06000016', 'cases:read', LEICESTER_IPS);
    expect((await api(t, readOnly).get(`/api/v1/cases/${c.caseId}`)).statusCode).toBe(200);
    expect((await api(t, readOnly).send('POST', `/api/v1/cases/${c.caseId}/notes`, { kind: 'contact', body: 'Hello' })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/cases/${c.caseId}` })).statusCode).toBe(401);
    // A client cannot write a health-team note either.
    const liaison = await api(t, ips).send('POST', `/api/v1/cases/${c.caseId}/notes`, { kind: 'health-liaison', body: 'From the nurse' });
    expect(liaison.statusCode).toBe(403);
  });
});
