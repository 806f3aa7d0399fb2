/*
 * The policy parameters the benefit calculations use, loaded once from `policy/*.json` and looked up
 * by date. Every figure a calculation uses comes from here, with its source, so a result can list
 * exactly which published rates it rests on.
 */
import accessToWorkAnnualCapFile from '../../../policy/access-to-work-annual-cap.json' with { type: 'json' };
import childBenefitEldestFile from '../../../policy/child-benefit-eldest.json' with { type: 'json' };
import childBenefitOtherFile from '../../../policy/child-benefit-other.json' with { type: 'json' };
import esaPermittedWorkHigherLimitFile from '../../../policy/esa-permitted-work-higher-limit.json' with { type: 'json' };
import esaPermittedWorkLowerLimitFile from '../../../policy/esa-permitted-work-lower-limit.json' with { type: 'json' };
import incomeTaxAdditionalRateFile from '../../../policy/income-tax-additional-rate.json' with { type: 'json' };
import incomeTaxAdditionalRateThresholdFile from '../../../policy/income-tax-additional-rate-threshold.json' with { type: 'json' };
import incomeTaxBasicRateFile from '../../../policy/income-tax-basic-rate.json' with { type: 'json' };
import incomeTaxBasicRateBandFile from '../../../policy/income-tax-basic-rate-band.json' with { type: 'json' };
import incomeTaxHigherRateFile from '../../../policy/income-tax-higher-rate.json' with { type: 'json' };
import incomeTaxPersonalAllowanceFile from '../../../policy/income-tax-personal-allowance.json' with { type: 'json' };
import incomeTaxPersonalAllowanceTaperThresholdFile from '../../../policy/income-tax-personal-allowance-taper-threshold.json' with { type: 'json' };
import nationalInsuranceMainRateFile from '../../../policy/national-insurance-main-rate.json' with { type: 'json' };
import nationalInsurancePrimaryThresholdFile from '../../../policy/national-insurance-primary-threshold.json' with { type: 'json' };
import nationalInsuranceUpperEarningsLimitFile from '../../../policy/national-insurance-upper-earnings-limit.json' with { type: 'json' };
import nationalInsuranceUpperRateFile from '../../../policy/national-insurance-upper-rate.json' with { type: 'json' };
import nationalLivingWageFile from '../../../policy/national-living-wage.json' with { type: 'json' };
import nationalMinimumWage16To17File from '../../../policy/national-minimum-wage-16-17.json' with { type: 'json' };
import nationalMinimumWage18To20File from '../../../policy/national-minimum-wage-18-20.json' with { type: 'json' };
import ucBenefitCapEarningsHoursFile from '../../../policy/uc-benefit-cap-earnings-hours.json' with { type: 'json' };
import ucBenefitCapLondonCoupleOrChildrenFile from '../../../policy/uc-benefit-cap-london-couple-or-children.json' with { type: 'json' };
import ucBenefitCapLondonSingleFile from '../../../policy/uc-benefit-cap-london-single.json' with { type: 'json' };
import ucBenefitCapOutsideLondonCoupleOrChildrenFile from '../../../policy/uc-benefit-cap-outside-london-couple-or-children.json' with { type: 'json' };
import ucBenefitCapOutsideLondonSingleFile from '../../../policy/uc-benefit-cap-outside-london-single.json' with { type: 'json' };
import ucCapitalLowerLimitFile from '../../../policy/uc-capital-lower-limit.json' with { type: 'json' };
import ucCapitalTariffAmountFile from '../../../policy/uc-capital-tariff-amount.json' with { type: 'json' };
import ucCapitalTariffStepFile from '../../../policy/uc-capital-tariff-step.json' with { type: 'json' };
import ucCapitalUpperLimitFile from '../../../policy/uc-capital-upper-limit.json' with { type: 'json' };
import ucCarerElementFile from '../../../policy/uc-carer-element.json' with { type: 'json' };
import ucChildElementFile from '../../../policy/uc-child-element.json' with { type: 'json' };
import ucChildElementFirstChildHigherFile from '../../../policy/uc-child-element-first-child-higher.json' with { type: 'json' };
import ucChildElementLimitFile from '../../../policy/uc-child-element-limit.json' with { type: 'json' };
import ucChildcareCapOneChildFile from '../../../policy/uc-childcare-cap-one-child.json' with { type: 'json' };
import ucChildcareCapTwoOrMoreFile from '../../../policy/uc-childcare-cap-two-or-more.json' with { type: 'json' };
import ucChildcareRateFile from '../../../policy/uc-childcare-rate.json' with { type: 'json' };
import ucDisabledChildAdditionHigherFile from '../../../policy/uc-disabled-child-addition-higher.json' with { type: 'json' };
import ucDisabledChildAdditionLowerFile from '../../../policy/uc-disabled-child-addition-lower.json' with { type: 'json' };
import ucExpectedHoursFile from '../../../policy/uc-expected-hours.json' with { type: 'json' };
import ucHousingCostContributionFile from '../../../policy/uc-housing-cost-contribution.json' with { type: 'json' };
import ucLcwElementFile from '../../../policy/uc-lcw-element.json' with { type: 'json' };
import ucLcwElementCutOffFile from '../../../policy/uc-lcw-element-cut-off.json' with { type: 'json' };
import ucLcwraElementFile from '../../../policy/uc-lcwra-element.json' with { type: 'json' };
import ucLcwraElementNewClaimantFile from '../../../policy/uc-lcwra-element-new-claimant.json' with { type: 'json' };
import ucRatesStartDatesFile from '../../../policy/uc-rates-start-dates.json' with { type: 'json' };
import ucStandardAllowanceJoint25PlusFile from '../../../policy/uc-standard-allowance-joint-25-plus.json' with { type: 'json' };
import ucStandardAllowanceJointBothUnder25File from '../../../policy/uc-standard-allowance-joint-both-under-25.json' with { type: 'json' };
import ucStandardAllowanceSingle25PlusFile from '../../../policy/uc-standard-allowance-single-25-plus.json' with { type: 'json' };
import ucStandardAllowanceSingleUnder25File from '../../../policy/uc-standard-allowance-single-under-25.json' with { type: 'json' };
import ucTaperRateFile from '../../../policy/uc-taper-rate.json' with { type: 'json' };
import ucWorkAllowanceWithHousingFile from '../../../policy/uc-work-allowance-with-housing.json' with { type: 'json' };
import ucWorkAllowanceWithoutHousingFile from '../../../policy/uc-work-allowance-without-housing.json' with { type: 'json' };
import { type PolicyParameter, type PolicyValue, parsePolicyParameter, policyDateListSchema, valueAt } from '../../platform/policy/index.ts';

