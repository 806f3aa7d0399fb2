import { z } from 'zod';
import { InvalidInput, issuesFromZod } from '../../platform/errors/index.ts';
import { DAYS, FLEXIBLE_OPTIONS, type MatchPerson, type MatchResult, type MatchVacancy, SHIFTS, WORKPLACES } from './matching.ts';
import { matchParameters, matchVacancies } from './matching-rules.ts';

const hours = z
  .object({ min: z.number().min(0).max(168), max: z.number().min(0).max(168) })
  .strict()
  .refine((r) => r.min <= r.max, { message: 'min must not be more than max', path: ['max'] });
const point = z.object({ lat: z.number().min(-90).max(90), lon: z.number().min(-180).max(180) }).strict();
/** A SOC 2020 code at any level: major group (1 digit) to unit group (4 digits). */
export const socCodeSchema = z.string().regex(/^\d{1,4}$/, 'a SOC 2020 code of 1 to 4 digits');
const soc4 = z.string().regex(/^\d{4}$/, 'a SOC 2020 unit group: 4 digits');
export const adjustmentSchema = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'an adjustment as a lower-case slug, such as quiet-space')
  .max(60);
const days = z.array(z.enum(DAYS)).max(7);
const flexible = z.array(z.enum(FLEXIBLE_OPTIONS)).max(FLEXIBLE_OPTIONS.length);
const adjustments = z.array(adjustmentSchema).max(50);
/** A growth sector's code, as the local plan makes it from the sector's name. */
const growthSector = z.string().regex(/^[a-z0-9-]{1,40}$/, 'a growth sector code such as health-and-care');

export const matchPersonSchema = z
  .object({
    hoursPerWeek: hours,
    availableDays: days,
    availableShifts: z.array(z.enum(SHIFTS)).max(3).optional(),
    location: point,
    maxTravelKm: z.number().min(0).max(1000),
    payFloorHourly: z.number().min(0).max(1000),
    occupationsWanted: z.array(socCodeSchema).max(50),
    occupationsExcluded: z.array(socCodeSchema).max(50),
    flexibilityNeeded: flexible,
    adjustmentsNeeded: adjustments,
  })
  .strict();

export const matchVacancySchema = z
  .object({
    id: z.string().min(1).max(100),
    soc: soc4,
    hoursPerWeek: hours,
    days,
    shifts: z.array(z.enum(SHIFTS)).max(3).optional(),
    location: point,
    workplace: z.enum(WORKPLACES),
    payHourly: z.number().min(0).max(1000),
    flexibleOptions: flexible,
    adjustmentsOffered: adjustments,
    growthSectors: z.array(growthSector).max(50).optional(),
  })
  .strict();

export const matchInputSchema = z
  .object({
    /** The date whose score weights apply (YYYY-MM-DD); today when absent. */
    date: z.iso.date().optional(),
    person: matchPersonSchema,
    vacancies: z.array(matchVacancySchema).max(100_000),
    /** The growth sectors the area's local plan prioritises; a vacancy whose employer is in one scores the growth part. */
    growthSectors: z.array(growthSector).max(50).optional(),
  })
  .strict();

/**
 * Parses and matches: the edge function `bridgework calc match` and the API use. Bad input is
 * InvalidInput with issues `{ path, message }`, never another error.
 */
export function calculateMatches(input: unknown, today: string): MatchResult & { parametersUsed: ReturnType<typeof matchParameters>['used'] } {
  const parsed = matchInputSchema.safeParse(input);
  if (!parsed.success) throw new InvalidInput(issuesFromZod(parsed.error), 'The match input is not valid: see the issues.');
  const { parameters, used } = matchParameters(parsed.data.date ?? today, parsed.data.growthSectors);
  const person: MatchPerson = parsed.data.person;
  const vacancies: MatchVacancy[] = parsed.data.vacancies;
  return { ...matchVacancies(person, vacancies, parameters), parametersUsed: used };
}
