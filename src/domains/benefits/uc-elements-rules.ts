import { LCW_ELEMENT_CLAIMS_BEFORE, UC } from './benefit-parameters.ts';
import type { Adult, Child, Household } from './universal-credit.ts';
import { formatPounds, longDate, toPence, toPounds, type UcContext } from './universal-credit-money.ts';

/*
 * The Universal Credit elements that depend on one adult, one child or the home, pure; each returns
 * whole pence and says its reasons:
 *
 *   LCW element    only where the award included LCW before 3 April 2017 (lcwSince), once for the
 *                  household, not alongside an LCWRA element, and not for a carer: the carer element
 *                  is the higher and is paid instead [S]
 *   carer element  for each adult caring 35 hours a week for a severely disabled person, except the
 *                  adult the household's LCWRA element is included for (UC Regs reg 29(4))
 *   disabled child lower or higher addition for every disabled child, whatever the two-child limit
 *                  (reg 24(2))
 *   housing costs  the eligible rent less a housing cost contribution for each non-dependant
 *                  (Sch 4 paras 13-14), never below £0
 */

/** The LCW element in pence (0 where not paid), with its reason for each adult who has LCW. */
export function lcwElement(ctx: UcContext, adults: readonly Adult[], hasLcwra: boolean): number {
  let paid = 0;
  adults.forEach((a, i) => {
    if (!a.lcw) return;
    const amount = ctx.penceOf(UC.lcw);
    const since = a.lcwSince ?? null;
    const values = { adult: i + 1, lcwElement: toPounds(amount), ...(since ? { lcwSince: since } : {}) };
    if (since === null || since >= LCW_ELEMENT_CLAIMS_BEFORE) {
      ctx.say(
        'lcw.element-not-paid',
        `${ctx.who(i)} has limited capability for work ${since === null ? '(no lcwSince given)' : `since ${since}`}. The LCW element (${formatPounds(amount)}) is paid only where the award included LCW before ${longDate(LCW_ELEMENT_CLAIMS_BEFORE)}, so it is not included; LCW still gives the household a work allowance.`,
        values,
      );
    } else if (hasLcwra) {
      ctx.say(
        'lcw.lcwra-instead',
        `${ctx.who(i)} has had limited capability for work since ${since}, but the household already gets the LCWRA element, so the LCW element (${formatPounds(amount)}) is not included as well.`,
        values,
      );
    } else if (a.carer === true) {
      ctx.say(
        'lcw.carer-instead',
        `${ctx.who(i)} has had limited capability for work since ${since} and also meets the carer test: only one of the LCW element (${formatPounds(amount)}) and the carer element is included for the same person, the higher, so the carer element is included instead.`,
        values,
      );
    } else if (paid > 0) {
      ctx.say(
        'lcw.couple-once',
        `${ctx.who(i)} has had limited capability for work since ${since}, but a household gets one LCW element, already included.`,
        values,
      );
    } else {
      paid = amount;
      ctx.say(
        'lcw.element',
        `${ctx.who(i)} has had limited capability for work since ${since}, before ${longDate(LCW_ELEMENT_CLAIMS_BEFORE)}, so the LCW element of ${formatPounds(amount)} is included.`,
        { ...values, amount: toPounds(amount) },
      );
    }
  });
  return paid;
}

/** The carer elements in pence: one for each carer, except the adult the household's LCWRA element is for. */
export function carerElements(ctx: UcContext, adults: readonly Adult[], lcwraAdult: number): number {
  let total = 0;
  const carers = adults.filter((a) => a.carer === true).length;
  adults.forEach((a, i) => {
    if (a.carer !== true) return;
    const amount = ctx.penceOf(UC.carer);
    if (i === lcwraAdult) {
      ctx.say(
        'carer.lcwra-instead',
        `${ctx.who(i)} cares for a severely disabled person, but the household’s LCWRA element is included for ${ctx.who(i).toLowerCase()}, and only the LCWRA element may be included for the same person, so the carer element (${formatPounds(amount)}) is not.`,
        { adult: i + 1, carerElement: toPounds(amount) },
      );
      return;
    }
    total += amount;
    ctx.say(
      'carer.element',
      `${ctx.who(i)} cares at least 35 hours a week for a severely disabled person, so the carer element of ${formatPounds(amount)} is included.${carers > 1 ? ' Both partners get one only if they care for different people: this calculation assumes they do.' : ''}`,
      { adult: i + 1, amount: toPounds(amount) },
    );
  });
  return total;
}

/** The disabled child additions in pence, for children eldest first (numbered 1, 2, … in that order). */
export function disabledChildAdditions(ctx: UcContext, children: readonly Child[]): number {
  let total = 0;
  children.forEach((c, i) => {
    const disability = c.disability ?? 'none';
    if (disability === 'none') return;
    const amount = ctx.penceOf(disability === 'higher' ? UC.disabledChildHigher : UC.disabledChildLower);
    total += amount;
    const rate = disability === 'higher' ? 'higher' : 'lower';
    ctx.say(
      disability === 'higher' ? 'disabled-child.higher' : 'disabled-child.lower',
      `Child ${i + 1} (born ${c.birthDate}) is disabled, so the ${rate} rate disabled child addition of ${formatPounds(amount)} is included, whatever the two-child limit.`,
      { child: i + 1, birthDate: c.birthDate, amount: toPounds(amount) },
    );
  });
  return total;
}

/** The housing costs element in pence: the eligible rent less housing cost contributions, never below £0. */
export function housingCostsElement(ctx: UcContext, housing: NonNullable<Household['housing']>): number {
  const rent = toPence(housing.eligibleRentMonthly);
  ctx.say(
    'housing.included',
    `The eligible rent is ${formatPounds(rent)}. The rules that decide eligible rent (such as the Local Housing Allowance, the size criteria and service charges) are not worked out here.`,
    { amount: toPounds(rent) },
  );
  const count = housing.nonDependants ?? 0;
  if (count === 0) return rent;
  const each = ctx.penceOf(UC.housingCostContribution);
  const contributions = count * each;
  const element = Math.max(0, rent - contributions);
  ctx.say(
    'housing.non-dependants',
    `${count} ${count === 1 ? 'non-dependant' : 'non-dependants'} × a housing cost contribution of ${formatPounds(each)} = ${formatPounds(contributions)} comes off the eligible rent of ${formatPounds(rent)}, leaving a housing costs element of ${formatPounds(element)}. No contribution is due if the claimant or partner is blind or gets Attendance Allowance, the PIP daily living component or the DLA middle or highest rate care component, nor for a non-dependant under 21 or getting Pension Credit, Carer’s Allowance or one of those disability benefits: this calculation does not check these, so count only the non-dependants a contribution is due for.`,
    { count, contribution: toPounds(each), contributions: toPounds(contributions), rent: toPounds(rent), amount: toPounds(element) },
  );
  return element;
}
