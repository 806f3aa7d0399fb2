import payHeadroomFile from '../../../policy/matching-pay-headroom.json' with { type: 'json' };
import adjustmentsWeightFile from '../../../policy/matching-weight-adjustments.json' with { type: 'json' };
import distanceWeightFile from '../../../policy/matching-weight-distance.json' with { type: 'json' };
import flexibilityWeightFile from '../../../policy/matching-weight-flexibility.json' with { type: 'json' };
import growthWeightFile from '../../../policy/matching-weight-growth-sector.json' with { type: 'json' };
import hoursWeightFile from '../../../policy/matching-weight-hours.json' with { type: 'json' };
import occupationWeightFile from '../../../policy/matching-weight-occupation.json' with { type: 'json' };
import patternWeightFile from '../../../policy/matching-weight-pattern.json' with { type: 'json' };
import payWeightFile from '../../../policy/matching-weight-pay.json' with { type: 'json' };
import { type PolicyParameter, type PolicyValue, parsePolicyParameter, valueAt } from '../../platform/policy/index.ts';
import type {
  Exclusion,
  FlexibleOption,
  HardLimit,
  Match,
  MatchNote,
  MatchParameters,
  MatchPerson,
  MatchResult,
  MatchVacancy,
  Range,
  ScoreBreakdown,
  ScorePart,
} from './matching.ts';

const WEIGHT_FILES: Readonly<Record<ScorePart, PolicyParameter>> = {
  occupation: parsePolicyParameter(occupationWeightFile),
  hours: parsePolicyParameter(hoursWeightFile),
  pattern: parsePolicyParameter(patternWeightFile),
  distance: parsePolicyParameter(distanceWeightFile),
  pay: parsePolicyParameter(payWeightFile),
  flexibility: parsePolicyParameter(flexibilityWeightFile),
  adjustments: parsePolicyParameter(adjustmentsWeightFile),
  growth: parsePolicyParameter(growthWeightFile),
};
const PAY_HEADROOM = parsePolicyParameter(payHeadroomFile);

/**
 * The score's weights and pay headroom in force on `date`, and the policy values they came from.
 * `areaGrowthSectors` are the growth sectors the tenant's local plan prioritises (codes).
 */
export function matchParameters(date: string, areaGrowthSectors: readonly string[] = []): { parameters: MatchParameters; used: PolicyValue[] } {
  const used = Object.values(WEIGHT_FILES).map((p) => valueAt(p, date));
  const headroom = valueAt(PAY_HEADROOM, date);
  const weights = Object.fromEntries(Object.entries(WEIGHT_FILES).map(([part, p]) => [part, valueAt(p, date).value])) as Record<ScorePart, number>;
  return { parameters: { weights, payHeadroom: headroom.value, areaGrowthSectors }, used: [...used, headroom] };
}

/** The employer's growth sectors that the area prioritises, in the area's order. */
export const growthSectorsShared = (vacancy: MatchVacancy, area: readonly string[]): string[] => {
  const employer = vacancy.growthSectors ?? [];
  return area.filter((code) => employer.includes(code));
};

const EARTH_RADIUS_KM = 6371.0088;
const RAD = Math.PI / 180;

/** Great-circle distance in kilometres (haversine on the mean Earth radius), from plain numbers (the index's hot loop). */
export function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const dLat = (lat2 - lat1) * RAD;
  const dLon = (lon2 - lon1) * RAD;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Great-circle distance in kilometres between two points. */
export const distanceKm = (a: { lat: number; lon: number }, b: { lat: number; lon: number }): number => haversineKm(a.lat, a.lon, b.lat, b.lon);

/** A SOC code is covered by a listed code when the listed code is it or a group above it (5434 under 543, 54, 5). */
export const socCovered = (soc: string, listed: readonly string[]): boolean => listed.some((code) => soc.startsWith(code));

/** How many weekly hours the two ranges share; negative when they do not meet. */
export const hoursOverlap = (a: Range, b: Range): number => Math.min(a.max, b.max) - Math.max(a.min, b.min);

/** The hard limits a vacancy breaks for a person, in HARD_LIMITS order; none means it can be scored. */
export function hardLimitsBroken(person: MatchPerson, vacancy: MatchVacancy, km: number): HardLimit[] {
  const broken: HardLimit[] = [];
  if (hoursOverlap(person.hoursPerWeek, vacancy.hoursPerWeek) < 0) broken.push('hours');
  if (vacancy.workplace !== 'remote' && km > person.maxTravelKm) broken.push('travel');
  if (vacancy.payHourly < person.payFloorHourly) broken.push('pay');
  if (socCovered(vacancy.soc, person.occupationsExcluded)) broken.push('occupation-excluded');
  return broken;
}