/** Universal Credit parameters, by the role they play in the calculation. */
export const UC = {
  standardAllowanceSingleUnder25: parsePolicyParameter(ucStandardAllowanceSingleUnder25File),
  standardAllowanceSingle25Plus: parsePolicyParameter(ucStandardAllowanceSingle25PlusFile),
  standardAllowanceJointBothUnder25: parsePolicyParameter(ucStandardAllowanceJointBothUnder25File),
  standardAllowanceJoint25Plus: parsePolicyParameter(ucStandardAllowanceJoint25PlusFile),
  lcwra: parsePolicyParameter(ucLcwraElementFile),
  lcwraNewClaimant: parsePolicyParameter(ucLcwraElementNewClaimantFile),
  lcw: parsePolicyParameter(ucLcwElementFile),
  childFirstHigher: parsePolicyParameter(ucChildElementFirstChildHigherFile),
  child: parsePolicyParameter(ucChildElementFile),
  childLimit: parsePolicyParameter(ucChildElementLimitFile),
  workAllowanceWithHousing: parsePolicyParameter(ucWorkAllowanceWithHousingFile),
  workAllowanceWithoutHousing: parsePolicyParameter(ucWorkAllowanceWithoutHousingFile),
  taperRate: parsePolicyParameter(ucTaperRateFile),
  capitalLowerLimit: parsePolicyParameter(ucCapitalLowerLimitFile),
  capitalUpperLimit: parsePolicyParameter(ucCapitalUpperLimitFile),
  capitalTariffStep: parsePolicyParameter(ucCapitalTariffStepFile),
  capitalTariffAmount: parsePolicyParameter(ucCapitalTariffAmountFile),
  childcareRate: parsePolicyParameter(ucChildcareRateFile),
  childcareCapOneChild: parsePolicyParameter(ucChildcareCapOneChildFile),
  childcareCapTwoOrMore: parsePolicyParameter(ucChildcareCapTwoOrMoreFile),
  carer: parsePolicyParameter(ucCarerElementFile),
  disabledChildLower: parsePolicyParameter(ucDisabledChildAdditionLowerFile),
  disabledChildHigher: parsePolicyParameter(ucDisabledChildAdditionHigherFile),
  housingCostContribution: parsePolicyParameter(ucHousingCostContributionFile),
  capLondonCoupleOrChildren: parsePolicyParameter(ucBenefitCapLondonCoupleOrChildrenFile),
  capLondonSingle: parsePolicyParameter(ucBenefitCapLondonSingleFile),
  capOutsideLondonCoupleOrChildren: parsePolicyParameter(ucBenefitCapOutsideLondonCoupleOrChildrenFile),
  capOutsideLondonSingle: parsePolicyParameter(ucBenefitCapOutsideLondonSingleFile),
  capEarningsHours: parsePolicyParameter(ucBenefitCapEarningsHoursFile),
  expectedHours: parsePolicyParameter(ucExpectedHoursFile),
} as const;

