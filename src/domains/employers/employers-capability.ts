import { defineCapability } from '../../platform/capability/index.ts';
import type { Clock } from '../../platform/clock/index.ts';
import type { CaseService, ParticipantService } from '../participants/index.ts';
import { vacancyOperations } from './api/vacancy-api.ts';
import type { EmployerService } from './employer-service.ts';
import { employersMessages } from './employers-messages.ts';
import type { EngagementService } from './engagement-service.ts';
import type { MatchingService } from './matching-service.ts';
import { registerCandidatePages } from './web/candidate-routes.ts';
import { registerCaseWorkPages } from './web/case-work-routes.ts';
import { registerEmployerPages } from './web/employer-routes.ts';
import { registerParticipantWorkPages } from './web/participant-work-routes.ts';
import type { WorkProfileService } from './work-profile-service.ts';

type Uses = {
  clock: Clock;
  employers: EmployerService;
  engagement: EngagementService;
  matching: MatchingService;
  workProfiles: WorkProfileService;
  cases: CaseService;
  participants: ParticipantService;
};

/** Employers, vacancies and matching: the partner API, the pages of specialists, employers and participants, and vacancy expiry. */
export const employersCapability = defineCapability<Uses>({
  name: 'employers',
  messages: [employersMessages],
  homeLinks: [
    { role: 'specialist', href: '/employers', textKey: 'employers.home.staff' },
    { role: 'team-lead', href: '/employers', textKey: 'employers.home.staff' },
    { role: 'tenant-admin', href: '/employers', textKey: 'employers.home.staff' },
    { role: 'employer', href: '/vacancies', textKey: 'employers.home.vacancies' },
    { role: 'employer', href: '/candidates', textKey: 'employers.home.candidates' },
  ],
  operations: (s) => vacancyOperations(s.employers, s.engagement),
  routes(app, s, web) {
    registerEmployerPages(app, s);
    registerCaseWorkPages(app, s);
    registerCandidatePages(app, s);
    registerParticipantWorkPages(app, { ...s, translator: web.translator });
  },
  jobs: (s) => ({
    handlers: {
      'employers.expire-vacancies': async () => {
        await s.employers.expireDue();
      },
    },
    // A closing date is a calendar day: hourly expires vacancies soon after it passes (matching
    // already leaves out any past its date that the job has not reached).
    schedules: [{ name: 'expire-vacancies', jobName: 'employers.expire-vacancies', everySeconds: 60 * 60 }],
  }),
});
