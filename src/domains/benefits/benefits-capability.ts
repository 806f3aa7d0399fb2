import { defineCapability } from '../../platform/capability/index.ts';
import type { Clock } from '../../platform/clock/index.ts';
import type { AccessToWorkService } from '../access-to-work/index.ts';
import type { ParticipantService } from '../participants/index.ts';
import { calculationOperations } from './api/calculation-api.ts';
import { guaranteeOperations } from './api/guarantee-api.ts';
import type { CouncilTaxSupportService } from './council-tax-support-service.ts';
import { guaranteeMessages } from './guarantee-messages.ts';
import type { GuaranteeService } from './guarantee-service.ts';
import { betterOffMessages, registerBetterOffPages } from './web/better-off-routes.ts';
import { registerGuaranteePages } from './web/guarantee-routes.ts';

type Uses = {
  clock: Clock;
  guarantees: GuaranteeService;
  participants: ParticipantService;
  councilTax: CouncilTaxSupportService;
  accessToWork: AccessToWorkService;
};

/** Benefits: calculations, better off in work, and the bridge-back guarantee. */
export const benefitsCapability = defineCapability<Uses>({
  name: 'benefits',
  messages: [betterOffMessages, guaranteeMessages],
  publicLinks: [{ href: '/check-a-guarantee', textKey: 'guarantee.public.link', descriptionKey: 'guarantee.public.description', order: 30 }],
  homeLinks: [
    { role: 'specialist', href: '/guarantees', textKey: 'guarantee.dashboard.title' },
    { role: 'team-lead', href: '/guarantees', textKey: 'guarantee.dashboard.title' },
    { role: 'tenant-admin', href: '/admin/council-tax-support', textKey: 'councilTax.settings.link' },
  ],
  operations: (s) => [...guaranteeOperations(s.guarantees), ...calculationOperations()],
  routes(app, s, web) {
    registerBetterOffPages(app, {
      guarantees: s.guarantees,
      participants: s.participants,
      councilTax: s.councilTax,
      accessToWork: s.accessToWork,
      clock: s.clock,
      translator: web.translator,
    });
    registerGuaranteePages(app, { guarantees: s.guarantees, participants: s.participants, translator: web.translator });
  },
  jobs: (s) => ({
    handlers: {
      'benefits.guarantee-sweep': async () => {
        await s.guarantees.sweep();
      },
      // Queued once by migration 0008: re-states guarantees made under the revoked ESA 104-week term.
      'benefits.guarantee-restatement': async () => {
        await s.guarantees.restateRevoked();
      },
    },
    // Guarantees end on calendar days: hourly expires them and sends reminders on the right day.
    schedules: [{ name: 'guarantee-sweep', jobName: 'benefits.guarantee-sweep', everySeconds: 60 * 60 }],
  }),
});
