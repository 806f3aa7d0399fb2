import { type AliasableExpression, type Kysely, type Selectable, sql } from 'kysely';
import { jsonArrayFrom, jsonObjectFrom } from 'kysely/helpers/postgres';
import { compileOnce, type PlatformTables, type Statement, type Tx } from '../../platform/db/index.ts';
import { organisationEmailQuery } from '../organisations/index.ts';
import {
  type Person,
  type Referral,
  type ReferralEvent,
  type ReferralEventKind,
  type ReferralStatus,
  type ReferralTables,
  type Regime,
  TEAM_COLUMNS,
} from './referral.ts';
import { personMatchKey } from './referral-rules.ts';
import { liveSubscriptionsQuery, recordTaskChange } from './subscriptions/subscription-repo.ts';

export const tables = (tx: Tx) => tx.withTables<ReferralTables>();

export type ReferralRow = Selectable<ReferralTables['referrals']>;
export type PersonRow = Selectable<ReferralTables['people']>;

export const toReferral = (r: ReferralRow): Referral => ({
  id: r.id,
  reference: r.reference,
  identifier: { system: r.identifier_system, value: r.identifier_value },
  personId: r.person_id,
  personMatch: r.person_match,
  submittedPerson: (typeof r.submitted_person === 'string' ? JSON.parse(r.submitted_person) : r.submitted_person) as Referral['submittedPerson'],
  route: r.route,
  referrer: { userId: r.referrer_user_id, clientId: r.referrer_client_id, organisationId: r.referrer_organisation_id, name: r.referrer_name },
  referringService: r.referring_service,
  conditionsText: r.conditions_text,
  conditionCategories: r.condition_categories,
  fitNote: r.fit_note,
  fitNoteAdvice: r.fit_note_advice,
  benefits: r.benefits,
  helpWanted: r.help_wanted,
  urgency: r.urgency,
  youngPerson: r.young_person,
  regime: r.regime,
  regimeBasis: r.regime_basis,
  shortTermUnemployed: r.short_term_unemployed,
  consent: { scopes: r.consent_scopes, method: r.consent_method, givenOn: r.consent_given_on, recordedBy: r.consent_recorded_by },
  teamId: r.team_id,
  ownerUserId: r.owner_user_id,
  status: r.status,
  statusReason: r.status_reason,
  reasonCode: r.reason_code,
  milestone: r.business_status,
  contactAttempts: r.contact_attempts,
  firstContactDue: r.first_contact_due,
  firstContactAt: r.first_contact_at,
  slaRemindedAt: r.sla_reminded_at,
  slaBreachedAt: r.sla_breached_at,
  caseId: r.case_id,
  version: r.version,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export const toPerson = (p: PersonRow): Person => ({
  id: p.id,
  givenName: p.given_name,
  familyName: p.family_name,
  dateOfBirth: p.date_of_birth,
  nhsNumber: p.nhs_number,
  addressLine1: p.address_line1,
  addressLine2: p.address_line2,
  town: p.town,
  postcode: p.postcode,
  phone: p.phone,
  email: p.email,
  preferredLanguage: p.preferred_language,
  contactMethod: p.contact_method,
  doNotContact: p.do_not_contact,
});

export async function findReferral(tx: Tx, id: string): Promise<Referral | null> {
  const row = await tables(tx).selectFrom('referrals').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toReferral(row) : null;
}

export async function findReferralForUpdate(tx: Tx, id: string): Promise<Referral | null> {
  const row = await tables(tx).selectFrom('referrals').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  return row ? toReferral(row) : null;
}

export async function findReferralByIdentifier(tx: Tx, system: string, value: string): Promise<Referral | null> {
  const row = await tables(tx)
    .selectFrom('referrals')
    .selectAll()
    .where('identifier_system', '=', system)
    .where('identifier_value', '=', value)
    .executeTakeFirst();
  return row ? toReferral(row) : null;
}

/** Inserts unless the business identifier is taken; null then (the constraint decides). */
export async function insertReferral(tx: Tx, row: ReferralTables['referrals'] extends infer T ? { [K in keyof T]: unknown } : never) {
  const inserted = await tables(tx)
    .insertInto('referrals')
    .values(row as never)
    .onConflict((oc) => oc.constraint('referrals_identifier_unique').doNothing())
    .returningAll()
    .executeTakeFirst();
  if (!inserted) return null;
  const referral = toReferral(inserted);
  await taskChanged(tx, inserted.tenant_id, referral);
  return referral;
}

/**
 * `insertReferral`'s insert, unrun, for intake to send with the referral's other writes
 * (`writeTogether`): it returns the id when written, nothing when the business identifier is taken.
 * The caller tells subscribers (`taskChanged`).
 */
export const referralInsert = (tx: Tx, row: ReferralTables['referrals'] extends infer T ? { [K in keyof T]: unknown } : never) =>
  tables(tx)
    .insertInto('referrals')
    .values(row as never)
    .onConflict((oc) => oc.constraint('referrals_identifier_unique').doNothing())
    .returning('id');

/**
 * A new Task, or a new version of one: subscribers that may read it are notified, from this
 * transaction (ADR 0046). Every change a poller sees as a new `_lastUpdated` passes through here.
 */
export const taskChanged = (tx: Tx, tenantId: string, r: Referral) =>
  recordTaskChange(
    tx,
    { tenantId, id: r.id, referrerClientId: r.referrer.clientId, referrerOrganisationId: r.referrer.organisationId, teamId: r.teamId },
    r.updatedAt,
  );

export type ReferralPatch = Partial<{
  status: ReferralStatus;
  status_reason: string | null;
  reason_code: string | null;
  business_status: Referral['milestone'];
  team_id: string;
  owner_user_id: string | null;
  contact_attempts: number;
  first_contact_at: Date;
  sla_reminded_at: Date;
  sla_breached_at: Date;
  case_id: string;
}>;

/** Applies a change and bumps the version that FHIR clients see as meta.versionId and ETag. */
export async function updateReferral(tx: Tx, id: string, patch: ReferralPatch, now: Date): Promise<Referral> {
  const row = await tables(tx)
    .updateTable('referrals')
    .set({ ...patch, updated_at: now, version: sql<number>`version + 1` })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  const referral = toReferral(row);
  await taskChanged(tx, row.tenant_id, referral);
  return referral;
}

export type NewEvent = {
  tenantId: string;
  id: string;
  referralId: string;
  at: Date;
  actor: { kind: string; id: string; name: string };
  kind: ReferralEventKind;
  fromStatus?: string | null;
  toStatus?: string | null;
  milestone?: string | null;
  reason?: string | null;
  details?: Record<string, unknown>;
};

export async function insertEvent(tx: Tx, event: NewEvent): Promise<void> {
  await eventInsert(tx, event).execute();
}

/**
 * The event of a referral being inserted in the same `writeTogether`, placed right after
 * `referralInsert`: written from that insert's RETURNING rows, so only when the referral was.
 */
export function eventOfInsert(event: Omit<NewEvent, 'referralId'>) {
  return {
    onPrevious: (inserted: string) => sql`
      INSERT INTO referral_events (tenant_id, id, referral_id, at, actor_kind, actor_id, actor_name, kind, from_status, to_status, business_status, reason, details)
      SELECT ${event.tenantId}::uuid, ${event.id}::uuid, r.id, ${event.at}::timestamptz, ${event.actor.kind}, ${event.actor.id}, ${event.actor.name}, ${event.kind},
             ${event.fromStatus ?? null}::text, ${event.toStatus ?? null}::text, ${event.milestone ?? null}::text, ${event.reason ?? null}::text,
             ${JSON.stringify(event.details ?? {})}::jsonb
        FROM ${sql.raw(inserted)} r`,
  };
}

/** `insertEvent`'s insert, unrun (`writeTogether`). */
export function eventInsert(tx: Tx, event: NewEvent) {
  return tables(tx)
    .insertInto('referral_events')
    .values({
      tenant_id: event.tenantId,
      id: event.id,
      referral_id: event.referralId,
      at: event.at,
      actor_kind: event.actor.kind,
      actor_id: event.actor.id,
      actor_name: event.actor.name,
      kind: event.kind,
      from_status: event.fromStatus ?? null,
      to_status: event.toStatus ?? null,
      business_status: event.milestone ?? null,
      reason: event.reason ?? null,
      details: JSON.stringify(event.details ?? {}),
    });
}

export async function listEvents(tx: Tx, referralId: string): Promise<ReferralEvent[]> {
  const rows = await tables(tx).selectFrom('referral_events').selectAll().where('referral_id', '=', referralId).orderBy('at').orderBy('id').execute();
  return rows.map((e) => ({
    id: e.id,
    at: e.at,
    actorName: e.actor_name,
    kind: e.kind,
    fromStatus: e.from_status,
    toStatus: e.to_status,
    milestone: e.business_status,
    reason: e.reason,
    details: (typeof e.details === 'string' ? JSON.parse(e.details) : e.details) as Record<string, unknown>,
  }));
}

export async function findPerson(tx: Tx, id: string): Promise<Person | null> {
  const row = await tables(tx).selectFrom('people').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toPerson(row) : null;
}

/**
 * The one person record for this referral: found by NHS number, else by name, date of birth and
 * postcode, else created. Transaction locks on this person's keys (taken in a fixed order, so two
 * transactions cannot deadlock) make the find-or-create atomic: two referrals of the same new
 * person at once still make one record, while referrals of different people do not wait.
 */
export async function linkPerson(
  tx: Tx,
  tenantId: string,
  newId: string,
  now: Date,
  p: Omit<Person, 'id'>,
  /** Whether this referral's contact details may replace the record's: never for the public. */
  trusted: boolean,
): Promise<{ person: Person; match: 'new' | 'nhs-number' | 'details' }> {
  for (const key of personKeys(tenantId, p)) await sql`SELECT pg_advisory_xact_lock(hashtext(${key}))`.execute(tx);
  const link = await findOrMakePerson(tx, tenantId, newId, now, p, trusted);
  if (link.insert) await link.insert.execute();
  return link;
}

/** Intake's person look-ups, each compiled once (ADR 0066): by NHS number; by details; by details where the NHS number is unset or the same. */
const personByNhsNumber = compileOnce(
  (q: Kysely<PlatformTables>, nhsNumber: string) => q.withTables<ReferralTables>().selectFrom('people').selectAll().where('nhs_number', '=', nhsNumber),
  ['\u0000nhs'],
);
const personByDetails = compileOnce(
  (q: Kysely<PlatformTables>, matchKey: string) =>
    q.withTables<ReferralTables>().selectFrom('people').selectAll().where('match_key', '=', matchKey).orderBy('created_at').limit(1),
  ['\u0000key'],
);
const personByDetailsAndNhsNumber = compileOnce(
  (q: Kysely<PlatformTables>, matchKey: string, nhsNumber: string) =>
    q
      .withTables<ReferralTables>()
      .selectFrom('people')
      .selectAll()
      .where('match_key', '=', matchKey)
      .where((eb) => eb.or([eb('nhs_number', 'is', null), eb('nhs_number', '=', nhsNumber)]))
      .orderBy('created_at')
      .limit(1),
  ['\u0000key', '\u0000nhs'],
);

/**
 * `linkPerson` after its keys' locks (`personKeys`) are taken by an earlier statement of this
 * transaction (a statement sees only what committed before it began, so not the same one), with a
 * new person's insert left unrun (`insert`) for the caller to send with its other writes
 * (`writeTogether`) in this transaction; the person comes back as they will be written.
 */
export async function findOrMakePerson(
  tx: Tx,
  tenantId: string,
  newId: string,
  now: Date,
  p: Omit<Person, 'id'>,
  trusted: boolean,
): Promise<{ person: Person; match: 'new' | 'nhs-number' | 'details'; insert?: Statement & { execute(): Promise<unknown> } }> {
  const matchKey = personMatchKey(p);
  // The person as stored comes back from the statement that found or changed them: no read-back.
  if (p.nhsNumber) {
    const [byNhs] = (await tx.executeQuery(personByNhsNumber(p.nhsNumber))).rows;
    if (byNhs) return { person: trusted ? await refreshContact(tx, byNhs.id, p, now, {}) : toPerson(byNhs), match: 'nhs-number' };
  }
  const [byDetails] = (await tx.executeQuery(p.nhsNumber ? personByDetailsAndNhsNumber(matchKey, p.nhsNumber) : personByDetails(matchKey))).rows;
  if (byDetails) {
    const person = trusted
      ? await refreshContact(tx, byDetails.id, p, now, p.nhsNumber && !byDetails.nhs_number ? { nhs_number: p.nhsNumber } : {})
      : toPerson(byDetails);
    return { person, match: 'details' };
  }
  const row = {
    tenant_id: tenantId,
    id: newId,
    given_name: p.givenName,
    family_name: p.familyName,
    date_of_birth: p.dateOfBirth,
    nhs_number: p.nhsNumber,
    ...contactColumns(p),
    match_key: matchKey,
    created_at: now,
    updated_at: now,
  };
  return { person: { id: newId, ...p }, match: 'new', insert: tables(tx).insertInto('people').values(row) };
}

/** The transaction locks that make finding or making a person atomic, in the order to take them. */
export const personKeys = (tenantId: string, p: Omit<Person, 'id'>): string[] =>
  [`bridgework.person.${tenantId}.${personMatchKey(p)}`, ...(p.nhsNumber ? [`bridgework.person.${tenantId}.nhs.${p.nhsNumber}`] : [])].sort();

/** How to reach a person: what a newer referral may bring up to date. */
const contactColumns = (p: Omit<Person, 'id'>) => ({
  address_line1: p.addressLine1,
  address_line2: p.addressLine2,
  town: p.town,
  postcode: p.postcode,
  phone: p.phone,
  email: p.email,
  preferred_language: p.preferredLanguage,
  contact_method: p.contactMethod,
  do_not_contact: p.doNotContact,
});

/**
 * A newer referral from a referrer who knows the person brings their current contact details. A
 * self-referral never overwrites them: anyone could type someone else's name and NHS number.
 */
async function refreshContact(tx: Tx, id: string, p: Omit<Person, 'id'>, now: Date, extra: { nhs_number?: string }): Promise<Person> {
  const row = await tables(tx)
    .updateTable('people')
    .set({ ...contactColumns(p), ...extra, updated_at: now })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  return toPerson(row);
}

/** Other referrals of the same person, newest first: the specialist's duplicate warning. */
export async function otherReferralsOf(tx: Tx, personId: string, exceptId: string) {
  return tables(tx)
    .selectFrom('referrals')
    .select(['id', 'reference', 'status', 'created_at'])
    .where('person_id', '=', personId)
    .where('id', '!=', exceptId)
    .orderBy('created_at', 'desc')
    .execute();
}

/** The participant record (one per person) and the case an accepted referral opens. */
export async function openCase(
  tx: Tx,
  c: { tenantId: string; participantId: string; caseId: string; referral: Referral; specialistUserId: string | null; now: Date },
): Promise<string> {
  await tables(tx)
    .insertInto('participants')
    .values({
      tenant_id: c.tenantId,
      id: c.participantId,
      person_id: c.referral.personId,
      regime: c.referral.regime,
      consent_scopes: c.referral.consent.scopes,
      created_at: c.now,
    })
    .onConflict((oc) =>
      oc.constraint('participants_person_unique').doUpdateSet({
        // A person referred again: the new referral's consent is their latest word. A voluntary
        // regime replaces a conditional one, never the other way round.
        consent_scopes: sql<string[]>`excluded.consent_scopes`,
        regime: sql<Regime>`CASE WHEN excluded.regime = 'conditional' THEN participants.regime ELSE excluded.regime END`,
        regime_reason: sql<string | null>`CASE WHEN participants.regime = 'conditional' AND excluded.regime <> 'conditional'
          THEN ${`voluntary from referral ${c.referral.reference}`} ELSE participants.regime_reason END`,
      }),
    )
    .execute();
  const participant = await tables(tx).selectFrom('participants').select('id').where('person_id', '=', c.referral.personId).executeTakeFirstOrThrow();
  await tables(tx)
    .insertInto('cases')
    .values({
      tenant_id: c.tenantId,
      id: c.caseId,
      participant_id: participant.id,
      referral_id: c.referral.id,
      team_id: c.referral.teamId,
      specialist_user_id: c.specialistUserId,
      phase: 'engagement',
      opened_at: c.now,
      updated_at: c.now,
    })
    .execute();
  return c.caseId;
}

/** Records contact with the person on the case an accepted referral opened. */
export async function touchCaseContact(tx: Tx, caseId: string, at: Date): Promise<void> {
  await tables(tx).updateTable('cases').set({ last_contact_at: at }).where('id', '=', caseId).execute();
}

export async function findCase(tx: Tx, id: string) {
  return tables(tx).selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirst();
}

export type ReferralSettings = { firstContactWorkingDays: number; youthFirstContactWorkingDays: number; contactAttemptLimit: number };

/** The tenant's service levels; the defaults are the migration's column defaults. */
export async function tenantReferralSettings(tx: Tx): Promise<ReferralSettings> {
  const row = await tx
    .selectFrom('tenant_settings')
    .select(['first_contact_working_days', 'youth_first_contact_working_days', 'contact_attempt_limit'])
    .executeTakeFirst();
  return {
    firstContactWorkingDays: row?.first_contact_working_days ?? 5,
    youthFirstContactWorkingDays: row?.youth_first_contact_working_days ?? 2,
    contactAttemptLimit: row?.contact_attempt_limit ?? 3,
  };
}

/**
 * What intake reads before it writes, in one statement: the referral already made with this
 * business identifier (its id), the tenant's service levels and nation, every team with its count
 * of open referrals, in name order (what routing reads), the referring organisation's address
 * (null for none; its message goes there), its data-sharing agreements as `agreements` gives them
 * (null without), and whether the tenant has any live FHIR subscription. It takes the person's key
 * locks (`personKeys`, in the order given) too, so the next statement may look for them. Its SQL is
 * the same for every referral (the keys are one array), so it is compiled once (ADR 0066), when
 * intake is made.
 */
export function intakeContextReader(agreements?: (q: Kysely<PlatformTables>, organisationId: string) => AliasableExpression<unknown>) {
  const compiled = compileOnce(
    (q: Kysely<PlatformTables>, tenantId: string, system: string, value: string, lockKeys: readonly string[], organisationId: string) =>
      q.selectNoFrom((eb) => [
        // Each key in the order given (unnest keeps the array's order): the locks are taken in a fixed order.
        sql<string>`(SELECT count(pg_advisory_xact_lock(hashtext(k))::text) FROM unnest(${lockKeys}::text[]) AS k)`.as('locks'),
        q
          .withTables<ReferralTables>()
          .selectFrom('referrals')
          .select('id')
          .where('identifier_system', '=', system)
          .where('identifier_value', '=', value)
          .as('existing_id'),
        jsonObjectFrom(eb.selectFrom('tenant_settings').select(['first_contact_working_days', 'youth_first_contact_working_days', 'contact_attempt_limit'])).as(
          'settings',
        ),
        eb.selectFrom('tenants').select('nation').where('id', '=', tenantId).as('nation'),
        jsonArrayFrom(
          q
            .withTables<ReferralTables>()
            .selectFrom('teams')
            .select([...TEAM_COLUMNS, 'open_referrals'])
            .orderBy('name'),
        ).as('teams'),
        organisationEmailQuery(q, organisationId).as('organisation_email'),
        (agreements ? agreements(q, organisationId) : sql<unknown>`NULL`).as('agreements'),
        eb.exists(liveSubscriptionsQuery(q)).as('subscribed'),
      ]),
    ['\u0000tenant', '\u0000system', '\u0000value', ['\u0000keys'], '\u0000organisation'],
  );

  return async (tx: Tx, tenantId: string, identifier: { system: string; value: string }, lockKeys: readonly string[], organisationId: string | null) => {
    // No organisation: an id no row has (the column is a uuid, so a text value would not compare).
    const row = (await tx.executeQuery(compiled(tenantId, identifier.system, identifier.value, lockKeys, organisationId ?? NO_ORGANISATION))).rows[0];
    if (!row) throw new Error('the intake read returned no row');
    const s = row.settings;
    if (!row.nation) throw new Error('the tenant is not there');
    return {
      existingId: row.existing_id,
      settings: {
        firstContactWorkingDays: s?.first_contact_working_days ?? 5,
        youthFirstContactWorkingDays: s?.youth_first_contact_working_days ?? 2,
        contactAttemptLimit: s?.contact_attempt_limit ?? 3,
      } satisfies ReferralSettings,
      nation: row.nation,
      teams: row.teams,
      organisationEmail: row.organisation_email,
      agreements: row.agreements,
      subscribed: row.subscribed === true,
    };
  };
}
const NO_ORGANISATION = '00000000-0000-0000-0000-000000000000';

/** Referrals with no contact attempt yet whose first-contact date is today or past, for the service-level job. */
export async function awaitingFirstContact(tx: Tx, onOrBefore: string) {
  return (
    await tables(tx)
      .selectFrom('referrals')
      .selectAll()
      .where('status', 'in', ['requested', 'accepted'])
      .where('first_contact_at', 'is', null)
      .where('first_contact_due', '<=', onOrBefore)
      .execute()
  ).map(toReferral);
}

/** How many referrals had no contact attempt by their first-contact day (before `today`): the partial index `referrals_awaiting_contact`. */
export async function countPastFirstContact(tx: Tx, today: string): Promise<number> {
  const row = await tables(tx)
    .selectFrom('referrals')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('status', 'in', ['requested', 'accepted'])
    .where('first_contact_at', 'is', null)
    .where('first_contact_due', '<', today)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}
