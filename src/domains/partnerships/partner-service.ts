import { sql } from 'kysely';
import warningDaysFile from '../../../policy/agreement-end-warning-days.json' with { type: 'json' };
import maxBytesFile from '../../../policy/agreement-signed-copy-max-bytes.json' with { type: 'json' };
import { recordAudit } from '../../platform/audit/index.ts';
import type { UserPrincipal } from '../../platform/auth/index.ts';
import type { Clock } from '../../platform/clock/index.ts';
import { type Database, newId, type Tx } from '../../platform/db/index.ts';
import { Conflict, Forbidden, InvalidInput, type Issue, issuesFromZod, NotFound, parseInput } from '../../platform/errors/index.ts';
import { pdfProblem } from '../../platform/http/multipart.ts';
import { londonIsoDate } from '../../platform/i18n/index.ts';
import { queueNotifications } from '../../platform/notify/index.ts';
import { parsePolicyParameter, valueAt } from '../../platform/policy/index.ts';
import { type AgreementFacts, type AgreementPurpose, checkSharing, type DataCategory, endingSoon, type SharingCheck } from './agreement-rules.ts';
import type { Agreement, Partner } from './partnership.ts';
import { agreementFactsOf, agreementsWith, findPartner, listAgreements, listPartners, referralInAgreements, tables } from './partnership-repo.ts';
import { agreementSchema, partnerSchema } from './partnership-schemas.ts';

const WARNING_DAYS = parsePolicyParameter(warningDaysFile);
const MAX_BYTES = parsePolicyParameter(maxBytesFile);

/** Who records partners and agreements; the information governance lead reads them too. */
export const PARTNER_ADMINS = ['tenant-admin'] as const;
export const AGREEMENT_READERS = ['tenant-admin', 'ig-lead'] as const;

const must = (user: UserPrincipal, roles: readonly string[], what: string) => {
  if (!roles.some((r) => user.roles.includes(r as UserPrincipal['roles'][number]))) throw new Forbidden(`Only ${roles.join(' or ')} ${what}`);
};

/**
 * Whether sharing with a body is covered by an agreement in force (ADR 0035): the one check both
 * enforcement points call, inside their own transaction.
 */
export async function sharingWith(
  tx: Tx,
  body: { organisationId: string } | { directoryOrganisationId: string },
  purpose: AgreementPurpose,
  categories: readonly DataCategory[],
  today: string,
): Promise<SharingCheck> {
  return checkSharing(await agreementsWith(tx, body), purpose, categories, today);
}

/**
 * A referral in from an organisation: refused only when the organisation has agreed terms for
 * referrals in (any agreement naming that purpose) and none of them covers this one today, as when
 * its agreement has lapsed. An organisation with no such agreement refers as before (ADR 0035).
 */
export async function referralInCheck(tx: Tx, organisationId: string, categories: readonly DataCategory[], today: string): Promise<SharingCheck | null> {
  return referralInDecision(await agreementsWith(tx, { organisationId }, 'referral-in'), categories, today);
}

/** `referralInCheck` on the agreements already read (`referralInAgreements`). */
export function referralInDecision(agreements: readonly AgreementFacts[], categories: readonly DataCategory[], today: string): SharingCheck | null {
  if (agreements.length === 0) return null;
  return checkSharing(agreements, 'referral-in', categories, today);
}

/**
 * The gate referral intake asks (ADR 0035), in two halves so intake reads the agreements in its
 * one first statement (ADR 0066): the organisation's agreements for referrals in as one JSON value,
 * and the decision on them (`referralInCheck`'s).
 */
export const referralInGate = {
  agreements: referralInAgreements,
  check: (agreements: unknown, categories: readonly DataCategory[], today: string) => referralInDecision(agreementFactsOf(agreements), categories, today),
};

/**
 * The directory organisations a referring organisation is, by the partner records that link the
 * two (a provider's system signs in as its organisation; its services are in the directory).
 */
