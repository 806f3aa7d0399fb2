import ctrWalesCapitalUpperLimitFile from '../../../policy/ctr-wales-capital-upper-limit.json' with { type: 'json' };
import ctrWalesChildAmountFile from '../../../policy/ctr-wales-child-amount.json' with { type: 'json' };
import ctrWalesEarningsDisregardCoupleFile from '../../../policy/ctr-wales-earnings-disregard-couple.json' with { type: 'json' };
import ctrWalesEarningsDisregardLoneParentFile from '../../../policy/ctr-wales-earnings-disregard-lone-parent.json' with { type: 'json' };
import ctrWalesEarningsDisregardSingleFile from '../../../policy/ctr-wales-earnings-disregard-single.json' with { type: 'json' };
import ctrWalesFamilyPremiumFile from '../../../policy/ctr-wales-family-premium.json' with { type: 'json' };
import ctrWalesPersonalAllowanceCoupleFile from '../../../policy/ctr-wales-personal-allowance-couple.json' with { type: 'json' };
import ctrWalesPersonalAllowanceLoneParentFile from '../../../policy/ctr-wales-personal-allowance-lone-parent.json' with { type: 'json' };
import ctrWalesPersonalAllowanceSingle25PlusFile from '../../../policy/ctr-wales-personal-allowance-single-25-plus.json' with { type: 'json' };
import ctrWalesPersonalAllowanceSingleUnder25File from '../../../policy/ctr-wales-personal-allowance-single-under-25.json' with { type: 'json' };
import ctrWalesTaperRateFile from '../../../policy/ctr-wales-taper-rate.json' with { type: 'json' };
import { parsePolicyParameter } from '../../platform/policy/index.ts';
import { at } from './benefit-parameters.ts';
import type { Household, ParameterUsed, UcResult } from './universal-credit.ts';
import { formatPounds } from './universal-credit-rules.ts';

/*
 * Council Tax Support (Council Tax Reduction) for a working-age household in one month, beside the
 * Universal Credit figure worked out for the same month. Pure: no clock, no I/O; whole pence.
 *
 * Wales, one national scheme (Council Tax Reduction Schemes and Prescribed Requirements (Wales)
 * Regulations 2013, SI 2013/3029):
 *   with an award of UC:  applicable amount = UC maximum amount              (Sch 6 para 3)
 *                         income            = UC award + earnings + unearned income + capital tariff,
 *                                             as DWP assessed them for the award [S]
 *   without UC:           applicable amount = personal allowance + child amounts + family premium (Sch 7)
 *                         income            = earnings − disregard (£5 / £10 / £25 a week) + unearned income
 *   reduction = liability − 20% × (income − applicable amount), not below 0; the full liability when
 *   income is at or below the applicable amount (reg 25: 2 6/7% a day is 20% a week).
 * The regulations work in weeks (UC amounts × 12/52); every step is linear, so working in months
 * gives the same figure, and whole pence at each step.
 *
 * England, a council's banded scheme for UC claimants, as its tenant admin set it: the household's
 * income a month without UC (take-home pay and other income) falls in a band, and the band's
 * discount is a percentage of the bill. Without a UC award the scheme's bands do not apply.
 */

export const CTR_WALES = {
  taperRate: parsePolicyParameter(ctrWalesTaperRateFile),
  personalAllowanceSingleUnder25: parsePolicyParameter(ctrWalesPersonalAllowanceSingleUnder25File),
  personalAllowanceSingle25Plus: parsePolicyParameter(ctrWalesPersonalAllowanceSingle25PlusFile),
  personalAllowanceLoneParent: parsePolicyParameter(ctrWalesPersonalAllowanceLoneParentFile),
  personalAllowanceCouple: parsePolicyParameter(ctrWalesPersonalAllowanceCoupleFile),
  childAmount: parsePolicyParameter(ctrWalesChildAmountFile),
  familyPremium: parsePolicyParameter(ctrWalesFamilyPremiumFile),
  earningsDisregardSingle: parsePolicyParameter(ctrWalesEarningsDisregardSingleFile),
  earningsDisregardCouple: parsePolicyParameter(ctrWalesEarningsDisregardCoupleFile),
  earningsDisregardLoneParent: parsePolicyParameter(ctrWalesEarningsDisregardLoneParentFile),
  capitalUpperLimit: parsePolicyParameter(ctrWalesCapitalUpperLimitFile),
} as const;