/** Income tax (England, Wales and Northern Ireland) and employee Class 1 National Insurance. */
export const TAX = {
  personalAllowance: parsePolicyParameter(incomeTaxPersonalAllowanceFile),
  personalAllowanceTaperThreshold: parsePolicyParameter(incomeTaxPersonalAllowanceTaperThresholdFile),
  basicRateBand: parsePolicyParameter(incomeTaxBasicRateBandFile),
  basicRate: parsePolicyParameter(incomeTaxBasicRateFile),
  higherRate: parsePolicyParameter(incomeTaxHigherRateFile),
  additionalRateThreshold: parsePolicyParameter(incomeTaxAdditionalRateThresholdFile),
  additionalRate: parsePolicyParameter(incomeTaxAdditionalRateFile),
  niPrimaryThreshold: parsePolicyParameter(nationalInsurancePrimaryThresholdFile),
  niUpperEarningsLimit: parsePolicyParameter(nationalInsuranceUpperEarningsLimitFile),
  niMainRate: parsePolicyParameter(nationalInsuranceMainRateFile),
  niUpperRate: parsePolicyParameter(nationalInsuranceUpperRateFile),
} as const;

/** Figures other parts of the service quote, and other benefits' rates the UC calculation uses (minimum wage, Child Benefit). */
export const OTHER = {
  nationalLivingWage: parsePolicyParameter(nationalLivingWageFile),
  esaPermittedWorkHigherLimit: parsePolicyParameter(esaPermittedWorkHigherLimitFile),
  esaPermittedWorkLowerLimit: parsePolicyParameter(esaPermittedWorkLowerLimitFile),
  accessToWorkAnnualCap: parsePolicyParameter(accessToWorkAnnualCapFile),
  nationalMinimumWage18To20: parsePolicyParameter(nationalMinimumWage18To20File),
  nationalMinimumWage16To17: parsePolicyParameter(nationalMinimumWage16To17File),
  childBenefitEldest: parsePolicyParameter(childBenefitEldestFile),
  childBenefitOther: parsePolicyParameter(childBenefitOtherFile),
} as const;

/**
 * The day each tax year's Universal Credit amounts start (the first Monday of the tax year), one
 * list for every UC file: a dated UC value from the first of these days on must fall on one of them.
 */
export const UC_RATES_START_DATES: readonly string[] = [...policyDateListSchema.parse(ucRatesStartDatesFile).dates].sort();

/** The first Monday on or after 6 April of `year` (yyyy-mm-dd): the first Monday of the tax year that starts then. */
export function firstMondayOfTaxYear(year: number): string {
  const sixth = new Date(Date.UTC(year, 3, 6));
  const offset = (8 - sixth.getUTCDay()) % 7; // getUTCDay: 0 Sunday, 1 Monday
  return new Date(Date.UTC(year, 3, 6 + offset)).toISOString().slice(0, 10);
}

