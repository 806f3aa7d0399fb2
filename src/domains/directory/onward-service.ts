import type { ColumnType } from 'kysely';
import { z } from 'zod';
import { type Actor, recordAudit } from '../../platform/audit/index.ts';
import { type ClientPrincipal, hmacHex, randomToken, type UserPrincipal } from '../../platform/auth/index.ts';
import type { Clock } from '../../platform/clock/index.ts';
import { type Database, type Json, newId, type Timestamp, type Tx } from '../../platform/db/index.ts';
import { Conflict, Forbidden, InvalidInput, InvalidTransition, NotFound, parseInput } from '../../platform/errors/index.ts';
import { formatIsoDate, londonIsoDate } from '../../platform/i18n/index.ts';
import { queueNotifications } from '../../platform/notify/index.ts';
import { type CaseService, type ExportSectionsProvider, NO_EXPORT_SECTIONS } from '../participants/index.ts';
import { type DataCategory, directoryOrganisationsOf, type SharingCheck, sharingWith } from '../partnerships/index.ts';
import { referralTables } from '../referrals/index.ts';
import type { DirectoryTables } from './directory.ts';
import { fullServices } from './directory-repo.ts';
import { referability } from './directory-rules.ts';
import {
  type LinkPurpose,
  linkState,
  nextOnwardStatus,
  type OnwardAction,
  type OnwardStatus,
  onwardReminderDue,
  onwardVersion,
  purposeFor,
  readLink,
  SHAREABLE_ITEMS,
  type ShareableItem,
  sharedDetails,
  signLink,
} from './onward-rules.ts';

type Optional<T> = ColumnType<T | null, T | null | undefined, T | null>;

export type OnwardTables = {
  onward_referrals: {
    tenant_id: string;
    id: string;
    case_id: string;
    participant_id: string;
    service_id: string;
    service_name: string;
    provider_email: string;
    status: OnwardStatus;
    need: string;
    shared_items: string[];
    shared: Json;
    consent_method: 'verbal' | 'written';
    consent_given_on: string;
    agreement_id: Optional<string>;
    decline_reason: Optional<string>;
    outcome: Optional<string>;
    link_nonce_hash: Optional<string>;
    link_purpose: Optional<LinkPurpose>;
    link_expires_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
    sent_by: string;
    sent_at: Timestamp;
    responded_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
    completed_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
    reminded_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
    reminders: ColumnType<number, number | undefined, number>;
  };
};

const tables = (tx: Tx) => tx.withTables<OnwardTables & DirectoryTables>();

/** Days a provider's link stays good (ADR 0034): long enough for a part-time office, short enough to limit a forwarded email. */
export const LINK_DAYS = 14;

export const sendOnwardSchema = z.object({
  serviceId: z.uuid('onward.error.service'),
  need: z.string({ error: 'onward.error.need' }).trim().min(1, 'onward.error.need').max(1000, 'onward.error.needLength'),
  share: z
    .union([z.enum(SHAREABLE_ITEMS), z.array(z.enum(SHAREABLE_ITEMS))], { error: 'onward.error.share' })
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v])),
  consent: z.literal('yes', { error: 'onward.error.consent' }),
  consentMethod: z.enum(['verbal', 'written'], { error: 'onward.error.consentMethod' }),
});

export const respondSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('accept') }),
  z.object({
    action: z.literal('decline'),
    reason: z.string({ error: 'onward.error.reason' }).trim().min(1, 'onward.error.reason').max(1000, 'onward.error.reasonLength'),
  }),
  z.object({
    action: z.literal('outcome'),
    outcome: z.string({ error: 'onward.error.outcome' }).trim().min(1, 'onward.error.outcome').max(2000, 'onward.error.outcomeLength'),
  }),
]);

export type OnwardAnswer = z.infer<typeof respondSchema>;

/** The data categories an onward referral shares, for the agreement check. */
export function categoriesOf(items: readonly ShareableItem[]): DataCategory[] {
  const map: Record<ShareableItem, DataCategory> = { name: 'identity', contact: 'contact', 'date-of-birth': 'date-of-birth', address: 'address' };
  return ['need', ...items.map((i) => map[i])];
}