/** The share of `needed` found in `offered`; 1 when nothing is needed. */
export function shareMet<T>(needed: readonly T[], offered: readonly T[]): number {
  if (needed.length === 0) return 1;
  return needed.filter((n) => offered.includes(n)).length / needed.length;
}

const words = (slug: string): string => slug.replaceAll('-', ' ');
const list = (items: readonly string[]): string => items.map(words).join(', ');
const note = (code: string, params: MatchNote['params'], text: string): MatchNote => ({ code, params, text });
const pounds = (n: number): string => `£${n.toFixed(2)}`;
const km1 = (n: number): number => Math.round(n * 10) / 10;

/** Each part of the score, from 0 to 1, before weighting. The vacancy must already pass the hard limits. */
export function scoreParts(person: MatchPerson, vacancy: MatchVacancy, km: number, payHeadroom: number, area: readonly string[] = []): ScoreBreakdown {
  const v = vacancy.hoursPerWeek;
  const width = v.max - v.min;
  const overlap = hoursOverlap(person.hoursPerWeek, v);
  const shifts = vacancy.shifts ?? [];
  const personShifts = person.availableShifts ?? [];
  const floor = person.payFloorHourly;
  return {
    occupation: person.occupationsWanted.length === 0 ? 0.5 : socCovered(vacancy.soc, person.occupationsWanted) ? 1 : 0,
    // A fixed number of hours (min = max) inside the person's range fits in full.
    hours: width === 0 ? 1 : overlap / width,
    pattern: shareMet(vacancy.days, person.availableDays) * (personShifts.length === 0 ? 1 : shareMet(shifts, personShifts)),
    distance: vacancy.workplace === 'remote' || person.maxTravelKm === 0 ? 1 : 1 - km / person.maxTravelKm,
    pay: floor === 0 ? 1 : Math.min(1, (vacancy.payHourly - floor) / (floor * payHeadroom)),
    flexibility: shareMet(person.flexibilityNeeded, vacancy.flexibleOptions),
    adjustments: shareMet(person.adjustmentsNeeded, vacancy.adjustmentsOffered),
    // All or nothing: the area's priority is a nudge, not a measure of fit.
    growth: growthSectorsShared(vacancy, area).length > 0 ? 1 : 0,
  };
}

/** The weighted total out of 100, to one decimal place. */
export function weightedScore(parts: ScoreBreakdown, weights: ScoreBreakdown): number {
  let total = 0;
  for (const part of Object.keys(weights) as ScorePart[]) total += parts[part] * weights[part];
  return Math.round(total * 10) / 10;
}

/** Why the match was made, in plain words: one note for each part that counts in its favour. */
export function reasonsFor(person: MatchPerson, vacancy: MatchVacancy, km: number, area: readonly string[] = []): MatchNote[] {
  const reasons: MatchNote[] = [];
  const p = person.hoursPerWeek;
  const v = vacancy.hoursPerWeek;
  if (socCovered(vacancy.soc, person.occupationsWanted))
    reasons.push(note('occupation', { soc: vacancy.soc }, `is in an occupation you want (SOC ${vacancy.soc})`));
  reasons.push(
    note(
      'hours',
      { offeredMin: v.min, offeredMax: v.max, wantedMin: p.min, wantedMax: p.max },
      `its ${v.min} to ${v.max} hours a week meet your ${p.min} to ${p.max}`,
    ),
  );
  if (vacancy.days.length > 0 && shareMet(vacancy.days, person.availableDays) === 1)
    reasons.push(note('days', { days: vacancy.days }, `is worked on days you are available (${list(vacancy.days)})`));
  if (vacancy.workplace === 'remote') reasons.push(note('remote', {}, 'can be done from home'));
  else reasons.push(note('distance', { km: km1(km), maxKm: person.maxTravelKm }, `is ${km1(km)} km away, within your ${person.maxTravelKm} km`));
  reasons.push(
    note(
      'pay',
      { pay: vacancy.payHourly, floor: person.payFloorHourly },
      `pays ${pounds(vacancy.payHourly)} an hour, at or above your ${pounds(person.payFloorHourly)}`,
    ),
  );
  const flexible = person.flexibilityNeeded.filter((f) => vacancy.flexibleOptions.includes(f));
  if (flexible.length > 0) reasons.push(note('flexibility', { options: flexible }, `offers ${list(flexible)}`));
  const adjustments = person.adjustmentsNeeded.filter((a) => vacancy.adjustmentsOffered.includes(a));
  if (adjustments.length > 0) reasons.push(note('adjustments', { adjustments }, `the employer is ready to provide ${list(adjustments)}`));
  const sectors = growthSectorsShared(vacancy, area);
  if (sectors.length > 0) reasons.push(note('growth-sector', { sectors }, `the employer is in a growth sector the local plan prioritises (${list(sectors)})`));
  return reasons;
}

