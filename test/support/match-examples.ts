/*
 * The matching table: one person (the issue's example) against vacancies that each break one hard
 * limit, sit on a limit's edge, or move one part of the score, with the arithmetic written out.
 * The rules' unit tests and `bridgework calc match` both run it.
 *
 * Weights (policy/matching-weight-*.json, from 2026-04-06): occupation 30, hours 20, pattern 10,
 * distance 10, pay 5, flexibility 15, adjustments 10; pay headroom 0.25 of the floor.
 */

export const PERSON = {
  hoursPerWeek: { min: 10, max: 20 },
  availableDays: ['mon', 'tue', 'wed', 'thu', 'fri'],
  location: { lat: 52.63, lon: -1.13 },
  maxTravelKm: 10,
  payFloorHourly: 12.21,
  occupationsWanted: ['5434'],
  occupationsExcluded: ['9263'],
  flexibilityNeeded: ['phased-start'],
  adjustmentsNeeded: ['quiet-space'],
} as const;

/** The issue's vacancy: 1.30 km away, 16–30 hours, everything the person needs. */
export const V1 = {
  id: 'v1',
  soc: '5434',
  hoursPerWeek: { min: 16, max: 30 },
  days: ['mon', 'tue'],
  location: { lat: 52.64, lon: -1.14 },
  workplace: 'on-site',
  payHourly: 12.6,
  flexibleOptions: ['phased-start'],
  adjustmentsOffered: ['quiet-space'],
} as const;

type Vacancy = Omit<typeof V1, 'id' | 'workplace' | 'soc' | 'days' | 'flexibleOptions' | 'adjustmentsOffered' | 'hoursPerWeek' | 'location' | 'payHourly'> & {
  id: string;
  soc: string;
  hoursPerWeek: { min: number; max: number };
  days: readonly string[];
  location: { lat: number; lon: number };
  workplace: 'on-site' | 'hybrid' | 'remote';
  payHourly: number;
  flexibleOptions: readonly string[];
  adjustmentsOffered: readonly string[];
  growthSectors?: readonly string[];
};

const vacancy = (id: string, change: Partial<Vacancy>): Vacancy => ({ ...V1, ...change, id });

export type MatchExample = {
  name: string;
  vacancy: Vacancy;
  /** A score with its reason and near-miss codes, or the hard limits broken. */
  expected: { score: number; reasons: string[]; nearMiss: string[] } | { because: string[] };
};

// About 13.3 km north of the person: beyond the 10 km limit.
const FAR = { lat: 52.75, lon: -1.13 };
// The person's own postcode: 0 km.
const HERE = { lat: 52.63, lon: -1.13 };

export const MATCH_EXAMPLES: readonly MatchExample[] = [
  {
    // 30 + 20×(4/14 = 0.2857) + 10 + 10×(1 − 1.30/10 = 0.8699) + 5×(0.39/3.0525 = 0.1278) + 15 + 10 = 80.05
    name: 'the issue example matches, with advice about the extra hours',
    vacancy: vacancy('v1', {}),
    expected: { score: 80.1, reasons: ['occupation', 'hours', 'days', 'distance', 'pay', 'flexibility', 'adjustments'], nearMiss: ['hours-fewer'] },
  },
  {
    name: 'hours that start above the person’s most are excluded',
    vacancy: vacancy('hours-above', { hoursPerWeek: { min: 21, max: 30 } }),
    expected: { because: ['hours'] },
  },
  {
    name: 'hours that end below the person’s least are excluded',
    vacancy: vacancy('hours-below', { hoursPerWeek: { min: 4, max: 9 } }),
    expected: { because: ['hours'] },
  },
  {
    // Ranges touching at 20 share a point: 20×0/10 = 0 for hours; 30 + 0 + 10 + 8.699 + 0.639 + 15 + 10 = 74.34
    name: 'hours that only touch the person’s most still match, scoring nothing for hours',
    vacancy: vacancy('hours-touch', { hoursPerWeek: { min: 20, max: 30 } }),
    expected: { score: 74.3, reasons: ['occupation', 'hours', 'days', 'distance', 'pay', 'flexibility', 'adjustments'], nearMiss: ['hours-fewer'] },
  },
  { name: 'an on-site job beyond the travel limit is excluded', vacancy: vacancy('far-on-site', { location: FAR }), expected: { because: ['travel'] } },
  {
    name: 'a hybrid job beyond the travel limit is excluded',
    vacancy: vacancy('far-hybrid', { location: FAR, workplace: 'hybrid' }),
    expected: { because: ['travel'] },
  },
  {
    // Remote: distance scores in full. 30 + 5.714 + 10 + 10 + 0.639 + 15 + 10 = 81.35
    name: 'a remote job beyond the travel limit matches',
    vacancy: vacancy('far-remote', { location: FAR, workplace: 'remote' }),
    expected: { score: 81.4, reasons: ['occupation', 'hours', 'days', 'remote', 'pay', 'flexibility', 'adjustments'], nearMiss: ['hours-fewer'] },
  },
  { name: 'pay a penny under the floor is excluded', vacancy: vacancy('pay-under', { payHourly: 12.2 }), expected: { because: ['pay'] } },
  {
    // At the floor the pay part is 0: 30 + 5.714 + 10 + 8.699 + 0 + 15 + 10 = 79.41
    name: 'pay at the floor matches, scoring nothing for pay',
    vacancy: vacancy('pay-floor', { payHourly: 12.21 }),
    expected: { score: 79.4, reasons: ['occupation', 'hours', 'days', 'distance', 'pay', 'flexibility', 'adjustments'], nearMiss: ['hours-fewer'] },
  },
  { name: 'an excluded occupation is excluded', vacancy: vacancy('excluded-soc', { soc: '9263' }), expected: { because: ['occupation-excluded'] } },
  {
    name: 'every limit broken at once is listed in order',
    vacancy: vacancy('all-limits', { soc: '9263', hoursPerWeek: { min: 35, max: 40 }, location: FAR, payHourly: 11 }),
    expected: { because: ['hours', 'travel', 'pay', 'occupation-excluded'] },
  },
  {
    // Not a wanted occupation (0), fixed 15 hours inside the range (1), here (1), pay 1/4 above the floor (1),
    // Saturday and Monday (1/2), nothing offered that is needed (0, 0): 0 + 20 + 5 + 10 + 5 + 0 + 0 = 40
    name: 'an unwanted occupation on a Saturday without what the person needs scores low, with advice',
    vacancy: vacancy('weekend', {
      soc: '6135',
      hoursPerWeek: { min: 15, max: 15 },
      days: ['mon', 'sat'],
      location: HERE,
      payHourly: 15.2625,
      flexibleOptions: [],
      adjustmentsOffered: [],
    }),
    expected: { score: 40, reasons: ['hours', 'distance', 'pay'], nearMiss: ['days', 'flexibility-missing', 'adjustments-missing'] },
  },
  {
    // 8 to 12 hours: 2/4 inside the range; days agreed with the person (1); job share offered.
    // 30 + 10 + 10 + 10 + 5×min(1, 2.79/3.0525) = 4.570 + 15 + 10 = 89.57
    name: 'hours below the person’s least are advised on; pay near the headroom scores most of the pay part',
    vacancy: vacancy('short-hours', {
      hoursPerWeek: { min: 8, max: 12 },
      days: [],
      location: HERE,
      payHourly: 15,
      flexibleOptions: ['phased-start', 'job-share'],
    }),
    expected: { score: 89.6, reasons: ['occupation', 'hours', 'distance', 'pay', 'flexibility', 'adjustments'], nearMiss: ['hours-more'] },
  },
];

