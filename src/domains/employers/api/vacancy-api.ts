import { z } from 'zod';
import { defineOperation } from '../../../platform/http/api-routes.ts';
import { vacancySchema, vacancyStatusSchema } from '../employer-schemas.ts';
import type { EmployerService } from '../employer-service.ts';
import type { EngagementService } from '../engagement-service.ts';
import { DAYS, FLEXIBLE_OPTIONS, SHIFTS, WORKPLACES } from '../matching.ts';
import { CONTRACT_TYPES, INTRODUCTION_STATUSES, SHAREABLE_FIELDS, VACANCY_SOURCES, VACANCY_STATUSES, type Vacancy } from '../vacancy.ts';

/*
 * `/api/v1/vacancies`: an employer's applicant-tracking system (a client registered for the
 * employer's organisation) posts and manages its own vacancies and reads the candidates introduced
 * to it, with only what each person agreed to share; a client of the council's own organisation
 * works any employer's vacancies. Creates take an Idempotency-Key.
 */

const TAG = 'Vacancies';
const idParams = z.object({ id: z.uuid('The vacancy id must be a UUID') });

const vacancyJsonSchema = z.object({
  id: z.uuid(),
  employerId: z.uuid(),
  employerName: z.string(),
  title: z.string(),
  description: z.string(),
  soc: z.string(),
  hoursPerWeek: z.object({ min: z.number(), max: z.number() }),
  days: z.array(z.enum(DAYS)),
  shifts: z.array(z.enum(SHIFTS)),
  patternNote: z.string(),
  workplace: z.enum(WORKPLACES),
  flexibleOptions: z.array(z.enum(FLEXIBLE_OPTIONS)),
  adjustmentsOffered: z.array(z.string()),
  payHourly: z.number(),
  contractType: z.enum(CONTRACT_TYPES),
  postcode: z.string(),
  location: z.object({ lat: z.number(), lon: z.number() }),
  closingDate: z.string(),
  status: z.enum(VACANCY_STATUSES),
  source: z.enum(VACANCY_SOURCES),
  externalRef: z.string().nullable(),
  version: z.number().int(),
});

const candidateSchema = z.object({
  id: z.uuid(),
  vacancyId: z.uuid(),
  vacancyTitle: z.string(),
  status: z.enum(INTRODUCTION_STATUSES),
  sharedFields: z.array(z.enum(SHAREABLE_FIELDS)),
  shared: z.object({
    name: z.string().optional(),
    email: z.string().optional(),
    phone: z.string().optional(),
    availability: z.object({ hoursPerWeek: z.object({ min: z.number(), max: z.number() }), days: z.array(z.enum(DAYS)) }).optional(),
    flexibility: z.array(z.enum(FLEXIBLE_OPTIONS)).optional(),
    adjustments: z.array(z.string()).optional(),
    summary: z.string().optional(),
  }),
  introducedAt: z.string(),
});

const json = (v: Vacancy) => v;

export function vacancyOperations(employers: EmployerService, engagement: EngagementService) {
  return [
    defineOperation({
      method: 'GET',
      path: '/api/v1/vacancies',
      operationId: 'listVacancies',
      summary: 'List vacancies: an employer’s client sees only its own',
      tag: TAG,
      scope: 'vacancies:read',
      query: z.object({ status: z.enum(VACANCY_STATUSES).optional() }),
      response: z.object({ items: z.array(vacancyJsonSchema) }),
      handler: async ({ principal, query }) => ({
        items: (await employers.vacancies(principal, query.status ? { statuses: [query.status] } : {})).map(json),
      }),
    }),
    defineOperation({
      method: 'POST',
      path: '/api/v1/vacancies',
      operationId: 'createVacancy',
      summary: 'Post a vacancy (open, or a draft); the postcode places it. Send an Idempotency-Key to make retries safe',
      tag: TAG,
      scope: 'vacancies:write',
      body: vacancySchema,
      response: vacancyJsonSchema,
      status: 201,
      handler: async ({ principal, body, afterWrite }) =>
        json(await employers.createVacancy(principal, body, 'api', { afterWrite: (tx, v) => afterWrite(tx, json(v)) })),
    }),
    defineOperation({
      method: 'GET',
      path: '/api/v1/vacancies/{id}',
      operationId: 'getVacancy',
      summary: 'Get one vacancy (another employer’s is not found)',
      tag: TAG,
      scope: 'vacancies:read',
      params: idParams,
      response: vacancyJsonSchema,
      handler: async ({ principal, params }) => json(await employers.vacancy(principal, params.id)),
    }),
    defineOperation({
      method: 'POST',
      path: '/api/v1/vacancies/{id}/status',
      operationId: 'changeVacancyStatus',
      summary: 'Move a vacancy through its lifecycle (draft → open → filled | closed; expiry is the service’s)',
      tag: TAG,
      scope: 'vacancies:write',
      params: idParams,
      body: vacancyStatusSchema,
      response: vacancyJsonSchema,
      handler: async ({ principal, params, body, afterWrite }) =>
        json(await employers.changeStatus(principal, params.id, body, { afterWrite: (tx, v) => afterWrite(tx, json(v)) })),
    }),
    defineOperation({
      method: 'GET',
      path: '/api/v1/candidates',
      operationId: 'listCandidates',
      summary: 'The candidates introduced to the client’s employer, each with only what the person agreed to share',
      tag: TAG,
      scope: 'vacancies:read',
      response: z.object({ items: z.array(candidateSchema) }),
      handler: async ({ principal }) => ({
        items: (await engagement.candidates(principal)).map((c) => ({
          id: c.id,
          vacancyId: c.vacancyId,
          vacancyTitle: c.vacancyTitle,
          status: c.status,
          sharedFields: c.sharedFields,
          shared: c.shared,
          introducedAt: c.createdAt.toISOString(),
        })),
      }),
    }),
  ];
}
