import { sql } from 'kysely';
import { type AuditEntry, recordAudit } from '../../platform/audit/index.ts';
import type { UserPrincipal } from '../../platform/auth/index.ts';
import type { Clock } from '../../platform/clock/index.ts';
import { type Database, newId, type Tx } from '../../platform/db/index.ts';
import { Forbidden, InvalidInput, InvalidTransition, NotFound, parseInput } from '../../platform/errors/index.ts';
import { londonIsoDate } from '../../platform/i18n/index.ts';
import { type EqualityAnswers, findEqualityAnswers, saveEqualityAnswers } from '../../platform/outcomes/index.ts';
import type { CaseView } from './case.ts';
import { dueDateIssue } from './case-date-rules.ts';
import { createCaseLetters } from './case-letters.ts';
import { findParticipant, insertNote, insertPlanItem, latestCaseOf, tables } from './case-repo.ts';
import { equalitySchema, leaveSchema, ownActionSchema, ownNoteSchema } from './case-schemas.ts';
import type { CaseService } from './case-service.ts';
import { type ExportSections, NO_EXPORT_SECTIONS, type ParticipantRecord } from './participant-export.ts';
import type { RecordSource } from './participant-fhir-bundle.ts';
import { createParticipantSignIn, type ParticipantPrincipal } from './participant-sign-in.ts';

/** Who may export a person's whole record for them (a subject-access request, a transfer when they move). */
export const RECORD_STAFF = ['tenant-admin', 'ig-lead'] as const;

export { PARTICIPANT_COOKIE, type ParticipantPrincipal } from './participant-sign-in.ts';

/** The referral that opened the person's case, as their own copy of their record shows it. */
export type ReferralRecord = {
  reference: string;
  receivedAt: Date;
  route: string;
  referrerName: string;
  referringService: string;
  benefits: string[];
  helpWanted: string;
  urgency: string;
  youngPerson: boolean;
  consent: { scopes: string[]; method: string; givenOn: string; recordedBy: string };
  status: string;
  milestone: string;
};

/**
 * What another capability holds about the person, for their download: called in the download's own
 * transaction (the tenant's), for this person and the case the download covers. It must read only
 * that person's data.
 */
export type ExportSectionsProvider = (tx: Tx, who: { tenantId: string; participantId: string; caseId: string }) => Promise<ExportSections>;

/**
 * The participant's own view: a one-time sign-in link by email (`participant-sign-in.ts`),
 * their plan and appointments, their own actions and notes, consent, a copy of what Bridgework holds,
 * and leaving the programme, which closes the case with that reason and costs them nothing.
 * `exportSections` adds what other capabilities hold about the person to that copy (the benefits
 * capability's benefit before work and guarantees), without this one importing them.
 */
