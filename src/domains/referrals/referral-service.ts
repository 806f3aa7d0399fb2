import { randomBytes } from 'node:crypto';
import { recordAudit } from '../../platform/audit/index.ts';
import { actorOf, type Principal } from '../../platform/auth/index.ts';
import type { Clock } from '../../platform/clock/index.ts';
import { type Database, newId, type Tx, type WriteHooks } from '../../platform/db/index.ts';
import { Conflict, Forbidden, InvalidInput, InvalidTransition, NotFound, parseInput } from '../../platform/errors/index.ts';
import { postcodeDistrict } from './postcode.ts';
import {
  type ContactOutcome,
  MILESTONES,
  type Milestone,
  type Person,
  type Referral,
  type ReferralEvent,
  type ReferralRoute,
  type ReferralStatus,
  type Team,
} from './referral.ts';
import { createReferralNotifications } from './referral-notifications.ts';
import {
  awaitingFirstContact,
  findCase,
  findPerson,
  findReferral,
  findReferralByIdentifier,
  findReferralForUpdate,
  insertEvent,
  insertReferral,
  linkPerson,
  listEvents,
  listReferrals,
  openCase,
  otherReferralsOf,
  type ReferralFilter,
  type ReferralPatch,
  tables,
  tenantReferralSettings,
  touchCaseContact,
  updateReferral,
} from './referral-repo.ts';
import {
  capacityOf,
  checkTransition,
  decideRegime,
  isLaterMilestone,
  isTerminal,
  isYoungPerson,
  OPEN_STATUSES,
  type RoutedTeam,
  routeTeams,
  type Side,
} from './referral-rules.ts';
import {
  acceptSchema,
  type CreateReferralInput,
  contactAttemptSchema,
  createReferralSchema,
  milestoneSchema,
  rejectSchema,
  rerouteSchema,
  transitionSchema,
} from './referral-schemas.ts';
import { findTeam, listTeams, openCountsByTeam, teamIdsOf, teamMembers } from './team-repo.ts';
import { addWorkingDays, type BankHolidays, englandAndWalesBankHolidays, londonDate } from './working-days.ts';

/** Whoever submits a referral: a signed-in referrer, a system client, or a member of the public. */
export type Submitter = Principal | { kind: 'public'; tenantId: string; name?: string };
export type ReferralView = {
  referral: Referral;
  person: Person;
  team: Team;
  events: ReferralEvent[];
  side: Side;
  /** Other referrals of the same person: shown to the team as a duplicate warning. */
  others: { id: string; reference: string; status: string; createdAt: Date }[];
  /**
   * Whether this reader sees the referral's health fields. When not, they are blanked in `referral`
   * (and the page says why): once a case is open, only the assigned specialist and the team's leads
   * in the owning team have the working relationship that health information needs.
   */
  healthVisible: boolean;
};
export type Created = { referral: Referral; created: boolean };

/** Web referrals are identified by their draft, so a double submit finds the first referral. */
export const WEB_FORM_SYSTEM = 'urn:bridgework:web-form';
const REFERENCE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

function newReference(): string {
  const bytes = randomBytes(8);
  const chars = [...bytes].map((b) => REFERENCE_ALPHABET[b % 32]);
  return `BW-${chars.slice(0, 4).join('')}-${chars.slice(4).join('')}`;
}

const hasHealth = (r: Referral) => r.conditionsText !== '' || r.conditionCategories.length > 0 || r.fitNote !== 'none';
const nameOf = (s: Submitter) => (s.kind === 'user' ? s.displayName : s.kind === 'client' ? s.name : (s.name ?? 'Self-referral'));
const actorOfSubmitter = (s: Submitter) => (s.kind === 'public' ? { kind: 'public' as const, id: 'self-referral' } : actorOf(s));

