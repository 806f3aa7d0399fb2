/*
 * Employers: employers and their sites, vacancies, the person's work profile, matching, and
 * introductions. Other domains and the composition root import this capability only from here.
 */
export type { Match, MatchNote, MatchPerson, MatchResult, MatchVacancy } from './matching.ts';
export { distanceKm, matchOne, matchParameters, matchVacancies } from './matching-rules.ts';
export { calculateMatches } from './matching-schemas.ts';