/** The issue's input, as partners would send it. */
export const ISSUE_INPUT = { date: '2026-12-01', person: PERSON, vacancies: [V1] };

/** The whole table as one `calc match` input. */
export const TABLE_INPUT = { date: '2026-12-01', person: PERSON, vacancies: MATCH_EXAMPLES.map((e) => e.vacancy) };

/**
 * The growth-sector part (from 2026-12-03: occupation 25, growth 5, the rest as above): the area's
 * local plan prioritises health and care and digital. The same person and the issue's vacancy,
 * its employer in different sectors. Without a prioritised sector the issue example scores
 * 25 + 5.714 + 10 + 8.699 + 0.639 + 15 + 10 + 0 = 75.05 (75.1); with one, 5 more.
 */
export const GROWTH_DATE = '2026-12-03';
export const AREA_GROWTH_SECTORS = ['health-and-care', 'digital'] as const;

export const GROWTH_EXAMPLES: readonly MatchExample[] = [
  {
    name: 'an employer in no growth sector scores nothing for it and says nothing of it',
    vacancy: vacancy('no-sector', {}),
    expected: { score: 75.1, reasons: ['occupation', 'hours', 'days', 'distance', 'pay', 'flexibility', 'adjustments'], nearMiss: ['hours-fewer'] },
  },
  {
    name: 'an employer in a sector the plan does not prioritise scores nothing for it',
    vacancy: { ...vacancy('other-sector', {}), growthSectors: ['construction'] },
    expected: { score: 75.1, reasons: ['occupation', 'hours', 'days', 'distance', 'pay', 'flexibility', 'adjustments'], nearMiss: ['hours-fewer'] },
  },
  {
    name: 'an employer in a prioritised sector scores the growth part and says why',
    vacancy: { ...vacancy('growth-sector', {}), growthSectors: ['construction', 'digital'] },
    expected: {
      score: 80.1,
      reasons: ['occupation', 'hours', 'days', 'distance', 'pay', 'flexibility', 'adjustments', 'growth-sector'],
      nearMiss: ['hours-fewer'],
    },
  },
  {
    // The nudge moves a vacancy only among near-equals: an unwanted occupation (0 of 25) still ranks
    // far below, growth sector or not: 0 + 5.714 + 10 + 8.699 + 0.639 + 15 + 10 + 5 = 55.05.
    name: 'a prioritised sector does not outweigh the person’s own wishes',
    vacancy: { ...vacancy('growth-unwanted', { soc: '6135' }), growthSectors: ['health-and-care'] },
    expected: {
      score: 55.1,
      reasons: ['hours', 'days', 'distance', 'pay', 'flexibility', 'adjustments', 'growth-sector'],
      nearMiss: ['hours-fewer'],
    },
  },
];

export const GROWTH_INPUT = {
  date: GROWTH_DATE,
  growthSectors: AREA_GROWTH_SECTORS,
  person: PERSON,
  vacancies: GROWTH_EXAMPLES.map((e) => e.vacancy),
};
