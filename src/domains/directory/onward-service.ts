import { z } from 'zod';
import { recordAudit } from '../../platform/audit/index.ts';
import type { UserPrincipal } from '../../platform/auth/index.ts';
import type { Clock } from '../../platform/clock/index.ts';
import { type Database, newId } from '../../platform/db/index.ts';
import { Forbidden, InvalidInput, NotFound, parseInput } from '../../platform/errors/index.ts';
import { londonIsoDate } from '../../platform/i18n/index.ts';
import { queueNotifications } from '../../platform/notify/index.ts';
import type { CaseService } from '../participants/index.ts';
import { type DataCategory, type SharingCheck, sharingWith } from '../partnerships/index.ts';
import { referralTables } from '../referrals/index.ts';
import { fullServices } from './directory-repo.ts';
import { referability } from './directory-rules.ts';
import { onwardMail } from './onward-mail.ts';
import { createOnwardProviderService } from './onward-provider-service.ts';
import { ONWARD_COLUMNS, type OnwardReferral, onwardTables as tables, toOnward } from './onward-repo.ts';
import { type LinkPurpose, onwardReminderDue, SHAREABLE_ITEMS, type ShareableItem, sharedDetails } from './onward-rules.ts';

export type { OnwardReferral } from './onward-repo.ts';

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

/** The data categories an onward referral shares, for the agreement check. */
export function categoriesOf(items: readonly ShareableItem[]): DataCategory[] {
  const map: Record<ShareableItem, DataCategory> = { name: 'identity', contact: 'contact', 'date-of-birth': 'date-of-birth', address: 'address' };
  return ['need', ...items.map((i) => map[i])];
}

/**
 * Onward referrals, closed loop (ADR 0034): a specialist refers the person on from their case to a
 * directory service, with the person's consent and only what they agreed to share, when an
 * agreement covers the sharing; the provider answers through a signed, expiring, single-use link
 * emailed to them, or from its own system (onward-provider-service.ts); reminders follow; every
 * step is on the case timeline and the person's own page.
 */
export function createOnwardService(deps: { db: Database; clock: Clock; secret: string; baseUrl: string; cases: () => CaseService }) {
  const { db, clock } = deps;
  const mail = onwardMail(deps);
  const { newLink, providerEmail } = mail;
  const provider = createOnwardProviderService({ db, clock, secret: deps.secret, mail, cases: deps.cases });

  return {
    ...provider,

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
