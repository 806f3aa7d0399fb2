import { defineCapability } from '../../platform/capability/index.ts';
import type { Clock } from '../../platform/clock/index.ts';
import type { Idempotency } from '../../platform/http/idempotency.ts';
import type { ParticipantService } from '../participants/index.ts';
import type { DraftService, ReferralService } from '../referrals/index.ts';
import { retentionOperations } from './api/retention-api.ts';
import { registerFitNoteFhirRoutes, retentionFhirCapabilities } from './fhir/fit-note-observation.ts';
import { retentionMessages } from './retention-messages.ts';
import type { RetentionService } from './retention-service.ts';
import { registerRetentionOwnPages } from './web/retention-own-routes.ts';
import { registerRetentionPages } from './web/retention-routes.ts';
import { registerRetentionSelfReferral } from './web/retention-self-routes.ts';

type Uses = {
  retention: RetentionService;
  participants: ParticipantService;
  idempotency: Idempotency;
  drafts: DraftService;
  referrals: ReferralService;
  clock: Clock;
};

/** In-work retention: retention referrals with fit notes, the plan and phased return, the employer's view, and outcomes. */
export const retentionCapability = defineCapability<Uses>({
  name: 'retention',
  messages: [retentionMessages],
  // The public start point for the in-work self-referral, after the general one.
  publicLinks: [{ href: '/in-work-support', textKey: 'retention.self.link', descriptionKey: 'retention.self.description', order: 15 }],
  homeLinks: [
    { role: 'referrer', href: '/retention/refer', textKey: 'retention.refer.title' },
    { role: 'employer', href: '/retention/refer', textKey: 'retention.refer.title' },
    { role: 'employer', href: '/retention-plans', textKey: 'retention.employer.title' },
    { role: 'team-lead', href: '/retention/missed-reviews', textKey: 'retention.missed.title' },
  ],
  fhirResources: retentionFhirCapabilities,
  operations: (s) => retentionOperations(s.retention),
  routes(app, s, web) {
    registerFitNoteFhirRoutes(app, { retention: s.retention, idempotency: s.idempotency });
    registerRetentionPages(app, { retention: s.retention });
    registerRetentionSelfReferral(app, { retention: s.retention, drafts: s.drafts, referrals: s.referrals, clock: s.clock, secure: web.secure });
    registerRetentionOwnPages(app, { retention: s.retention, participants: s.participants, translator: web.translator });
  },
  jobs: (s) => ({
    handlers: {
      'retention.missed-reviews': async () => {
        await s.retention.sweepMissedReviews();
      },
    },
    // Reviews fall on calendar days: hourly flags a missed one on the right day.
    schedules: [{ name: 'retention-missed-reviews', jobName: 'retention.missed-reviews', everySeconds: 60 * 60 }],
  }),
});
