import { OTHER, UC } from './benefit-parameters.ts';
import { takeHomePay } from './take-home-pay-rules.ts';
import type { Adult, Child } from './universal-credit.ts';
import { formatPounds, toPence, toPounds, type UcContext } from './universal-credit-money.ts';

/*
 * The minimum income floor (Universal Credit Regulations 2013 reg 62), pure. For an adult in gainful
 * self-employment after the start-up period, who would otherwise have all work-related requirements:
 *
 *   individual threshold = expected hours (35) × the minimum wage for their age × 52 ÷ 12 (reg 90(2)),
 *                          less notional income tax and National Insurance (reg 62(4))
 *   single: earnings below the threshold are treated as the threshold (reg 62(2))
 *   couple: if the couple's combined earnings are also below the couple threshold (the sum of both
 *           thresholds), earnings are treated as the threshold less whatever the partner's earnings
 *           exceed the partner's own threshold by (reg 62(3))
 *
 * Exceptions from the floor modelled: not gainful; in the start-up period (the assessment period
 * begins on or before `startUpEnds`); LCW or LCWRA; the carer test; a single claimant responsible for
 * a child under 3. The Secretary of State's notional tax and NI is not published: it is worked out
 * here as an employee's income tax and Class 1 NI on the gross threshold [S]. A partner's threshold is
 * 16 hours with LCW and nothing with LCWRA or the carer test [S]. Lower agreed hours (a lead carer of
 * a child under 13, pregnancy, full-time education) are not known to the input and not checked: the
 * reasons say so.
 */

const ageOn = (birthDate: string, day: string): number => {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
};

/** Net individual threshold in pence for `hours` a week at the minimum wage for `age`, with its sentence. */
function threshold(ctx: UcContext, age: number, hours: number): { net: number; gross: number; text: string; values: Record<string, number> } {
  const [rateParam, band] =
    age >= 21
      ? [OTHER.nationalLivingWage, 'the National Living Wage, 21 or over']
      : age >= 18
        ? [OTHER.nationalMinimumWage18To20, 'the minimum wage at 18 to 20']
        : [OTHER.nationalMinimumWage16To17, 'the minimum wage at 16 or 17'];
  const rate = ctx.penceOf(rateParam);
  const gross = Math.round((hours * rate * 52) / 12); // to the nearest penny
  const pay = takeHomePay({ date: ctx.date, grossMonthly: toPounds(gross) });
  for (const p of pay.parameters) ctx.use(p);
  const net = toPence(pay.netMonthly);
  const tax = toPence(pay.incomeTax);
  const ni = toPence(pay.nationalInsurance);
  return {
    net,
    gross,
    text: `${hours} hours × ${formatPounds(rate)} (${band}) × 52 ÷ 12 = ${formatPounds(gross)}, less notional income tax of ${formatPounds(tax)} and National Insurance of ${formatPounds(ni)} = ${formatPounds(net)}`,
    values: { hours, hourlyRate: toPounds(rate), gross: toPounds(gross), incomeTax: toPounds(tax), nationalInsurance: toPounds(ni), floor: toPounds(net) },
  };
}

/** Whether an adult is outside the all-work-related-requirements group for a reason the input shows, and why. */
function exemptBecause(a: Adult, single: boolean, youngestAge: number | null): string | null {
  if (a.lcwra) return 'has LCWRA (no work-related requirements)';
  if (a.lcw) return 'has LCW (work preparation only)';
  if (a.carer === true) return 'cares at least 35 hours a week for a severely disabled person (no work-related requirements)';
  if (single && youngestAge !== null && youngestAge < 3) return `is responsible for a child aged ${youngestAge}, under 3`;
  return null;
}

/**
 * Each adult's earnings in whole pence as the taper counts them: actual earnings, or the minimum
 * income floor where it applies. Says a reason for every self-employed adult.
 */
