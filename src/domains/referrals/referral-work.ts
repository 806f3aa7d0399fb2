import { recordAudit } from '../../platform/audit/index.ts';
import { actorOf, type Principal } from '../../platform/auth/index.ts';
import type { Clock } from '../../platform/clock/index.ts';
import { type Database, newId, type Tx } from '../../platform/db/index.ts';
import { Conflict, Forbidden, InvalidInput, InvalidTransition, NotFound } from '../../platform/errors/index.ts';
import { MILESTONES, type Milestone, type Referral, type ReferralStatus } from './referral.ts';
import type { ReferralNotifications } from './referral-notifications.ts';
import { recordReferralOutcome } from './referral-outcomes.ts';
import type { SideFacts } from './referral-read-repo.ts';
import { findReferral, findReferralForUpdate, insertEvent, openCase, type ReferralPatch, updateReferral } from './referral-repo.ts';
import { checkTransition, isLaterMilestone, isTerminal, OPEN_STATUSES, type Side } from './referral-rules.ts';
import { findTeam, releasePlace, teamIdsOf } from './team-repo.ts';

/** Whoever submits a referral: a signed-in referrer, a system client, or a member of the public. */
export type Submitter = Principal | { kind: 'public'; tenantId: string; name?: string };

export const nameOf = (s: Submitter) => (s.kind === 'user' ? s.displayName : s.kind === 'client' ? s.name : (s.name ?? 'Self-referral'));
export const actorOfSubmitter = (s: Submitter) => (s.kind === 'public' ? { kind: 'public' as const, id: 'self-referral' } : actorOf(s));

/** `quiet`: the person has withdrawn consent to share with the referrer's side, so the referrer is not told. */
export type Change = { tx: Tx; tenantId: string; actor: Submitter; r: Referral; side: Side; quiet?: boolean };
type TimelineEntry = Omit<Parameters<typeof insertEvent>[1], 'tenantId' | 'id' | 'referralId' | 'at' | 'actor'>;

/**
 * Who the viewer is to a referral, from the facts read with it (whether a user is a member of its
 * team; the organisation running its team): the owning team, the referring side, or no one (null).
 */
export function sideFrom(viewer: Principal, r: Referral, facts: SideFacts): Side | null {
  if (viewer.kind === 'user') {
    if (viewer.roles.some((role) => role === 'specialist' || role === 'team-lead') && facts.readerInTeam) return 'owner';
    if (r.referrer.userId === viewer.userId || (viewer.roles.includes('referrer') && r.referrer.organisationId === viewer.organisationId)) return 'requester';
    return null;
  }
  if (viewer.organisationId && facts.teamOrganisationId === viewer.organisationId) return 'owner';
  if (r.referrer.clientId === viewer.id || (viewer.organisationId && r.referrer.organisationId === viewer.organisationId)) return 'requester';
  return null;
}

/**
 * Work on one referral: who the viewer is to it (the side), one change per transaction with the
 * row locked, and what every change leaves behind (timeline, notifications, audit, the team's count
 * of open referrals). The service's decisions are built on these.
 */
export function createReferralWork(deps: { db: Database; clock: Clock; notify: ReferralNotifications }) {
  const { db, clock, notify } = deps;

  async function sideOf(tx: Tx, viewer: Principal, r: Referral): Promise<Side | null> {
    if (viewer.kind === 'user') {
      const staff = viewer.roles.some((role) => role === 'specialist' || role === 'team-lead');
      return sideFrom(viewer, r, { readerInTeam: staff && (await teamIdsOf(tx, viewer.userId)).includes(r.teamId), teamOrganisationId: null });
    }
    return sideFrom(viewer, r, { readerInTeam: false, teamOrganisationId: (await findTeam(tx, r.teamId))?.organisationId ?? null });
  }

  async function loadFor(tx: Tx, viewer: Principal, id: string, forUpdate: boolean): Promise<{ r: Referral; side: Side }> {
    const r = forUpdate ? await findReferralForUpdate(tx, id) : await findReferral(tx, id);
    const side = r ? await sideOf(tx, viewer, r) : null;
    // Not yours looks exactly like not there: ids are not a way to learn what exists.
    if (!r || !side) throw new NotFound('referral', id);
    return { r, side };
  }

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
    // Outcome facts: taken on, or not (turned down, or withdrawn before the team took it on).
    if (to === 'accepted') await recordReferralOutcome(c.tx, c.tenantId, c.r.id, 'accepted', now);
    else if (to === 'rejected' || (c.r.status === 'requested' && to === 'cancelled'))
      await recordReferralOutcome(c.tx, c.tenantId, c.r.id, 'not-accepted', now);
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
    // A closed referral frees its place. After the audit row, as intake takes its place after its own:
    // every transaction locks the same things in the same order.
    if (OPEN_STATUSES.includes(c.r.status) && !OPEN_STATUSES.includes(to)) await releasePlace(c.tx, c.r.teamId, c.r.youngPerson);
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
    if (contactMade) await recordReferralOutcome(c.tx, c.tenantId, c.r.id, 'first-contact', now);
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

  return { sideOf, loadFor, change, recordChange, applyStatus, applyMilestone, requireOwner };
}

export type ReferralWork = ReturnType<typeof createReferralWork>;