/**
 * The dates in `parameter` that break the one-start-date-per-year rule: a date on or after the first
 * start date that is not a start date. Earlier dates are history (the 2017 two-child limit, the 2021 taper).
 */
export function datesOffTheStartDates(parameter: PolicyParameter, startDates: readonly string[] = UC_RATES_START_DATES): string[] {
  const first = startDates[0] ?? '';
  return Object.keys(parameter.values).filter((d) => d >= first && !startDates.includes(d));
}

// Checked on load, so a UC file with a stray date (such as 13 April 2026) stops the service starting.
for (const d of UC_RATES_START_DATES) {
  if (firstMondayOfTaxYear(Number(d.slice(0, 4))) !== d) throw new Error(`uc-rates-start-dates: ${d} is not the first Monday of its tax year`);
}
for (const p of Object.values(UC)) {
  const off = datesOffTheStartDates(p);
  if (off.length > 0) throw new Error(`${p.name}: ${off.join(', ')} is not a Universal Credit start date (policy/uc-rates-start-dates.json)`);
}

/** Every parameter this capability holds, for documentation and checks. */
export const BENEFIT_PARAMETERS: readonly PolicyParameter[] = [...Object.values(UC), ...Object.values(TAX), ...Object.values(OTHER)];

const firstDate = (p: PolicyParameter): string => Object.keys(p.values).sort()[0] ?? '';

/** The first day every Universal Credit rate is held for (the 2024/25 uprating): earlier dates are refused. */
export const UC_RATES_FROM = [UC.standardAllowanceSingle25Plus, UC.lcwra, UC.child, UC.workAllowanceWithHousing, UC.childcareCapOneChild]
  .map(firstDate)
  .sort()
  .at(-1) as string;

/**
 * The last day the held rates are known to cover: the end of the 2026/27 tax year. A later date is
 * calculated on the latest rates held and the result says so in a reason, since next year's rates
 * are not published in the sources held. Move it on when the next year's values are added.
 */
export const UC_RATES_UNTIL = '2027-04-05';

/**
 * From this day a new LCWRA award gets the new-claimant amount unless the claimant is protected;
 * an award that included LCWRA before it is a "pre-2026 claimant" (UC Regs reg 27A). Read from the
 * first effective date of the new-claimant parameter, so the cut-off is data.
 */
export const LCWRA_NEW_CLAIMANT_FROM = firstDate(UC.lcwraNewClaimant);

/**
 * 3 April 2017: the LCW element is paid only where the award included LCW before this day (SI 2017/204).
 * A date list in policy/, so the cut-off is data.
 */
export const LCW_ELEMENT_CLAIMS_BEFORE = policyDateListSchema.parse(ucLcwElementCutOffFile).dates[0] as string;

/**
 * 6 April 2017: children born before it always get a child element (the two-child limit counts only
 * later births), and only a first child born before it gets the higher rate. Read from the first
 * effective date of the two-child limit parameter, the date both rules share.
 */
export const CHILDREN_BORN_BEFORE = firstDate(UC.childLimit);

const sortedDates = new Map<PolicyParameter, readonly string[]>();
const cached = new Map<PolicyParameter, Map<string, PolicyValue>>();

/**
 * The value of a parameter in force on `date`, with its source: `valueAt`, remembered per value so
 * a calculation done many times a second does not sort the dates each time.
 *
 * @example at(UC.taperRate, '2025-06-01').value // 0.55
 */
export function at(parameter: PolicyParameter, date: string): PolicyValue {
  let dates = sortedDates.get(parameter);
  if (!dates) {
    dates = Object.keys(parameter.values).sort();
    sortedDates.set(parameter, dates);
  }
  let from: string | undefined;
  for (const d of dates) if (d <= date) from = d;
  if (from === undefined) return valueAt(parameter, date); // throws: nothing in force
  let values = cached.get(parameter);
  if (!values) {
    values = new Map();
    cached.set(parameter, values);
  }
  let value = values.get(from);
  if (!value) {
    value = valueAt(parameter, from);
    values.set(from, value);
  }
  return value;
}