/** One income band of an English scheme: income a month up to `upTo` pounds (inclusive) gets `discount` per cent of the bill. */
export type CouncilTaxBand = { upTo: number; discount: number };

/** Which scheme applies: Wales's national one, a council's banded scheme, or none known. */
export type CouncilTaxScheme = { kind: 'wales' } | { kind: 'banded'; name: string; url: string; bands: CouncilTaxBand[] } | { kind: 'none' };

export const COUNCIL_TAX_SUPPORT_REASON_CODES = [
  'no-scheme',
  'no-liability',
  'liability',
  'wales.uc.applicable-amount',
  'wales.uc.income',
  'wales.applicable-amount',
  'wales.income',
  'wales.capital-tariff-not-modelled',
  'wales.capital-over-limit',
  'wales.full',
  'wales.taper',
  'banded.no-uc',
  'banded.income',
  'banded.band',
  'banded.above-bands',
  'award',
] as const;
export type CouncilTaxSupportReasonCode = (typeof COUNCIL_TAX_SUPPORT_REASON_CODES)[number];
export type CouncilTaxSupportReason = { code: CouncilTaxSupportReasonCode; text: string; values: Record<string, number | string> };

export type CouncilTaxSupport = {
  /** `calculated`, or why the figure leaves Council Tax Support out. */
  status: 'calculated' | 'no-scheme' | 'no-liability';
  /** Pounds a month; 0 when not calculated. */
  monthly: number;
  /** The bill a month (yearly bill ÷ 12), or null when none was given. */
  liabilityMonthly: number | null;
  reasons: CouncilTaxSupportReason[];
  parameters: ParameterUsed[];
};

export type CouncilTaxSupportInput = {
  date: string;
  scheme: CouncilTaxScheme;
  /** The household's yearly council tax bill in pounds, or null when not given. */
  annualCouncilTax: number | null;
  /** The household as assessed for UC in the same month: adults' take-home pay, children, capital, other income. */
  household: Household;
  /** Universal Credit for the same month. */
  uc: UcResult;
};

const toPence = (pounds: number): number => Math.round(pounds * 100);
const toPounds = (pence: number): number => pence / 100;
const basisPoints = (proportion: number): number => Math.round(proportion * 10_000);
/** Weekly pence to monthly pence (× 52 / 12), to the nearest penny: 13 × w / 3 is never a half. */
const weeklyToMonthly = (pence: number): number => Math.round((pence * 52) / 12);

/**
 * Council Tax Support a month for the household, with its reasons and the parameters used.
 *
 * @example councilTaxSupport({ date: '2026-11-23', scheme: { kind: 'wales' }, annualCouncilTax: 1800, household, uc }).monthly
 */
export function councilTaxSupport(input: CouncilTaxSupportInput): CouncilTaxSupport {
  const { scheme, annualCouncilTax } = input;
  if (scheme.kind === 'none') {
    return {
      status: 'no-scheme',
      monthly: 0,
      liabilityMonthly: annualCouncilTax === null ? null : toPounds(Math.round(toPence(annualCouncilTax) / 12)),
      reasons: [
        { code: 'no-scheme', text: 'No Council Tax Support scheme is set for this council, so the figures leave Council Tax Support out.', values: {} },
      ],
      parameters: [],
    };
  }
  if (annualCouncilTax === null || annualCouncilTax <= 0) {
    return {
      status: 'no-liability',
      monthly: 0,
      liabilityMonthly: null,
      reasons: [{ code: 'no-liability', text: 'No yearly council tax bill was given, so the figures leave Council Tax Support out.', values: {} }],
      parameters: [],
    };
  }
  const liability = Math.round(toPence(annualCouncilTax) / 12);
  const reasons: CouncilTaxSupportReason[] = [
    {
      code: 'liability',
      text: `The council tax bill is ${formatPounds(toPence(annualCouncilTax))} a year, ${formatPounds(liability)} a month.`,
      values: { annual: annualCouncilTax, amount: toPounds(liability) },
    },
  ];
  const result = scheme.kind === 'wales' ? wales(input, liability, reasons) : banded(input, scheme, liability, reasons);
  reasons.push({
    code: 'award',
    text: `Council Tax Support: ${formatPounds(result.pence)} a month.`,
    values: { amount: toPounds(result.pence) },
  });
  return { status: 'calculated', monthly: toPounds(result.pence), liabilityMonthly: toPounds(liability), reasons, parameters: result.parameters };
}

