import { OTHER, UC } from './benefit-parameters.ts';
import type { Adult } from './universal-credit.ts';
import { formatPounds, toPounds, type UcContext, weeklyToMonthly } from './universal-credit-money.ts';

/*
 * The benefit cap on a Universal Credit award (Universal Credit Regulations 2013 Part 7), pure:
 *
 *   exempt   if the claimant's (or the couple's combined) earned income is at least 16 hours a week
 *            at the National Living Wage × 52 ÷ 12 (reg 82(1)(a); actual earnings, never the minimum
 *            income floor, reg 82(4)), or anyone has LCWRA, the carer test, or a disability benefit
 *            (reg 83; a disabled child's DLA or PIP counts)
 *   total    = the award before the cap + Child Benefit for the children listed (weekly × 52 ÷ 12)
 *   cap      = by Greater London or not, and single with no child or couple or with a child (reg 80A)
 *   reduction = total − cap − the childcare costs element, never below £0
 *            (reg 81(1)(b), as DWP's Advice for Decision Making E5002 puts it: in childcare cases
 *            the excess is less the childcare costs element, so that element is never capped away)
 *
 * Not modelled (and said in the reasons): the 9-month grace period after work (reg 82(1)(b)), other
 * welfare benefits inside `otherIncomeMonthly` (New Style JSA or ESA, Carer's Allowance, Maternity
 * Allowance), and exemptions by State Pension age or war pensions unless given as disabilityBenefit.
 */

export type BenefitCapInput = {
  adults: readonly Adult[];
  /** Children listed, whatever the two-child limit. */
  children: number;
  anyDisabledChild: boolean;
  inLondon: boolean;
  childBenefit: boolean;
  /** Combined actual earned income, whole pence. */
  earnings: number;
  /** The award before the cap, whole pence. */
  award: number;
  /** The childcare costs element included, whole pence. */
  childcare: number;
};

/** The cap's reduction in whole pence (0 when exempt or within the cap), with its reasons said. */
export function benefitCap(ctx: UcContext, input: BenefitCapInput): number {
  const { adults } = input;
  const couple = adults.length === 2;
  const whose = couple ? 'The couple’s combined earnings' : 'The claimant’s earnings';
  let exempt = false;

  const lcwra = adults.findIndex((a) => a.lcwra);
  if (lcwra >= 0) {
    exempt = true;
    ctx.say('benefit-cap.exempt-lcwra', `${ctx.who(lcwra)} has LCWRA, so the benefit cap does not apply.`, { adult: lcwra + 1 });
  }
  const carer = adults.findIndex((a) => a.carer === true);
  if (carer >= 0) {
    exempt = true;
    ctx.say('benefit-cap.exempt-carer', `${ctx.who(carer)} cares for a severely disabled person (the carer test), so the benefit cap does not apply.`, {
      adult: carer + 1,
    });
  }
  const disabled = adults.findIndex((a) => a.disabilityBenefit === true);
  if (disabled >= 0 || input.anyDisabledChild) {
    exempt = true;
    const who = disabled >= 0 ? `${ctx.who(disabled)} gets a disability benefit` : 'A child gets a disability benefit (DLA, PIP or Child Disability Payment)';
    ctx.say('benefit-cap.exempt-disability-benefit', `${who}, so the benefit cap does not apply.`, disabled >= 0 ? { adult: disabled + 1 } : { child: 1 });
  }
  if (exempt) return 0; // one exemption is enough: the earnings test is not worked out as well

  // Earnings: 16 hours × the hourly rate × 52 ÷ 12, compared exactly (earnings × 12 against hours × rate × 52).
  const hours = ctx.param(UC.capEarningsHours);
  const nlw = ctx.penceOf(OTHER.nationalLivingWage);
  const threshold = Math.ceil((hours * nlw * 52) / 12);
  if (input.earnings * 12 >= hours * nlw * 52) {
    exempt = true;
    ctx.say(
      'benefit-cap.exempt-earnings',
      `${whose} of ${formatPounds(input.earnings)} are at least ${hours} hours a week at the National Living Wage of ${formatPounds(nlw)} × 52 ÷ 12 = ${formatPounds(threshold)} (rounded up to the penny), so the benefit cap does not apply.`,
      { earnings: toPounds(input.earnings), hours, hourlyRate: toPounds(nlw), threshold: toPounds(threshold) },
    );
  }
  if (exempt) return 0;

  const single = !couple && input.children === 0;
  const cap = ctx.penceOf(
    input.inLondon ? (single ? UC.capLondonSingle : UC.capLondonCoupleOrChildren) : single ? UC.capOutsideLondonSingle : UC.capOutsideLondonCoupleOrChildren,
  );
  const capFor = `${single ? 'a single person with no child' : 'a couple or a household with children'} ${input.inLondon ? 'in Greater London' : 'outside Greater London'}`;

  let childBenefit = 0;
  let cbText = 'no Child Benefit (no children)';
  if (input.children > 0 && !input.childBenefit) {
    cbText = 'no Child Benefit (the input says nobody gets it)';
  } else if (input.children > 0) {
    const eldest = ctx.penceOf(OTHER.childBenefitEldest);
    const other = ctx.penceOf(OTHER.childBenefitOther);
    const weekly = eldest + (input.children - 1) * other;
    childBenefit = weeklyToMonthly(weekly);
    cbText = `Child Benefit of ${formatPounds(weekly)} a week (${formatPounds(eldest)}${input.children > 1 ? ` + ${input.children - 1} × ${formatPounds(other)}` : ''}) × 52 ÷ 12 = ${formatPounds(childBenefit)}`;
  }
  const total = input.award + childBenefit;
  const counted = total - input.childcare;
  // Never above the award: Child Benefit alone is always below the cap, so counted − cap ≤ the award.
  const reduction = Math.max(0, counted - cap);
  const values = {
    award: toPounds(input.award),
    childBenefit: toPounds(childBenefit),
    total: toPounds(total),
    childcare: toPounds(input.childcare),
    counted: toPounds(counted),
    cap: toPounds(cap),
    reduction: toPounds(reduction),
  };
  const sum = `Universal Credit before the cap of ${formatPounds(input.award)} + ${cbText} = ${formatPounds(total)}${input.childcare > 0 ? `, less the childcare costs element of ${formatPounds(input.childcare)} (never capped) = ${formatPounds(counted)}` : ''}`;
  const notModelled =
    'Other benefits the cap counts that are inside other income (such as New Style JSA or ESA) and the 9-month grace period after work are not checked.';
  if (reduction === 0) {
    ctx.say(
      'benefit-cap.within',
      `${sum}: not above the benefit cap for ${capFor} of ${formatPounds(cap)}, so the cap takes nothing off. ${notModelled}`,
      values,
    );
  } else {
    ctx.say(
      'benefit-cap.applied',
      `${sum}: ${formatPounds(reduction)} above the benefit cap for ${capFor} of ${formatPounds(cap)}, so ${formatPounds(reduction)} is taken off. ${notModelled}`,
      values,
    );
  }
  return reduction;
}
