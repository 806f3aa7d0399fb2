import type { FastifyInstance } from 'fastify';
import type { ParticipantService } from '../../participants/index.ts';
import { type GuaranteePagesDeps, registerGuaranteeCasePages } from './guarantee-case-routes.ts';
import { registerGuaranteeParticipantPages } from './guarantee-participant-routes.ts';
import { registerGuaranteeCheckPage } from './guarantee-public-routes.ts';

/**
 * The bridge-back guarantee's pages: the case's benefits page and its forms and documents, the
 * dashboard of active guarantees, the public check by code, and the person's own page.
 */
export function registerGuaranteePages(app: FastifyInstance, deps: GuaranteePagesDeps & { participants: ParticipantService }): void {
  registerGuaranteeCasePages(app, deps);
  registerGuaranteeCheckPage(app, deps);
  registerGuaranteeParticipantPages(app, deps);
}