const SHORTER_HOURS: readonly FlexibleOption[] = ['job-share', 'part-time'];

/** What would make the vacancy fit better, and what to ask the employer about. */
export function nearMissFor(person: MatchPerson, vacancy: MatchVacancy): MatchNote[] {
  const advice: MatchNote[] = [];
  const p = person.hoursPerWeek;
  const v = vacancy.hoursPerWeek;
  if (v.max > p.max) {
    const offered = SHORTER_HOURS.filter((f) => vacancy.flexibleOptions.includes(f));
    const ask = offered.length > 0 ? `it offers ${list(offered)}` : 'ask about job share';
    advice.push(note('hours-fewer', { offered: v.max, wanted: p.max }, `offers ${v.max} hours; you want up to ${p.max} — ${ask}`));
  }
  if (v.min < p.min)
    advice.push(
      note('hours-more', { offered: v.min, wanted: p.min }, `offers from ${v.min} hours; you want at least ${p.min} — ask whether more hours are possible`),
    );
  const days = vacancy.days.filter((d) => !person.availableDays.includes(d));
  if (days.length > 0) advice.push(note('days', { days }, `is worked on ${list(days)}, when you are not available — ask about flexi-time or other days`));
  const personShifts = person.availableShifts ?? [];
  const shifts = personShifts.length === 0 ? [] : (vacancy.shifts ?? []).filter((s) => !personShifts.includes(s));
  if (shifts.length > 0) advice.push(note('shifts', { shifts }, `has ${list(shifts)} shifts, which you cannot work — ask about other shifts`));
  const flexible = person.flexibilityNeeded.filter((f) => !vacancy.flexibleOptions.includes(f));
  if (flexible.length > 0) advice.push(note('flexibility-missing', { options: flexible }, `does not list ${list(flexible)} — ask whether they could offer it`));
  const adjustments = person.adjustmentsNeeded.filter((a) => !vacancy.adjustmentsOffered.includes(a));
  if (adjustments.length > 0) {
    advice.push(
      note(
        'adjustments-missing',
        { adjustments },
        `does not list ${list(adjustments)} — ask: employers must make reasonable adjustments, and Access to Work can help pay`,
      ),
    );
  }
  return advice;
}

/** One vacancy for one person: excluded with the limits it breaks, or a scored match with its reasons. */
export function matchOne(person: MatchPerson, vacancy: MatchVacancy, parameters: MatchParameters): Match | Exclusion {
  const km = distanceKm(person.location, vacancy.location);
  const because = hardLimitsBroken(person, vacancy, km);
  if (because.length > 0) return { vacancyId: vacancy.id, because };
  const area = parameters.areaGrowthSectors ?? [];
  const parts = scoreParts(person, vacancy, km, parameters.payHeadroom, area);
  return {
    vacancyId: vacancy.id,
    score: weightedScore(parts, parameters.weights),
    reasons: reasonsFor(person, vacancy, km, area),
    nearMiss: nearMissFor(person, vacancy),
    parts,
    distanceKm: km1(km),
  };
}

/** Best first: higher score, then nearer, then by id so equal matches always come in the same order. */
export function compareMatches(a: Match, b: Match): number {
  return b.score - a.score || a.distanceKm - b.distanceKm || (a.vacancyId < b.vacancyId ? -1 : a.vacancyId > b.vacancyId ? 1 : 0);
}

/** Every vacancy for one person: the matches best first, and the excluded with their reasons in input order. */
export function matchVacancies(person: MatchPerson, vacancies: readonly MatchVacancy[], parameters: MatchParameters): MatchResult {
  const matches: Match[] = [];
  const excluded: Exclusion[] = [];
  for (const vacancy of vacancies) {
    const result = matchOne(person, vacancy, parameters);
    if ('because' in result) excluded.push(result);
    else matches.push(result);
  }
  matches.sort(compareMatches);
  return { matches, excluded };
}
