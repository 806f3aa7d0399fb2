import { defineCapability } from '../../platform/capability/index.ts';
import type { ParticipantService } from '../participants/index.ts';
import { accessToWorkMessages } from './access-to-work-messages.ts';
import type { AccessToWorkService } from './access-to-work-service.ts';
import { assessmentOperations } from './api/assessment-api.ts';
import { decisionOperations } from './api/decision-api.ts';
import { registerAtwCasePages } from './web/atw-case-routes.ts';
import { registerAtwParticipantPages } from './web/atw-participant-routes.ts';
import { registerAtwCheckPage } from './web/atw-public-routes.ts';

type Uses = { accessToWork: AccessToWorkService; participants: ParticipantService };

/** Access to Work: the assessment, decisions in principle, the adjustments passport and the public check. */
export const accessToWorkCapability = defineCapability<Uses>({
  name: 'access-to-work',
  messages: [accessToWorkMessages],
  publicLinks: [{ href: '/check-access-to-work', textKey: 'atw.public.link', descriptionKey: 'atw.public.description', order: 40 }],
  homeLinks: [{ role: 'tenant-admin', href: '/admin/access-to-work', textKey: 'atw.settings.link' }],
  operations: (s) => [...assessmentOperations(), ...decisionOperations(s.accessToWork)],
  routes(app, s, web) {
    const deps = { accessToWork: s.accessToWork, translator: web.translator };
    registerAtwCasePages(app, deps);
    registerAtwParticipantPages(app, { ...deps, participants: s.participants });
    registerAtwCheckPage(app, deps);
  },
  jobs: (s) => ({
    handlers: {
      'access-to-work.decision-sweep': async () => {
        await s.accessToWork.sweep();
      },
    },
    // Decisions end on calendar days: hourly expires them on the right day.
    schedules: [{ name: 'access-to-work-sweep', jobName: 'access-to-work.decision-sweep', everySeconds: 60 * 60 }],
  }),
});
