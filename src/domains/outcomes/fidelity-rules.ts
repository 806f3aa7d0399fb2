/**
 * IPS fidelity reviews as rules: the total and its band, which items need an action plan, and the
 * score the service's own figures suggest for the four items it can measure. Pure and table-tested;
 * the bands and the action threshold come from policy/ (ips-fidelity-*.json).
 */
import actionBelowFile from '../../../policy/ips-fidelity-action-below.json' with { type: 'json' };
import exemplaryFile from '../../../policy/ips-fidelity-band-exemplary-from.json' with { type: 'json' };
import fairFile from '../../../policy/ips-fidelity-band-fair-from.json' with { type: 'json' };
import goodFile from '../../../policy/ips-fidelity-band-good-from.json' with { type: 'json' };
import type { Issue } from '../../platform/errors/index.ts';
import { parsePolicyParameter, valueAt } from '../../platform/policy/index.ts';
import { FIDELITY_KEYS, type FidelityItemKey, type Measure } from './fidelity-scale.ts';

export const FIDELITY_BANDS = ['exemplary', 'good', 'fair', 'not-ips'] as const;
export type FidelityBand = (typeof FIDELITY_BANDS)[number];

const policy = {
  exemplary: parsePolicyParameter(exemplaryFile),
  good: parsePolicyParameter(goodFile),
  fair: parsePolicyParameter(fairFile),
  actionBelow: parsePolicyParameter(actionBelowFile),
};

/** The parameters in force on a day: the lowest total of each band, and the score below which an item needs an action. */
export type FidelityParameters = { exemplary: number; good: number; fair: number; actionBelow: number };
export function fidelityParameters(day: string): FidelityParameters {
  return {
    exemplary: valueAt(policy.exemplary, day).value,
    good: valueAt(policy.good, day).value,
    fair: valueAt(policy.fair, day).value,
    actionBelow: valueAt(policy.actionBelow, day).value,
  };
}

export type ItemAnswer = { key: FidelityItemKey; score: number; evidence: string; action: string };

/** The total of the 25 item scores (25 to 125) and its band: exemplary, good, fair, or not IPS. */
export function scoreReview(items: readonly { score: number }[], p: FidelityParameters): { total: number; band: FidelityBand } {
  const total = items.reduce((sum, i) => sum + i.score, 0);
  const band: FidelityBand = total >= p.exemplary ? 'exemplary' : total >= p.good ? 'good' : total >= p.fair ? 'fair' : 'not-ips';
  return { total, band };
}

export const needsAction = (score: number, p: FidelityParameters): boolean => score < p.actionBelow;

/**
 * What stops a review being saved, beyond the shape the schema checks: every item of the scale
 * answered once, and an action plan for each item scored below the threshold.
 */
export function reviewIssues(items: readonly ItemAnswer[], p: FidelityParameters): Issue[] {
  const issues: Issue[] = [];
  for (const key of FIDELITY_KEYS) {
    const answers = items.filter((i) => i.key === key);
    if (answers.length !== 1) issues.push({ path: `${key}-score`, message: 'fidelity.error.score' });
    else if (needsAction((answers[0] as ItemAnswer).score, p) && (answers[0] as ItemAnswer).action.trim() === '')
      issues.push({ path: `${key}-action`, message: 'fidelity.error.action' });
  }
  return issues;
}

/**
 * The anchors of the measured items as cut-offs from score 5 down to score 2; past the last, 1.
 * Caseload (open cases per full-time specialist) follows the scale [S]; the others are our reading
 * of their items onto what the service records [U] (docs/domain/outcomes.md).
 */
export const ANCHORS: Readonly<Record<Measure, { better: 'lower' | 'higher'; cutoffs: readonly [number, number, number, number] }>> = {
  // Open cases per full-time specialist: 20 or fewer is 5, 21-25 is 4, 26-30 is 3, 31-40 is 2.
  caseload: { better: 'lower', cutoffs: [20, 25, 30, 40] },
  // Median days from a case opening to the person's first introduction to an employer [U].
  'employer-contact': { better: 'lower', cutoffs: [30, 60, 90, 120] },
  // Per cent of people starting a job whose support ended within 13 weeks of the start [U].
  'time-unlimited': { better: 'lower', cutoffs: [10, 20, 30, 40] },
  // Per cent of open cases with someone from the person's health team on the case [U].
  integration: { better: 'higher', cutoffs: [90, 80, 70, 60] },
};

/** The score a measured figure suggests, or null with no figure (nobody to measure). */
export function suggestedScore(measure: Measure, figure: number | null): number | null {
  if (figure === null || !Number.isFinite(figure)) return null;
  const { better, cutoffs } = ANCHORS[measure];
  const within = (cut: number) => (better === 'lower' ? figure <= cut : figure >= cut);
  const at = cutoffs.findIndex(within);
  return at === -1 ? 1 : 5 - at;
}
