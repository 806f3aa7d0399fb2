import { z } from 'zod';
import data from '../../../policy/participation-regimes.json' with { type: 'json' };
import { policyParameterSchema } from '../../platform/policy/index.ts';
import {
  type ActionCheck,
  OFFER_ACTIONS,
  type OfferAction,
  REGIME_ACTIONS,
  REGIME_CHANGE_REFUSALS,
  REGIMES,
  type Regime,
  type RegimeAction,
  type RegimeChange,
  type RegimeChangeCheck,
  YOUTH_OFFER_TYPES,
  type YouthOfferType,
} from './participation.ts';

const regimeSchema = z
  .object({
    description: z.string().min(1),
    voluntary: z.boolean(),
    allowedActions: z.array(z.enum(REGIME_ACTIONS)),
    refusedActions: z.partialRecord(z.enum(REGIME_ACTIONS), z.object({ reason: z.string().min(1) })),
    platformPolicy: z.object({ title: z.string().min(1), statement: z.string().min(1) }),
    law: z.object({ title: z.string().min(1), url: z.url(), summary: z.string().min(1) }),
    /** Kept apart from the law so nobody mistakes a platform choice for a legal rule (policy-rules §1.9). */
    beyondLaw: z.object({ applies: z.boolean(), note: z.string().min(1) }),
  })
  .superRefine((regime, ctx) => {
    // Each action is decided exactly once, so a refusal always has a reason to show.
    for (const action of REGIME_ACTIONS) {
      const allowed = regime.allowedActions.includes(action);
      const refused = regime.refusedActions[action] !== undefined;
      if (allowed === refused) ctx.addIssue({ code: 'custom', message: `${action} must be either allowed or refused with a reason`, path: [action] });
    }
    // The product's first "must never": a voluntary regime that enabled any of these would enable a sanction.
    if (regime.voluntary && regime.allowedActions.length > 0) {
      ctx.addIssue({ code: 'custom', message: 'a voluntary regime allows no regime-governed action', path: ['allowedActions'] });
    }
  });

/** One cell of the youth-offer table: an offer type on a regime, each offer action allowed or refused with a reason. */
const offerCellSchema = z
  .object({
    allowedActions: z.array(z.enum(OFFER_ACTIONS)),
    refusedActions: z.partialRecord(z.enum(OFFER_ACTIONS), z.object({ reason: z.string().min(1) })),
  })
  .superRefine((cell, ctx) => {
    for (const action of OFFER_ACTIONS) {
      if (cell.allowedActions.includes(action) === (cell.refusedActions[action] !== undefined)) {
        ctx.addIssue({ code: 'custom', message: `${action} must be either allowed or refused with a reason`, path: [action] });
      }
    }
  });

/** Youth offers (issue 18): every offer type × every regime, so no combination is left to a default. */
const youthOffersSchema = z.object({
  platformPolicy: z.object({ title: z.string().min(1), statement: z.string().min(1) }),
  law: z.object({ title: z.string().min(1), url: z.url(), summary: z.string().min(1) }),
  types: z.record(z.enum(YOUTH_OFFER_TYPES), z.object({ description: z.string().min(1), regimes: z.record(z.enum(REGIMES), offerCellSchema) })),
});

const participationPolicySchema = policyParameterSchema
  .extend({
    // One rule set per file: the rules below are not keyed by date, so a second date would be a lie.
    values: z.record(z.iso.date(), z.number()).refine((v) => Object.keys(v).length === 1, 'exactly one dated version'),
    regimes: z.record(z.enum(REGIMES), regimeSchema),
    regimeChange: z.object({
      refusedWhileHealthConditionRecorded: z.array(z.enum(REGIMES)),
      messages: z.record(z.enum(REGIME_CHANGE_REFUSALS), z.string().min(1)),
      platformPolicy: z.object({ title: z.string().min(1), statement: z.string().min(1) }),
    }),
    youthOffers: youthOffersSchema,
  })
  .superRefine((policy, ctx) => {
    // A voluntary regime lets no offer carry a condition, whatever the offer (the issue's "voluntary, always").
    for (const type of YOUTH_OFFER_TYPES) {
      for (const regime of REGIMES) {
        if (policy.regimes[regime].voluntary && policy.youthOffers.types[type].regimes[regime].allowedActions.length > 0) {
          ctx.addIssue({ code: 'custom', message: `a voluntary regime lets no ${type} offer carry a condition`, path: ['youthOffers', type, regime] });
        }
      }
    }
    // Nobody with a health condition recorded may be moved onto any regime that is not voluntary.
    for (const regime of REGIMES) {
      if (!policy.regimes[regime].voluntary && !policy.regimeChange.refusedWhileHealthConditionRecorded.includes(regime)) {
        ctx.addIssue({ code: 'custom', message: `a move to ${regime} must be refused while a health condition is recorded`, path: ['regimeChange'] });
      }
    }
  });

