import type { Selectable } from 'kysely';
import { recordAudit } from '../../platform/audit/index.ts';
import { requireRole, type UserPrincipal } from '../../platform/auth/index.ts';
import type { Clock } from '../../platform/clock/index.ts';
import { type Database, newId, type Tx } from '../../platform/db/index.ts';
import { InvalidInput, type Issue, NotFound, parseInput } from '../../platform/errors/index.ts';
import { londonIsoDate } from '../../platform/i18n/index.ts';
import { buildExport, buildRecordBundle, type ParticipantService, RECORD_STAFF } from '../participants/index.ts';
import type { RecordTables, TransferIn, TransferOut } from './record.ts';
import { normaliseRecord, type RecordPart, readBundle, transferRefusal } from './record-rules.ts';
import { subjectAccessSchema, transferInSchema, transferOutSchema } from './record-schemas.ts';

/** Staff who see the records taken in from other areas: those who work cases, and those who export. */
export const RECORD_READERS = ['specialist', 'team-lead', 'tenant-admin', 'ig-lead'] as const;
export { RECORD_STAFF };

const tables = (tx: Tx) => tx.withTables<RecordTables>();
type Bundle = Record<string, unknown>;
/** Who takes a record in: a member of staff on the upload page, or an operator at the command line. */
export type Importer = { kind: 'user'; user: UserPrincipal } | { kind: 'system'; tenantId: string; name: string };

const toOut = (r: Awaited<ReturnType<typeof outRows>>[number]): TransferOut => ({
  id: r.id,
  participantId: r.participant_id,
  destination: r.destination,
  consentGivenOn: r.consent_given_on,
  consentMethod: r.consent_method,
  bundleIdentifier: r.bundle_identifier,
  sentByName: r.sent_by_name,
  sentAt: r.sent_at,
});
const outRows = (tx: Tx) => tables(tx).selectFrom('record_transfers_out').selectAll().orderBy('sent_at', 'desc').execute();

const IN_COLUMNS = [
  'id',
  'source',
  'bundle_identifier',
  'sender_name',
  'sender_gss_code',
  'record_as_of',
  'person_name',
  'date_of_birth',
  'nhs_number',
  'participant_id',
  'consent_given_on',
  'consent_method',
  'imported_by_name',
  'imported_at',
] as const;
type InRow = Pick<Selectable<RecordTables['record_transfers_in']>, (typeof IN_COLUMNS)[number]>;
const toIn = (r: InRow): TransferIn => ({
  id: r.id,
  source: r.source,
  bundleIdentifier: r.bundle_identifier,
  senderName: r.sender_name,
  senderGssCode: r.sender_gss_code,
  recordAsOf: new Date(r.record_as_of),
  personName: r.person_name,
  dateOfBirth: r.date_of_birth,
  nhsNumber: r.nhs_number,
  participantId: r.participant_id,
  consentGivenOn: r.consent_given_on,
  consentMethod: r.consent_method,
  importedByName: r.imported_by_name,
  importedAt: new Date(r.imported_at),
});

/**
 * A person's record that moves with them (ADR 0048): the FHIR document Bundle for a subject-access
 * request, sending it to another area with the person's consent (recorded here as a transfer out),
 * and taking one in from another area or installation, once, with where it came from.
 */
