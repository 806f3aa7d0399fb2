import { recordAudit } from '../../platform/audit/index.ts';
import { actorOf, type Principal } from '../../platform/auth/index.ts';
import type { Clock } from '../../platform/clock/index.ts';
import { type Database, newId, type Tx, type WriteHooks } from '../../platform/db/index.ts';
import { Forbidden, InvalidInput, InvalidTransition, NotFound, parseInput } from '../../platform/errors/index.ts';
import type { DeliveryFailure } from '../../platform/notify/index.ts';
import { type ContactOutcome, MILESTONES, type Milestone, type Person, type Referral, type ReferralEvent, type ReferralStatus, type Team } from './referral.ts';
import { createReferralIntake, type IncomingSharingGate } from './referral-intake.ts';
import { listReferrals, type ReferralFilter } from './referral-list-repo.ts';
import { createReferralNotifications } from './referral-notifications.ts';
import { recordReferralOutcome } from './referral-outcomes.ts';
import { inboxLists, referralPage, referralRead } from './referral-read-repo.ts';
import {
  awaitingFirstContact,
  countPastFirstContact,
  findCase,
  findPerson,
  findReferralForUpdate,
  insertEvent,
  tenantReferralSettings,
  touchCaseContact,
  updateReferral,
} from './referral-repo.ts';
import { capacityOf, isLaterMilestone, isTerminal, OPEN_STATUSES, type Side } from './referral-rules.ts';
import { acceptSchema, contactAttemptSchema, milestoneSchema, rejectSchema, rerouteSchema, transitionSchema } from './referral-schemas.ts';
import { searchReferrals } from './referral-search-repo.ts';
import { type Change, createReferralWork, type Submitter, sideFrom } from './referral-work.ts';
import { findTeam, movePlace, openCountsByTeam, teamMembers } from './team-repo.ts';
import { type BankHolidays, englandAndWalesBankHolidays, londonDate } from './working-days.ts';

export type { Created } from './referral-intake.ts';
export { type IncomingCategory, type IncomingSharingGate, SharingRefused, WEB_FORM_SYSTEM } from './referral-intake.ts';
export type { Submitter } from './referral-work.ts';

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

/** How many referrals an inbox list shows. */
const INBOX_PAGE = 200;

/** How far past its page a FHIR search counts its matches exactly. */
const SEARCH_COUNT_PAST_PAGE = 1000;

const hasHealth = (r: Referral) => r.conditionsText !== '' || r.conditionCategories.length > 0 || r.fitNote !== 'none';

/**
 * Referrals: intake from every route (referral-intake.ts), the team's decisions and milestones on
 * the change machinery of referral-work.ts, the reads, and the service-level check.
 */