/** Referrals: intake from every route, the team's decisions, milestones, and closing the loop. */
export function createReferralService(deps: { db: Database; clock: Clock; baseUrl: string; holidays?: BankHolidays }) {
  const { db, clock, baseUrl } = deps;
  const holidays = deps.holidays ?? englandAndWalesBankHolidays;
  const notify = createReferralNotifications({ clock, baseUrl });

  async function routedTeams(tx: Tx, service: CreateReferralInput['context']['referringService'], postcode: string | null, youngPerson: boolean) {
    const [teams, counts] = await Promise.all([listTeams(tx), openCountsByTeam(tx)]);
    return routeTeams(
      teams.map((team) => ({ team, openReferrals: counts.get(team.id)?.all ?? 0 })),
      { service, district: postcode ? postcodeDistrict(postcode) : null, youngPerson },
    );
  }

  async function sideOf(tx: Tx, viewer: Principal, r: Referral): Promise<Side | null> {
    if (viewer.kind === 'user') {
      if (viewer.roles.some((role) => role === 'specialist' || role === 'team-lead') && (await teamIdsOf(tx, viewer.userId)).includes(r.teamId)) return 'owner';
      if (r.referrer.userId === viewer.userId || (viewer.roles.includes('referrer') && r.referrer.organisationId === viewer.organisationId)) return 'requester';
      return null;
    }
    const team = await findTeam(tx, r.teamId);
    if (viewer.organisationId && team?.organisationId === viewer.organisationId) return 'owner';
    if (r.referrer.clientId === viewer.id || (viewer.organisationId && r.referrer.organisationId === viewer.organisationId)) return 'requester';
    return null;
  }

  async function createIn(tx: Tx, tenantId: string, submitter: Submitter, route: ReferralRoute, value: CreateReferralInput): Promise<Created> {
    // Duplicates are settled by the unique business identifier (a concurrent twin waits on the
    // insert, then finds this one) and the person's key locks in linkPerson; nothing else waits.
    const existing = await findReferralByIdentifier(tx, value.identifier.system, value.identifier.value);
    if (existing) return { referral: existing, created: false };
    const now = clock.now();
    const today = londonDate(now);
    const settings = await tenantReferralSettings(tx);
    const { person, context } = value;
    const youngPerson = isYoungPerson(person.dateOfBirth, today, context.notInEducationEmploymentOrTraining);
    const service = route === 'self' ? 'self' : route === 'jobcentre' ? 'jobcentre' : context.referringService;
    const routed = await routedTeams(tx, service, person.postcode, youngPerson);
    const chosen = value.teamId ? routed.find((r) => r.team.id === value.teamId) : routed.find((r) => r.capacity.state !== 'closed');
    if (!chosen) throw new InvalidInput([{ path: 'teamId', message: value.teamId ? 'referrals.error.team' : 'referrals.error.noTeam' }]);
    if (chosen.capacity.state === 'closed') throw new InvalidInput([{ path: 'teamId', message: 'referrals.error.teamClosed' }]);
    const hasHealthCondition = context.conditionsText.length > 0 || context.conditionCategories.length > 0 || context.fitNote !== 'none';
    const regime = decideRegime({
      route,
      hasHealthCondition,
      youngPerson,
      shortTermUnemployed: value.jobcentre?.shortTermUnemployed ?? null,
      conditionalityRequested: value.jobcentre?.conditionalityRequested ?? false,
    });
    // Young people first: a young person's referral runs on its own, shorter first-contact clock.
    const firstContactDays = youngPerson ? settings.youthFirstContactWorkingDays : settings.firstContactWorkingDays;
    const link = await linkPerson(tx, tenantId, newId(now), now, person, route !== 'self');
    const referral = await insertReferral(tx, {
      tenant_id: tenantId,
      id: newId(now),
      reference: newReference(),
      identifier_system: value.identifier.system,
      identifier_value: value.identifier.value,
      person_id: link.personId,
      person_match: link.match,
      submitted_person: JSON.stringify(person),
      route,
      referrer_user_id: submitter.kind === 'user' ? submitter.userId : null,
      referrer_client_id: submitter.kind === 'client' ? submitter.id : null,
      referrer_organisation_id: submitter.kind === 'user' ? submitter.organisationId : submitter.kind === 'client' ? submitter.organisationId : null,
      referrer_name: nameOf(submitter),
      referring_service: service,
      conditions_text: context.conditionsText,
      condition_categories: context.conditionCategories,
      fit_note: context.fitNote,
      fit_note_advice: context.fitNoteAdvice,
      benefits: context.benefits,
      help_wanted: context.helpWanted,
      urgency: context.urgency,
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
    });
    if (!referral) {
      const first = await findReferralByIdentifier(tx, value.identifier.system, value.identifier.value);
      if (!first) throw new Conflict('The referral could not be saved; try again');
      return { referral: first, created: false };
    }
    const actor = actorOfSubmitter(submitter);
    await insertEvent(tx, {
      tenantId,
      id: newId(now),
      referralId: referral.id,
      at: now,
      actor: { ...actor, name: nameOf(submitter) },
      kind: 'created',
      toStatus: 'requested',
      milestone: 'received',
      details: { team: chosen.team.name, route, regime: regime.regime, personMatch: link.match },
    });
    await notify.referrer(tx, tenantId, referral, (t) => t('referrals.notify.change.created', { team: chosen.team.name }));
    const stored = (await findPerson(tx, link.personId)) as Person;
    await notify.person(tx, tenantId, stored, 'received', (tp) => [
      tp('referrals.notify.received.body', { reference: referral.reference, team: chosen.team.name }),
      tp('referrals.notify.received.next', { days: firstContactDays }),
    ]);
    // Last: the audit chain head is locked from here to commit, so every tenant write queues on it briefly.
    await recordAudit(tx, tenantId, clock, {
      actor,
      action: 'referral.create',
      recordType: 'referral',
      recordId: referral.id,
      reason: `referral received by ${route}`,
      details: { team: chosen.team.id, regime: regime.regime, personMatch: link.match },
    });
    return { referral, created: true };
  }

  async function loadFor(tx: Tx, viewer: Principal, id: string, forUpdate: boolean): Promise<{ r: Referral; side: Side }> {
    const r = forUpdate ? await findReferralForUpdate(tx, id) : await findReferral(tx, id);
    const side = r ? await sideOf(tx, viewer, r) : null;
    // Not yours looks exactly like not there: ids are not a way to learn what exists.
    if (!r || !side) throw new NotFound('referral', id);
    return { r, side };
  }

  /** `quiet`: the person has withdrawn consent to share with the referrer's side, so the referrer is not told. */
  type Change = { tx: Tx; tenantId: string; actor: Submitter; r: Referral; side: Side; quiet?: boolean };
  type TimelineEntry = Omit<Parameters<typeof insertEvent>[1], 'tenantId' | 'id' | 'referralId' | 'at' | 'actor'>;

  /**
   * What every change leaves behind: a timeline entry both sides see, and the audit row. Call it
   * last in the transaction: the audit chain head stays locked from here until commit.
   */
  async function recordChange(c: Change, entry: TimelineEntry, audit: { action: string; reason: string; details?: Record<string, unknown> }) {
    const now = clock.now();
    const actor = actorOfSubmitter(c.actor);
    await insertEvent(c.tx, { tenantId: c.tenantId, id: newId(now), referralId: c.r.id, at: now, actor: { ...actor, name: nameOf(c.actor) }, ...entry });
    await recordAudit(c.tx, c.tenantId, clock, { actor, recordType: 'referral', recordId: c.r.id, ...audit });
  }

  async function applyStatus(
    c: Change,
    to: ReferralStatus,
    reason: string | null,
    extra: { reasonCode?: string | null; specialistUserId?: string | null } = {},
  ) {
    const check = checkTransition(c.r.status, to, c.side, reason || extra.reasonCode);
    if (!check.ok) {
      if (check.why === 'reason-required') throw new InvalidInput([{ path: 'reason', message: 'referrals.error.reasonRequired' }]);
      if (check.why === 'not-yours') throw new Forbidden(`Only the owning team may move a referral to ${to}`);
      throw new InvalidTransition(c.r.status, to);
    }
    const now = clock.now();
    const patch: ReferralPatch = { status: to, status_reason: reason || null, reason_code: extra.reasonCode ?? null };
    if (to === 'accepted') {
      patch.business_status = isLaterMilestone(c.r.milestone, 'triaged') ? 'triaged' : c.r.milestone;
      patch.owner_user_id = extra.specialistUserId ?? null;
      patch.case_id = await openCase(c.tx, {
        tenantId: c.tenantId,
        participantId: newId(now),
        caseId: newId(now),
        referral: c.r,
        specialistUserId: extra.specialistUserId ?? null,
        now,
      });
    }
    const updated = await updateReferral(c.tx, c.r.id, patch, now);
    if (!c.quiet) await notify.referrer(c.tx, c.tenantId, updated, (t) => t('referrals.notify.change.status', { by: nameOf(c.actor) }));
    // The loop closes both ways: a referrer's withdrawal reaches the team working it.
    if (c.side === 'requester') {
      await notify.team(c.tx, c.tenantId, updated, updated.ownerUserId ? 'assigned' : 'team-lead', 'withdrawn', { reason: reason ?? '' });
    }
    await recordChange(
      c,
      {
        kind: 'status',
        fromStatus: c.r.status,
        toStatus: to,
        milestone: updated.milestone !== c.r.milestone ? updated.milestone : null,
        reason: reason || null,
        details: { ...(extra.reasonCode ? { reasonCode: extra.reasonCode } : {}), ...(patch.case_id ? { caseId: patch.case_id } : {}) },
      },
      {
        action: `referral.${to}`,
        reason: reason || `moved from ${c.r.status} to ${to}`,
        details: { from: c.r.status, to, reasonCode: extra.reasonCode ?? null },
      },
    );
    return updated;
  }

  async function applyMilestone(c: Change, milestone: Milestone, reason: string | null = null) {
    if (!isLaterMilestone(c.r.milestone, milestone)) throw new InvalidTransition(c.r.milestone, milestone);
    if (isTerminal(c.r.status)) throw new InvalidTransition(c.r.status, milestone);
    const now = clock.now();
    const afterAcceptance = MILESTONES.indexOf(milestone) >= MILESTONES.indexOf('first-appointment');
    if (afterAcceptance && c.r.status === 'requested') throw new InvalidTransition(c.r.status, milestone);
    // Work has started once a first appointment happens: Gravity's in-progress.
    const status: ReferralStatus = afterAcceptance && c.r.status === 'accepted' ? 'in-progress' : c.r.status;
    // Any milestone from a contact attempt on means contact was attempted: the first-contact clock stops.
    const contactMade = !c.r.firstContactAt && MILESTONES.indexOf(milestone) >= MILESTONES.indexOf('first-contact-attempted');
    const updated = await updateReferral(c.tx, c.r.id, { business_status: milestone, status, ...(contactMade ? { first_contact_at: now } : {}) }, now);
    if (!c.quiet) await notify.referrer(c.tx, c.tenantId, updated, (t) => t('referrals.notify.change.milestone', { by: nameOf(c.actor) }));
    await recordChange(
      c,
      { kind: 'milestone', fromStatus: c.r.status, toStatus: status, milestone, reason },
      { action: 'referral.milestone', reason: `milestone ${milestone}` },
    );
    return updated;
  }

  /** Runs a change to one referral as one transaction, with the row locked and the viewer's side known. */
  function change<T>(actor: Principal, id: string, fn: (c: Change) => Promise<T>, options: { expectedVersion?: number } = {}): Promise<T> {
    return db.inTenant(actor.tenantId, async (tx) => {
      const { r, side } = await loadFor(tx, actor, id, true);
      if (options.expectedVersion !== undefined && options.expectedVersion !== r.version) {
        throw new Conflict(`The referral has changed since version ${options.expectedVersion}; it is now version ${r.version}`);
      }
      return fn({ tx, tenantId: actor.tenantId, actor, r, side });
    });
  }

  const requireOwner = (c: Change) => {
    if (c.side !== 'owner') throw new Forbidden('Only the owning team can do this');
  };

  return {
    /** Creates a referral, or returns the first one made with the same business identifier. */
    async create(submitter: Submitter, route: ReferralRoute, input: unknown, hooks: WriteHooks<Created> = {}): Promise<Created> {
      const value = parseInput(createReferralSchema, input);
      return db.inTenant(submitter.tenantId, async (tx) => {
        const result = await createIn(tx, submitter.tenantId, submitter, route, value);
        await hooks.afterWrite?.(tx, result);
        return result;
      });
    },

    /**
     * Sends a web referral from its draft: the draft goes in the same transaction, and its token is
     * the business identifier, so a second press of "Send" finds the first referral.
     */
    async createFromDraft(submitter: Submitter, route: ReferralRoute, draftTokenHash: string, input: unknown): Promise<Created> {
      return db.inTenant(submitter.tenantId, async (tx) => {
        const identifier = { system: WEB_FORM_SYSTEM, value: draftTokenHash };
        const already = await findReferralByIdentifier(tx, identifier.system, identifier.value);
        if (already) return { referral: already, created: false };
        const value = parseInput(createReferralSchema, { ...(input as object), identifier });
        const result = await createIn(tx, submitter.tenantId, submitter, route, value);
        await tables(tx).deleteFrom('referral_drafts').where('token_hash', '=', draftTokenHash).execute();
        return result;
      });
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

    async view(viewer: Principal, id: string): Promise<ReferralView> {
      return db.inTenant(viewer.tenantId, async (tx) => {
        const { r, side } = await loadFor(tx, viewer, id, false);
        const [person, team, events, others] = await Promise.all([
          findPerson(tx, r.personId),
          findTeam(tx, r.teamId),
          listEvents(tx, r.id),
          side === 'owner' ? otherReferralsOf(tx, r.personId, r.id) : Promise.resolve([]),
        ]);
        // The referring side wrote the health information; the owning team needs it to triage. Once
        // a case is open, the case's working relationship decides, as on the case page.
        const healthVisible =
          side === 'requester' || !r.caseId || (viewer.kind === 'user' && (viewer.userId === r.ownerUserId || viewer.roles.includes('team-lead')));
        if (healthVisible && hasHealth(r)) {
          await recordAudit(tx, viewer.tenantId, clock, {
            actor: actorOf(viewer),
            action: 'referral.health-read',
            recordType: 'referral',
            recordId: r.id,
            reason: side === 'requester' ? 'the referring side' : r.caseId ? 'assigned specialist or team lead' : 'the owning team, before acceptance',
          });
        }
        return {
          healthVisible,
          referral: healthVisible ? r : { ...r, conditionsText: '', conditionCategories: [], fitNote: 'none' as const, fitNoteAdvice: null },
          person: person as Person,
          team: team as Team,
          events,
          side,
          others: others.map((o) => ({ id: o.id, reference: o.reference, status: o.status, createdAt: o.created_at })),
        };
      });
    },

    /**
     * A partner system was sent the health information of these referrals (a ServiceRequest read, or
     * ServiceRequests included in a search): one audit row for the request, naming each referral.
     */
    async recordHealthRead(viewer: Principal, read: readonly Referral[], how: string): Promise<void> {
      const withHealth = read.filter(hasHealth);
      if (withHealth.length === 0) return;
      await db.inTenant(viewer.tenantId, (tx) =>
        recordAudit(tx, viewer.tenantId, clock, {
          actor: actorOf(viewer),
          action: 'referral.health-read',
          recordType: 'referral',
          recordId: withHealth.length === 1 ? (withHealth[0]?.id ?? null) : null,
          reason: how,
          details: { referrals: withHealth.map((r) => r.id) },
        }),
      );
    },

    /** Read for a machine client: the referral and its person, if the client may see it. */
    async read(viewer: Principal, id: string): Promise<{ referral: Referral; person: Person; team: Team }> {
      return db.inTenant(viewer.tenantId, async (tx) => {
        const { r } = await loadFor(tx, viewer, id, false);
        return { referral: r, person: (await findPerson(tx, r.personId)) as Person, team: (await findTeam(tx, r.teamId)) as Team };
      });
    },

    /** The inbox of the teams a specialist or team lead belongs to: urgent first, then oldest. */
    async inbox(user: Principal & { kind: 'user' }, statuses: readonly ReferralStatus[] = ['requested']) {
      return db.inTenant(user.tenantId, async (tx) => {
        const teamIds = await teamIdsOf(tx, user.userId);
        return (await listReferrals(tx, { teamIds, statuses, order: 'queue', limit: 200 })).rows;
      });
    },

    /** "My referrals": what the referrer's organisation has sent, newest first. */
    async sentBy(user: Principal & { kind: 'user' }) {
      return db.inTenant(user.tenantId, async (tx) => (await listReferrals(tx, { referrerOrganisationId: user.organisationId, limit: 200 })).rows);
    },

    /** FHIR search: only referrals the client made or whose team its organisation runs. */
    async search(client: Principal & { kind: 'client' }, filter: Omit<ReferralFilter, 'visibleToClient' | 'order'>) {
      return db.inTenant(client.tenantId, async (tx) => {
        const found = await listReferrals(tx, { ...filter, visibleToClient: { clientId: client.id, organisationId: client.organisationId }, order: 'updated' });
        const teams = new Map((await listTeams(tx)).map((t) => [t.id, t]));
        return { total: found.total, items: found.rows.map((r) => ({ referral: r, team: teams.get(r.teamId) as Team })) };
      });
    },

    async caseOf(viewer: Principal, referralId: string) {
      return db.inTenant(viewer.tenantId, async (tx) => {
        const { r } = await loadFor(tx, viewer, referralId, false);
        return r.caseId ? ((await findCase(tx, r.caseId)) ?? null) : null;
      });
    },

    /** Any status change, by either side, as the lifecycle table allows (FHIR PATCH/PUT and the web). */
    async transition(actor: Principal, id: string, input: unknown): Promise<Referral> {
      const value = parseInput(transitionSchema, input);
      return change(
        actor,
        id,
        async (c) => {
          if (value.status === c.r.status) return c.r;
          const specialistUserId = value.status === 'accepted' && actor.kind === 'user' ? actor.userId : null;
          return applyStatus(c, value.status, value.reason ?? null, { reasonCode: value.reasonCode ?? null, specialistUserId });
        },
        { expectedVersion: value.expectedVersion },
      );
    },

    /**
     * A status and a milestone together, as a FHIR client sends them: one transaction, so both
     * happen or neither. A closing status goes last, so a final milestone can still be recorded.
     */
    async update(
      actor: Principal,
      id: string,
      input: { status?: unknown; reason?: unknown; reasonCode?: unknown; milestone?: unknown; expectedVersion?: number },
    ) {
      const status =
        input.status === undefined ? undefined : parseInput(transitionSchema, { status: input.status, reason: input.reason, reasonCode: input.reasonCode });
      const milestone = input.milestone === undefined ? undefined : parseInput(milestoneSchema, { milestone: input.milestone }).milestone;
      return change(
        actor,
        id,
        async (c) => {
          let r = c.r;
          const moveStatus = async () => {
            if (status && status.status !== r.status) {
              const specialistUserId = status.status === 'accepted' && actor.kind === 'user' ? actor.userId : null;
              r = await applyStatus({ ...c, r }, status.status, status.reason ?? null, { reasonCode: status.reasonCode ?? null, specialistUserId });
            }
          };
          const moveMilestone = async () => {
            if (milestone && milestone !== r.milestone) {
              if (c.side !== 'owner') throw new Forbidden('Only the owning team records milestones');
              r = await applyMilestone({ ...c, r }, milestone);
            }
          };
          if (status && isTerminal(status.status)) {
            await moveMilestone();
            await moveStatus();
          } else {
            await moveStatus();
            await moveMilestone();
          }
          return r;
        },
        { expectedVersion: input.expectedVersion },
      );
    },

    /** The case an accepted referral opened, found by its id, if the viewer may see the referral. */
    async caseById(viewer: Principal, caseId: string) {
      return db.inTenant(viewer.tenantId, async (tx) => {
        const found = await findCase(tx, caseId);
        if (!found) throw new NotFound('case', caseId);
        const { r } = await loadFor(tx, viewer, found.referral_id, false);
        return { case: found, referral: r, team: (await findTeam(tx, r.teamId)) as Team };
      });
    },

    /** The team takes the referral: a participant record and a case open, with a specialist assigned. */
    async accept(actor: Principal & { kind: 'user' }, id: string, input: unknown): Promise<Referral> {
      const value = parseInput(acceptSchema, input);
      return change(actor, id, async (c) => {
        requireOwner(c);
        const specialist = value.specialistUserId ?? actor.userId;
        const members = await teamMembers(c.tx, c.r.teamId);
        if (!members.some((m) => m.id === specialist && !m.disabled_at))
          throw new InvalidInput([{ path: 'specialistUserId', message: 'referrals.error.specialist' }]);
        return applyStatus(c, 'accepted', null, { specialistUserId: specialist });
      });
    },

    async reject(actor: Principal, id: string, input: unknown): Promise<Referral> {
      const value = parseInput(rejectSchema, input);
      return change(actor, id, async (c) => {
        requireOwner(c);
        return applyStatus(c, 'rejected', value.reason ?? null, { reasonCode: value.reasonCode });
      });
    },

    async recordMilestone(actor: Principal, id: string, input: unknown): Promise<Referral> {
      const value = parseInput(milestoneSchema, input);
      return change(actor, id, async (c) => {
        requireOwner(c);
        return applyMilestone(c, value.milestone);
      });
    },

    /**
     * A contact attempt. The first one stops the first-contact clock. After the tenant's number of
     * failed attempts with no contact, the referral closes as "could not contact" and both the
     * referrer and the person are told: never closed silently.
     */
    async recordContactAttempt(actor: Principal, id: string, input: unknown): Promise<Referral> {
      const value = parseInput(contactAttemptSchema, input);
      return change(actor, id, async (c) => {
        requireOwner(c);
        if (!OPEN_STATUSES.includes(c.r.status)) throw new InvalidTransition(c.r.status, 'contact attempt');
        const now = clock.now();
        const attempts = c.r.contactAttempts + 1;
        const reached: ContactOutcome = value.outcome;
        const milestone: Milestone = reached === 'contacted' ? 'contacted' : 'first-contact-attempted';
        let r = await updateReferral(
          c.tx,
          c.r.id,
          {
            contact_attempts: attempts,
            ...(c.r.firstContactAt ? {} : { first_contact_at: now }),
            ...(isLaterMilestone(c.r.milestone, milestone) ? { business_status: milestone } : {}),
          },
          now,
        );
        // Reaching the person after acceptance is contact on the case too: the caseload counts days from it.
        if (reached === 'contacted' && c.r.caseId) await touchCaseContact(c.tx, c.r.caseId, now);
        await recordChange(
          c,
          {
            kind: 'contact-attempt',
            milestone: r.milestone !== c.r.milestone ? r.milestone : null,
            reason: value.note ?? null,
            details: { outcome: reached, attempt: attempts },
          },
          { action: 'referral.contact-attempt', reason: `contact attempt ${attempts}: ${reached}` },
        );
        const { contactAttemptLimit } = await tenantReferralSettings(c.tx);
        const neverReached = MILESTONES.indexOf(r.milestone) < MILESTONES.indexOf('contacted');
        if (reached !== 'contacted' && attempts >= contactAttemptLimit && neverReached) {
          const to: ReferralStatus = r.status === 'requested' ? 'rejected' : r.status === 'accepted' ? 'cancelled' : 'failed';
          r = await applyStatus({ ...c, r }, to, null, { reasonCode: 'could-not-contact' });
          const person = (await findPerson(c.tx, r.personId)) as Person;
          const team = (await findTeam(c.tx, r.teamId)) as Team;
          await notify.person(c.tx, c.tenantId, person, 'could-not-contact', (t) => [
            t('referrals.notify.could-not-contact.body', { reference: r.reference, team: team.name }),
            t('referrals.notify.could-not-contact.next'),
          ]);
        } else if (reached === 'contacted' || attempts === 1) {
          await notify.referrer(c.tx, c.tenantId, r, (t) => t('referrals.notify.change.contact'));
        }
        return r;
      });
    },

    /** Sends a referral the team has not accepted to another team, keeping its history and the reason. */
    async reroute(actor: Principal, id: string, input: unknown): Promise<Referral> {
      const value = parseInput(rerouteSchema, input);
      return change(actor, id, async (c) => {
        requireOwner(c);
        if (c.r.status !== 'requested') throw new InvalidTransition(c.r.status, 'another team');
        if (value.teamId === c.r.teamId) throw new InvalidInput([{ path: 'teamId', message: 'referrals.error.sameTeam' }]);
        const [from, to, counts] = await Promise.all([findTeam(c.tx, c.r.teamId), findTeam(c.tx, value.teamId), openCountsByTeam(c.tx)]);
        if (!to) throw new InvalidInput([{ path: 'teamId', message: 'referrals.error.team' }]);
        if (capacityOf(to, counts.get(to.id)?.all ?? 0).state === 'closed') throw new InvalidInput([{ path: 'teamId', message: 'referrals.error.teamClosed' }]);
        const now = clock.now();
        const r = await updateReferral(c.tx, c.r.id, { team_id: to.id }, now);
        await notify.referrer(c.tx, c.tenantId, r, (t) => t('referrals.notify.change.rerouted', { team: to.name }));
        await recordChange(
          c,
          { kind: 'rerouted', reason: value.reason, details: { fromTeam: from?.name ?? '', toTeam: to.name } },
          { action: 'referral.reroute', reason: value.reason, details: { fromTeam: c.r.teamId, toTeam: to.id } },
        );
        return r;
      });
    },

    /**
     * For case work, inside the caller's transaction: records a milestone the case reached (a first
     * appointment, a job start, sustained work) if it is later than the referral's, so the referrer
     * hears of it. The case service has already checked the actor's right to work the case.
     */
    async milestoneIn(tx: Tx, actor: Submitter, referralId: string, milestone: Milestone, options: { tellReferrer: boolean }): Promise<void> {
      const r = await findReferralForUpdate(tx, referralId);
      if (!r || isTerminal(r.status) || !isLaterMilestone(r.milestone, milestone)) return;
      await applyMilestone({ tx, tenantId: actor.tenantId, actor, r, side: 'owner', quiet: !options.tellReferrer }, milestone);
    },

    /** For case work: the case has closed, so the referral completes with the closure reason. */
    async completeIn(tx: Tx, actor: Submitter, referralId: string, reason: string, options: { tellReferrer: boolean }): Promise<void> {
      let r = await findReferralForUpdate(tx, referralId);
      if (!r || isTerminal(r.status)) return;
      const c: Change = { tx, tenantId: actor.tenantId, actor, r, side: 'owner', quiet: !options.tellReferrer };
      if (r.status === 'accepted' || r.status === 'on-hold') r = await applyStatus(c, 'in-progress', null);
      await applyStatus({ ...c, r }, 'completed', reason);
    },

    /** The team members a referral can be assigned to. */
    async specialistsFor(actor: Principal, id: string) {
      return db.inTenant(actor.tenantId, async (tx) => {
        const { r } = await loadFor(tx, actor, id, false);
        return (await teamMembers(tx, r.teamId)).filter((m) => !m.disabled_at && m.roles.some((role) => role === 'specialist' || role === 'team-lead'));
      });
    },

    /**
     * The scheduled service-level check: on the due day the team is reminded; the day after, a
     * referral with no contact attempt is flagged as a breach to the team lead. Each happens once.
     */
    async checkServiceLevels(): Promise<{ reminded: number; breached: number }> {
      const now = clock.now();
      const today = londonDate(now);
      const results = await db.eachTenant(async (tx, tenant) => {
        let reminded = 0;
        let breached = 0;
        for (const r of await awaitingFirstContact(tx, today)) {
          const breach = r.firstContactDue < today;
          if (breach ? r.slaBreachedAt : r.slaRemindedAt) continue;
          await notify.team(tx, tenant.id, r, breach ? 'team-lead' : 'specialist', breach ? 'breach' : 'reminder', { due: r.firstContactDue });
          await updateReferral(tx, r.id, breach ? { sla_breached_at: now } : { sla_reminded_at: now }, now);
          await insertEvent(tx, {
            tenantId: tenant.id,
            id: newId(now),
            referralId: r.id,
            at: now,
            actor: { kind: 'system', id: 'service-levels', name: 'Bridgework' },
            kind: 'service-level',
            reason: breach ? 'first contact attempt overdue' : 'first contact attempt due today',
            details: { due: r.firstContactDue, breach },
          });
          if (breach) breached++;
          else reminded++;
        }
        return { reminded, breached };
      });
      return results.reduce((a, b) => ({ reminded: a.reminded + b.reminded, breached: a.breached + b.breached }), { reminded: 0, breached: 0 });
    },
  };
}

export type ReferralService = ReturnType<typeof createReferralService>;