export function earningsWithFloor(ctx: UcContext, adults: readonly Adult[], children: readonly Child[]): number[] {
  const actual = adults.map((a) => toPence(a.netEarningsMonthly));
  const single = adults.length === 1;
  const youngestAge = children.length === 0 ? null : Math.min(...children.map((c) => ageOn(c.birthDate, ctx.date)));
  return adults.map((a, i) => {
    const self = a.selfEmployed;
    const mine = actual[i] ?? 0;
    if (!self) return mine;
    const who = ctx.who(i);
    if (!self.gainful) {
      ctx.say(
        'mif.not-gainful',
        `${who} is self-employed but not in gainful self-employment, so no minimum income floor applies: actual earnings of ${formatPounds(mine)} count.`,
        {
          adult: i + 1,
          earnings: toPounds(mine),
        },
      );
      return mine;
    }
    if (self.startUpEnds !== null && ctx.date <= self.startUpEnds) {
      ctx.say(
        'mif.start-up',
        `${who} is in the start-up period of gainful self-employment until ${self.startUpEnds}, so no minimum income floor applies: actual earnings of ${formatPounds(mine)} count.`,
        { adult: i + 1, startUpEnds: self.startUpEnds, earnings: toPounds(mine) },
      );
      return mine;
    }
    const why = exemptBecause(a, single, youngestAge);
    if (why) {
      ctx.say('mif.exempt', `${who} ${why}, so no minimum income floor applies: actual earnings of ${formatPounds(mine)} count.`, {
        adult: i + 1,
        earnings: toPounds(mine),
      });
      return mine;
    }
    if (!single && youngestAge !== null && youngestAge < 3) {
      ctx.say(
        'mif.lead-carer-unknown',
        `The couple is responsible for a child aged ${youngestAge}, under 3. The partner nominated as the child’s responsible carer has no minimum income floor; the input does not say who that is, so the floor is not applied to ${who.toLowerCase()} and actual earnings of ${formatPounds(mine)} count. If ${who.toLowerCase()} is not the responsible carer, the award here is too high.`,
        { adult: i + 1, earnings: toPounds(mine) },
      );
      return mine;
    }
    const hours = ctx.param(UC.expectedHours);
    const own = threshold(ctx, a.age, hours);
    const notChecked =
      'Lower agreed hours (such as for a lead carer of a child under 13) and exceptions the input does not show (such as pregnancy) are not checked.';
    if (mine >= own.net) {
      ctx.say(
        'mif.above-floor',
        `${who} is in gainful self-employment after the start-up period. The minimum income floor is ${own.text}; actual earnings of ${formatPounds(mine)} are not below it, so they count as they are.`,
        { adult: i + 1, earnings: toPounds(mine), ...own.values },
      );
      return mine;
    }
    let floor = own.net;
    let coupleText = '';
    if (!single) {
      const p = 1 - i;
      const partner = adults[p] as Adult;
      const theirs = actual[p] ?? 0;
      const partnerHours = partner.lcwra || partner.carer === true ? 0 : partner.lcw ? 16 : hours;
      const partnerThreshold = partnerHours === 0 ? 0 : threshold(ctx, partner.age, partnerHours).net;
      const over = Math.max(0, theirs - partnerThreshold);
      floor = Math.max(0, own.net - over);
      coupleText = ` The partner’s earnings of ${formatPounds(theirs)} are ${formatPounds(over)} over the partner’s own threshold of ${formatPounds(partnerThreshold)} (${partnerHours} hours), so the floor is ${formatPounds(own.net)} − ${formatPounds(over)} = ${formatPounds(floor)}.`;
      if (mine >= floor) {
        ctx.say(
          'mif.above-floor',
          `${who} is in gainful self-employment after the start-up period. The individual threshold is ${own.text}.${coupleText} Actual earnings of ${formatPounds(mine)} are not below it, so they count as they are.`,
          { adult: i + 1, earnings: toPounds(mine), ...own.values, floor: toPounds(floor) },
        );
        return mine;
      }
    }
    ctx.say(
      'mif.applied',
      `${who} is in gainful self-employment after the start-up period, with earnings of ${formatPounds(mine)}. The minimum income floor is ${own.text}.${coupleText} Earnings are treated as ${formatPounds(floor)}. ${notChecked}`,
      { adult: i + 1, earnings: toPounds(mine), ...own.values, floor: toPounds(floor) },
    );
    return floor;
  });
}