export async function directoryOrganisationsOf(tx: Tx, organisationId: string): Promise<string[]> {
  const rows = await tables(tx)
    .selectFrom('partners')
    .select('directory_organisation_id')
    .where('organisation_id', '=', organisationId)
    .where('directory_organisation_id', 'is not', null)
    .execute();
  return rows.map((r) => r.directory_organisation_id as string);
}

/**
 * Partners and their data-sharing agreements: recorded by a tenant admin, each agreement with its
 * signed copy (a PDF, checked by its signature bytes, not only its name), and a warning to the
 * tenant's administrators once, 60 days (policy) before an agreement ends.
 */
export function createPartnerService(deps: { db: Database; clock: Clock; baseUrl: string }) {
  const { db, clock } = deps;
  const today = () => londonIsoDate(clock.now());

  return {
    maxSignedCopyBytes: () => valueAt(MAX_BYTES, today()).value,
    warningDays: () => valueAt(WARNING_DAYS, today()).value,
    today,

    async partners(user: UserPrincipal): Promise<Partner[]> {
      return db.inTenant(user.tenantId, listPartners);
    },

    async partner(user: UserPrincipal, id: string): Promise<Partner> {
      const found = await db.inTenant(user.tenantId, (tx) => findPartner(tx, id));
      if (!found) throw new NotFound('partner', id);
      return found;
    },

    /** The bodies a partner can be linked to: referring organisations and directory organisations. */
    async linkable(user: UserPrincipal): Promise<{ organisations: { id: string; name: string }[]; directory: { id: string; name: string }[] }> {
      must(user, PARTNER_ADMINS, 'record partners');
      return db.inTenant(user.tenantId, async (tx) => {
        const t = tx.withTables<{ organisations: { id: string; name: string }; directory_organisations: { id: string; name: string } }>();
        const [organisations, directory] = await Promise.all([
          t.selectFrom('organisations').select(['id', 'name']).orderBy('name').execute(),
          t.selectFrom('directory_organisations').select(['id', 'name']).orderBy('name').execute(),
        ]);
        return { organisations, directory };
      });
    },

    async addPartner(user: UserPrincipal, input: unknown): Promise<Partner> {
      must(user, PARTNER_ADMINS, 'record partners');
      const v = parseInput(partnerSchema, input);
      return db.inTenant(user.tenantId, async (tx) => {
        const id = newId(clock.now());
        const added = await tables(tx)
          .insertInto('partners')
          .values({
            tenant_id: user.tenantId,
            id,
            name: v.name,
            kind: v.kind,
            role: v.role,
            organisation_id: v.organisationId,
            directory_organisation_id: v.directoryOrganisationId,
            created_at: clock.now(),
          })
          .onConflict((oc) => oc.columns(['tenant_id', 'name']).doNothing())
          .returning('id')
          .executeTakeFirst();
        if (!added) throw new Conflict(`A partner called ${v.name} is already recorded`, [{ path: 'name', message: 'partners.error.nameTaken' }]);
        await recordAudit(tx, user.tenantId, clock, {
          actor: { kind: 'user', id: user.userId },
          action: 'partner.create',
          recordType: 'partner',
          recordId: id,
          reason: 'recorded a local partner',
          details: { kind: v.kind },
        });
        return { id, name: v.name, kind: v.kind, role: v.role, organisationId: v.organisationId, directoryOrganisationId: v.directoryOrganisationId };
      });
    },

    /**
     * Changes a partner's name, kind, role or links. Its agreements follow its links (they name the
     * bodies whose sharing they cover), so correcting a link corrects what the agreements cover.
     */
    async editPartner(user: UserPrincipal, id: string, input: unknown): Promise<Partner> {
      must(user, PARTNER_ADMINS, 'change partners');
      const v = parseInput(partnerSchema, input);
      return db.inTenant(user.tenantId, async (tx) => {
        const before = await findPartner(tx, id);
        if (!before) throw new NotFound('partner', id);
        const taken = await tables(tx).selectFrom('partners').select('id').where('name', '=', v.name).where('id', '!=', id).executeTakeFirst();
        if (taken) throw new Conflict(`A partner called ${v.name} is already recorded`, [{ path: 'name', message: 'partners.error.nameTaken' }]);
        await tables(tx)
          .updateTable('partners')
          .set({ name: v.name, kind: v.kind, role: v.role, organisation_id: v.organisationId, directory_organisation_id: v.directoryOrganisationId })
          .where('id', '=', id)
          .execute();
        const after: Partner = {
          id,
          name: v.name,
          kind: v.kind,
          role: v.role,
          organisationId: v.organisationId,
          directoryOrganisationId: v.directoryOrganisationId,
        };
        const changed = (['name', 'kind', 'role', 'organisationId', 'directoryOrganisationId'] as const).filter((k) => before[k] !== after[k]);
        const relinked = changed.includes('organisationId') || changed.includes('directoryOrganisationId');
        const agreements = relinked
          ? await tables(tx)
              .updateTable('data_sharing_agreements')
              .set({ organisation_id: v.organisationId, directory_organisation_id: v.directoryOrganisationId })
              .where('partner_id', '=', id)
              .returning('id')
              .execute()
          : [];
        await recordAudit(tx, user.tenantId, clock, {
          actor: { kind: 'user', id: user.userId },
          action: 'partner.update',
          recordType: 'partner',
          recordId: id,
          reason: 'changed a local partner',
          // What changed, and the links before and after (ids, not personal data).
          details: {
            changed,
            ...(relinked
              ? {
                  links: {
                    before: { organisation: before.organisationId, directoryOrganisation: before.directoryOrganisationId },
                    after: { organisation: v.organisationId, directoryOrganisation: v.directoryOrganisationId },
                  },
                  agreementsRelinked: agreements.length,
                }
              : {}),
          },
        });
        return after;
      });
    },

    async agreements(user: UserPrincipal): Promise<Agreement[]> {
      must(user, AGREEMENT_READERS, 'see data-sharing agreements');
      return db.inTenant(user.tenantId, listAgreements);
    },

    /** Records an agreement with a partner and its signed copy, refused unless the copy is a PDF within the size limit. */
    async recordAgreement(user: UserPrincipal, input: Record<string, unknown>): Promise<Agreement> {
      must(user, PARTNER_ADMINS, 'record data-sharing agreements');
      const parsed = agreementSchema.safeParse(input);
      const issues: Issue[] = parsed.success ? [] : issuesFromZod(parsed.error);
      const copy = input.signedCopy;
      const problem = pdfProblem(copy, valueAt(MAX_BYTES, today()).value);
      if (problem) issues.push({ path: 'signedCopy', message: `agreements.error.signedCopy.${problem}` });
      if (!parsed.success || problem || !copy || typeof copy !== 'object' || !('bytes' in copy)) throw new InvalidInput(issues);
      const v = parsed.data;
      const file = copy as { filename: string; bytes: Buffer };
      return db.inTenant(user.tenantId, async (tx) => {
        const partner = await findPartner(tx, v.partnerId);
        if (!partner) throw new InvalidInput([{ path: 'partnerId', message: 'agreements.error.partner' }]);
        const id = newId(clock.now());
        await tables(tx)
          .insertInto('data_sharing_agreements')
          .values({
            tenant_id: user.tenantId,
            id,
            title: v.title,
            partner_id: partner.id,
            other_parties: v.otherParties,
            organisation_id: partner.organisationId,
            directory_organisation_id: partner.directoryOrganisationId,
            purposes: v.purposes,
            data_categories: v.dataCategories,
            article6: v.article6,
            article9: v.article9,
            starts_on: v.startsOn,
            ends_on: v.endsOn,
            signed_copy: file.bytes,
            signed_copy_name: file.filename,
            recorded_by: user.userId,
            created_at: clock.now(),
          })
          .execute();
        await recordAudit(tx, user.tenantId, clock, {
          actor: { kind: 'user', id: user.userId },
          action: 'data-sharing-agreement.create',
          recordType: 'data-sharing-agreement',
          recordId: id,
          reason: 'recorded a data-sharing agreement',
          details: {
            partner: partner.id,
            purposes: v.purposes,
            dataCategories: v.dataCategories,
            article6: v.article6,
            article9: v.article9,
            endsOn: v.endsOn,
          },
        });
        return {
          id,
          title: v.title,
          partnerId: partner.id,
          partnerName: partner.name,
          otherParties: v.otherParties,
          purposes: v.purposes,
          dataCategories: v.dataCategories,
          article6: v.article6,
          article9: v.article9,
          startsOn: v.startsOn,
          endsOn: v.endsOn,
          signedCopyName: file.filename,
        };
      });
    },

    /** The signed copy, for a tenant admin or the IG lead; each download is audited. */
    async signedCopy(user: UserPrincipal, id: string): Promise<{ name: string; bytes: Buffer }> {
      must(user, AGREEMENT_READERS, 'see data-sharing agreements');
      return db.inTenant(user.tenantId, async (tx) => {
        const row = await tables(tx).selectFrom('data_sharing_agreements').select(['signed_copy', 'signed_copy_name']).where('id', '=', id).executeTakeFirst();
        if (!row?.signed_copy) throw new NotFound('signed copy', id);
        await recordAudit(tx, user.tenantId, clock, {
          actor: { kind: 'user', id: user.userId },
          action: 'data-sharing-agreement.read-signed-copy',
          recordType: 'data-sharing-agreement',
          recordId: id,
          reason: 'opened the signed copy',
        });
        return { name: row.signed_copy_name ?? 'agreement.pdf', bytes: Buffer.from(row.signed_copy) };
      });
    },

    /**
     * The warning job: each agreement ending within the warning days is told to every active tenant
     * admin once. The mark and the emails are written together, so a second run sends nothing.
     */
    async warnEnding(): Promise<number> {
      const now = clock.now();
      const day = londonIsoDate(now);
      const days = valueAt(WARNING_DAYS, day).value;
      const counts = await db.eachTenant(async (tx, tenant) => {
        const rows = await tables(tx)
          .selectFrom('data_sharing_agreements')
          .select(['id', 'title', 'ends_on', 'end_warned_at'])
          .where('end_warned_at', 'is', null)
          .where('ends_on', '>=', day)
          .execute();
        const due = endingSoon(
          rows.map((r) => ({ ...r, endsOn: r.ends_on, warned: r.end_warned_at !== null })),
          day,
          days,
        );
        if (due.length === 0) return 0;
        const admins = await tx
          .selectFrom('users')
          .select(['email'])
          .where(sql<boolean>`'tenant-admin' = ANY (roles)`)
          .where('disabled_at', 'is', null)
          .execute();
        for (const a of due) {
          const marked = await tables(tx)
            .updateTable('data_sharing_agreements')
            .set({ end_warned_at: now })
            .where('id', '=', a.id)
            .where('end_warned_at', 'is', null)
            .returning('id')
            .executeTakeFirst();
          // Another run took it meanwhile: it sent the warning.
          if (!marked) continue;
          await queueNotifications(
            tx,
            clock,
            admins.map((u) => ({
              tenantId: tenant.id,
              id: newId(clock.now()),
              channel: 'email' as const,
              recipient: u.email,
              template: 'agreement-ending',
              subject: `A data-sharing agreement ends on ${a.endsOn}: ${a.title}`,
              body: `The data-sharing agreement "${a.title}" ends on ${a.endsOn}. After that day, sharing that needs it is refused. Record a renewed agreement here: ${deps.baseUrl}/partners/agreements`,
              language: 'en' as const,
            })),
          );
          await recordAudit(tx, tenant.id, clock, {
            actor: { kind: 'system', id: 'agreement-ending-warning' },
            action: 'data-sharing-agreement.warn-ending',
            recordType: 'data-sharing-agreement',
            recordId: a.id,
            reason: `ends within ${days} days`,
            details: { endsOn: a.endsOn, admins: admins.length },
          });
        }
        return due.length;
      });
      return counts.reduce((a, b) => a + b, 0);
    },
  };
}

export type PartnerService = ReturnType<typeof createPartnerService>;
