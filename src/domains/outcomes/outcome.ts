/** What a dashboard can be broken down by: one dimension at a time (docs/domain/outcomes.md). */
export const BREAKDOWNS = ['programme', 'team', 'specialist', 'referring-service', 'regime', 'youth-pathway', 'condition', 'age-band', 'nation'] as const;
export type Breakdown = (typeof BREAKDOWNS)[number];

/** The GOV.UK standard equality questions the person may answer on their own pages. */
export const EQUALITY_QUESTIONS = ['sex', 'age-group', 'ethnicity', 'disability'] as const;
export type EqualityQuestion = (typeof EQUALITY_QUESTIONS)[number];

/** One row of counts: a month only for the totals ('all'); every other dimension is summed over the period. */
export type CountRow = { month: string; kind: string; dimension: string; value: string; n: number };

/** The period, team and breakdown a dashboard shows: every one a GET parameter, so a view can be bookmarked. */
export type DashboardFilter = { from: string; to: string; teamId: string | null; by: Breakdown };

export type InactivityEstimate = {
  gssCode: string;
  areaName: string;
  period: string;
  measure: 'inactive-rate' | 'long-term-sick-share';
  percent: number | null;
  confidence: number | null;
  numerator: number | null;
  denominator: number | null;
  source: string;
};

export type OutcomeTables = {
  inactivity_estimates: {
    gss_code: string;
    area_name: string;
    period: string;
    measure: string;
    percent: string | number | null;
    confidence: string | number | null;
    numerator: string | number | null;
    denominator: string | number | null;
    status: string;
    source: string;
    imported_at: Date | string;
  };
  fidelity_reviews: {
    tenant_id: string;
    id: string;
    team_id: string;
    reviewed_on: string;
    reviewer: string;
    items: unknown;
    total: number;
    band: string;
    created_at: Date | string;
  };
};
