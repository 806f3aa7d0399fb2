import { sql } from 'kysely';
import type { Tx, WritePart } from '../db/index.ts';
import { newId } from '../db/index.ts';
import { londonIsoDate } from '../i18n/index.ts';

/** What the service achieves for a person, one fact each time (see docs/domain/outcomes.md). */
export const OUTCOME_KINDS = [
  'referral-received',
  'first-contact',
  'accepted',
  'not-accepted',
  'first-appointment',
  'job-start',
  'sustained-13-weeks',
  'sustained-26-weeks',
  'job-end',
  'left',
  're-engaged',
  // In-work retention outcomes (migration 0026): what became of an employed person's job.
  'stayed-same-employer',
  'moved-job',
  'returned-after-absence',
  'left-work',
  // The youth pathway (migration 0025): an offer made, taken up, and sustained in education, training or work.
  'youth-offer-made',
  'youth-offer-taken-up',
  'youth-offer-sustained',
] as const;
export type OutcomeKind = (typeof OUTCOME_KINDS)[number];

export type AgeBand = '16-17' | '18-24' | '25-34' | '35-49' | '50-64' | '65-plus';

/** The reporting dimensions a fact carries, as they stood when it happened. */
export type OutcomeDimensions = {
  teamId: string;
  specialistUserId: string | null;
  referringService: string;
  programme: string;
  regime: string;
  youthPathway: boolean;
  conditionCategories: readonly string[];
  ageBand: AgeBand;
  nation: string;
};

export type OutcomeFact = {
  tenantId: string;
  kind: OutcomeKind;
  at: Date;
  /** The journey: the referral's id. Never a name. */
  subjectId: string;
  personId: string;
  jobId?: string | null;
  /** Whole days since the referral was received; the times to first contact and to job start are read from it. */
  daysFromReferral: number | null;
  dimensions: OutcomeDimensions;
  /** Retention outcomes only: days of sickness absence before support and since (migration 0026). */
  absenceDays?: { before: number; after: number };
};

export type OutcomeFactsTables = {
  outcome_facts: {
    tenant_id: string;
    id: string;
    kind: OutcomeKind;
    occurred_at: Date | string;
    month: string;
    subject_id: string;
    person_id: string;
    job_id: string | null;
    first_of_kind: boolean;
    days_from_referral: number | null;
    team_id: string;
    specialist_user_id: string | null;
    referring_service: string;
    programme: string;
    regime: string;
    youth_pathway: boolean;
    condition_categories: string[];
    age_band: string;
    nation: string;
    /** Retention outcomes only: days of sickness absence before support and after it (migration 0026). */
    absence_days_before?: number | null;
    absence_days_after?: number | null;
  };
  outcome_counts: { tenant_id: string; team_id: string; month: string; kind: string; dimension: string; value: string; programme: string; n: number };
  /** People reaching each kind, per area and month (migration 0036): what the national view ranks areas by. */
  outcome_area_counts: { tenant_id: string; month: string; kind: string; n: number };
  /** Totals and days from referral across every area, per month and kind (migration 0036): the national funnel and times. */
  outcome_nation_counts: { month: string; kind: string; dimension: string; value: string; n: number };
};

/** The age band a person is in on `date` (whole years). */
export function ageBandOn(dateOfBirth: string, date: string): AgeBand {
  const years = Number(date.slice(0, 4)) - Number(dateOfBirth.slice(0, 4)) - (date.slice(5) < dateOfBirth.slice(5) ? 1 : 0);
  if (years < 18) return '16-17';
  if (years < 25) return '18-24';
  if (years < 35) return '25-34';
  if (years < 50) return '35-49';
  if (years < 65) return '50-64';
  return '65-plus';
}

/** The month a moment falls in, in UK time, as yyyy-mm. */
export const monthOf = (at: Date): string => londonIsoDate(at).slice(0, 7);

/**
 * The rows of `outcome_counts` a set of facts adds to (sign 1) or takes from (sign -1): per team,
 * month, kind and programme (migration 0022), the total ('all'/'any': every fact), and for a person's first fact of a kind
 * ('all'/'first') one row per dimension value, their equality answers as they are now, and the days
 * from referral. One definition, used by the writer for one fact, by an equality answer changing
 * (its facts move from one answer to another) and by bulk loads for a whole table. The national
 * roll-ups (migration 0036, ADR 0055) are sums of these same rows, kept in the same statement.
 */
export function countsFrom(source: string, sign: 1 | -1): string {
  return `WITH ${keepCounts(source, sign)}`;
}

/**
 * The common table expressions (and the final insert) that add the counts of `source` to
 * `outcome_counts` and its roll-ups: `counted` is the counts, made once; the roll-ups are sums of it
 * (`rollupsOf`), never a second definition. Follows a `WITH` (after the writer's own `f AS (...)`).
 */
