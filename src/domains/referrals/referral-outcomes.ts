import { sql } from 'kysely';
import type { Tx, WritePart } from '../../platform/db/index.ts';
import { ageBandOn, type OutcomeKind, outcomeFactWrite, recordOutcomeFact } from '../../platform/outcomes/index.ts';
import type { Referral } from './referral.ts';
import { programmeOf } from './referral-rules.ts';

type Row = {
  person_id: string;
  created_at: Date;
  team_id: string;
  owner_user_id: string | null;
  referring_service: string;
  regime: string;
  young_person: boolean;
  condition_categories: string[];
  date_of_birth: string;
  programmes: string[];
  nation: string;
};

const DAY = 86_400_000;

type Dimensions = { teamId: string; specialistUserId: string | null; referringService: string; regime: string; conditionCategories: string[] };

/** A referral's reporting dimensions, whether read from its rows or held by intake as it is written. */
function referralDimensions(d: Dimensions, facts: { programme: string; dateOfBirth: string; nation: string; at: Date }) {
  return {
    ...d,
    programme: facts.programme,
    youthPathway: facts.programme === 'youth',
    ageBand: ageBandOn(facts.dateOfBirth, facts.at.toISOString().slice(0, 10)),
    nation: facts.nation,
  };
}

/**
 * Records an outcome fact for a referral's journey in the caller's transaction, with the dimensions
 * read from the referral as it now stands (team, specialist, the participant's regime once a case
 * is open). The one way any capability writes a fact about a person's journey: cases reach it
 * through this domain's index.
 */
export async function recordReferralOutcome(
  tx: Tx,
  tenantId: string,
  referralId: string,
  kind: OutcomeKind,
  at: Date,
  jobId: string | null = null,
  extra: { programme?: string; absenceDays?: { before: number; after: number } } = {},
): Promise<void> {
  const { rows } = await sql<Row>`
    SELECT r.person_id, r.created_at, r.team_id, r.owner_user_id, r.referring_service, coalesce(pa.regime, r.regime) AS regime,
           r.young_person, r.condition_categories, pe.date_of_birth, t.programmes, n.nation
      FROM referrals r
      JOIN people pe ON pe.tenant_id = r.tenant_id AND pe.id = r.person_id
      JOIN teams t ON t.tenant_id = r.tenant_id AND t.id = r.team_id
      JOIN tenants n ON n.id = r.tenant_id
      LEFT JOIN cases c ON c.tenant_id = r.tenant_id AND c.id = r.case_id
      LEFT JOIN participants pa ON pa.tenant_id = c.tenant_id AND pa.id = c.participant_id
     WHERE r.id = ${referralId}`.execute(tx);
  const r = rows[0];
  if (!r) return;
  const receivedAt = new Date(r.created_at);
  // A pathway with its own case (in-work retention) reports its facts under its own programme.
  const programme = extra.programme ?? programmeOf(r.programmes, r.young_person);
  await recordOutcomeFact(tx, {
    tenantId,
    kind,
    at,
    subjectId: referralId,
    personId: r.person_id,
    jobId,
    daysFromReferral: Math.max(0, Math.floor((at.getTime() - receivedAt.getTime()) / DAY)),
    dimensions: referralDimensions(
      {
        teamId: r.team_id,
        specialistUserId: r.owner_user_id,
        referringService: r.referring_service,
        regime: r.regime,
        conditionCategories: r.condition_categories,
      },
      { programme, dateOfBirth: r.date_of_birth, nation: r.nation, at },
    ),
    ...(extra.absenceDays ? { absenceDays: extra.absenceDays } : {}),
  });
}

/**
 * The `referral-received` fact of a referral being written now, from what intake already holds
 * (`recordReferralOutcome` reads the same from the rows), unrun: one part of the referral's
 * `writeTogether`, the fact with its counts and their roll-ups (ADR 0055, ADR 0066). A new referral
 * has no case, so its regime is its own.
 */
export function receivedOutcomeWrite(
  tenantId: string,
  referral: Referral,
  facts: { dateOfBirth: string; programmes: readonly string[]; nation: string },
): WritePart {
  const at = referral.createdAt;
  const programme = programmeOf(facts.programmes as string[], referral.youngPerson);
  return outcomeFactWrite({
    tenantId,
    kind: 'referral-received',
    at,
    subjectId: referral.id,
    personId: referral.personId,
    jobId: null,
    daysFromReferral: 0,
    dimensions: referralDimensions(
      {
        teamId: referral.teamId,
        specialistUserId: referral.ownerUserId,
        referringService: referral.referringService,
        regime: referral.regime,
        conditionCategories: referral.conditionCategories,
      },
      { programme, dateOfBirth: facts.dateOfBirth, nation: facts.nation, at },
    ),
  });
}
