/*
 * The policy parameters Access to Work uses, loaded once from `policy/*.json` and looked up by date.
 * DWP's rules are tagged [V] or [S] in their files; Bridgework's own (the decision in principle's
 * validity, countersignature and range, the 52-week year) are `platformPolicy: true`.
 */
import annualCapFile from '../../../policy/access-to-work-annual-cap.json' with { type: 'json' };
import applyWeeksBeforeStartFile from '../../../policy/access-to-work-apply-weeks-before-start.json' with { type: 'json' };
import capStartFile from '../../../policy/access-to-work-cap-start.json' with { type: 'json' };
import conditionMonthsFile from '../../../policy/access-to-work-condition-months.json' with { type: 'json' };
import shareBandFile from '../../../policy/access-to-work-cost-share-band.json' with { type: 'json' };
import shareGraceWeeksFile from '../../../policy/access-to-work-cost-share-grace-weeks.json' with { type: 'json' };
import shareLargeFromFile from '../../../policy/access-to-work-cost-share-large-employer-from.json' with { type: 'json' };
import shareLargeFirstFile from '../../../policy/access-to-work-cost-share-large-first.json' with { type: 'json' };
import shareMediumFromFile from '../../../policy/access-to-work-cost-share-medium-employer-from.json' with { type: 'json' };
import shareMediumFirstFile from '../../../policy/access-to-work-cost-share-medium-first.json' with { type: 'json' };
import shareRateFile from '../../../policy/access-to-work-cost-share-rate.json' with { type: 'json' };
import countersignDefaultFile from '../../../policy/access-to-work-dip-countersign-default.json' with { type: 'json' };
import rangeMarginFile from '../../../policy/access-to-work-dip-range-margin.json' with { type: 'json' };
import validityMonthsFile from '../../../policy/access-to-work-dip-validity-months.json' with { type: 'json' };
import minimumAgeFile from '../../../policy/access-to-work-minimum-age.json' with { type: 'json' };
import ucMinimumHoursFile from '../../../policy/access-to-work-uc-minimum-weekly-hours.json' with { type: 'json' };
import weeksPerYearFile from '../../../policy/access-to-work-weeks-per-year.json' with { type: 'json' };
import { parsePolicyParameter, policyDateListSchema } from '../../platform/policy/index.ts';

export const ATW = {
  minimumAge: parsePolicyParameter(minimumAgeFile),
  conditionMonths: parsePolicyParameter(conditionMonthsFile),
  ucMinimumHours: parsePolicyParameter(ucMinimumHoursFile),
  applyWeeksBeforeStart: parsePolicyParameter(applyWeeksBeforeStartFile),
  shareGraceWeeks: parsePolicyParameter(shareGraceWeeksFile),
  shareMediumFrom: parsePolicyParameter(shareMediumFromFile),
  shareLargeFrom: parsePolicyParameter(shareLargeFromFile),
  shareMediumFirst: parsePolicyParameter(shareMediumFirstFile),
  shareLargeFirst: parsePolicyParameter(shareLargeFirstFile),
  shareRate: parsePolicyParameter(shareRateFile),
  shareBand: parsePolicyParameter(shareBandFile),
  annualCap: parsePolicyParameter(annualCapFile),
  weeksPerYear: parsePolicyParameter(weeksPerYearFile),
} as const;

/** Bridgework's own rules for its decision in principle (platform policy, not DWP's). */
export const DIP = {
  validityMonths: parsePolicyParameter(validityMonthsFile),
  countersignDefault: parsePolicyParameter(countersignDefaultFile),
  rangeMargin: parsePolicyParameter(rangeMarginFile),
} as const;

/** Awards made before this day have no yearly cap. */
export const CAP_STARTS_ON: string = policyDateListSchema.parse(capStartFile).dates[0] as string;

/** The first day an assessment is accepted for: the first yearly cap Bridgework holds. */
export const ASSESSMENT_FROM: string = Object.keys(ATW.annualCap.values).sort()[0] as string;
