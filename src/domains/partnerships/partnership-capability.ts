import { defineCapability } from '../../platform/capability/index.ts';
import type { PartnerService } from './partner-service.ts';
import { partnershipMessages } from './partnership-messages.ts';
import type { PlanService } from './plan-service.ts';
import { registerPartnerPages } from './web/partner-routes.ts';
import { PLAN_READERS, registerPlanPages } from './web/plan-routes.ts';

export const AGREEMENT_WARNING_JOB = 'partnerships.warn-agreement-ending';

/** Local partnerships: the local plan, its partners and their data-sharing agreements (ADR 0035). */
export const partnershipCapability = defineCapability<{ plans: PlanService; partners: PartnerService }>({
  name: 'partnerships',
  messages: [partnershipMessages],
  homeLinks: [
    ...PLAN_READERS.map((role) => ({ role, href: '/local-plan', textKey: 'plan.link' })),
    { role: 'tenant-admin', href: '/partners', textKey: 'partners.title' },
    { role: 'ig-lead', href: '/partners/agreements', textKey: 'agreements.title' },
  ],
  routes(app, s) {
    registerPlanPages(app, { plans: s.plans });
    registerPartnerPages(app, { partners: s.partners });
  },
  jobs: (s) => ({
    handlers: {
      [AGREEMENT_WARNING_JOB]: async () => {
        await s.partners.warnEnding();
      },
    },
    schedules: [{ name: 'partnerships-warn-agreement-ending', jobName: AGREEMENT_WARNING_JOB, everySeconds: 24 * 60 * 60 }],
  }),
});