export function createParticipantService(deps: { db: Database; clock: Clock; baseUrl: string; cases: CaseService; exportSections?: ExportSectionsProvider }) {
  const { db, clock, baseUrl, cases } = deps;
  const letters = createCaseLetters({ clock, baseUrl });
  const signIn = createParticipantSignIn({ db, clock, baseUrl, letters });
  const actorOf = (p: ParticipantPrincipal) => ({ kind: 'participant' as const, tenantId: p.tenantId, participantId: p.participantId, name: p.name });

  /** Everything held about the person, read in one audited transaction (their download, or staff on their behalf). */
  async function recordOf(p: ParticipantPrincipal, audit: Omit<AuditEntry, 'recordType' | 'recordId'>): Promise<ParticipantRecord> {
    const view = await cases.forParticipant(actorOf(p), await currentCaseId(p));
    const { referral, sections } = await db.inTenant(p.tenantId, async (tx) => {
      const r = await tables(tx)
        .selectFrom('referrals')
        .select([
          'reference',
          'route',
          'referrer_name',
          'referring_service',
          'benefits',
          'help_wanted',
          'urgency',
          'young_person',
          'consent_scopes',
          'consent_method',
          'consent_given_on',
          'consent_recorded_by',
          'status',
          'business_status',
          'created_at',
        ])
        .where('id', '=', view.summary.referralId)
        .executeTakeFirstOrThrow();
      await recordAudit(tx, p.tenantId, clock, { ...audit, recordType: 'participant', recordId: p.participantId });
      const sections = deps.exportSections
        ? await deps.exportSections(tx, { tenantId: p.tenantId, participantId: p.participantId, caseId: view.summary.id })
        : NO_EXPORT_SECTIONS;
      const referral: ReferralRecord = {
        reference: r.reference,
        receivedAt: r.created_at,
        route: r.route,
        referrerName: r.referrer_name,
        referringService: r.referring_service,
        benefits: r.benefits,
        helpWanted: r.help_wanted,
        urgency: r.urgency,
        youngPerson: r.young_person,
        consent: { scopes: r.consent_scopes, method: r.consent_method, givenOn: r.consent_given_on, recordedBy: r.consent_recorded_by },
        status: r.status,
        milestone: r.business_status,
      };
      return { referral, sections };
    });
    return { ...view, referral, sections };
  }

  /** A person by their referral reference or their id, for staff who may export records (their latest case's referral). */
  async function recordPerson(
    staff: UserPrincipal,
    by: { reference: string } | { participantId: string },
  ): Promise<{ participantId: string; name: string; reference: string } | null> {
    if (!staff.roles.some((r) => (RECORD_STAFF as readonly string[]).includes(r)))
      throw new Forbidden('Only a tenant admin or an IG lead may export a person’s record');
    return db.inTenant(staff.tenantId, async (tx) => {
      const row = await tables(tx)
        .selectFrom('referrals as r')
        .innerJoin('cases as c', (j) => j.onRef('c.tenant_id', '=', 'r.tenant_id').onRef('c.referral_id', '=', 'r.id'))
        .innerJoin('participants as p', (j) => j.onRef('p.tenant_id', '=', 'c.tenant_id').onRef('p.id', '=', 'c.participant_id'))
        .innerJoin('people as pe', (j) => j.onRef('pe.tenant_id', '=', 'p.tenant_id').onRef('pe.id', '=', 'p.person_id'))
        .select(['p.id', 'r.reference', 'pe.given_name', 'pe.family_name'])
        .where((eb) => ('reference' in by ? eb(eb.fn('upper', ['r.reference']), '=', by.reference.trim().toUpperCase()) : eb('p.id', '=', by.participantId)))
        .orderBy('c.opened_at', 'desc')
        .executeTakeFirst();
      return row ? { participantId: row.id, name: `${row.given_name} ${row.family_name}`, reference: row.reference } : null;
    });
  }

  async function currentCaseId(p: ParticipantPrincipal): Promise<string> {
    const found = await db.inTenant(p.tenantId, (tx) => latestCaseOf(tx, p.participantId));
    if (!found) throw new NotFound('case');
    return found.id;
  }

  return {
    ...signIn,

    /** The person's equality monitoring answers, or null when they have given none. */
    async equality(p: ParticipantPrincipal): Promise<EqualityAnswers | null> {
      return db.inTenant(p.tenantId, async (tx) => {
        const person = await findParticipant(tx, p.participantId);
        if (!person) throw new NotFound('participant');
        return findEqualityAnswers(tx, person.personId);
      });
    },

    /**
     * Saves the person's answers (or deletes them, with `null`): outcome counts move with them in the
     * same transaction. The audit row says that they changed, never what they are.
     */
    async saveEquality(p: ParticipantPrincipal, input: unknown | null): Promise<void> {
      const answers = input === null ? null : parseInput(equalitySchema, input);
      await db.inTenant(p.tenantId, async (tx) => {
        const person = await findParticipant(tx, p.participantId);
        if (!person) throw new NotFound('participant');
        await saveEqualityAnswers(tx, p.tenantId, person.personId, answers, clock.now());
        await recordAudit(tx, p.tenantId, clock, {
          actor: { kind: 'participant', id: p.participantId },
          action: answers ? 'participant.equality-save' : 'participant.equality-delete',
          recordType: 'participant',
          recordId: p.participantId,
          reason: answers ? 'the person saved their equality monitoring answers' : 'the person deleted their equality monitoring answers',
        });
      });
    },

    /** The person's own record: their case, plan, appointments, notes, jobs and consents. */
    async mine(p: ParticipantPrincipal): Promise<CaseView> {
      return cases.forParticipant(actorOf(p), await currentCaseId(p));
    },

    async addAction(p: ParticipantPrincipal, input: unknown): Promise<string> {
      const v = parseInput(ownActionSchema, input);
      const issue = dueDateIssue(v.dueOn, londonIsoDate(clock.now()));
      if (issue) throw new InvalidInput([issue]);
      const caseId = await currentCaseId(p);
      return cases.participantWork(actorOf(p), caseId, async (w) => {
        const id = newId(w.now);
        await insertPlanItem(w.tx, {
          tenantId: p.tenantId,
          id,
          caseId,
          kind: 'action',
          goalId: null,
          text: v.text,
          owner: 'participant',
          dueOn: v.dueOn,
          addedBy: 'participant',
          at: w.now,
        });
        await cases.record(w, 'plan', { action: 'case.plan-add', reason: 'action added by the person' }, { details: { item: id } });
        return id;
      });
    },

    async setActionStatus(p: ParticipantPrincipal, itemId: string, input: unknown): Promise<void> {
      await cases.setPlanStatus(actorOf(p), await currentCaseId(p), itemId, input);
    },

    async addNote(p: ParticipantPrincipal, input: unknown): Promise<string> {
      const v = parseInput(ownNoteSchema, input);
      const caseId = await currentCaseId(p);
      return cases.participantWork(actorOf(p), caseId, async (w) => {
        const id = newId(w.now);
        await insertNote(w.tx, {
          tenantId: p.tenantId,
          id,
          caseId,
          kind: 'participant',
          body: v.body,
          author: { kind: 'participant', id: p.participantId, name: p.name },
          at: w.now,
        });
        await cases.record(w, 'note', { action: 'case.note', reason: 'note added by the person' }, { details: { note: id, kind: 'participant' } });
        return id;
      });
    },

    async updateDetails(p: ParticipantPrincipal, input: unknown): Promise<void> {
      await cases.updateDetails(actorOf(p), await currentCaseId(p), input);
    },

    async changeConsent(p: ParticipantPrincipal, input: unknown) {
      return cases.changeConsent(actorOf(p), await currentCaseId(p), input);
    },

    /**
     * Everything Bridgework holds about the person, for their download: their case as they see it,
     * the referral that opened it, and what other capabilities hold about them. The download itself
     * is audited.
     */
    async export(p: ParticipantPrincipal): Promise<ParticipantRecord> {
      return recordOf(p, { actor: { kind: 'participant', id: p.participantId }, action: 'participant.export', reason: 'the person downloaded their record' });
    },

    /**
     * The same record for staff: answering a subject-access request, or sending it to another
     * team when the person moves (`purpose`). Only for roles that may (`RECORD_STAFF`); audited
     * with the reason given.
     */
    async exportFor(staff: UserPrincipal, participantId: string, purpose: 'subject-access' | 'transfer', reason: string): Promise<ParticipantRecord> {
      if (!staff.roles.some((r) => (RECORD_STAFF as readonly string[]).includes(r)))
        throw new Forbidden('Only a tenant admin or an IG lead may export a person’s record');
      const found = await db.inTenant(staff.tenantId, async (tx) => {
        const row = await tables(tx)
          .selectFrom('participants as p')
          .innerJoin('people as pe', (j) => j.onRef('pe.tenant_id', '=', 'p.tenant_id').onRef('pe.id', '=', 'p.person_id'))
          .select(['p.id', 'pe.given_name', 'pe.family_name', 'pe.preferred_language'])
          .where('p.id', '=', participantId)
          .executeTakeFirst();
        return row ?? null;
      });
      if (!found) throw new NotFound('participant');
      const p: ParticipantPrincipal = {
        kind: 'participant',
        tenantId: staff.tenantId,
        participantId,
        name: `${found.given_name} ${found.family_name}`,
        language: found.preferred_language,
      };
      return recordOf(p, {
        actor: { kind: 'user', id: staff.userId },
        action: purpose === 'transfer' ? 'participant.export.transfer' : 'participant.export.subject-access',
        reason,
      });
    },

    /** The person a referral reference belongs to, for staff who may export records (a request names a reference, not an id). */
    participantByReference: (staff: UserPrincipal, reference: string) => recordPerson(staff, { reference }),

    /** The person whose record staff who may export records are looking at: their name and referral reference. */
    participantForRecord: (staff: UserPrincipal, participantId: string) => recordPerson(staff, { participantId }),

    /**
     * The person a record taken in is about, if they are known here already: by NHS number, or by
     * name and date of birth. In the caller's tenant transaction.
     */
    async matchIn(tx: Tx, who: { nhsNumber: string | null; name: string; dateOfBirth: string | null }): Promise<string | null> {
      const base = tables(tx)
        .selectFrom('participants as p')
        .innerJoin('people as pe', (j) => j.onRef('pe.tenant_id', '=', 'p.tenant_id').onRef('pe.id', '=', 'p.person_id'))
        .select('p.id');
      if (who.nhsNumber) {
        const byNumber = await base.where('pe.nhs_number', '=', who.nhsNumber).executeTakeFirst();
        if (byNumber) return byNumber.id;
      }
      if (!who.dateOfBirth) return null;
      const byName = await base
        .where('pe.date_of_birth', '=', who.dateOfBirth)
        .where((eb) => eb(eb.fn('lower', [sql<string>`pe.given_name || ' ' || pe.family_name`]), '=', who.name.toLowerCase()))
        .limit(2)
        .execute();
      // Two people with the same name and birthday: not a match to guess at.
      return byName.length === 1 ? (byName[0]?.id ?? null) : null;
    },

    /** Who holds the record, for the FHIR Bundle's custodian and ids: this installation and the local authority. */
    async recordSource(tenantId: string): Promise<RecordSource> {
      const t = await db.global((tx) => tx.selectFrom('tenants').select(['gss_code', 'name']).where('id', '=', tenantId).executeTakeFirstOrThrow());
      return { baseUrl, tenantId, tenantName: t.name, gssCode: t.gss_code };
    },

    /** Leaving the programme: the case closes with that reason, at once, and nothing else changes for the person. */
    async leave(p: ParticipantPrincipal, input: unknown): Promise<void> {
      parseInput(leaveSchema, input);
      const caseId = await currentCaseId(p);
      await cases.participantWork(actorOf(p), caseId, async (w) => {
        if (w.row.phase === 'closed') throw new InvalidTransition('closed', 'closed');
        // Leaving stops all sharing first, so no one (a Jobcentre least of all) hears more than that the case closed.
        await tables(w.tx)
          .updateTable('participants')
          .set({ consent_scopes: ['share-with-employment-team'] })
          .where('id', '=', p.participantId)
          .execute();
        await cases.closeIn(w, 'left-programme', '');
      });
    },

    /** For tests and the participant pages: a guard that a principal is a participant. */
    require(p: ParticipantPrincipal | null): ParticipantPrincipal {
      if (!p) throw new Forbidden('Sign in to see your support');
      return p;
    },
  };
}

export type ParticipantService = ReturnType<typeof createParticipantService>;
