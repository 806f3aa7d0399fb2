import { type Actor, recordAudit } from '../../platform/audit/index.ts';
import { actorOf, type Principal } from '../../platform/auth/index.ts';
import type { Clock } from '../../platform/clock/index.ts';
import { type Database, newId, type Tx, type WriteHooks } from '../../platform/db/index.ts';
import { Forbidden, InvalidInput, NotFound, parseInput } from '../../platform/errors/index.ts';
import { londonIsoDate } from '../../platform/i18n/index.ts';
import { insertOrganisation } from '../organisations/index.ts';
import {
  bodyFor,
  dueToExpire,
  employerOfOrganisation,
  findEmployer,
  findVacancy,
  geocode,
  insertEmployer,
  insertVacancies,
  listEmployers,
  listGrowthSectors,
  listVacancies,
  tables,
  updateVacancyStatus,
  type VacancyInsert,
} from './employer-repo.ts';
import { employerSchema, type VacancyInput, vacancySchema, vacancyStatusSchema } from './employer-schemas.ts';
import type { Employer, Vacancy, VacancySource, VacancyStatus } from './vacancy.ts';
import { hasExpired, moveVacancy } from './vacancy-rules.ts';

const STAFF = ['specialist', 'team-lead', 'tenant-admin'] as const;

/** Told after a vacancy write commits: this process's matching index takes it at once. */
export type VacancyChanged = (tenantId: string, vacancyId: string) => Promise<void>;
const SWEEP_ACTOR: Actor = { kind: 'system', id: 'vacancy-expiry' };

/**
 * Whose vacancies a caller works with: staff see the tenant's employers; an employer user, or an
 * API client registered for an employer's organisation, sees only that employer. Anyone else
 * (another role, a client for a health service) sees nothing.
 */
export type EmployerScope = { kind: 'staff' } | { kind: 'employer'; employer: Employer };

export async function scopeOf(tx: Tx, principal: Principal): Promise<EmployerScope> {
  if (principal.kind === 'user') {
    if (principal.roles.includes('employer')) {
      const employer = await employerOfOrganisation(tx, principal.organisationId);
      if (!employer) throw new Forbidden('This account is not linked to an employer');
      return { kind: 'employer', employer };
    }
    if (principal.roles.some((r) => (STAFF as readonly string[]).includes(r))) return { kind: 'staff' };
    throw new Forbidden('This needs an employment specialist, team lead, administrator or employer account');
  }
  const employer = principal.organisationId ? await employerOfOrganisation(tx, principal.organisationId) : null;
  return employer ? { kind: 'employer', employer } : { kind: 'staff' };
}

/** The employer a vacancy is posted for: an employer's own, or the one staff name. */
async function employerFor(tx: Tx, scope: EmployerScope, employerId: string | undefined): Promise<Employer> {
  if (scope.kind === 'employer') return scope.employer;
  if (!employerId) throw new InvalidInput([{ path: 'employerId', message: 'employers.error.employer' }]);
  const employer = await findEmployer(tx, employerId);
  if (!employer) throw new InvalidInput([{ path: 'employerId', message: 'employers.error.employer' }]);
  return employer;
}

/** A vacancy row from valid input, with its place found from the postcode. */
export async function vacancyRow(
  tx: Tx,
  tenantId: string,
  employerId: string,
  v: VacancyInput,
  source: VacancySource,
  now: Date,
  path = 'postcode',
): Promise<VacancyInsert> {
  const place = await geocode(tx, v.postcode);
  if (!place) throw new InvalidInput([{ path, message: 'employers.error.postcodeUnknown' }]);
  return {
    tenant_id: tenantId,
    id: newId(now),
    employer_id: employerId,
    title: v.title,
    description: v.description,
    soc: v.soc,
    hours_min: v.hoursMin,
    hours_max: v.hoursMax,
    days: v.days,
    shifts: v.shifts,
    pattern_note: v.patternNote,
    workplace: v.workplace,
    flexible_options: v.flexibleOptions,
    adjustments_offered: v.adjustmentsOffered,
    pay_hourly: v.payHourly,
    contract_type: v.contractType,
    postcode: v.postcode,
    lat: place.lat,
    lon: place.lon,
    closing_date: v.closingDate,
    status: v.status,
    source,
    external_ref: v.externalRef ?? null,
    created_at: now,
    updated_at: now,
  };
}