function wales(input: CouncilTaxSupportInput, liability: number, reasons: CouncilTaxSupportReason[]): { pence: number; parameters: ParameterUsed[] } {
  const { date, household: h, uc } = input;
  const used: ParameterUsed[] = [];
  const use = (p: Parameters<typeof at>[0]) => {
    const v = { ...at(p, date) };
    used.push(v);
    return v;
  };
  const earnings = h.adults.reduce((sum, a) => sum + toPence(a.netEarningsMonthly), 0);
  const unearned = toPence(h.otherIncomeMonthly);
  let applicable: number;
  let income: number;
  if (toPence(uc.award) > 0) {
    applicable = toPence(uc.maximumAmount);
    const tariff = toPence(uc.deductions.capitalTariff);
    income = toPence(uc.award) + earnings + unearned + tariff;
    reasons.push(
      {
        code: 'wales.uc.applicable-amount',
        text: `With an award of Universal Credit, the applicable amount is the UC maximum amount: ${formatPounds(applicable)} a month.`,
        values: { amount: toPounds(applicable) },
      },
      {
        code: 'wales.uc.income',
        text: `Income is the UC award ${formatPounds(toPence(uc.award))} + take-home pay ${formatPounds(earnings)} + other income ${formatPounds(unearned)} + income assumed from savings ${formatPounds(tariff)} = ${formatPounds(income)} a month.`,
        values: { award: uc.award, earnings: toPounds(earnings), other: toPounds(unearned), tariff: toPounds(tariff), income: toPounds(income) },
      },
    );
  } else {
    const limit = use(CTR_WALES.capitalUpperLimit);
    if (toPence(h.capital) > toPence(limit.value)) {
      reasons.push({
        code: 'wales.capital-over-limit',
        text: `Savings of ${formatPounds(toPence(h.capital))} are over the ${formatPounds(toPence(limit.value))} limit: no Council Tax Reduction.`,
        values: { capital: h.capital, limit: limit.value },
      });
      return { pence: 0, parameters: used };
    }
    const couple = h.adults.length > 1;
    const children = h.children.length;
    const person = h.adults[0];
    const allowance = use(
      couple
        ? CTR_WALES.personalAllowanceCouple
        : children > 0
          ? CTR_WALES.personalAllowanceLoneParent
          : (person?.age ?? 25) >= 25
            ? CTR_WALES.personalAllowanceSingle25Plus
            : CTR_WALES.personalAllowanceSingleUnder25,
    );
    const childAmount = children > 0 ? use(CTR_WALES.childAmount) : null;
    const familyPremium = children > 0 ? use(CTR_WALES.familyPremium) : null;
    const weekly = toPence(allowance.value) + (childAmount ? children * toPence(childAmount.value) : 0) + (familyPremium ? toPence(familyPremium.value) : 0);
    applicable = weeklyToMonthly(weekly);
    const disregard = use(
      couple ? CTR_WALES.earningsDisregardCouple : children > 0 ? CTR_WALES.earningsDisregardLoneParent : CTR_WALES.earningsDisregardSingle,
    );
    const disregardMonthly = weeklyToMonthly(toPence(disregard.value));
    const counted = Math.max(0, earnings - disregardMonthly);
    income = counted + unearned;
    reasons.push(
      {
        code: 'wales.applicable-amount',
        text: `Without Universal Credit, the applicable amount is the personal allowance ${formatPounds(toPence(allowance.value))}${childAmount ? ` + ${children} × ${formatPounds(toPence(childAmount.value))} for children` : ''}${familyPremium ? ` + family premium ${formatPounds(toPence(familyPremium.value))}` : ''} = ${formatPounds(weekly)} a week, ${formatPounds(applicable)} a month (× 52 ÷ 12).`,
        values: {
          allowance: allowance.value,
          children,
          childAmount: childAmount?.value ?? 0,
          familyPremium: familyPremium?.value ?? 0,
          weekly: toPounds(weekly),
          amount: toPounds(applicable),
        },
      },
      {
        code: 'wales.income',
        text: `Income is take-home pay ${formatPounds(earnings)} less the ${formatPounds(toPence(disregard.value))} a week earnings disregard (${formatPounds(disregardMonthly)} a month) + other income ${formatPounds(unearned)} = ${formatPounds(income)} a month.`,
        values: {
          earnings: toPounds(earnings),
          disregard: disregard.value,
          disregardMonthly: toPounds(disregardMonthly),
          other: toPounds(unearned),
          income: toPounds(income),
        },
      },
    );
    if (toPence(h.capital) > 600_000) {
      reasons.push({
        code: 'wales.capital-tariff-not-modelled',
        text: 'Income assumed from savings over £6,000 for someone without Universal Credit is not counted here, so this figure may be too high.',
        values: { capital: h.capital },
      });
    }
  }
  const taper = use(CTR_WALES.taperRate);
  if (income <= applicable) {
    reasons.push({
      code: 'wales.full',
      text: `Income ${formatPounds(income)} is not above the applicable amount ${formatPounds(applicable)}: the whole bill, ${formatPounds(liability)} a month.`,
      values: { income: toPounds(income), applicable: toPounds(applicable), amount: toPounds(liability) },
    });
    return { pence: liability, parameters: used };
  }
  const excess = income - applicable;
  const reduction = Math.round((excess * basisPoints(taper.value)) / 10_000);
  const pence = Math.max(0, liability - reduction);
  reasons.push({
    code: 'wales.taper',
    text: `Income is ${formatPounds(excess)} above the applicable amount; ${taper.value * 100}% of it, ${formatPounds(reduction)}, is taken off the bill of ${formatPounds(liability)}: ${formatPounds(pence)} a month.`,
    values: { excess: toPounds(excess), rate: taper.value, deduction: toPounds(reduction), liability: toPounds(liability), amount: toPounds(pence) },
  });
  return { pence, parameters: used };
}