export type ParticipationPolicy = z.output<typeof participationPolicySchema> & { effectiveFrom: string };

/** Parses a participation-regimes policy file; throws on one that does not have the expected shape. */
export function parseParticipationPolicy(json: unknown): ParticipationPolicy {
  const parsed = participationPolicySchema.parse(json);
  return { ...parsed, effectiveFrom: Object.keys(parsed.values)[0] as string };
}

/** The rules in force, checked once at start-up so a bad edit to the file stops the process, not a letter. */
export const participationPolicy: ParticipationPolicy = parseParticipationPolicy(data);

/** Whether Bridgework may take a regime-governed action for someone on this regime, and if not, why. */
export function actionAllowed(regime: Regime, action: RegimeAction): ActionCheck {
  const rules = participationPolicy.regimes[regime];
  const refusal = rules.refusedActions[action];
  if (rules.allowedActions.includes(action) || refusal === undefined) return { allowed: true };
  return {
    allowed: false,
    reason: refusal.reason,
    // The regime is part of the key because the English reason differs between regimes.
    reasonKey: `participation.refused.${regime}.${action}`,
    policy: {
      name: participationPolicy.name,
      effectiveFrom: participationPolicy.effectiveFrom,
      source: { title: rules.law.title, url: rules.law.url },
      platformPolicy: rules.platformPolicy.statement,
      beyondLaw: rules.beyondLaw.applies,
    },
  };
}

/** The regime-governed actions open on this regime, in REGIME_ACTIONS order. */
export function allowedActions(regime: Regime): RegimeAction[] {
  return REGIME_ACTIONS.filter((action) => actionAllowed(regime, action).allowed);
}

/**
 * Whether an offer of this type may carry a benefit condition (passed on, or a decline reported) for
 * someone on this regime, and if not, why. The offer itself is always recorded as an opportunity.
 */
export function offerActionAllowed(regime: Regime, type: YouthOfferType, action: OfferAction): ActionCheck {
  const { youthOffers } = participationPolicy;
  const cell = youthOffers.types[type].regimes[regime];
  const refusal = cell.refusedActions[action];
  if (cell.allowedActions.includes(action) || refusal === undefined) return { allowed: true };
  return {
    allowed: false,
    reason: refusal.reason,
    reasonKey: `participation.refused.${regime}.${action}`,
    policy: {
      name: participationPolicy.name,
      effectiveFrom: participationPolicy.effectiveFrom,
      source: { title: youthOffers.law.title, url: youthOffers.law.url },
      platformPolicy: youthOffers.platformPolicy.statement,
      beyondLaw: participationPolicy.regimes[regime].beyondLaw.applies,
    },
  };
}

export function isVoluntary(regime: Regime): boolean {
  return participationPolicy.regimes[regime].voluntary;
}

/**
 * Whether a person's regime may change. Checked in this order so the answer names the refusal that
 * a reason cannot fix: the same regime is no change; a move onto conditionality is refused while a
 * health condition is recorded; otherwise any change, including back to voluntary, needs a reason.
 */
export function checkRegimeChange(input: RegimeChange): RegimeChangeCheck {
  const { messages, refusedWhileHealthConditionRecorded } = participationPolicy.regimeChange;
  if (input.from === input.to) return { ok: false, why: 'no-change', message: messages['no-change'] };
  if (input.healthConditionRecorded && refusedWhileHealthConditionRecorded.includes(input.to)) {
    return { ok: false, why: 'health-condition-recorded', message: messages['health-condition-recorded'] };
  }
  if (input.reason.trim() === '') return { ok: false, why: 'reason-required', message: messages['reason-required'] };
  return { ok: true };
}
