import { randomBytes } from 'node:crypto';
import type { AliasableExpression, Kysely } from 'kysely';
import { auditRowInsert, recordAudit } from '../../platform/audit/index.ts';
import type { Clock } from '../../platform/clock/index.ts';
import { type Database, newId, type PlatformTables, type Tx, type WriteHooks, writeTogether } from '../../platform/db/index.ts';
import { Conflict, Forbidden, InvalidInput, parseInput } from '../../platform/errors/index.ts';
import { notificationWrites } from '../../platform/notify/index.ts';
import { postcodeDistrict } from './postcode.ts';
import type { Person, Referral, ReferralRoute, Team } from './referral.ts';
import type { ReferralNotifications } from './referral-notifications.ts';
import { receivedOutcomeWrite } from './referral-outcomes.ts';
import {
  eventOfInsert,
  findOrMakePerson,
  findPerson,
  findReferral,
  findReferralByIdentifier,
  intakeContextReader,
  personKeys,
  type ReferralRow,
  referralInsert,
  tables,
  taskChanged,
  tenantReferralSettings,
  toReferral,
} from './referral-repo.ts';
import { decideRegime, isYoungPerson, type RoutedTeam, routeTeams } from './referral-rules.ts';
import { type CreateReferralInput, createReferralSchema } from './referral-schemas.ts';
import { actorOfSubmitter, nameOf, type ReferralWork, type Submitter } from './referral-work.ts';
import { findTeam, listTeamsWithLoad, placeUpdate, toTeam } from './team-repo.ts';
import { addWorkingDays, type BankHolidays, londonDate } from './working-days.ts';

/**
 * A referral made, or the one already made with its business identifier. `person` and `team` come
 * from the same transaction, so a caller answers without reading them back; `visible` is false
 * when the earlier referral is one the submitter may not see.
 */
export type Created = { referral: Referral; created: boolean; person: Person; team: Team; visible: boolean };

/**
 * Whether a referral in from an organisation is covered by a data-sharing agreement (ADR 0035), in
 * two halves: the organisation's agreements as a query of one value, which intake reads with
 * everything else in its first statement (ADR 0066), and the check on that value: null when the
 * organisation has none for referrals in (nothing to enforce). Given by the composition root (the
 * partnerships capability), so this capability imports no other.
 */
export type IncomingSharingGate = {
  agreements: (q: Kysely<PlatformTables>, organisationId: string) => AliasableExpression<unknown>;
  check: (
    agreements: unknown,
    categories: readonly IncomingCategory[],
    today: string,
  ) => { allowed: true } | { allowed: false; reason: string; missing: readonly string[] } | null;
};
export type IncomingCategory = 'identity' | 'contact' | 'date-of-birth' | 'address' | 'need' | 'health' | 'benefits';

/** A referral refused because no data-sharing agreement in force covers it; audited after its transaction rolls back. */
export class SharingRefused extends Forbidden {
  readonly organisationId: string;
  readonly reason: string;
  constructor(organisationId: string, reason: string, missing: readonly string[]) {
    super(`The referring organisation's data-sharing agreement does not cover this referral (${reason}${missing.length ? `: ${missing.join(', ')}` : ''})`, [
      { path: 'form', message: `referrals.error.agreement.${reason}` },
    ]);
    this.organisationId = organisationId;
    this.reason = reason;
  }
}

/** Web referrals are identified by their draft, so a double submit finds the first referral. */
export const WEB_FORM_SYSTEM = 'urn:bridgework:web-form';
const REFERENCE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

function newReference(): string {
  const bytes = randomBytes(8);
  const chars = [...bytes].map((b) => REFERENCE_ALPHABET[b % 32]);
  return `BW-${chars.slice(0, 4).join('')}-${chars.slice(4).join('')}`;
}

/**
 * Another referral took the team's last place after this one was routed to it, or a twin with the
 * same business identifier was written first: the transaction is rolled back and run again.
 */
class StartAgain extends Error {}

/** Runs an intake transaction again when it lost a team's last place (each retry sees the newer count) or its identifier (the retry finds the twin). */
async function withPlace<T>(run: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (!(error instanceof StartAgain)) throw error;
      if (attempt >= 5) throw new Conflict('Too many referrals are being made for this team at once; try again');
    }
  }
}

