/*
 * The words of matching: what a person can do and wants, what a vacancy offers, and what a match
 * says about the two. Pure types and closed lists; the rules are in matching-rules.ts.
 */

export const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Day = (typeof DAYS)[number];

export const SHIFTS = ['day', 'evening', 'night'] as const;
export type Shift = (typeof SHIFTS)[number];

export const WORKPLACES = ['on-site', 'hybrid', 'remote'] as const;
export type Workplace = (typeof WORKPLACES)[number];

/** The flexible-working options the issue names; a vacancy lists those it offers. */
export const FLEXIBLE_OPTIONS = ['part-time', 'job-share', 'flexi-time', 'compressed-hours', 'term-time', 'phased-start', 'home-working-bad-days'] as const;
export type FlexibleOption = (typeof FLEXIBLE_OPTIONS)[number];

/**
 * Adjustments with a label in both languages. Others are accepted as plain slugs (an Access to Work
 * passport may name adjustments this list does not), and shown as given.
 */
export const KNOWN_ADJUSTMENTS = [
  'quiet-space',
  'flexible-breaks',
  'assistive-technology',
  'adapted-equipment',
  'step-free-access',
  'written-instructions',
  'support-worker',
  'remote-meetings',
  'parking-near-entrance',
] as const;

export type Range = { min: number; max: number };
export type Point = { lat: number; lon: number };

/** What the matcher needs of a person's work profile. */
export type MatchPerson = {
  hoursPerWeek: Range;
  availableDays: readonly Day[];
  /** Shifts the person can work; empty or absent means no limit was given. */
  availableShifts?: readonly Shift[];
  location: Point;
  maxTravelKm: number;
  payFloorHourly: number;
  /** SOC 2020 codes at any level (1 to 4 digits): a group covers every code under it. */
  occupationsWanted: readonly string[];
  occupationsExcluded: readonly string[];
  flexibilityNeeded: readonly FlexibleOption[];
  adjustmentsNeeded: readonly string[];
};

/** What the matcher needs of a vacancy. */
export type MatchVacancy = {
  id: string;
  soc: string;
  hoursPerWeek: Range;
  /** Days the job is worked on; empty means the days are agreed with the person. */
  days: readonly Day[];
  shifts?: readonly Shift[];
  location: Point;
  workplace: Workplace;
  payHourly: number;
  flexibleOptions: readonly FlexibleOption[];
  adjustmentsOffered: readonly string[];
  /** The local growth sectors the employer belongs to (codes from the tenant's list); absent is none. */
  growthSectors?: readonly string[];
};

/** The hard limits, in the order they are checked and listed. */
export const HARD_LIMITS = ['hours', 'travel', 'pay', 'occupation-excluded'] as const;
export type HardLimit = (typeof HARD_LIMITS)[number];

export const SCORE_PARTS = ['occupation', 'hours', 'pattern', 'distance', 'pay', 'flexibility', 'adjustments', 'growth'] as const;
export type ScorePart = (typeof SCORE_PARTS)[number];

/**
 * One reason or piece of near-miss advice: a code the pages translate, its figures, and the
 * English sentence (what the command line and the API show).
 */
export type MatchNote = { code: string; params: Readonly<Record<string, string | number | readonly string[]>>; text: string };

export type ScoreBreakdown = Readonly<Record<ScorePart, number>>;

export type Match = {
  vacancyId: string;
  /** 0 to 100, one decimal place. */
  score: number;
  reasons: MatchNote[];
  nearMiss: MatchNote[];
  parts: ScoreBreakdown;
  distanceKm: number;
};

export type Exclusion = { vacancyId: string; because: HardLimit[] };

export type MatchResult = { matches: Match[]; excluded: Exclusion[] };

/**
 * The weights and headroom the score used, and the growth sectors the area's local plan
 * prioritises (codes; none when absent): a vacancy with an employer in one of them scores the
 * growth part.
 */
export type MatchParameters = { weights: ScoreBreakdown; payHeadroom: number; areaGrowthSectors?: readonly string[] };