function keepCounts(source: string, sign: 1 | -1): string {
  const queries = countQueries(source, sign, '');
  const withs = queries.slice(0, -1).map(([name, query]) => `${name} AS (${query})`);
  return `${withs.join(',\n    ')}\n    ${queries[queries.length - 1]?.[1]}`;
}

/**
 * `keepCounts`' queries, each with its name (after `prefix`): the counts made once, and the upserts
 * of `outcome_counts` and of the roll-ups, the last the national one.
 */
function countQueries(source: string, sign: 1 | -1, prefix: string): [name: string, query: string][] {
  const counted = `${prefix}counted`;
  return [
    [counted, countsSelect(source, sign)],
    [
      `${prefix}kept`,
      `INSERT INTO outcome_counts AS oc (tenant_id, team_id, month, kind, dimension, value, programme, n)
      SELECT tenant_id, team_id, month, kind, dimension, value, programme, n FROM ${counted}
      ON CONFLICT (tenant_id, team_id, month, kind, dimension, value, programme) DO UPDATE SET n = oc.n + excluded.n`,
    ],
    ...rollupsOf(counted, prefix),
  ];
}

/**
 * The roll-ups the national view reads (ADR 0055), from rows shaped as `outcome_counts`: per area,
 * month and kind, the people reaching it (the 'all'/'first' rows summed over teams and programmes);
 * and across areas, per month, kind, and the totals and days from referral. Upserted in key order,
 * so two statements adding to the same national rows wait for each other rather than deadlock.
 */
function rollupsOf(counts: string, prefix: string): [name: string, query: string][] {
  return [
    [
      `${prefix}area`,
      `INSERT INTO outcome_area_counts AS oa (tenant_id, month, kind, n)
      SELECT tenant_id, month, kind, sum(n)::integer FROM ${counts} WHERE dimension = 'all' AND value = 'first' GROUP BY tenant_id, month, kind
      ORDER BY tenant_id, month, kind
      ON CONFLICT (tenant_id, month, kind) DO UPDATE SET n = oa.n + excluded.n`,
    ],
    [
      `${prefix}nation`,
      `INSERT INTO outcome_nation_counts AS onc (month, kind, dimension, value, n)
    SELECT month, kind, dimension, value, sum(n)::integer FROM ${counts} WHERE dimension IN ('all', 'days') GROUP BY month, kind, dimension, value
    ORDER BY month, kind, dimension, value
    ON CONFLICT (month, kind, dimension, value) DO UPDATE SET n = onc.n + excluded.n`,
    ],
  ];
}

/**
 * One statement that inserts facts (`insertFacts`, an INSERT without RETURNING) and adds their
 * counts and roll-ups: the writer's statement for one fact, and the bulk load's for many.
 */
export function factsWithCounts(insertFacts: string): string {
  return `WITH f AS (${insertFacts} RETURNING *), ${keepCounts('f', 1)}`;
}

/** The counts a set of facts makes, as a query (the same rows `countsFrom` adds): also the raw-facts baseline of the bench. */
export function countsSelect(source: string, sign: 1 | -1 = 1): string {
  return `SELECT f.tenant_id, f.team_id, f.month, f.kind, d.dimension, d.value, f.programme, ${sign} * count(*)::integer AS n
      FROM ${source} f
      LEFT JOIN equality_answers e ON e.tenant_id = f.tenant_id AND e.person_id = f.person_id
      CROSS JOIN LATERAL (
        VALUES ('all', 'any'),
               ('all', 'first'),
               ('specialist', coalesce(f.specialist_user_id::text, 'none')),
               ('referring-service', f.referring_service),
               ('programme', f.programme),
               ('regime', f.regime),
               ('youth-pathway', CASE WHEN f.youth_pathway THEN 'yes' ELSE 'no' END),
               ('age-band', f.age_band),
               ('nation', f.nation),
               ('sex', coalesce(e.sex, 'not-answered')),
               ('age-group', coalesce(e.age_group, 'not-answered')),
               ('ethnicity', coalesce(e.ethnicity, 'not-answered')),
               ('disability', coalesce(e.disability, 'not-answered')),
               ('days', f.days_from_referral::text)
        UNION ALL SELECT 'condition', c FROM unnest(f.condition_categories) AS c
      ) AS d (dimension, value)
     WHERE d.value IS NOT NULL AND (f.first_of_kind OR (d.dimension = 'all' AND d.value = 'any'))
     GROUP BY f.tenant_id, f.team_id, f.month, f.kind, d.dimension, d.value, f.programme`;
}

/**
 * Records one outcome fact in the caller's transaction, and its counts with it (one statement):
 * a dashboard read after the change commits sees it (ADR 0029). Whether it is the person's first of
 * its kind on this journey is decided here, from the facts already written.
 */