export function createRecordService(deps: { db: Database; clock: Clock; participants: ParticipantService }) {
  const { db, clock, participants } = deps;

  async function bundleFor(
    staff: UserPrincipal,
    participantId: string,
    purpose: 'subject-access' | 'transfer',
    reason: string,
    transfer?: Parameters<typeof buildRecordBundle>[3],
  ) {
    const record = await participants.exportFor(staff, participantId, purpose, reason);
    const source = await participants.recordSource(staff.tenantId);
    return buildRecordBundle(buildExport(record, clock.now()), { participantId }, source, transfer);
  }

  return {
    /** The person's whole record as a FHIR Bundle, for staff answering their subject-access request; audited with the reason. */
    async subjectAccess(staff: UserPrincipal, participantId: string, input: unknown): Promise<Bundle> {
      const { reason } = parseInput(subjectAccessSchema, input);
      return bundleFor(staff, participantId, 'subject-access', reason);
    },

    /**
     * Sends the record to another area: the Bundle carries the person's consent to the move, and
     * this local authority keeps a row saying the record left, when, where to and on whose word.
     */
    async transferOut(staff: UserPrincipal, participantId: string, input: unknown): Promise<{ id: string; bundle: Bundle }> {
      requireRole(staff, RECORD_STAFF);
      const v = parseInput(transferOutSchema, input);
      const id = newId();
      const at = clock.now();
      const bundle = await bundleFor(staff, participantId, 'transfer', `record sent to ${v.destination} with the person’s consent`, {
        id,
        at: at.toISOString(),
        destination: v.destination,
        consent: { givenOn: v.consentGivenOn, method: v.consentMethod, recordedBy: staff.displayName },
      });
      const identifier = bundle.identifier as { system: string; value: string };
      await db.inTenant(staff.tenantId, async (tx) => {
        await tables(tx)
          .insertInto('record_transfers_out')
          .values({
            tenant_id: staff.tenantId,
            id,
            participant_id: participantId,
            destination: v.destination,
            consent_given_on: v.consentGivenOn,
            consent_method: v.consentMethod,
            bundle_identifier: `${identifier.system}|${identifier.value}`,
            sent_by: staff.userId,
            sent_by_name: staff.displayName,
            sent_at: at,
          })
          .execute();
        await recordAudit(tx, staff.tenantId, clock, {
          actor: { kind: 'user', id: staff.userId },
          action: 'record.transfer-out',
          recordType: 'participant',
          recordId: participantId,
          reason: `record sent to ${v.destination}`,
          details: { transfer: id, consentGivenOn: v.consentGivenOn, consentMethod: v.consentMethod },
        });
      });
      return { id, bundle };
    },

    /** Records that left this local authority, newest first; for one person when given. */
    async transfersOut(staff: UserPrincipal, participantId?: string): Promise<TransferOut[]> {
      requireRole(staff, RECORD_STAFF);
      return db.inTenant(staff.tenantId, async (tx) => (await outRows(tx)).map(toOut).filter((t) => !participantId || t.participantId === participantId));
    },

    /**
     * Takes a record in. The Bundle must pass the R4 structure check and say where it came from;
     * anything else is refused with every reason and nothing written. The same Bundle from the
     * same sender a second time is the first import again (`duplicate`), not a second record.
     */
    async importRecord(importer: Importer, raw: unknown, input: unknown): Promise<{ id: string; duplicate: boolean; personName: string }> {
      const tenantId = importer.kind === 'user' ? requireRole(importer.user, RECORD_STAFF).tenantId : importer.tenantId;
      const consent = parseInput(transferInSchema, input);
      let bundle: unknown = raw;
      if (typeof raw === 'string' || Buffer.isBuffer(raw)) {
        try {
          bundle = JSON.parse(raw.toString());
        } catch {
          throw new InvalidInput([{ path: 'file', message: 'records.error.notJson' }], 'The file is not JSON');
        }
      }
      const read = readBundle(bundle);
      if (!read.ok) {
        const details: Issue[] = read.issues.map((i) => ({ path: i.path, message: `${i.rule}: ${i.message}` }));
        throw new InvalidInput(
          [{ path: 'file', message: 'records.error.invalidBundle', params: { count: details.length } }, ...details],
          'The record Bundle was refused',
        );
      }
      const facts = read.facts;
      const receiver = await db.global((tx) => tx.selectFrom('tenants').select(['gss_code']).where('id', '=', tenantId).executeTakeFirstOrThrow());
      const refusal = transferRefusal(facts, { gssCode: receiver.gss_code });
      if (refusal) throw new InvalidInput([{ path: 'file', message: `records.error.${refusal}` }], 'The record cannot be taken in here');
      return db.inTenant(tenantId, async (tx) => {
        const already = await tables(tx)
          .selectFrom('record_transfers_in')
          .select(['id', 'person_name'])
          .where('source', '=', facts.source)
          .where('bundle_identifier', '=', facts.identifier)
          .executeTakeFirst();
        if (already) return { id: already.id, duplicate: true, personName: already.person_name };
        const id = newId();
        const participantId = await participants.matchIn(tx, { nhsNumber: facts.nhsNumber, name: facts.personName, dateOfBirth: facts.dateOfBirth });
        const by =
          importer.kind === 'user'
            ? { kind: 'user' as const, id: importer.user.userId, name: importer.user.displayName }
            : { kind: 'system' as const, id: null, name: importer.name };
        await tables(tx)
          .insertInto('record_transfers_in')
          .values({
            tenant_id: tenantId,
            id,
            source: facts.source,
            bundle_identifier: facts.identifier,
            sender_name: facts.senderName,
            sender_gss_code: facts.senderGssCode,
            record_as_of: facts.asOf,
            person_name: facts.personName,
            date_of_birth: facts.dateOfBirth,
            nhs_number: facts.nhsNumber,
            participant_id: participantId,
            consent_given_on: consent.consentGivenOn,
            consent_method: consent.consentMethod,
            bundle: JSON.stringify(bundle),
            imported_by_kind: by.kind,
            imported_by: by.id,
            imported_by_name: by.name,
            imported_at: clock.now(),
          })
          .execute();
        await recordAudit(tx, tenantId, clock, {
          actor: by.kind === 'user' ? { kind: 'user', id: by.id } : { kind: 'system', id: by.name },
          action: 'record.transfer-in',
          recordType: 'record-transfer',
          recordId: id,
          reason: `record taken in from ${facts.senderName}`,
          details: { source: facts.source, bundle: facts.identifier, participant: participantId },
        });
        return { id, duplicate: false, personName: facts.personName };
      });
    },

    /** Records taken in from other areas, newest first. */
    async transfersIn(staff: UserPrincipal): Promise<TransferIn[]> {
      requireRole(staff, RECORD_READERS);
      return db.inTenant(staff.tenantId, async (tx) =>
        (await tables(tx).selectFrom('record_transfers_in').select(IN_COLUMNS).orderBy('imported_at', 'desc').execute()).map(toIn),
      );
    },

    /** The records taken in about one person, for their case page; none for a reader who may not see them. */
    async provenanceOf(user: UserPrincipal, participantId: string): Promise<{ id: string; senderName: string; importedAt: Date }[]> {
      if (!user.roles.some((r) => (RECORD_READERS as readonly string[]).includes(r))) return [];
      return db.inTenant(user.tenantId, async (tx) =>
        (
          await tables(tx)
            .selectFrom('record_transfers_in')
            .select(['id', 'sender_name', 'imported_at'])
            .where('participant_id', '=', participantId)
            .orderBy('imported_at', 'desc')
            .execute()
        ).map((r) => ({ id: r.id, senderName: r.sender_name, importedAt: new Date(r.imported_at) })),
      );
    },

    /** One record taken in: where it came from, and what it holds, section by section; reading it is audited. */
    async transferIn(staff: UserPrincipal, id: string): Promise<{ transfer: TransferIn; parts: RecordPart[] }> {
      requireRole(staff, RECORD_READERS);
      return db.inTenant(staff.tenantId, async (tx) => {
        const row = await tables(tx)
          .selectFrom('record_transfers_in')
          .select([...IN_COLUMNS, 'bundle'])
          .where('id', '=', id)
          .executeTakeFirst();
        if (!row) throw new NotFound('record transfer');
        await recordAudit(tx, staff.tenantId, clock, {
          actor: { kind: 'user', id: staff.userId },
          action: 'record.transfer-in.read',
          recordType: 'record-transfer',
          recordId: id,
          reason: 'staff read a record taken in from another area',
        });
        const bundle = typeof row.bundle === 'string' ? JSON.parse(row.bundle) : row.bundle;
        return { transfer: toIn(row), parts: normaliseRecord(bundle) };
      });
    },

    /** The Bundle as it arrived, for the receiving team to pass on or keep. */
    async transferInBundle(staff: UserPrincipal, id: string): Promise<unknown> {
      requireRole(staff, RECORD_READERS);
      return db.inTenant(staff.tenantId, async (tx) => {
        const row = await tables(tx).selectFrom('record_transfers_in').select('bundle').where('id', '=', id).executeTakeFirst();
        if (!row) throw new NotFound('record transfer');
        return typeof row.bundle === 'string' ? JSON.parse(row.bundle) : row.bundle;
      });
    },

    /** The consent answers alone, so a form can show their mistakes beside a missing file. */
    checkConsent(input: unknown): void {
      parseInput(transferInSchema, input);
    },

    /** The person a referral reference belongs to (staff answering a request, or sending a record on). */
    findPerson: (staff: UserPrincipal, reference: string) => participants.participantByReference(staff, reference),
    /** Whose record a page is about; NotFound for a person who is not here. */
    async person(staff: UserPrincipal, participantId: string): Promise<{ participantId: string; name: string; reference: string }> {
      const found = await participants.participantForRecord(staff, participantId);
      if (!found) throw new NotFound('participant');
      return found;
    },

    today: () => londonIsoDate(clock.now()),
  };
}

export type RecordService = ReturnType<typeof createRecordService>;
