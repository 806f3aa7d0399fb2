import type { Selectable, Updateable } from 'kysely';
import type { Tx } from '../../platform/db/index.ts';
import type { ReferralTables } from '../referrals/index.ts';
import type {
  AccessToWorkTables,
  Adjustment,
  Assessment,
  AssessmentInput,
  Decision,
  DecisionCategory,
  DecisionStatus,
  Passport,
  SharedAdjustments,
} from './access-to-work.ts';

type Tables = AccessToWorkTables & Pick<ReferralTables, 'people' | 'participants' | 'cases'>;
const tables = (tx: Tx) => tx.withTables<Tables>();

type PassportRow = Selectable<AccessToWorkTables['access_to_work_passports']>;
const toPassport = (r: PassportRow): Passport => ({
  participantId: r.participant_id,
  adjustments: r.adjustments as Adjustment[],
  inTheirWords: r.in_their_words,
  shared: r.shared,
  sharedAt: r.shared_at,
  updatedAt: r.updated_at,
  version: r.version,
});

export async function findPassport(tx: Tx, participantId: string, forUpdate = false): Promise<Passport | null> {
  let q = tables(tx).selectFrom('access_to_work_passports').selectAll().where('participant_id', '=', participantId);
  if (forUpdate) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  return row ? toPassport(row) : null;
}

export async function savePassport(
  tx: Tx,
  row: { tenantId: string; participantId: string; adjustments: readonly string[]; inTheirWords: string; shared: boolean; now: Date; by: string },
): Promise<void> {
  const sharedAt = row.shared ? row.now : null;
  await tables(tx)
    .insertInto('access_to_work_passports')
    .values({
      tenant_id: row.tenantId,
      participant_id: row.participantId,
      adjustments: [...row.adjustments],
      in_their_words: row.inTheirWords,
      shared: row.shared,
      shared_at: sharedAt,
      updated_at: row.now,
      updated_by: row.by,
      version: 1,
    })
    .onConflict((oc) =>
      oc.columns(['tenant_id', 'participant_id']).doUpdateSet((eb) => ({
        adjustments: [...row.adjustments],
        in_their_words: row.inTheirWords,
        shared: row.shared,
        // Sharing again keeps the first time it was shared; stopping clears it.
        shared_at: row.shared ? eb.fn.coalesce('access_to_work_passports.shared_at', eb.val(row.now)) : null,
        updated_at: row.now,
        updated_by: row.by,
        version: eb('access_to_work_passports.version', '+', 1),
      })),
    )
    .execute();
}

/** The adjustments of the passports these people chose to share, in one statement (for job matching). */
export async function sharedAdjustmentsOf(tx: Tx, participantIds: readonly string[]): Promise<SharedAdjustments[]> {
  if (participantIds.length === 0) return [];
  const rows = await tables(tx)
    .selectFrom('access_to_work_passports')
    .select(['participant_id', 'adjustments'])
    .where('participant_id', 'in', [...participantIds])
    .where('shared', '=', true)
    .execute();
  return rows.map((r) => ({ participantId: r.participant_id, adjustments: r.adjustments as Adjustment[] }));
}

type DecisionRow = Selectable<AccessToWorkTables['access_to_work_decisions']>;
const json = <T>(v: unknown): T => (typeof v === 'string' ? (JSON.parse(v) as T) : (v as T));
const toDecision = (r: DecisionRow): Decision => ({
  id: r.id,
  caseId: r.case_id,
  participantId: r.participant_id,
  status: r.status,
  assessedOn: r.assessed_on,
  input: json<AssessmentInput>(r.input),
  assessment: json<Assessment>(r.assessment),
  categories: json<DecisionCategory[]>(r.categories),
  accessToWorkAnnual: Number(r.access_to_work_annual),
  needsCountersign: r.needs_countersign,
  countersignedAt: r.countersigned_at,
  countersignedBy: r.countersigned_by_name,
  issuedAt: r.issued_at,
  issuedBy: r.issued_by_name,
  validFrom: r.valid_from,
  validUntil: r.valid_until,
  verificationCode: r.verification_code,
  convertedAt: r.converted_at,
  job:
    r.job_employer && r.job_role && r.job_start_date
      ? { id: r.job_id, employer: r.job_employer, role: r.job_role, startDate: r.job_start_date, hoursPerWeek: Number(r.job_hours_per_week ?? 0) }
      : null,
  applicationSubmittedOn: r.application_submitted_on,
  dwpDecidedOn: r.dwp_decided_on,
  dwpOutcome: r.dwp_outcome,
  expiredAt: r.expired_at,
  withdrawnAt: r.withdrawn_at,
  withdrawnReason: r.withdrawn_reason,
  createdAt: r.created_at,
  createdBy: r.created_by_name,
  version: r.version,
});

export type NewDecision = {
  tenantId: string;
  id: string;
  caseId: string;
  participantId: string;
  assessedOn: string;
  input: AssessmentInput;
  assessment: Assessment;
  categories: DecisionCategory[];
  accessToWorkAnnual: number;
  needsCountersign: boolean;
  now: Date;
  by: { id: string; name: string };
};

