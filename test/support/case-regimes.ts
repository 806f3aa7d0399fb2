import { randomInt } from 'node:crypto';
import { sql } from 'kysely';
import type { Regime } from '../../src/domains/participation/index.ts';
import { referralInput, staffPrincipal } from './referrals.ts';
import type { TestApp } from './test-app.ts';

export const LEICESTER_IPS = 'Leicester IPS Employment Service';
export const CARDIFF_IPS = 'Cardiff IPS Employment Service';
export const JOBCENTRE_REFERRER = 'jobcentre-referrer@leicester.bridgework.example';

/** A name nobody else in the test has, so each case gets its own person and participant record. */
export function uniqueName(prefix = 'Case'): string {
  return `${prefix}${Array.from({ length: 10 }, () => String.fromCharCode(97 + randomInt(26))).join('')}`;
}

export type CaseOptions = {
  regime: Regime;
  /** Health condition text; only a voluntary case may have one. '' means none recorded. */
  conditionsText?: string;
  language?: 'en' | 'cy';
  consent?: string[];
  /**
   * The Recovery into Work team instead of the IPS team: referred by the GP for addiction support
   * and taken by the team lead, so the demo specialist (not in that team) has no working relationship.
   */
  recoveryTeam?: boolean;
  /** A 21-year-old not in education, employment or training on any regime (the youth pathway): voluntary-youth always is one. */
  youngPerson?: boolean;
};

/**
 * An accepted referral's open case in Leicester, assigned to the demo specialist, on the regime
 * asked for, made the way the referral rules decide it: a self-referral with a health condition
 * (voluntary-health), a 21-year-old not in education, employment or training (voluntary-youth), or
 * a Jobcentre referral of a short-term unemployed person with no health condition (conditional).
 */
export async function caseOn(t: TestApp, options: CaseOptions) {
  const givenName = uniqueName();
  const email = `${givenName.toLowerCase()}@example.com`;
  const conditionsText = options.regime === 'conditional' ? '' : (options.conditionsText ?? `Condition of ${givenName}`);
  const base = referralInput({
    identifier: crypto.randomUUID(),
    nhsNumber: '',
    givenName,
    email,
    dateOfBirth: options.regime === 'voluntary-youth' || options.youngPerson ? '2005-03-10' : '1988-04-12',
    neet: options.regime === 'voluntary-youth' || options.youngPerson === true,
  });
  const health = conditionsText
    ? { conditionsText, conditionCategories: ['mental-health'], fitNote: 'may-be-fit', fitNoteAdvice: `Fit-note advice for ${givenName}` }
    : { conditionsText: '', conditionCategories: [], fitNote: 'none', fitNoteAdvice: '' };
  const input = {
    ...base,
    person: { ...base.person, preferredLanguage: options.language ?? 'en' },
    context: {
      ...base.context,
      ...health,
      ...(options.regime === 'conditional' ? { referringService: 'jobcentre' } : options.recoveryTeam ? { referringService: 'addiction' } : {}),
    },
    consent: { ...base.consent, scopes: options.consent ?? ['share-with-employment-team', 'share-with-health-team'] },
    ...(options.regime === 'conditional' ? { jobcentre: { shortTermUnemployed: true, conditionalityRequested: true } } : {}),
    ...(options.recoveryTeam ? { teamId: await teamId(t, 'Leicester Recovery into Work team') } : {}),
  };
  const tenantId = t.tenants.leicester;
  const { referral } =
    options.regime === 'conditional'
      ? await t.services.referrals.create(await staffPrincipal(t, 'leicester', JOBCENTRE_REFERRER), 'jobcentre', input)
      : options.recoveryTeam
        ? await t.services.referrals.create(await staffPrincipal(t, 'leicester', 'referrer@leicester.bridgework.example'), 'clinician', input)
        : await t.services.referrals.create({ kind: 'public', tenantId }, 'self', input);
  if (referral.regime !== options.regime) throw new Error(`expected a ${options.regime} referral, got ${referral.regime}`);
  const specialist = await staffPrincipal(t, 'leicester', 'specialist@leicester.bridgework.example');
  const accepting = options.recoveryTeam ? await staffPrincipal(t, 'leicester', 'team-lead@leicester.bridgework.example') : specialist;
  const accepted = await t.services.referrals.accept(accepting, referral.id, {});
  if (!accepted.caseId) throw new Error('no case opened');
  // `worker`: whoever took the case and works it (the specialist, or the Recovery team's lead).
  return { caseId: accepted.caseId, referralId: referral.id, specialist, worker: accepting, givenName, email, conditionsText };
}

async function teamId(t: TestApp, name: string): Promise<string> {
  const rows = await t.testDb.db.inTenant(t.tenants.leicester, (tx) => sql<{ id: string }>`select id from teams where name = ${name}`.execute(tx));
  const id = rows.rows[0]?.id;
  if (!id) throw new Error(`no team ${name}`);
  return id;
}

/** Rows in a tenant table, optionally only those of one case. */
export async function rowCount(t: TestApp, table: string, where: { caseId?: string; action?: string; recordId?: string } = {}) {
  const rows = await t.testDb.db.inTenant(t.tenants.leicester, (tx) => {
    let q = sql<{ n: string }>`select count(*) as n from ${sql.table(table)} where true`;
    if (where.caseId) q = sql<{ n: string }>`${q} and case_id = ${where.caseId}`;
    if (where.action) q = sql<{ n: string }>`${q} and action = ${where.action}`;
    if (where.recordId) q = sql<{ n: string }>`${q} and record_id = ${where.recordId}`;
    return q.execute(tx);
  });
  return Number(rows.rows[0]?.n);
}

/** The audit rows of one action on one record, oldest first. */
export async function auditRows(t: TestApp, action: string, recordId: string, tenant: 'leicester' | 'cardiff' = 'leicester') {
  const rows = await t.testDb.db.inTenant(t.tenants[tenant], (tx) =>
    sql<{
      actor_kind: string;
      reason: string;
      details: Record<string, unknown>;
    }>`select actor_kind, reason, details from audit_events where action = ${action} and record_id = ${recordId} order by pos`.execute(tx),
  );
  return rows.rows.map((r) => ({ ...r, details: typeof r.details === 'string' ? (JSON.parse(r.details) as Record<string, unknown>) : r.details }));
}

/** Everything queued for one recipient. */
export async function outboxFor(t: TestApp, recipient: string) {
  return t.testDb.db.inTenant(t.tenants.leicester, (tx) =>
    tx.selectFrom('notifications_outbox').select(['template', 'subject', 'body', 'language', 'created_at']).where('recipient', '=', recipient).execute(),
  );
}

export const api = (t: TestApp, token: string) => ({
  get: (url: string) => t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } }),
  send: (method: 'POST' | 'PUT', url: string, body: unknown, headers: Record<string, string> = {}) =>
    t.app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
      payload: typeof body === 'string' ? body : JSON.stringify(body),
    }),
});
