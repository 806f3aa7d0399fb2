import type { Migration } from './migration.ts';

// While the counts are rebuilt, the migration owner reads every tenant's facts and answers and
// writes every tenant's counts: row-level security is forced on these tables, so it needs a policy
// of its own, dropped again at the end. The app role never matches it.
const TABLES = ['outcome_facts', 'equality_answers', 'outcome_counts'];
const open = TABLES.map((t) => `CREATE POLICY ${t}_rebuild ON ${t} USING (current_user <> 'bridgework_app') WITH CHECK (current_user <> 'bridgework_app')`);
const close = TABLES.map((t) => `DROP POLICY ${t}_rebuild ON ${t}`);

/**
 * The counts by programme too (issue 15's monthly return per programme): each count row now says
 * which programme its facts were under, so a return for one programme reads the same kept counts as
 * the dashboards, by every dimension. The counts are rebuilt from the facts, with the definition the
 * writer uses from now on (src/platform/outcomes countsSelect, as it stood when this was written).
 */
export const migration: Migration = {
  up: [
    ...open,
    'ALTER TABLE outcome_counts ADD COLUMN programme text',
    'DELETE FROM outcome_counts',
    'ALTER TABLE outcome_counts ALTER COLUMN programme SET NOT NULL',
    'ALTER TABLE outcome_counts DROP CONSTRAINT outcome_counts_pkey',
    'ALTER TABLE outcome_counts ADD PRIMARY KEY (tenant_id, team_id, month, kind, dimension, value, programme)',
    `INSERT INTO outcome_counts (tenant_id, team_id, month, kind, dimension, value, programme, n)
     SELECT f.tenant_id, f.team_id, f.month, f.kind, d.dimension, d.value, f.programme, count(*)::integer
       FROM outcome_facts f
       LEFT JOIN equality_answers e ON e.tenant_id = f.tenant_id AND e.person_id = f.person_id
       CROSS JOIN LATERAL (
         VALUES ('all', 'any'), ('all', 'first'),
                ('specialist', coalesce(f.specialist_user_id::text, 'none')),
                ('referring-service', f.referring_service), ('programme', f.programme), ('regime', f.regime),
                ('youth-pathway', CASE WHEN f.youth_pathway THEN 'yes' ELSE 'no' END),
                ('age-band', f.age_band), ('nation', f.nation),
                ('sex', coalesce(e.sex, 'not-answered')), ('age-group', coalesce(e.age_group, 'not-answered')),
                ('ethnicity', coalesce(e.ethnicity, 'not-answered')), ('disability', coalesce(e.disability, 'not-answered')),
                ('days', f.days_from_referral::text)
         UNION ALL SELECT 'condition', c FROM unnest(f.condition_categories) AS c
       ) AS d (dimension, value)
      WHERE d.value IS NOT NULL AND (f.first_of_kind OR (d.dimension = 'all' AND d.value = 'any'))
      GROUP BY f.tenant_id, f.team_id, f.month, f.kind, d.dimension, d.value, f.programme`,
    ...close,
  ],
  down: [
    ...open,
    `CREATE TEMPORARY TABLE outcome_counts_merged ON COMMIT DROP AS
       SELECT tenant_id, team_id, month, kind, dimension, value, sum(n)::integer AS n FROM outcome_counts
        GROUP BY tenant_id, team_id, month, kind, dimension, value`,
    'DELETE FROM outcome_counts',
    'ALTER TABLE outcome_counts DROP CONSTRAINT outcome_counts_pkey',
    'ALTER TABLE outcome_counts DROP COLUMN programme',
    'ALTER TABLE outcome_counts ADD PRIMARY KEY (tenant_id, team_id, month, kind, dimension, value)',
    'INSERT INTO outcome_counts SELECT tenant_id, team_id, month, kind, dimension, value, n FROM outcome_counts_merged',
    ...close,
  ],
};
