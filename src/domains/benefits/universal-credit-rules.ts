import { InvalidInput } from '../../platform/errors/index.ts';
import type { PolicyParameter } from '../../platform/policy/index.ts';
import { benefitCap } from './benefit-cap-rules.ts';
import { at, CHILDREN_BORN_BEFORE, LCWRA_NEW_CLAIMANT_FROM, UC, UC_RATES_UNTIL } from './benefit-parameters.ts';
import { earningsWithFloor } from './minimum-income-floor-rules.ts';
import { carerElements, disabledChildAdditions, housingCostsElement, lcwElement } from './uc-elements-rules.ts';
import type { Adult, Household, ParameterUsed, Reason, ReasonCode, UcResult } from './universal-credit.ts';
import { applyRate, basisPoints, formatPounds, longDate, percent, toPence, toPounds, type UcContext } from './universal-credit-money.ts';
import { householdIssues, householdSchema } from './universal-credit-schemas.ts';

export { formatPounds } from './universal-credit-money.ts';

/*
 * Universal Credit for one household in one monthly assessment period, as policy as code:
 *
 *   maximum amount = standard allowance + LCWRA or LCW + carer + child elements + disabled child
 *                    additions + childcare + housing costs (less housing cost contributions)
 *   deductions     = 55% of net earnings (or the minimum income floor) above the work allowance
 *                    + unearned income + capital tariff
 *   award          = maximum amount − deductions, never below £0, then less any benefit cap
 *
 * Pure: no clock, no I/O. Money is whole pence inside; a percentage is rounded to the nearest penny
 * (halves up) where it is applied, so the result matches a hand calculation to the penny. The carer,
 * LCW, disabled child and housing rules are in uc-elements-rules.ts, the minimum income floor in
 * minimum-income-floor-rules.ts and the cap in benefit-cap-rules.ts. What it does not model is listed
 * in docs/domain/universal-credit-calculation.md and said in the reasons where it touches a household.
 */

const ordinal = (n: number): string => ['first', 'second', 'third'][n - 1] ?? `${n}th`;

type LcwraAmount = { adult: number; pence: number; code: 'lcwra.one-rate' | 'lcwra.protected' | 'lcwra.new-claimant'; basis: string };

/**
 * The award for a parsed household on its date, with every element, every deduction, the reasons
 * (code, English sentence, figures) and each policy parameter used, listed once.
 *
 * @example universalCredit(parseHousehold(json)).award // 1338.46
 */