export type OnwardReferral = {
  id: string;
  caseId: string;
  serviceId: string;
  serviceName: string;
  status: OnwardStatus;
  need: string;
  shared: Record<string, string>;
  sentAt: Date;
  respondedAt: Date | null;
  completedAt: Date | null;
  declineReason: string | null;
  outcome: string | null;
};

/** What a provider's system reads of an onward referral (FHIR Task): the referral and whose service it is. */
export type OnwardForSystem = OnwardReferral & { version: number; directoryOrganisationId: string };

const toOnward = (r: {
  id: string;
  case_id: string;
  service_id: string;
  service_name: string;
  status: OnwardStatus;
  need: string;
  shared: unknown;
  sent_at: Date;
  responded_at: Date | null;
  completed_at: Date | null;
  decline_reason: string | null;
  outcome: string | null;
}): OnwardReferral => ({
  id: r.id,
  caseId: r.case_id,
  serviceId: r.service_id,
  serviceName: r.service_name,
  status: r.status,
  need: r.need,
  shared: (typeof r.shared === 'string' ? JSON.parse(r.shared) : r.shared) as Record<string, string>,
  sentAt: new Date(r.sent_at),
  respondedAt: r.responded_at ? new Date(r.responded_at) : null,
  completedAt: r.completed_at ? new Date(r.completed_at) : null,
  declineReason: r.decline_reason,
  outcome: r.outcome,
});

const ONWARD_COLUMNS = [
  'id',
  'case_id',
  'service_id',
  'service_name',
  'status',
  'need',
  'shared',
  'sent_at',
  'responded_at',
  'completed_at',
  'decline_reason',
  'outcome',
] as const;

/**
 * Onward referrals, closed loop (ADR 0034): a specialist refers the person on from their case to a
 * directory service, with the person's consent and only what they agreed to share, when an
 * agreement covers the sharing; the provider answers through a signed, expiring, single-use link
 * emailed to them; reminders follow; every step is on the case timeline and the person's own page.
 */