function banded(
  input: CouncilTaxSupportInput,
  scheme: Extract<CouncilTaxScheme, { kind: 'banded' }>,
  liability: number,
  reasons: CouncilTaxSupportReason[],
): { pence: number; parameters: ParameterUsed[] } {
  const { household: h, uc } = input;
  if (toPence(uc.award) <= 0) {
    reasons.push({
      code: 'banded.no-uc',
      text: `${scheme.name} sets its bands for Universal Credit claimants; with no UC award they do not apply, and the council's rules for other people are not modelled: no Council Tax Support is counted.`,
      values: { scheme: scheme.name },
    });
    return { pence: 0, parameters: [] };
  }
  const income = h.adults.reduce((sum, a) => sum + toPence(a.netEarningsMonthly), 0) + toPence(h.otherIncomeMonthly);
  reasons.push({
    code: 'banded.income',
    text: `${scheme.name} compares the household's income a month without Universal Credit, ${formatPounds(income)} (take-home pay and other income), with its bands.`,
    values: { scheme: scheme.name, income: toPounds(income) },
  });
  const sorted = [...scheme.bands].sort((a, b) => a.upTo - b.upTo);
  const index = sorted.findIndex((b) => income <= toPence(b.upTo));
  const band = sorted[index];
  if (!band) {
    const top = sorted.at(-1);
    reasons.push({
      code: 'banded.above-bands',
      text: `${formatPounds(income)} is above the highest band (up to ${formatPounds(toPence(top?.upTo ?? 0))}): no discount.`,
      values: { income: toPounds(income), upTo: top?.upTo ?? 0 },
    });
    return { pence: 0, parameters: [] };
  }
  // Whole per cent in basis points (a discount may have up to two decimals: 8.5%).
  const pence = Math.round((liability * Math.round(band.discount * 100)) / 10_000);
  const from = index === 0 ? 0 : toPence((sorted[index - 1] as CouncilTaxBand).upTo) + 1;
  reasons.push({
    code: 'banded.band',
    text: `${formatPounds(income)} is in band ${index + 1} (${formatPounds(from)} to ${formatPounds(toPence(band.upTo))}): ${band.discount}% of ${formatPounds(liability)} = ${formatPounds(pence)} a month.`,
    values: {
      income: toPounds(income),
      band: index + 1,
      from: toPounds(from),
      upTo: band.upTo,
      discount: band.discount,
      liability: toPounds(liability),
      amount: toPounds(pence),
    },
  });
  return { pence, parameters: [] };
}

/** The tenant's nation from its GSS code: W is Wales. */
export const isWelshGssCode = (gssCode: string): boolean => gssCode.startsWith('W');

/** The scheme for a tenant: Wales's national scheme for a Welsh tenant, else the banded scheme its admin set, else none. */
export function schemeFor(gssCode: string, banded: Extract<CouncilTaxScheme, { kind: 'banded' }> | null): CouncilTaxScheme {
  if (isWelshGssCode(gssCode)) return { kind: 'wales' };
  return banded ?? { kind: 'none' };
}
