import type { UserPrincipal } from '../../platform/auth/index.ts';
import type { Clock } from '../../platform/clock/index.ts';
import type { Database, Tx } from '../../platform/db/index.ts';
import { Forbidden, NotFound } from '../../platform/errors/index.ts';
import { londonIsoDate } from '../../platform/i18n/index.ts';
import type { CaseActor, CaseService } from '../participants/index.ts';
import { areaGrowthSectors, type GrowthSector } from '../partnerships/index.ts';
import { findEmployer, findVacancy, listVacancies } from './employer-repo.ts';
import type { Match } from './matching.ts';
import type { MatchingIndex } from './matching-index.ts';
import { matchOne, matchParameters } from './matching-rules.ts';
import type { Vacancy, WorkProfile } from './vacancy.ts';
import { isOpenOn } from './vacancy-rules.ts';
import { matchPersonOf, type WorkProfileService } from './work-profile-service.ts';

const growthSectorsOfEmployer = async (tx: Tx, employerId: string): Promise<string[]> => (await findEmployer(tx, employerId))?.growthSectors ?? [];

export type VacancyMatch = { match: Match; vacancy: Vacancy };
export type PersonMatch = { match: Match; caseId: string; personName: string };

/**
 * Matching both ways. Vacancies for a person (the specialist's and the person's own pages) come from
 * the in-memory index; people for a vacancy (specialists only, from their own caseload) are scored
 * by the pure matcher directly. An employer never reaches either.
 */
export function createMatchingService(deps: { db: Database; clock: Clock; index: MatchingIndex; profiles: WorkProfileService; cases: CaseService }) {
  const { db, clock, index, profiles, cases } = deps;

  return {
    async vacanciesFor(
      actor: CaseActor,
      caseId: string,
      limit = 20,
    ): Promise<{ profile: WorkProfile; matches: VacancyMatch[]; personName: string; sectors: GrowthSector[] }> {
      if (actor.kind === 'user' && actor.roles.includes('employer') && !actor.roles.includes('specialist')) throw new Forbidden('Employers do not see matches');
      const { profile, personName } = await profiles.read(actor, caseId);
      const person = matchPersonOf(profile);
      if (!person) return { profile, matches: [], personName, sectors: [] };
      const today = londonIsoDate(clock.now());
      const sectors = await db.inTenant(actor.tenantId, (tx) => areaGrowthSectors(tx));
      const { parameters } = matchParameters(
        today,
        sectors.map((s) => s.code),
      );
      await index.ready();
      const ranked = index.rank(actor.tenantId, person, parameters, today, limit);
      // The few ranked vacancies' details in one query, and only those still open now.
      const vacancies = await db.inTenant(actor.tenantId, (tx) =>
        listVacancies(tx, { ids: ranked.matches.map((m) => m.vacancyId), statuses: ['open'] }, limit),
      );
      const byId = new Map(vacancies.map((v) => [v.id, v]));
      const matches = ranked.matches.flatMap((match) => {
        const vacancy = byId.get(match.vacancyId);
        return vacancy ? [{ match, vacancy }] : [];
      });
      return { profile, matches, personName, sectors };
    },

    /** People on the specialist's own caseload a vacancy suits, best first. */
    async peopleFor(user: UserPrincipal, vacancyId: string): Promise<{ vacancy: Vacancy; people: PersonMatch[]; sectors: GrowthSector[] }> {
      if (!user.roles.includes('specialist') && !user.roles.includes('team-lead')) throw new Forbidden('Only specialists see people for a vacancy');
      const vacancy = await db.inTenant(user.tenantId, (tx) => findVacancy(tx, vacancyId));
      if (!vacancy) throw new NotFound('vacancy', vacancyId);
      const today = londonIsoDate(clock.now());
      if (!isOpenOn(vacancy.status, vacancy.closingDate, today)) return { vacancy, people: [], sectors: [] };
      const { cases: caseload } = await cases.caseload(user);
      const stored = await profiles.profilesOf(
        user.tenantId,
        caseload.map((c) => ({ caseId: c.id, participantId: c.participantId })),
      );
      const names = new Map(caseload.map((c) => [c.id, c.personName]));
      const [sectors, employerSectors] = await db.inTenant(user.tenantId, (tx) =>
        Promise.all([areaGrowthSectors(tx), growthSectorsOfEmployer(tx, vacancy.employerId)]),
      );
      const { parameters } = matchParameters(
        today,
        sectors.map((s) => s.code),
      );
      const people: PersonMatch[] = [];
      for (const profile of stored) {
        const person = matchPersonOf(profile);
        if (!person) continue;
        const result = matchOne(person, { ...vacancy, id: vacancy.id, location: vacancy.location, growthSectors: employerSectors }, parameters);
        if ('score' in result) people.push({ match: result, caseId: profile.caseId, personName: names.get(profile.caseId) ?? '' });
      }
      people.sort((a, b) => b.match.score - a.match.score || a.personName.localeCompare(b.personName));
      return { vacancy, people, sectors };
    },
  };
}

export type MatchingService = ReturnType<typeof createMatchingService>;