export function createReferralService(deps: { db: Database; clock: Clock; baseUrl: string; holidays?: BankHolidays; incoming?: IncomingSharingGate }) {
  const { db, clock, baseUrl } = deps;
  const holidays = deps.holidays ?? englandAndWalesBankHolidays;
  const notify = createReferralNotifications({ clock, baseUrl });
  const work = createReferralWork({ db, clock, notify });
  const { loadFor, change, recordChange, applyStatus, applyMilestone, requireOwner } = work;
  const intake = createReferralIntake({ db, clock, holidays, notify, work, incoming: deps.incoming });

  return {
    ...intake,

    /** The referral page's model, read in one statement (ADR 0023); a health read is audited before it returns. */
    async view(viewer: Principal, id: string): Promise<ReferralView> {
      const m = await referralPage(db, viewer.tenantId, id, viewer.kind === 'user' ? viewer.userId : null);
      const side = m ? sideFrom(viewer, m.referral, m.facts) : null;
      // Not yours looks exactly like not there: ids are not a way to learn what exists.
      if (!m || !side) throw new NotFound('referral', id);
      const { referral: r, person, team, events } = m;
      const others = side === 'owner' ? m.others : [];
      // The referring side wrote the health information; the owning team needs it to triage. Once
      // a case is open, the case's working relationship decides, as on the case page.
      const healthVisible =
        side === 'requester' || !r.caseId || (viewer.kind === 'user' && (viewer.userId === r.ownerUserId || viewer.roles.includes('team-lead')));
      if (healthVisible && hasHealth(r)) {
        await db.inTenant(viewer.tenantId, (tx) =>
          recordAudit(tx, viewer.tenantId, clock, {
            actor: actorOf(viewer),
            action: 'referral.health-read',
            recordType: 'referral',
            recordId: r.id,
            reason: side === 'requester' ? 'the referring side' : r.caseId ? 'assigned specialist or team lead' : 'the owning team, before acceptance',
          }),
        );
      }
      return {
        healthVisible,
        referral: healthVisible ? r : { ...r, conditionsText: '', conditionCategories: [], fitNote: 'none' as const, fitNoteAdvice: null },
        person,
        team,
        events,
        side,
        others,
      };
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
      const m = await referralRead(db, viewer.tenantId, id, viewer.kind === 'user' ? viewer.userId : null);
      if (!m || !sideFrom(viewer, m.referral, m.facts)) throw new NotFound('referral', id);
      return { referral: m.referral, person: m.person, team: m.team };
    },

    /** The inbox of the teams a specialist or team lead belongs to: urgent first, then oldest. */
    async inbox(user: Principal & { kind: 'user' }, statuses: readonly ReferralStatus[] = ['requested']) {
      return (await inboxLists(db, user.tenantId, user.userId, [statuses], INBOX_PAGE))[0] ?? [];
    },

    /** Several inbox lists (each a set of statuses) in one statement: the inbox page's new and working lists. */
    async inboxes(user: Principal & { kind: 'user' }, lists: readonly (readonly ReferralStatus[])[]) {
      return inboxLists(db, user.tenantId, user.userId, lists, INBOX_PAGE);
    },

    /** "My referrals": what the referrer's organisation has sent, newest first. */
    async sentBy(user: Principal & { kind: 'user' }) {
      return db.inTenant(user.tenantId, async (tx) => (await listReferrals(tx, { referrerOrganisationId: user.organisationId, limit: 200 })).rows);
    },

    /**
     * FHIR search: only referrals the client made or whose team its organisation runs. The total is
     * exact up to a thousand matches past the page; beyond that it is left out (null) and the bundle
     * links onward, so a search costs the same in a tenant of a thousand referrals or a million.
     */
    async search(client: Principal & { kind: 'client' }, filter: Omit<ReferralFilter, 'visibleToClient' | 'order' | 'countUpTo'>) {
      const visibleToClient = { clientId: client.id, organisationId: client.organisationId };
      const found = await searchReferrals(db, client.tenantId, visibleToClient, filter, SEARCH_COUNT_PAST_PAGE);
      return { total: found.total, items: found.rows.map(({ team, ...referral }) => ({ referral, team })) };
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
      hooks: WriteHooks<Referral> = {},
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
          // An API storing its idempotent answer does it here, so the answer commits with the change.
          await hooks.afterWrite?.(c.tx, r);
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
        if (!c.r.firstContactAt) await recordReferralOutcome(c.tx, c.tenantId, c.r.id, 'first-contact', now);
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
          await notify.person(
            c.tx,
            c.tenantId,
            person,
            'could-not-contact',
            (t) => [t('referrals.notify.could-not-contact.body', { reference: r.reference, team: team.name }), t('referrals.notify.could-not-contact.next')],
            r.id,
          );
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
        await movePlace(c.tx, c.r.teamId, to.id, c.r.youngPerson);
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
     * GOV.UK Notify could not deliver a message to the person about this referral (ADR 0045): the
     * timeline shows it by name, and the assigned specialist (else the team's specialists) is
     * emailed with the reference only, as every staff message is.
     */
    async messageFailed(tx: Tx, failure: DeliveryFailure): Promise<void> {
      if (failure.about.kind !== 'referral') return;
      const r = await findReferralForUpdate(tx, failure.about.id);
      if (!r) return;
      await insertEvent(tx, {
        tenantId: failure.tenantId,
        id: newId(failure.at),
        referralId: r.id,
        at: failure.at,
        actor: { kind: 'system', id: 'govuk-notify', name: 'GOV.UK Notify' },
        kind: 'message-failed',
        details: { channel: failure.channel, message: failure.messageId },
      });
      await notify.team(
        tx,
        failure.tenantId,
        r,
        r.ownerUserId ? 'assigned' : 'specialist',
        failure.channel === 'email' ? 'unreachable-email' : 'unreachable-sms',
      );
    },

    /**
     * Referrals still waiting for a first contact attempt after their due day, across tenants, for
     * /metrics: one count a tenant on the partial index `referrals_awaiting_contact` (migration 0014).
     */
    async pastFirstContactDeadline(): Promise<number> {
      const today = londonDate(clock.now());
      const counts = await db.eachTenant((tx) => countPastFirstContact(tx, today));
      return counts.reduce((a, b) => a + b, 0);
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
