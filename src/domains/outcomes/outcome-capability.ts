import { defineCapability } from '../../platform/capability/index.ts';
import { fidelityOperations } from './api/fidelity-api.ts';
import { returnOperations } from './api/return-api.ts';
import type { FidelityService } from './fidelity-service.ts';
import { fidelityMessages, outcomeMessages } from './outcome-messages.ts';
import type { OutcomeService } from './outcome-service.ts';
import { registerFidelityPages } from './web/fidelity-routes.ts';
import { registerOutcomePages } from './web/outcome-routes.ts';

type Uses = { outcomes: OutcomeService; fidelity: FidelityService };

/** Outcomes: what the service achieves, for whom, against local economic inactivity; and IPS fidelity. */
export const outcomeCapability = defineCapability<Uses>({
  name: 'outcomes',
  messages: [outcomeMessages, fidelityMessages],
  homeLinks: [
    { role: 'team-lead', href: '/outcomes', textKey: 'outcomes.link' },
    { role: 'commissioner', href: '/outcomes', textKey: 'outcomes.link' },
    { role: 'tenant-admin', href: '/outcomes', textKey: 'outcomes.link' },
    { role: 'team-lead', href: '/outcomes/fidelity', textKey: 'fidelity.link' },
    { role: 'commissioner', href: '/outcomes/fidelity', textKey: 'fidelity.link' },
    { role: 'commissioner', href: '/outcomes/returns', textKey: 'outcomes.returns.link' },
    { role: 'tenant-admin', href: '/outcomes/returns', textKey: 'outcomes.returns.link' },
    { role: 'national-analyst', href: '/outcomes/national', textKey: 'outcomes.national.link' },
  ],
  operations: (s) => [...fidelityOperations(s.fidelity), ...returnOperations(s.outcomes)],
  routes(app, s) {
    // The fidelity pages first: `/outcomes/fidelity/new` before any `/outcomes/...` pattern.
    registerFidelityPages(app, { fidelity: s.fidelity });
    registerOutcomePages(app, { outcomes: s.outcomes });
  },
});