/**
 * Employers and their vacancies: staff add employers (each with the organisation its users
 * belong to), employers and staff post vacancies, move them through the declared lifecycle, and an
 * hourly job expires those past their closing date. Each change is one transaction with its audit row.
 */
export function createEmployerService(deps: { db: Database; clock: Clock; changed?: VacancyChanged }) {
  const { db, clock } = deps;
  const changed = async (tenantId: string, id: string) => deps.changed?.(tenantId, id);

  return {
    scopeOf: (principal: Principal) => db.inTenant(principal.tenantId, (tx) => scopeOf(tx, principal)),

    async createEmployer(principal: Principal, input: unknown): Promise<Employer> {
      const v = parseInput(employerSchema, input);
      return db.inTenant(principal.tenantId, async (tx) => {
        if ((await scopeOf(tx, principal)).kind !== 'staff') throw new Forbidden('Only staff add employers');
        const known = new Set((await listGrowthSectors(tx)).map((g) => g.code));
        if (v.growthSectors.some((g) => !known.has(g))) throw new InvalidInput([{ path: 'growthSectors', message: 'employers.error.growthSector' }]);
        const now = clock.now();
        const organisation = await insertOrganisation(tx, { tenantId: principal.tenantId, id: newId(now), kind: 'employer', name: v.name, createdAt: now });
        if (!organisation) throw new InvalidInput([{ path: 'name', message: 'employers.error.nameTaken' }]);
        const bodyId = v.identifierKind && v.identifier ? await bodyFor(tx, v.identifierKind, v.identifier, v.name, newId(now), now) : null;
        const id = newId(now);
        await insertEmployer(tx, {
          tenant_id: principal.tenantId,
          id,
          organisation_id: organisation.id,
          body_id: bodyId,
          name: v.name,
          sector: v.sector,
          size_band: v.sizeBand,
          nhs_body: v.nhsBody,
          growth_sectors: v.growthSectors,
          disability_confident: v.disabilityConfident,
          created_at: now,
          updated_at: now,
        });
        if (v.contactName) {
          await tables(tx)
            .insertInto('employer_contacts')
            .values({
              tenant_id: principal.tenantId,
              id: newId(now),
              employer_id: id,
              name: v.contactName,
              job_title: '',
              email: v.contactEmail,
              phone: v.contactPhone,
            })
            .execute();
        }
        if (v.sitePostcode) {
          const place = await geocode(tx, v.sitePostcode);
          if (place) {
            await tables(tx)
              .insertInto('employer_sites')
              .values({ tenant_id: principal.tenantId, id: newId(now), employer_id: id, name: v.name, postcode: v.sitePostcode, ...place })
              .execute();
          }
        }
        await recordAudit(tx, principal.tenantId, clock, {
          actor: actorOf(principal),
          action: 'employer.create',
          recordType: 'employer',
          recordId: id,
          reason: 'employer added',
          details: { organisation: organisation.id, body: bodyId },
        });
        return (await findEmployer(tx, id)) as Employer;
      });
    },

    /** The tenant's growth sectors, for the employer form. */
    growthSectors: (principal: Principal) => db.inTenant(principal.tenantId, (tx) => listGrowthSectors(tx)),

    /** Staff: every employer in the tenant; an employer: itself. */
    async employers(principal: Principal): Promise<Employer[]> {
      return db.inTenant(principal.tenantId, async (tx) => {
        const scope = await scopeOf(tx, principal);
        return scope.kind === 'employer' ? [scope.employer] : listEmployers(tx);
      });
    },

    async employer(principal: Principal, id: string): Promise<{ employer: Employer; vacancies: Vacancy[] }> {
      return db.inTenant(principal.tenantId, async (tx) => {
        const scope = await scopeOf(tx, principal);
        const employer = scope.kind === 'employer' ? (scope.employer.id === id ? scope.employer : null) : await findEmployer(tx, id);
        if (!employer) throw new NotFound('employer', id);
        return { employer, vacancies: await listVacancies(tx, { employerId: id }) };
      });
    },

    async createVacancy(principal: Principal, input: unknown, source: VacancySource = 'form', hooks: WriteHooks<Vacancy> = {}): Promise<Vacancy> {
      const v = parseInput(vacancySchema, input);
      const created = await db.inTenant(principal.tenantId, async (tx) => {
        const now = clock.now();
        if (hasExpired(v.closingDate, londonIsoDate(now))) throw new InvalidInput([{ path: 'closingDate', message: 'employers.error.closingPast' }]);
        const employer = await employerFor(tx, await scopeOf(tx, principal), v.employerId);
        const row = await vacancyRow(tx, principal.tenantId, employer.id, v, source, now);
        await insertVacancies(tx, [row]);
        await recordAudit(tx, principal.tenantId, clock, {
          actor: actorOf(principal),
          action: 'vacancy.create',
          recordType: 'vacancy',
          recordId: row.id,
          reason: `vacancy posted (${row.status})`,
          details: { employer: employer.id, source },
        });
        const vacancy = (await findVacancy(tx, row.id)) as Vacancy;
        await hooks.afterWrite?.(tx, vacancy);
        return vacancy;
      });
      await changed(principal.tenantId, created.id);
      return created;
    },

    /** Vacancies the caller may see: an employer only its own; staff any employer's, or all. */
    async vacancies(principal: Principal, filter: { employerId?: string; statuses?: VacancyStatus[] } = {}): Promise<Vacancy[]> {
      return db.inTenant(principal.tenantId, async (tx) => {
        const scope = await scopeOf(tx, principal);
        const employerId = scope.kind === 'employer' ? scope.employer.id : filter.employerId;
        return listVacancies(tx, { ...(employerId ? { employerId } : {}), ...(filter.statuses ? { statuses: filter.statuses } : {}) });
      });
    },

    /** One vacancy; another employer's is not found, as if it did not exist. */
    async vacancy(principal: Principal, id: string): Promise<Vacancy> {
      return db.inTenant(principal.tenantId, async (tx) => {
        const scope = await scopeOf(tx, principal);
        const vacancy = await findVacancy(tx, id);
        if (!vacancy || (scope.kind === 'employer' && vacancy.employerId !== scope.employer.id)) throw new NotFound('vacancy', id);
        return vacancy;
      });
    },

    async changeStatus(principal: Principal, id: string, input: unknown, hooks: WriteHooks<Vacancy> = {}): Promise<Vacancy> {
      const { status } = parseInput(vacancyStatusSchema, input);
      const moved = await db.inTenant(principal.tenantId, async (tx) => {
        const scope = await scopeOf(tx, principal);
        const vacancy = await findVacancy(tx, id, true);
        if (!vacancy || (scope.kind === 'employer' && vacancy.employerId !== scope.employer.id)) throw new NotFound('vacancy', id);
        moveVacancy(vacancy.status, status);
        const now = clock.now();
        if (status === 'open' && hasExpired(vacancy.closingDate, londonIsoDate(now)))
          throw new InvalidInput([{ path: 'status', message: 'employers.error.closingPast' }]);
        await updateVacancyStatus(tx, principal.tenantId, id, status, now);
        await recordAudit(tx, principal.tenantId, clock, {
          actor: actorOf(principal),
          action: 'vacancy.status',
          recordType: 'vacancy',
          recordId: id,
          reason: `${vacancy.status} → ${status}`,
        });
        const after = (await findVacancy(tx, id)) as Vacancy;
        await hooks.afterWrite?.(tx, after);
        return after;
      });
      await changed(principal.tenantId, id);
      return moved;
    },

    /** The hourly job: open vacancies whose closing date has passed become expired, in batches. */
    async expireDue(): Promise<number> {
      const now = clock.now();
      const today = londonIsoDate(now);
      const counts = await db.eachTenant(async (tx, tenant) => {
        const due = await dueToExpire(tx, today, 1000);
        for (const { id } of due) {
          await updateVacancyStatus(tx, tenant.id, id, moveVacancy('open', 'expired'), now);
          await recordAudit(tx, tenant.id, clock, {
            actor: SWEEP_ACTOR,
            action: 'vacancy.status',
            recordType: 'vacancy',
            recordId: id,
            reason: 'open → expired: closing date passed',
          });
        }
        return due.map((d) => ({ tenantId: tenant.id, id: d.id }));
      });
      for (const { tenantId, id } of counts.flat()) await changed(tenantId, id);
      return counts.flat().length;
    },
  };
}

export type EmployerService = ReturnType<typeof createEmployerService>;