export function createOnwardService(deps: { db: Database; clock: Clock; secret: string; baseUrl: string; cases: () => CaseService }) {
  const { db, clock, secret, baseUrl } = deps;

  /** A fresh link for the referral: its token (emailed, never stored) and the hash kept on the row. */
  function newLink(tenantId: string, referralId: string, purpose: LinkPurpose, now: Date) {
    const nonce = randomToken(18);
    const expiresAt = now.getTime() + LINK_DAYS * 86_400_000;
    const token = signLink(secret, { tenantId, referralId, purpose, expiresAt, nonce });
    return { url: `${baseUrl}/onward-referrals/respond?link=${token}`, nonceHash: hmacHex(secret, nonce), expiresAt: new Date(expiresAt) };
  }

  const providerEmail = (tenantId: string, to: string, kind: 'new' | 'reminder' | 'outcome', r: { serviceName: string; need: string }, url: string) => ({
    tenantId,
    id: newId(clock.now()),
    channel: 'email' as const,
    recipient: to,
    template: `onward-${kind}`,
    subject:
      kind === 'new'
        ? `New referral to ${r.serviceName}`
        : kind === 'reminder'
          ? `Reminder: a referral to ${r.serviceName} is waiting for you`
          : `Please tell us how the referral to ${r.serviceName} went`,
    body: `${
      kind === 'outcome'
        ? 'Thank you for accepting this referral. When you have worked with the person, record the outcome here'
        : `A person has been referred to your service, with their consent, for help with: ${r.need}. Accept or decline the referral here`
    }: ${url}\n\nThe link works once and for ${LINK_DAYS} days. You do not need an account.`,
    language: 'en' as const,
  });

  /** The referral with its service's directory organisation, when a partner links the client's organisation to it. */
  async function visibleTo(tx: Tx, organisationId: string, id: string, lock = false) {
    const linked = await directoryOrganisationsOf(tx, organisationId);
    if (linked.length === 0) return null;
    let q = tables(tx)
      .selectFrom('onward_referrals as o')
      .innerJoin('directory_services as s', (j) => j.onRef('s.tenant_id', '=', 'o.tenant_id').onRef('s.id', '=', 'o.service_id'))
      .select(ONWARD_COLUMNS.map((c) => `o.${c}` as const))
      .select(['o.provider_email', 's.organisation_id'])
      .where('o.id', '=', id)
      .where('s.organisation_id', 'in', linked);
    if (lock) q = q.forUpdate('o');
    return (await q.executeTakeFirst()) ?? null;
  }

  /**
   * The provider's answer, however it came (its link or its system): the next status by the rules,
   * the live link spent (accepting emails a new one for the outcome), the case timeline and an audit row.
   */
  async function applyAnswer(
    tx: Tx,
    tenantId: string,
    row: { id: string; status: OnwardStatus; service_id: string; service_name: string; need: string; case_id: string; provider_email: string },
    value: OnwardAnswer,
    actor: Actor,
    reason: string,
  ): Promise<OnwardReferral> {
    const now = clock.now();
    const next = nextOnwardStatus(row.status, value.action as OnwardAction);
    if (!next) throw new InvalidTransition(row.status, value.action);
    const link = next === 'accepted' ? newLink(tenantId, row.id, 'outcome', now) : null;
    const updated = await tables(tx)
      .updateTable('onward_referrals')
      .set({
        status: next,
        ...(value.action === 'decline' ? { decline_reason: value.reason } : {}),
        ...(value.action === 'outcome' ? { outcome: value.outcome, completed_at: now } : { responded_at: now }),
        link_nonce_hash: link?.nonceHash ?? null,
        link_purpose: link ? 'outcome' : null,
        link_expires_at: link?.expiresAt ?? null,
      })
      .where('id', '=', row.id)
      .returning(ONWARD_COLUMNS)
      .executeTakeFirstOrThrow();
    if (link)
      await queueNotifications(tx, clock, [
        providerEmail(tenantId, row.provider_email, 'outcome', { serviceName: row.service_name, need: row.need }, link.url),
      ]);
    await deps.cases().systemEntry(tx, {
      tenantId,
      id: newId(now),
      caseId: row.case_id,
      at: now,
      actor: { id: 'provider', name: row.service_name },
      kind: 'onward-referral',
      to: next,
      reason: value.action === 'decline' ? value.reason : value.action === 'outcome' ? value.outcome : null,
      details: { service: row.service_name, onwardReferralId: row.id },
    });
    await recordAudit(tx, tenantId, clock, {
      actor,
      action: `onward-referral.${value.action}`,
      recordType: 'onward-referral',
      recordId: row.id,
      reason,
      details: { status: next },
    });
    return toOnward(updated);
  }

  return {
    /** What sending would share with a service and whether an agreement covers it: the form shows it before sending. */
    async check(user: UserPrincipal, serviceId: string, items: readonly ShareableItem[]): Promise<SharingCheck> {
      return db.inTenant(user.tenantId, async (tx) => {
        const [service] = await fullServices(tx, { id: serviceId });
        if (!service) throw new NotFound('service', serviceId);
        return sharingWith(tx, { directoryOrganisationId: service.organisation_id }, 'onward-referral', categoriesOf(items), londonIsoDate(clock.now()));
      });
    },

    /**
     * Sends an onward referral from a case. Refused (with a clear message and an audit row of the
     * refusal) when no agreement in force covers sharing these details with the provider.
     */
    async send(user: UserPrincipal, caseId: string, input: unknown): Promise<OnwardReferral> {
      const value = parseInput(sendOnwardSchema, input);
      const now = clock.now();
      const today = londonIsoDate(now);
      let refusal: { reason: string; service: string } | null = null;
      try {
        return await deps.cases().work(user, caseId, async (w) => {
          const [service] = await fullServices(w.tx, { id: value.serviceId });
          if (!service) throw new InvalidInput([{ path: 'serviceId', message: 'onward.error.service' }]);
          const r = referability({ status: service.status, capacity: service.capacity, waitingWeeks: service.waiting_weeks });
          if (!r.referable)
            throw new InvalidInput([{ path: 'serviceId', message: `onward.error.notReferable.${r.reason}` }], `${service.name} is not taking referrals`);
          const to = service.email ?? service.organisation?.email ?? null;
          if (!to) throw new InvalidInput([{ path: 'serviceId', message: 'onward.error.noEmail' }], `${service.name} has no email address for referrals`);
          const sharing = await sharingWith(w.tx, { directoryOrganisationId: service.organisation_id }, 'onward-referral', categoriesOf(value.share), today);
          if (!sharing.allowed) {
            refusal = { reason: sharing.reason, service: service.id };
            throw new Forbidden(
              `No data-sharing agreement in force covers this referral to ${service.name} (${sharing.reason}${sharing.missing.length ? `: ${sharing.missing.join(', ')}` : ''})`,
              [{ path: 'serviceId', message: `onward.error.agreement.${sharing.reason}` }],
            );
          }
          const person = await referralTables(w.tx)
            .selectFrom('participants as pa')
            .innerJoin('people as p', (j) => j.onRef('p.tenant_id', '=', 'pa.tenant_id').onRef('p.id', '=', 'pa.person_id'))
            .select(['p.given_name', 'p.family_name', 'p.date_of_birth', 'p.email', 'p.phone', 'p.address_line1', 'p.town', 'p.postcode'])
            .where('pa.id', '=', w.row.participant_id)
            .executeTakeFirstOrThrow();
          const shared = sharedDetails(
            {
              givenName: person.given_name,
              familyName: person.family_name,
              dateOfBirth: person.date_of_birth,
              email: person.email,
              phone: person.phone,
              addressLine1: person.address_line1,
              town: person.town,
              postcode: person.postcode,
            },
            value.share,
          );
          const id = newId(now);
          const link = newLink(user.tenantId, id, 'respond', now);
          const row = await tables(w.tx)
            .insertInto('onward_referrals')
            .values({
              tenant_id: user.tenantId,
              id,
              case_id: w.row.id,
              participant_id: w.row.participant_id,
              service_id: service.id,
              service_name: service.name,
              provider_email: to,
              status: 'sent',
              need: value.need,
              shared_items: value.share,
              shared: JSON.stringify(shared),
              consent_method: value.consentMethod,
              consent_given_on: today,
              agreement_id: sharing.agreementId,
              link_nonce_hash: link.nonceHash,
              link_purpose: 'respond',
              link_expires_at: link.expiresAt,
              sent_by: user.userId,
              sent_at: now,
            })
            .returning(ONWARD_COLUMNS)
            .executeTakeFirstOrThrow();
          await queueNotifications(w.tx, clock, [providerEmail(user.tenantId, to, 'new', { serviceName: service.name, need: value.need }, link.url)]);
          await deps.cases().record(
            w,
            'onward-referral',
            {
              action: 'onward-referral.send',
              reason: 'referred the person on, with their consent',
              details: { onwardReferralId: id, service: service.id, shared: value.share },
            },
            { to: 'sent', details: { service: service.name, onwardReferralId: id } },
          );
          return toOnward(row);
        });
      } catch (error) {
        if (refusal) {
          const r: { reason: string; service: string } = refusal;
          // The refusal is audited on its own: the referral's transaction wrote nothing.
          await db.inTenant(user.tenantId, (tx) =>
            recordAudit(tx, user.tenantId, clock, {
              actor: { kind: 'user', id: user.userId },
              action: 'onward-referral.refused',
              recordType: 'case',
              recordId: caseId,
              reason: `no data-sharing agreement in force (${r.reason})`,
              details: { service: r.service, reason: r.reason },
            }),
          );
        }
        throw error;
      }
    },

    /** The onward referrals of a case, newest first (the case page). */
    async ofCase(user: UserPrincipal, caseId: string): Promise<OnwardReferral[]> {
      await deps.cases().view(user, caseId, { healthFields: false });
      return db.inTenant(user.tenantId, async (tx) =>
        (await tables(tx).selectFrom('onward_referrals').select(ONWARD_COLUMNS).where('case_id', '=', caseId).orderBy('sent_at', 'desc').execute()).map(
          toOnward,
        ),
      );
    },

    /** The person's own onward referrals (their own pages). */
    async mine(p: { tenantId: string; participantId: string }): Promise<OnwardReferral[]> {
      return db.inTenant(p.tenantId, async (tx) =>
        (
          await tables(tx)
            .selectFrom('onward_referrals')
            .select(ONWARD_COLUMNS)
            .where('participant_id', '=', p.participantId)
            .orderBy('sent_at', 'desc')
            .execute()
        ).map(toOnward),
      );
    },

    /** What the provider's page shows for a link: the referral, or why the link no longer works. */
    async open(token: string): Promise<{ state: 'valid'; referral: OnwardReferral; purpose: LinkPurpose } | { state: 'invalid' | 'expired' | 'used' }> {
      const found = await this.load(token);
      return found.state === 'valid' ? { state: 'valid', referral: found.referral, purpose: found.purpose } : { state: found.state };
    },

    async load(token: string) {
      const parts = readLink(secret, token);
      if (!parts || !/^[0-9a-f-]{36}$/.test(parts.tenantId) || !/^[0-9a-f-]{36}$/.test(parts.referralId)) return { state: 'invalid' as const };
      const row = await db.inTenant(parts.tenantId, (tx) =>
        tables(tx)
          .selectFrom('onward_referrals')
          .select([...ONWARD_COLUMNS, 'link_nonce_hash', 'link_purpose'])
          .where('id', '=', parts.referralId)
          .executeTakeFirst(),
      );
      const state = linkState(
        parts,
        row ? { nonceHash: row.link_nonce_hash, purpose: row.link_purpose } : null,
        hmacHex(secret, parts.nonce),
        clock.now().getTime(),
      );
      if (state !== 'valid' || !row) return { state: state === 'valid' ? ('invalid' as const) : state };
      return { state: 'valid' as const, referral: toOnward(row), purpose: parts.purpose, parts };
    },

    /**
     * The provider's answer through a link: accept, decline with a reason, or record the outcome.
     * The link is spent in the same transaction (single use); accepting emails a new link for the outcome.
     */
    async respond(token: string, input: unknown): Promise<OnwardReferral> {
      const value = parseInput(respondSchema, input);
      const parts = readLink(secret, token);
      if (!parts) throw new NotFound('link', 'onward referral');
      return db.inTenant(parts.tenantId, async (tx) => {
        const now = clock.now();
        const row = await tables(tx)
          .selectFrom('onward_referrals')
          .select([...ONWARD_COLUMNS, 'link_nonce_hash', 'link_purpose', 'provider_email'])
          .where('id', '=', parts.referralId)
          .forUpdate()
          .executeTakeFirst();
        const state = linkState(parts, row ? { nonceHash: row.link_nonce_hash, purpose: row.link_purpose } : null, hmacHex(secret, parts.nonce), now.getTime());
        if (state !== 'valid' || !row)
          throw new Forbidden(`This link ${state === 'expired' ? 'has expired' : state === 'used' ? 'has already been used' : 'is not valid'}`);
        if (purposeFor(value.action) !== parts.purpose) throw new InvalidTransition(row.status, value.action);
        return applyAnswer(tx, parts.tenantId, row, value, { kind: 'public', id: `provider:${row.service_id}` }, 'the provider answered through its link');
      });
    },

    /**
     * An onward referral as a provider's system may read it (FHIR Task): only when the client acts
     * for an organisation that a partner record links to the service's directory organisation.
     * Null when there is none such, as if absent.
     */
    async forSystem(client: ClientPrincipal, id: string): Promise<OnwardForSystem | null> {
      if (!client.organisationId || !/^[0-9a-f-]{36}$/.test(id)) return null;
      const organisationId = client.organisationId;
      return db.inTenant(client.tenantId, async (tx) => {
        const row = await visibleTo(tx, organisationId, id);
        if (!row) return null;
        await recordAudit(tx, client.tenantId, clock, {
          actor: { kind: 'client', id: client.id },
          action: 'onward-referral.system-read',
          recordType: 'onward-referral',
          recordId: id,
          reason: 'the provider’s system read the referral (FHIR Task)',
        });
        return { ...toOnward(row), version: onwardVersion(row.status), directoryOrganisationId: row.organisation_id };
      });
    },

    /**
     * The provider's system answers as its link would (the closed loop, FHIR Task status): accept,
     * decline with a reason, or record the outcome of one it accepted. `expectedVersion` (If-Match)
     * refuses a change made on a state the system had not seen. Null when the client may not see it.
     */
    async answerAsSystem(client: ClientPrincipal, id: string, input: unknown, expectedVersion?: number): Promise<OnwardForSystem | null> {
      if (!client.organisationId || !/^[0-9a-f-]{36}$/.test(id)) return null;
      const organisationId = client.organisationId;
      return db.inTenant(client.tenantId, async (tx) => {
        const visible = await visibleTo(tx, organisationId, id, true);
        if (!visible) return null;
        const version = onwardVersion(visible.status);
        if (expectedVersion !== undefined && expectedVersion !== version) {
          throw new Conflict(`The Task has changed since version ${expectedVersion}; it is now version ${version}`);
        }
        // Checked after the version: an answer to a state the system has not seen is a conflict first.
        const value = parseInput(respondSchema, input);
        const updated = await applyAnswer(tx, client.tenantId, visible, value, { kind: 'client', id: client.id }, 'the provider’s system answered (FHIR Task)');
        return { ...updated, version: onwardVersion(updated.status), directoryOrganisationId: visible.organisation_id };
      });
    },

    /** The reminder job: providers who have not answered within the tenant's service level get a new link. */
    async remind(): Promise<number> {
      const now = clock.now();
      const counts = await db.eachTenant(async (tx, tenant) => {
        const settings = await tx.selectFrom('tenant_settings').select('onward_response_days').executeTakeFirst();
        const days = settings?.onward_response_days ?? 5;
        const open = await tables(tx)
          .selectFrom('onward_referrals')
          .select(['id', 'status', 'sent_at', 'responded_at', 'reminded_at', 'provider_email', 'service_name', 'need', 'case_id'])
          .where('status', 'in', ['sent', 'accepted'])
          .execute();
        const due = open.filter((r) =>
          onwardReminderDue({ status: r.status, waitingSince: r.responded_at ?? r.sent_at, remindedAt: r.reminded_at }, now, days),
        );
        for (const r of due) {
          const purpose: LinkPurpose = r.status === 'sent' ? 'respond' : 'outcome';
          const link = newLink(tenant.id, r.id, purpose, now);
          await tables(tx)
            .updateTable('onward_referrals')
            .set((eb) => ({
              link_nonce_hash: link.nonceHash,
              link_purpose: purpose,
              link_expires_at: link.expiresAt,
              reminded_at: now,
              reminders: eb('reminders', '+', 1),
            }))
            .where('id', '=', r.id)
            .execute();
          await queueNotifications(tx, clock, [
            providerEmail(tenant.id, r.provider_email, r.status === 'sent' ? 'reminder' : 'outcome', { serviceName: r.service_name, need: r.need }, link.url),
          ]);
          await deps.cases().systemEntry(tx, {
            tenantId: tenant.id,
            id: newId(now),
            caseId: r.case_id,
            at: now,
            actor: { id: 'onward-reminder', name: 'Bridgework' },
            kind: 'onward-referral',
            to: 'reminded',
            details: { service: r.service_name, onwardReferralId: r.id },
          });
        }
        return due.length;
      });
      return counts.reduce((a, b) => a + b, 0);
    },
  };
}