export async function recordOutcomeFact(tx: Tx, fact: OutcomeFact): Promise<{ id: string }> {
  const { id, facts } = factInsert(fact);
  await sql`WITH f AS (${facts}), ${sql.raw(keepCounts('f', 1))}`.execute(tx);
  return { id };
}

/**
 * `recordOutcomeFact`'s statement, unrun, as the queries of one part of a caller's `writeTogether`
 * (ADR 0066): the fact, its counts and their roll-ups in the caller's statement, not one of their own.
 */
export function outcomeFactWrite(fact: OutcomeFact): WritePart {
  const { facts } = factInsert(fact);
  return {
    queries: (prefix) => [[`${prefix}f`, facts], ...countQueries(`${prefix}f`, 1, prefix).map(([name, query]) => [name, sql.raw(query)] as const)],
  };
}

function factInsert(fact: OutcomeFact) {
  const id = newId(fact.at);
  const d = fact.dimensions;
  const month = monthOf(fact.at);
  const facts = sql`
      INSERT INTO outcome_facts (tenant_id, id, kind, occurred_at, month, subject_id, person_id, job_id, first_of_kind, days_from_referral,
                                 team_id, specialist_user_id, referring_service, programme, regime, youth_pathway, condition_categories, age_band, nation,
                                 absence_days_before, absence_days_after)
      SELECT ${fact.tenantId}::uuid, ${id}::uuid, ${fact.kind}, ${fact.at}::timestamptz, ${month}, ${fact.subjectId}::uuid, ${fact.personId}::uuid,
             ${fact.jobId ?? null}::uuid,
             NOT EXISTS (SELECT 1 FROM outcome_facts x WHERE x.tenant_id = ${fact.tenantId}::uuid AND x.subject_id = ${fact.subjectId}::uuid AND x.kind = ${fact.kind}),
             ${fact.daysFromReferral}::integer, ${d.teamId}::uuid, ${d.specialistUserId}::uuid, ${d.referringService}, ${d.programme}, ${d.regime},
             ${d.youthPathway}, ${sql.val([...d.conditionCategories])}::text[], ${d.ageBand}, ${d.nation},
             ${fact.absenceDays?.before ?? null}::integer, ${fact.absenceDays?.after ?? null}::integer
      RETURNING *`;
  return { id, facts };
}

export type EqualityAnswers = {
  sex: 'female' | 'male' | 'prefer-not-to-say' | 'not-answered';
  ageGroup: '16-24' | '25-34' | '35-49' | '50-64' | '65-plus' | 'prefer-not-to-say' | 'not-answered';
  ethnicity: 'asian' | 'black' | 'mixed' | 'white' | 'other' | 'prefer-not-to-say' | 'not-answered';
  disability: 'yes' | 'no' | 'prefer-not-to-say' | 'not-answered';
};

/**
 * Saves (or, with `null`, deletes) a person's equality monitoring answers, and moves the counts of
 * their facts from the old answers to the new in the same transaction, so no figure keeps an answer
 * they withdrew. The facts themselves never hold the answers.
 */
export async function saveEqualityAnswers(tx: Tx, tenantId: string, personId: string, answers: EqualityAnswers | null, now: Date): Promise<void> {
  const theirs = `(SELECT * FROM outcome_facts WHERE tenant_id = '${uuid(tenantId)}' AND person_id = '${uuid(personId)}')`;
  await sql.raw(countsFrom(theirs, -1)).execute(tx);
  if (answers) {
    await sql`
      INSERT INTO equality_answers (tenant_id, person_id, sex, age_group, ethnicity, disability, updated_at)
      VALUES (${tenantId}, ${personId}, ${answers.sex}, ${answers.ageGroup}, ${answers.ethnicity}, ${answers.disability}, ${now})
      ON CONFLICT (tenant_id, person_id) DO UPDATE SET sex = excluded.sex, age_group = excluded.age_group, ethnicity = excluded.ethnicity,
        disability = excluded.disability, updated_at = excluded.updated_at`.execute(tx);
  } else {
    await sql`DELETE FROM equality_answers WHERE tenant_id = ${tenantId} AND person_id = ${personId}`.execute(tx);
  }
  await sql.raw(countsFrom(theirs, 1)).execute(tx);
}

/** A person's answers, or null when they have given none. */
export async function findEqualityAnswers(tx: Tx, personId: string): Promise<EqualityAnswers | null> {
  const { rows } = await sql<EqualityAnswers>`
    SELECT sex, age_group AS "ageGroup", ethnicity, disability FROM equality_answers WHERE person_id = ${personId}`.execute(tx);
  return rows[0] ?? null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** Ids written into SQL text are checked to be uuids first. */
function uuid(id: string): string {
  if (!UUID.test(id)) throw new Error('id must be a uuid');
  return id;
}