export async function insertDecision(tx: Tx, d: NewDecision): Promise<void> {
  await tables(tx)
    .insertInto('access_to_work_decisions')
    .values({
      tenant_id: d.tenantId,
      id: d.id,
      case_id: d.caseId,
      participant_id: d.participantId,
      status: 'draft',
      assessed_on: d.assessedOn,
      input: JSON.stringify(d.input),
      assessment: JSON.stringify(d.assessment),
      categories: JSON.stringify(d.categories),
      access_to_work_annual: d.accessToWorkAnnual,
      needs_countersign: d.needsCountersign,
      countersigned_at: null,
      countersigned_by_id: null,
      countersigned_by_name: null,
      issued_at: null,
      issued_by_id: null,
      issued_by_name: null,
      valid_from: null,
      valid_until: null,
      code_hash: null,
      verification_code: null,
      converted_at: null,
      job_id: null,
      job_employer: null,
      job_role: null,
      job_start_date: null,
      job_hours_per_week: null,
      application_submitted_on: null,
      dwp_decided_on: null,
      dwp_outcome: null,
      expired_at: null,
      withdrawn_at: null,
      withdrawn_reason: null,
      created_at: d.now,
      created_by_id: d.by.id,
      created_by_name: d.by.name,
      updated_at: d.now,
      version: 1,
    })
    .execute();
}

export async function findDecision(tx: Tx, id: string, forUpdate = false): Promise<Decision | null> {
  let q = tables(tx).selectFrom('access_to_work_decisions').selectAll().where('id', '=', id);
  if (forUpdate) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  return row ? toDecision(row) : null;
}

export async function decisionsOfCase(tx: Tx, caseId: string): Promise<Decision[]> {
  const rows = await tables(tx).selectFrom('access_to_work_decisions').selectAll().where('case_id', '=', caseId).orderBy('created_at', 'desc').execute();
  return rows.map(toDecision);
}

export async function decisionsOfParticipant(tx: Tx, participantId: string): Promise<Decision[]> {
  const rows = await tables(tx)
    .selectFrom('access_to_work_decisions')
    .selectAll()
    .where('participant_id', '=', participantId)
    .where('status', '<>', 'draft')
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map(toDecision);
}

/** Changes a decision only if it is still in `from` (a second writer finds it moved and changes nothing). */
export async function updateDecision(
  tx: Tx,
  id: string,
  from: DecisionStatus,
  set: Updateable<AccessToWorkTables['access_to_work_decisions']>,
  now: Date,
): Promise<boolean> {
  const r = await tables(tx)
    .updateTable('access_to_work_decisions')
    .set((eb) => ({ ...set, updated_at: now, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('status', '=', from)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Issued decisions whose last valid day is before `today`: the sweep expires them. */
export async function issuedEndedBefore(tx: Tx, today: string): Promise<Decision[]> {
  const rows = await tables(tx)
    .selectFrom('access_to_work_decisions')
    .selectAll()
    .where('status', '=', 'issued')
    .where('valid_until', '<', today)
    .forUpdate()
    .skipLocked()
    .execute();
  return rows.map(toDecision);
}

export async function countersignAmount(tx: Tx): Promise<number | null> {
  const row = await tables(tx).selectFrom('access_to_work_settings').select('countersign_above').executeTakeFirst();
  return row ? Number(row.countersign_above) : null;
}

export async function saveCountersignAmount(tx: Tx, tenantId: string, amount: number, now: Date, by: string): Promise<void> {
  await tables(tx)
    .insertInto('access_to_work_settings')
    .values({ tenant_id: tenantId, countersign_above: amount, updated_at: now, updated_by: by })
    .onConflict((oc) => oc.column('tenant_id').doUpdateSet({ countersign_above: amount, updated_at: now, updated_by: by }))
    .execute();
}

/** The person a case is about, for a letter or pack: name, address and date of birth. */
export async function personOfCase(tx: Tx, caseId: string) {
  return tables(tx)
    .selectFrom('cases as c')
    .innerJoin('participants as pa', 'pa.id', 'c.participant_id')
    .innerJoin('people as pe', 'pe.id', 'pa.person_id')
    .select([
      'c.participant_id',
      'pe.given_name',
      'pe.family_name',
      'pe.date_of_birth',
      'pe.address_line1',
      'pe.address_line2',
      'pe.town',
      'pe.postcode',
      'pe.preferred_language',
    ])
    .where('c.id', '=', caseId)
    .executeTakeFirstOrThrow();
}

/** Every converted decision's dates, oldest first: the offer (its conversion), the application and DWP's decision. */
export async function convertedDates(tx: Tx) {
  return tables(tx)
    .selectFrom('access_to_work_decisions')
    .select(['id', 'converted_at', 'application_submitted_on', 'dwp_decided_on', 'dwp_outcome'])
    .where('status', '=', 'converted')
    .orderBy('converted_at')
    .execute();
}