export type OnwardService = ReturnType<typeof createOnwardService>;

/** The person's onward referrals for their download and portable record (the participants capability's export sections). */
export const onwardExportSections: ExportSectionsProvider = async (tx, who) => {
  const rows = await tables(tx)
    .selectFrom('onward_referrals')
    .select(ONWARD_COLUMNS)
    .where('participant_id', '=', who.participantId)
    .orderBy('sent_at', 'desc')
    .execute();
  const onward = rows.map(toOnward);
  return {
    ...NO_EXPORT_SECTIONS,
    // The readable copy: each referral in the reader's words; no blocks when there is none.
    readable: (t, lang) => [
      {
        heading: t('onward.export.heading'),
        blocks: onward.length
          ? [
              {
                kind: 'list' as const,
                items: onward.map((o) =>
                  t('onward.export.item', { service: o.serviceName, on: formatIsoDate(londonIsoDate(o.sentAt), lang), status: t(`onward.status.${o.status}`) }),
                ),
              },
            ]
          : [],
      },
    ],
    onwardReferrals: onward.map((o) => ({
      id: o.id,
      service: o.serviceName,
      status: o.status,
      need: o.need,
      sentAt: o.sentAt.toISOString(),
      updatedAt: (o.completedAt ?? o.respondedAt ?? o.sentAt).toISOString(),
      outcome: o.outcome ?? o.declineReason,
    })),
  };
};
