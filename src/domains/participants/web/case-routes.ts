import type { FastifyInstance } from 'fastify';
import type { Clock } from '../../../platform/clock/index.ts';
import { defineMessages } from '../../../platform/i18n/index.ts';
import type { CaseService } from '../case-service.ts';
import { registerCaseAdminPages } from './case-admin-routes.ts';
import { registerCaseloadPages } from './case-caseload-routes.ts';
import { type CaseProvenance, registerCasePage } from './case-page-routes.ts';
import { caseloadCy } from './caseload-messages-cy.ts';
import { caseloadEn } from './caseload-messages-en.ts';

/** The staff case pages' words: one file per language. */
export const caseloadMessages = defineMessages(caseloadEn, caseloadCy);

/**
 * Staff pages for case work: the caseload and the team's caseloads, one case with its forms,
 * break-glass reviews, and the tenant's case settings.
 */
export function registerCasePages(app: FastifyInstance, deps: { cases: CaseService; clock: Clock; provenance?: CaseProvenance }): void {
  registerCaseloadPages(app, deps);
  registerCaseAdminPages(app, deps);
  registerCasePage(app, deps);
}