export function universalCredit(household: Household): UcResult {
  const { date, adults, housing } = household;
  const used = new Map<string, ParameterUsed>();
  const param = (parameter: PolicyParameter): number => {
    const v = at(parameter, date);
    if (!used.has(v.name)) used.set(v.name, { ...v });
    return v.value;
  };
  const penceOf = (parameter: PolicyParameter) => toPence(param(parameter));
  const reasons: Reason[] = [];
  const say = (code: ReasonCode, text: string, values: Record<string, number | string> = {}) => {
    reasons.push({ code, text, values });
  };
  const couple = adults.length === 2;
  const who = (i: number) => (couple ? `Adult ${i + 1}` : 'The claimant');
  const ctx: UcContext = {
    date,
    param,
    penceOf,
    say,
    who,
    use: (v) => {
      if (!used.has(v.name)) used.set(v.name, { ...v });
    },
  };
  let rounded = false;

  // 0. A date past the rates held is worked out on the latest rates held, and says so first.
  if (date > UC_RATES_UNTIL) {
    say(
      'rates.latest-held',
      `No rates for after ${longDate(UC_RATES_UNTIL)} are held yet, so these figures use the latest rates held; rates usually change each April.`,
      { ratesHeldUntil: UC_RATES_UNTIL },
    );
  }

  // 1. Standard allowance.
  const ages = adults.map((a) => a.age);
  let standardAllowance: number;
  if (!couple) {
    const age = ages[0] ?? 0;
    if (age < 25) {
      standardAllowance = penceOf(UC.standardAllowanceSingleUnder25);
      say('standard-allowance.single-under-25', `A single claimant aged ${age} (under 25) gets the standard allowance of ${formatPounds(standardAllowance)}.`, {
        age,
        amount: toPounds(standardAllowance),
      });
    } else {
      standardAllowance = penceOf(UC.standardAllowanceSingle25Plus);
      say(
        'standard-allowance.single-25-plus',
        `A single claimant aged ${age} (25 or over) gets the standard allowance of ${formatPounds(standardAllowance)}.`,
        {
          age,
          amount: toPounds(standardAllowance),
        },
      );
    }
  } else if (ages.every((a) => a < 25)) {
    standardAllowance = penceOf(UC.standardAllowanceJointBothUnder25);
    say(
      'standard-allowance.joint-under-25',
      `Joint claimants both under 25 (aged ${ages.join(' and ')}) get the standard allowance of ${formatPounds(standardAllowance)}.`,
      { ages: ages.join(', '), amount: toPounds(standardAllowance) },
    );
  } else {
    standardAllowance = penceOf(UC.standardAllowanceJoint25Plus);
    say(
      'standard-allowance.joint-25-plus',
      `Joint claimants with one or both aged 25 or over (aged ${ages.join(' and ')}) get the standard allowance of ${formatPounds(standardAllowance)}.`,
      { ages: ages.join(', '), amount: toPounds(standardAllowance) },
    );
  }

  // 2. LCWRA: one element for the household, the higher amount where both partners have it.
  const lcwraAmountOf = (a: Adult, i: number): LcwraAmount => {
    if (date < LCWRA_NEW_CLAIMANT_FROM) {
      return { adult: i, pence: penceOf(UC.lcwra), code: 'lcwra.one-rate', basis: `before ${longDate(LCWRA_NEW_CLAIMANT_FROM)} there is one LCWRA rate` };
    }
    if (a.lcwraProtected) {
      return { adult: i, pence: penceOf(UC.lcwra), code: 'lcwra.protected', basis: 'meets the severe conditions criteria or is terminally ill' };
    }
    if (a.lcwraSince !== null && a.lcwraSince < LCWRA_NEW_CLAIMANT_FROM) {
      return {
        adult: i,
        pence: penceOf(UC.lcwra),
        code: 'lcwra.protected',
        basis: `is a pre-2026 claimant: the award has included LCWRA since ${a.lcwraSince}, before ${longDate(LCWRA_NEW_CLAIMANT_FROM)}`,
      };
    }
    return {
      adult: i,
      pence: penceOf(UC.lcwraNewClaimant),
      code: 'lcwra.new-claimant',
      basis:
        a.lcwraSince === null
          ? `has no date from which the award included LCWRA, so is treated as a new claimant from ${longDate(LCWRA_NEW_CLAIMANT_FROM)}`
          : `is a new claimant: the award has included LCWRA only since ${a.lcwraSince}, on or after ${longDate(LCWRA_NEW_CLAIMANT_FROM)}`,
    };
  };
  const lcwraAmounts = adults.flatMap((a, i) => (a.lcwra ? [lcwraAmountOf(a, i)] : []));
  let lcwra = 0;
  let lcwraAdult = -1;
  if (lcwraAmounts.length > 0) {
    // The higher amount; on a tie, the partner who is not a carer, so the other keeps the carer element (reg 29(4)).
    const chosen = lcwraAmounts.reduce((best, x) =>
      x.pence > best.pence || (x.pence === best.pence && adults[best.adult]?.carer === true && adults[x.adult]?.carer !== true) ? x : best,
    );
    lcwraAdult = chosen.adult;
    lcwra = chosen.pence;
    const name =
      chosen.code === 'lcwra.new-claimant'
        ? 'the new-claimant LCWRA element'
        : chosen.code === 'lcwra.protected'
          ? 'the protected LCWRA element'
          : 'the LCWRA element';
    say(chosen.code, `${who(chosen.adult)} has LCWRA and ${chosen.basis}, so ${name} of ${formatPounds(lcwra)} is included.`, {
      adult: chosen.adult + 1,
      amount: toPounds(lcwra),
      ...(adults[chosen.adult]?.lcwraSince ? { lcwraSince: adults[chosen.adult]?.lcwraSince ?? '' } : {}),
    });
    if (lcwraAmounts.length > 1) {
      const amounts = lcwraAmounts.map((x) => formatPounds(x.pence)).join(' and ');
      say('lcwra.couple-higher', `Both joint claimants have LCWRA (${amounts}), but a household gets one LCWRA element: the higher, ${formatPounds(lcwra)}.`, {
        amount: toPounds(lcwra),
        amounts: lcwraAmounts.map((x) => toPounds(x.pence)).join(', '),
      });
    }
  }

  // 3. LCW (claims from before 3 April 2017 only) and the carer element, each in respect of one adult.
  const lcw = lcwElement(ctx, adults, lcwraAmounts.length > 0);
  const carer = carerElements(ctx, adults, lcwraAdult);

  // 4. Children, eldest first. The two-child limit counts only children born on or after 6 April 2017.
  const children = household.children
    .map((c, input) => ({ ...c, input }))
    .sort((x, y) => (x.birthDate < y.birthDate ? -1 : x.birthDate > y.birthDate ? 1 : x.input - y.input));
  let childTotal = 0;
  if (children.length > 0) {
    const limit = param(UC.childLimit);
    let counted = 0;
    children.forEach((c, i) => {
      const n = i + 1;
      const bornBefore = c.birthDate < CHILDREN_BORN_BEFORE;
      if (!bornBefore && counted >= limit) {
        say(
          'two-child-limit',
          `Child ${n} (born ${c.birthDate}) gets no child element: on this date the two-child limit pays for a third or later child only if born before ${longDate(CHILDREN_BORN_BEFORE)}. Its exceptions (multiple births, adoption, non-consensual conception, kinship care) are not modelled.`,
          { child: n, birthDate: c.birthDate, limit },
        );
        return;
      }
      counted++;
      if (i === 0 && bornBefore) {
        const amount = penceOf(UC.childFirstHigher);
        childTotal += amount;
        say(
          'child.higher-rate',
          `Child ${n} (born ${c.birthDate}), the eldest and born before ${longDate(CHILDREN_BORN_BEFORE)}, gets the higher child element of ${formatPounds(amount)}.`,
          { child: n, birthDate: c.birthDate, amount: toPounds(amount) },
        );
      } else {
        const amount = penceOf(UC.child);
        childTotal += amount;
        const why = i === 0 ? `the eldest, born on or after ${longDate(CHILDREN_BORN_BEFORE)}` : `the ${ordinal(n)} child`;
        say('child.lower-rate', `Child ${n} (born ${c.birthDate}), ${why}, gets the child element of ${formatPounds(amount)}.`, {
          child: n,
          birthDate: c.birthDate,
          amount: toPounds(amount),
        });
      }
    });
    if (children.length > 2 && limit >= children.length) {
      say(
        'child.no-limit',
        `The two-child limit does not apply on ${date} (it was abolished from 6 April 2026), so all ${children.length} children get a child element.`,
        {
          children: children.length,
        },
      );
    }
  }

  // 4a. Disabled child additions, for every disabled child, whatever the two-child limit.
  const disabledChild = disabledChildAdditions(ctx, children);

  // 5. Childcare: 85% of the costs up to a cap, only when the claimant is in paid work and a partner
  // either is too or cannot provide childcare (LCW, LCWRA or the carer test: UC Regs reg 32).
  let childcare = 0;
  const childcareCosts = toPence(household.childcareMonthly);
  if (childcareCosts > 0) {
    const inWork = (a: Adult) => toPence(a.netEarningsMonthly) > 0 || a.selfEmployed?.gainful === true;
    const excused = (a: Adult) => couple && adults.some(inWork) && (a.lcw || a.lcwra || a.carer === true);
    const notWorking = adults.findIndex((a) => !inWork(a) && !excused(a));
    if (children.length === 0) {
      say(
        'childcare.no-children',
        `Childcare costs of ${formatPounds(childcareCosts)} are not included: the childcare costs element is only for a household with a child.`,
        {
          costs: toPounds(childcareCosts),
        },
      );
    } else if (notWorking >= 0) {
      say(
        'childcare.not-working',
        `Childcare costs of ${formatPounds(childcareCosts)} are not included: the childcare costs element needs the claimant${couple ? ', and the partner in a joint claim unless they have limited capability for work or meet the carer test,' : ''} to be in paid work, and ${couple ? `adult ${notWorking + 1}` : 'the claimant'} has no earnings.`,
        { costs: toPounds(childcareCosts), adult: notWorking + 1 },
      );
    } else {
      const rate = basisPoints(param(UC.childcareRate));
      const share = applyRate(childcareCosts, rate);
      rounded = true;
      const cap = children.length === 1 ? penceOf(UC.childcareCapOneChild) : penceOf(UC.childcareCapTwoOrMore);
      const capFor = children.length === 1 ? 'one child' : 'two or more children';
      childcare = Math.min(share, cap);
      if (share > cap) {
        say(
          'childcare.capped',
          `${percent(rate)} of childcare costs of ${formatPounds(childcareCosts)} is ${formatPounds(share)}, above the cap for ${capFor} of ${formatPounds(cap)}, so the childcare costs element is ${formatPounds(childcare)}.`,
          { costs: toPounds(childcareCosts), rate: rate / 10_000, share: toPounds(share), cap: toPounds(cap), amount: toPounds(childcare) },
        );
      } else {
        say(
          'childcare.included',
          `${percent(rate)} of childcare costs of ${formatPounds(childcareCosts)} is ${formatPounds(share)}, within the cap for ${capFor} of ${formatPounds(cap)}, so the childcare costs element is ${formatPounds(childcare)}.`,
          { costs: toPounds(childcareCosts), rate: rate / 10_000, share: toPounds(share), cap: toPounds(cap), amount: toPounds(childcare) },
        );
      }
    }
  }

  // 6. Housing costs: the eligible rent as given, less housing cost contributions for non-dependants.
  const housingElement = housing ? housingCostsElement(ctx, housing) : 0;

  // 7. Maximum amount.
  const parts: [key: string, words: string, pence: number][] = [['standardAllowance', 'standard allowance', standardAllowance]];
  if (lcwraAmounts.length > 0) parts.push(['lcwra', 'LCWRA', lcwra]);
  if (lcw > 0) parts.push(['lcw', 'LCW', lcw]);
  if (carer > 0) parts.push(['carer', 'carer', carer]);
  if (childTotal > 0) parts.push(['child', 'children', childTotal]);
  if (disabledChild > 0) parts.push(['disabledChild', 'disabled children', disabledChild]);
  if (childcare > 0) parts.push(['childcare', 'childcare', childcare]);
  if (housing) parts.push(['housing', 'housing', housingElement]);
  const maximumAmount = parts.reduce((sum, [, , p]) => sum + p, 0);
  say(
    'maximum-amount',
    parts.length === 1
      ? `The maximum amount is the standard allowance, ${formatPounds(maximumAmount)}.`
      : `The maximum amount is ${parts.map(([, , p]) => formatPounds(p)).join(' + ')} (${parts.map(([, w]) => w).join(', ')}) = ${formatPounds(maximumAmount)}.`,
    { amount: toPounds(maximumAmount), ...Object.fromEntries(parts.map(([k, , p]) => [k, toPounds(p)])) },
  );

  // 8. Work allowance: only with a child or limited capability for work.
  const hasWorkAllowance = children.length > 0 || adults.some((a) => a.lcw || a.lcwra);
  let workAllowance = 0;
  if (!hasWorkAllowance) {
    say(
      'work-allowance.none',
      'There is no work allowance: it is only for a household responsible for a child or with limited capability for work (LCW or LCWRA), so earnings are tapered from the first pound.',
    );
  } else {
    const because = [children.length > 0 ? 'is responsible for a child' : null, adults.some((a) => a.lcw || a.lcwra) ? 'has limited capability for work' : null]
      .filter(Boolean)
      .join(' and ');
    if (housingElement > 0) {
      workAllowance = penceOf(UC.workAllowanceWithHousing);
      say(
        'work-allowance.with-housing',
        `The household ${because}, and the award includes housing costs, so the lower work allowance of ${formatPounds(workAllowance)} applies.`,
        { amount: toPounds(workAllowance) },
      );
    } else {
      workAllowance = penceOf(UC.workAllowanceWithoutHousing);
      say(
        'work-allowance.without-housing',
        `The household ${because}, and the award includes no housing costs, so the higher work allowance of ${formatPounds(workAllowance)} applies.`,
        { amount: toPounds(workAllowance) },
      );
    }
  }

  // 9. Earnings taper, on each adult's earnings or their minimum income floor.
  const actualEarnings = adults.reduce((sum, a) => sum + toPence(a.netEarningsMonthly), 0);
  const earnings = earningsWithFloor(ctx, adults, children).reduce((sum, e) => sum + e, 0);
  const ofWhom = couple ? 'Joint net earnings' : 'Net earnings';
  let earningsDeduction = 0;
  if (earnings === 0) {
    say('taper', 'There are no earnings, so nothing is deducted for earnings.', { earnings: 0 });
  } else if (earnings <= workAllowance) {
    say(
      'taper',
      `${ofWhom} of ${formatPounds(earnings)} are within the work allowance of ${formatPounds(workAllowance)}, so nothing is deducted for earnings.`,
      {
        earnings: toPounds(earnings),
        workAllowance: toPounds(workAllowance),
        deduction: 0,
      },
    );
  } else {
    const rate = basisPoints(param(UC.taperRate));
    const excess = earnings - workAllowance;
    earningsDeduction = applyRate(excess, rate);
    rounded = true;
    const values = {
      earnings: toPounds(earnings),
      workAllowance: toPounds(workAllowance),
      excess: toPounds(excess),
      rate: rate / 10_000,
      deduction: toPounds(earningsDeduction),
    };
    say(
      'taper',
      workAllowance > 0
        ? `${ofWhom} of ${formatPounds(earnings)} less the work allowance of ${formatPounds(workAllowance)} leaves ${formatPounds(excess)}; ${percent(rate)} of that is ${formatPounds(earningsDeduction)}.`
        : `${ofWhom} of ${formatPounds(earnings)}, with no work allowance, are all tapered: ${percent(rate)} of ${formatPounds(excess)} is ${formatPounds(earningsDeduction)}.`,
      values,
    );
  }

  // 10. Unearned income, pound for pound.
  const unearned = toPence(household.otherIncomeMonthly);
  if (unearned > 0) {
    say('unearned-income', `Other unearned income of ${formatPounds(unearned)} is deducted pound for pound.`, { amount: toPounds(unearned) });
  }

  // 11. Capital: tariff income above the lower limit; no entitlement above the upper limit.
  const capital = toPence(household.capital);
  let capitalTariff = 0;
  let overCapitalLimit = false;
  if (capital > 0) {
    const lower = penceOf(UC.capitalLowerLimit);
    const upper = penceOf(UC.capitalUpperLimit);
    if (capital > upper) {
      overCapitalLimit = true;
    } else if (capital <= lower) {
      say('capital.below-lower-limit', `Capital of ${formatPounds(capital)} is not more than ${formatPounds(lower)}, so no income is assumed from it.`, {
        capital: toPounds(capital),
        lowerLimit: toPounds(lower),
      });
    } else {
      const step = penceOf(UC.capitalTariffStep);
      const perStep = penceOf(UC.capitalTariffAmount);
      const above = capital - lower;
      const steps = Math.ceil(above / step);
      capitalTariff = steps * perStep;
      say(
        'capital.tariff',
        `Capital of ${formatPounds(capital)} is ${formatPounds(above)} above ${formatPounds(lower)}: ${steps} ${steps === 1 ? 'step' : 'steps'} of ${formatPounds(step)} or part of one, at ${formatPounds(perStep)} each, is an assumed income of ${formatPounds(capitalTariff)}, deducted pound for pound.`,
        {
          capital: toPounds(capital),
          lowerLimit: toPounds(lower),
          above: toPounds(above),
          steps,
          step: toPounds(step),
          perStep: toPounds(perStep),
          tariff: toPounds(capitalTariff),
        },
      );
    }
  }

  // 12. The award, then the benefit cap on what is left.
  const meansDeductions = earningsDeduction + unearned + capitalTariff;
  let cap = 0;
  if (!overCapitalLimit && meansDeductions < maximumAmount) {
    cap = benefitCap(ctx, {
      adults,
      children: children.length,
      anyDisabledChild: disabledChild > 0,
      inLondon: housing?.inLondon === true,
      childBenefit: household.childBenefit !== false,
      earnings: actualEarnings,
      award: maximumAmount - meansDeductions,
      childcare,
    });
  }
  const totalDeductions = meansDeductions + cap;
  let award: number;
  if (overCapitalLimit) {
    award = 0;
    const upper = penceOf(UC.capitalUpperLimit);
    say(
      'capital.over-limit',
      `Capital of ${formatPounds(capital)} is over the upper limit of ${formatPounds(upper)}, so there is no entitlement to Universal Credit: the award is £0.00.`,
      { capital: toPounds(capital), upperLimit: toPounds(upper), award: 0 },
    );
  } else if (meansDeductions >= maximumAmount) {
    award = 0;
    say(
      'award.nil',
      `Deductions of ${formatPounds(totalDeductions)} are at least the maximum amount of ${formatPounds(maximumAmount)}, so the award is £0.00: it is never below nothing.`,
      { maximumAmount: toPounds(maximumAmount), deductions: toPounds(totalDeductions), award: 0 },
    );
  } else {
    award = maximumAmount - totalDeductions;
    say(
      'award',
      `The maximum amount of ${formatPounds(maximumAmount)} less deductions of ${formatPounds(totalDeductions)}${cap > 0 ? ` (including the benefit cap’s ${formatPounds(cap)})` : ''} leaves an award of ${formatPounds(award)} for the month.`,
      { maximumAmount: toPounds(maximumAmount), deductions: toPounds(totalDeductions), award: toPounds(award) },
    );
  }
  if (rounded) say('rounding', 'Money is worked in whole pence; a percentage is rounded to the nearest penny, with a half penny rounded up.');

  const elements: UcResult['elements'] = { standardAllowance: toPounds(standardAllowance) };
  if (lcwraAmounts.length > 0) elements.lcwra = toPounds(lcwra);
  if (lcw > 0) elements.lcw = toPounds(lcw);
  if (carer > 0) elements.carer = toPounds(carer);
  if (childTotal > 0) elements.child = toPounds(childTotal);
  if (disabledChild > 0) elements.disabledChild = toPounds(disabledChild);
  if (childcare > 0) elements.childcare = toPounds(childcare);
  if (housing) elements.housing = toPounds(housingElement);

  return {
    date,
    period: 'monthly',
    award: toPounds(award),
    maximumAmount: toPounds(maximumAmount),
    elements,
    deductions: {
      earnings: toPounds(earningsDeduction),
      unearnedIncome: toPounds(unearned),
      capitalTariff: toPounds(capitalTariff),
      ...(cap > 0 ? { benefitCap: toPounds(cap) } : {}),
      total: toPounds(totalDeductions),
    },
    workAllowance: toPounds(workAllowance),
    reasons,
    parameters: [...used.values()],
  };
}

/** Parses untrusted input into a household, or throws InvalidInput with every issue at its field's path. */
export function parseHousehold(input: unknown): Household {
  const parsed = householdSchema.safeParse(input);
  if (!parsed.success) throw new InvalidInput(householdIssues(parsed.error), 'The household is not valid: see the issues.');
  return parsed.data;
}

/**
 * Parses and calculates: the edge function the command line uses. Bad input is InvalidInput with
 * issues `{ path, message }`, never another error.
 *
 * @example calculateUniversalCredit(JSON.parse(stdin)).award
 */
export function calculateUniversalCredit(input: unknown): UcResult {
  return universalCredit(parseHousehold(input));
}
