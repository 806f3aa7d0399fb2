/**
 * Participation regimes: whether taking part is voluntary or carries conditionality, and which of
 * the actions that only conditionality permits Bridgework may take for a person.
 */

export const REGIMES = ['voluntary-health', 'voluntary-youth', 'conditional'] as const;
export type Regime = (typeof REGIMES)[number];

/** Actions that only make sense where participation is conditional; every other action is open to all. */
export const REGIME_ACTIONS = ['mandatory-appointment', 'obligation-wording', 'compliance-doubt-report'] as const;
export type RegimeAction = (typeof REGIME_ACTIONS)[number];

/** Where a refusal comes from, so a screen or letter can explain it. */
export type PolicyCitation = {
  name: string;
  effectiveFrom: string;
  source: { title: string; url: string };
  /** The product-brief statement the refusal enforces. */
  platformPolicy: string;
  /** True where the refusal goes further than the law does (sanctions that are lawful but suppressed). */
  beyondLaw: boolean;
};

export type ActionCheck = { allowed: true } | { allowed: false; reason: string; reasonKey: string; policy: PolicyCitation };

export const REGIME_CHANGE_REFUSALS = ['no-change', 'reason-required', 'health-condition-recorded'] as const;
export type RegimeChangeRefusal = (typeof REGIME_CHANGE_REFUSALS)[number];

export type RegimeChange = { from: Regime; to: Regime; healthConditionRecorded: boolean; reason: string };
export type RegimeChangeCheck = { ok: true } | { ok: false; why: RegimeChangeRefusal; message: string };

/**
 * The kinds of offer a young person on the youth pathway may be made (issue 18). Bridgework records
 * each as an opportunity; whether a benefit condition may ride on it is decided by the table below.
 */
export const YOUTH_OFFER_TYPES = ['job', 'apprenticeship', 'training', 'education', 'work-experience', 'guaranteed-placement'] as const;
export type YouthOfferType = (typeof YOUTH_OFFER_TYPES)[number];

/**
 * What would turn an offer into a condition: passing on a benefit condition attached to it (the
 * national Youth Guarantee attaches some), or reporting a declined offer to the Jobcentre.
 */
export const OFFER_ACTIONS = ['relay-condition', 'report-decline'] as const;
export type OfferAction = (typeof OFFER_ACTIONS)[number];