/**
 * Intake: a referral from any route is routed to a team, takes its place there, and is told to
 * the referrer and the person, in one transaction.
 */
export function createReferralIntake(deps: {
  db: Database;
  clock: Clock;
  holidays: BankHolidays;
  notify: ReferralNotifications;
  work: ReferralWork;
  incoming?: IncomingSharingGate;
}) {
  const { db, clock, holidays, notify } = deps;
  const intakeContext = intakeContextReader(deps.incoming?.agreements);

  /** Refuses a referral from an organisation whose agreements for referrals in (read by intake's first statement) do not cover it today. */
  function checkAgreement(organisationId: string | null, agreements: unknown, value: CreateReferralInput, today: string) {
    if (!deps.incoming || !organisationId) return;
    const { person, context } = value;
    const categories: IncomingCategory[] = ['identity', 'contact', 'date-of-birth', 'need'];
    if (person.postcode || person.addressLine1) categories.push('address');
    if (context.conditionsText.length > 0 || context.conditionCategories.length > 0 || context.fitNote !== 'none') categories.push('health');
    if (context.benefits.some((b) => b !== 'none')) categories.push('benefits');
    const check = deps.incoming.check(agreements, categories, today);
    if (check && !check.allowed) throw new SharingRefused(organisationId, check.reason, check.missing);
  }

  /** The refusal's audit row, in a transaction of its own: the referral's wrote nothing. */
  async function refused<T>(submitter: Submitter, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      if (error instanceof SharingRefused) {
        await db.inTenant(submitter.tenantId, (tx) =>
          recordAudit(tx, submitter.tenantId, clock, {
            actor: actorOfSubmitter(submitter),
            action: 'referral.refused',
            recordType: 'organisation',
            recordId: error.organisationId,
            reason: `no data-sharing agreement in force covers referrals in (${error.reason})`,
            details: { reason: error.reason },
          }),
        );
      }
      throw error;
    }
  }

  async function routedTeams(tx: Tx, service: CreateReferralInput['context']['referringService'], postcode: string | null, youngPerson: boolean) {
    return routeTeams(await listTeamsWithLoad(tx), { service, district: postcode ? postcodeDistrict(postcode) : null, youngPerson });
  }

  /** The referral already made with this identifier, with what a caller shows of it. */
  async function existingResult(tx: Tx, submitter: Submitter, referral: Referral): Promise<Created> {
    const [person, team, side] = await Promise.all([
      findPerson(tx, referral.personId),
      findTeam(tx, referral.teamId),
      submitter.kind === 'public' ? null : deps.work.sideOf(tx, submitter, referral),
    ]);
    return { referral, created: false, person: person as Person, team: team as Team, visible: side !== null };
  }

  async function createIn(tx: Tx, tenantId: string, submitter: Submitter, route: ReferralRoute, value: CreateReferralInput): Promise<Created> {
    // Duplicates are settled by the unique business identifier (a concurrent twin waits on the
    // insert, then this transaction starts again and finds it) and the person's key locks, taken by
    // the first read; nothing else waits. What intake reads comes in one statement.
    const organisationId = submitter.kind === 'user' || submitter.kind === 'client' ? submitter.organisationId : null;
    const context = await intakeContext(tx, tenantId, value.identifier, personKeys(tenantId, value.person), organisationId);
    if (context.existingId) {
      const existing = await findReferral(tx, context.existingId);
      if (existing) return existingResult(tx, submitter, existing);
    }
    const now = clock.now();
    const today = londonDate(now);
    checkAgreement(organisationId, context.agreements, value, today);
    const { settings } = context;
    const { person, context: need } = value;
    const youngPerson = isYoungPerson(person.dateOfBirth, today, need.notInEducationEmploymentOrTraining);
    const service = route === 'self' ? 'self' : route === 'jobcentre' ? 'jobcentre' : need.referringService;
    const teams = context.teams.map((t) => ({ team: toTeam(t), openReferrals: t.open_referrals }));
    const routed = routeTeams(teams, { service, district: person.postcode ? postcodeDistrict(person.postcode) : null, youngPerson });
    const chosen = value.teamId ? routed.find((r) => r.team.id === value.teamId) : routed.find((r) => r.capacity.state !== 'closed');
    if (!chosen) throw new InvalidInput([{ path: 'teamId', message: value.teamId ? 'referrals.error.team' : 'referrals.error.noTeam' }]);
    if (chosen.capacity.state === 'closed') throw new InvalidInput([{ path: 'teamId', message: 'referrals.error.teamClosed' }]);
    const hasHealthCondition = need.conditionsText.length > 0 || need.conditionCategories.length > 0 || need.fitNote !== 'none';
    const regime = decideRegime({
      route,
      hasHealthCondition,
      youngPerson,
      shortTermUnemployed: value.jobcentre?.shortTermUnemployed ?? null,
      conditionalityRequested: value.jobcentre?.conditionalityRequested ?? false,
    });
    // Young people first: a young person's referral runs on its own, shorter first-contact clock.
    const firstContactDays = youngPerson ? settings.youthFirstContactWorkingDays : settings.firstContactWorkingDays;
    const link = await findOrMakePerson(tx, tenantId, newId(now), now, person, route !== 'self');
    const row = {
      tenant_id: tenantId,
      id: newId(now),
      reference: newReference(),
      identifier_system: value.identifier.system,
      identifier_value: value.identifier.value,
      person_id: link.person.id,
      person_match: link.match,
      submitted_person: JSON.stringify(person),
      route,
      referrer_user_id: submitter.kind === 'user' ? submitter.userId : null,
      referrer_client_id: submitter.kind === 'client' ? submitter.id : null,
      referrer_organisation_id: submitter.kind === 'user' ? submitter.organisationId : submitter.kind === 'client' ? submitter.organisationId : null,
      referrer_name: nameOf(submitter),
      referring_service: service,
      conditions_text: need.conditionsText,
      condition_categories: need.conditionCategories,
      fit_note: need.fitNote,
      fit_note_advice: need.fitNoteAdvice,
      benefits: need.benefits,
      help_wanted: need.helpWanted,
      urgency: need.urgency,
      young_person: youngPerson,
      regime: regime.regime,
      regime_basis: regime.basis,
      short_term_unemployed: value.jobcentre?.shortTermUnemployed ?? null,
      consent_scopes: value.consent.scopes,
      consent_method: value.consent.method,
      consent_given_on: value.consent.givenOn,
      consent_recorded_by: value.consent.recordedBy,
      team_id: chosen.team.id,
      owner_user_id: null,
      status: 'requested',
      status_reason: null,
      reason_code: null,
      business_status: 'received',
      contact_attempts: 0,
      first_contact_due: addWorkingDays(today, firstContactDays, holidays),
      first_contact_at: null,
      sla_reminded_at: null,
      sla_breached_at: null,
      case_id: null,
      version: 1,
      created_at: now,
      updated_at: now,
    } as const;
    // The referral as it is written: the insert below returns only whether it was.
    const referral = toReferral(row as unknown as ReferralRow);
    const actor = actorOfSubmitter(submitter);
    // The referrer's, their organisation's and the person's messages: one outbox and one job insert.
    const toPerson = notify.personMessage(
      tenantId,
      link.person,
      'received',
      (tp) => [
        tp('referrals.notify.received.body', { reference: referral.reference, team: chosen.team.name }),
        tp('referrals.notify.received.next', { days: firstContactDays }),
      ],
      referral.id,
    );
    const messages = [
      ...(await notify.referrerReceived(tx, tenantId, referral, chosen.team.name, firstContactDays, { organisationEmail: context.organisationEmail })),
      ...(toPerson ? [toPerson] : []),
    ];
    // Subscribers are told from this transaction (ADR 0046); a tenant with none live when intake
    // read (its first statement) has no one to tell, and the statement is not sent (ADR 0066).
    if (context.subscribed) await taskChanged(tx, tenantId, referral);
    // The team's place is taken in the same statement as every other write, the outcome fact with
    // its counts and roll-ups among them (ADR 0066), so the team's count and the outcome counts stay
    // locked only from there to commit. A referral routed to a team's last
    // place that another took meanwhile starts again (PlaceTaken), and is then routed with the
    // count as it now stands: to another team, or to the waiting list.
    const needsPlace = !value.teamId && chosen.capacity.state === 'open';
    const [written, placed] = await writeTogether(
      tx,
      [
        referralInsert(tx, row),
        // Written only with the referral (from its RETURNING): a twin's conflict writes neither.
        eventOfInsert({
          tenantId,
          id: newId(now),
          at: now,
          actor: { ...actor, name: nameOf(submitter) },
          kind: 'created',
          toStatus: 'requested',
          milestone: 'received',
          details: { team: chosen.team.name, route, regime: regime.regime, personMatch: link.match },
        }),
        placeUpdate(tx, chosen.team.id, youngPerson, needsPlace),
        ...(link.insert ? [link.insert] : []),
        ...notificationWrites(tx, clock, messages),
        auditRowInsert(tx, tenantId, clock, {
          actor,
          action: 'referral.create',
          recordType: 'referral',
          recordId: referral.id,
          reason: `referral received by ${route}`,
          details: { team: chosen.team.id, regime: regime.regime, personMatch: link.match },
        }),
        receivedOutcomeWrite(tenantId, referral, { dateOfBirth: person.dateOfBirth, programmes: chosen.team.programmes, nation: context.nation }),
      ],
      [0, 2],
    );
    // A twin with the same identifier committed first: everything here is undone, and the next run finds it.
    if (written !== 1) throw new StartAgain();
    if (placed !== 1) throw new StartAgain();
    return { referral, created: true, person: link.person, team: chosen.team, visible: true };
  }

  return {
    /** Creates a referral, or returns the first one made with the same business identifier. */
    async create(submitter: Submitter, route: ReferralRoute, input: unknown, hooks: WriteHooks<Created> = {}): Promise<Created> {
      const value = parseInput(createReferralSchema, input);
      return refused(submitter, () =>
        withPlace(() =>
          db.inTenant(submitter.tenantId, async (tx) => {
            const result = await createIn(tx, submitter.tenantId, submitter, route, value);
            await hooks.afterWrite?.(tx, result);
            return result;
          }),
        ),
      );
    },

    /**
     * Sends a web referral from its draft: the draft goes in the same transaction, and its token is
     * the business identifier, so a second press of "Send" finds the first referral.
     */
    async createFromDraft(submitter: Submitter, route: ReferralRoute, draftTokenHash: string, input: unknown): Promise<Created> {
      return refused(submitter, () =>
        withPlace(() =>
          db.inTenant(submitter.tenantId, async (tx) => {
            const identifier = { system: WEB_FORM_SYSTEM, value: draftTokenHash };
            const already = await findReferralByIdentifier(tx, identifier.system, identifier.value);
            if (already) return existingResult(tx, submitter, already);
            const value = parseInput(createReferralSchema, { ...(input as object), identifier });
            const result = await createIn(tx, submitter.tenantId, submitter, route, value);
            await tables(tx).deleteFrom('referral_drafts').where('token_hash', '=', draftTokenHash).execute();
            return result;
          }),
        ),
      );
    },

    /** What the public confirmation page may show about a referral sent from a web draft: its reference, nothing else. */
    async sentFromDraft(tenantId: string, draftTokenHash: string): Promise<{ id: string; reference: string; firstContactWorkingDays: number } | null> {
      return db.inTenant(tenantId, async (tx) => {
        const r = await findReferralByIdentifier(tx, WEB_FORM_SYSTEM, draftTokenHash);
        if (!r) return null;
        const settings = await tenantReferralSettings(tx);
        return {
          id: r.id,
          reference: r.reference,
          firstContactWorkingDays: r.youngPerson ? settings.youthFirstContactWorkingDays : settings.firstContactWorkingDays,
        };
      });
    },

    /** The teams a referral could go to, in the order to offer them, with their capacity now. */
    async teamsFor(
      tenantId: string,
      input: { service: CreateReferralInput['context']['referringService']; postcode: string | null; youngPerson: boolean },
    ): Promise<RoutedTeam[]> {
      return db.inTenant(tenantId, (tx) => routedTeams(tx, input.service, input.postcode, input.youngPerson));
    },
  };
}
