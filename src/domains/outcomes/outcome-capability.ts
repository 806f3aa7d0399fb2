import { defineCapability } from '../../platform/capability/index.ts';
import { outcomeMessages } from './outcome-messages.ts';
import type { OutcomeService } from './outcome-service.ts';
import { registerOutcomePages } from './web/outcome-routes.ts';

type Uses = { outcomes: OutcomeService };

/** Outcomes: what the service achieves, for whom, against local economic inactivity. */
export const outcomeCapability = defineCapability<Uses>({
  name: 'outcomes',
  messages: [outcomeMessages],
  homeLinks: [
    { role: 'team-lead', href: '/outcomes', textKey: 'outcomes.link' },
    { role: 'commissioner', href: '/outcomes', textKey: 'outcomes.link' },
    { role: 'tenant-admin', href: '/outcomes', textKey: 'outcomes.link' },
    { role: 'national-analyst', href: '/outcomes/national', textKey: 'outcomes.national.link' },
  ],
  routes(app, s) {
    registerOutcomePages(app, { outcomes: s.outcomes });
  },
});
