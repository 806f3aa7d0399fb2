import { defineCapability } from '../../platform/capability/index.ts';
import type { Clock } from '../../platform/clock/index.ts';
import type { Idempotency } from '../../platform/http/idempotency.ts';
import type { OrganisationService } from '../organisations/index.ts';
import type { DraftService } from './draft-service.ts';
import { referralFhirCapabilities, registerReferralFhirRoutes } from './fhir/fhir-routes.ts';
import type { FhirTaskSource } from './fhir/fhir-task-source.ts';
import { referralMessages } from './referral-messages.ts';
import type { ReferralService } from './referral-service.ts';
import { DELIVER_JOB, SWEEP_JOB } from './subscriptions/subscription-repo.ts';
import { subscriptionCapability } from './subscriptions/subscription-resources.ts';
import { registerSubscriptionRoutes } from './subscriptions/subscription-routes.ts';
import type { SubscriptionService } from './subscriptions/subscription-service.ts';
import type { TeamService } from './team-service.ts';
import { journeyMessages } from './web/journey-messages.ts';
import { registerReferralJourney } from './web/referral-journey-routes.ts';
import { registerReferralPages } from './web/referral-routes.ts';
import { registerTeamPages } from './web/team-routes.ts';

type Uses = {
  config: { baseUrl: string };
  clock: Clock;
  idempotency: Idempotency;
  referrals: ReferralService;
  subscriptions: SubscriptionService;
  drafts: DraftService;
  teams: TeamService;
  organisations: OrganisationService;
  /** Other capabilities' Tasks on /fhir/Task (onward referrals). */
  fhirTaskSources?: readonly FhirTaskSource[];
};

/** Referrals: the referral journey, the teams' inboxes, FHIR Task for clinical systems, and service levels. */
export const referralCapability = defineCapability<Uses>({
  name: 'referrals',
  messages: [referralMessages, journeyMessages],
  publicLinks: [{ href: '/self-referral', textKey: 'referrals.public.link', descriptionKey: 'referrals.public.description', order: 10 }],
  homeLinks: [
    { role: 'referrer', href: '/referrals/new', textKey: 'referrals.journey.title.staff' },
    { role: 'referrer', href: '/referrals/mine', textKey: 'referrals.mine.title' },
    { role: 'specialist', href: '/referrals/inbox', textKey: 'referrals.inbox.title' },
    { role: 'team-lead', href: '/referrals/inbox', textKey: 'referrals.inbox.title' },
    { role: 'team-lead', href: '/teams', textKey: 'teams.title' },
    { role: 'tenant-admin', href: '/teams', textKey: 'teams.title' },
  ],
  fhirResources: [...referralFhirCapabilities, subscriptionCapability],
  routes(app, s, web) {
    registerReferralFhirRoutes(app, {
      referrals: s.referrals,
      idempotency: s.idempotency,
      baseUrl: s.config.baseUrl,
      taskSources: s.fhirTaskSources ?? [],
    });
    registerSubscriptionRoutes(app, { subscriptions: s.subscriptions, baseUrl: s.config.baseUrl });
    registerReferralJourney(app, { referrals: s.referrals, drafts: s.drafts, organisations: s.organisations, clock: s.clock, secure: web.secure });
    registerReferralPages(app, { referrals: s.referrals, teams: s.teams, clock: s.clock });
    registerTeamPages(app, { teams: s.teams, organisations: s.organisations });
  },
  deliveryFailed: (s) => s.referrals.messageFailed,
  gauges: (s) => [
    {
      gauges: [{ name: 'bridgework_referrals_past_first_contact', help: 'Open referrals with no contact attempt by their first-contact day' }],
      read: async () => [{ name: 'bridgework_referrals_past_first_contact', value: await s.referrals.pastFirstContactDeadline() }],
    },
  ],
  jobs: (s) => ({
    handlers: {
      'referrals.service-levels': async () => {
        await s.referrals.checkServiceLevels();
      },
      [DELIVER_JOB]: async (job) => {
        const { subscriptionId } = job.payload as { subscriptionId: string };
        if (job.tenantId) await s.subscriptions.deliver(job.tenantId, subscriptionId);
      },
      [SWEEP_JOB]: async () => {
        await s.subscriptions.sweep();
      },
    },
    // Hourly is ample for a rule counted in working days, and quick after a restart.
    schedules: [
      { name: 'referral-service-levels', jobName: 'referrals.service-levels', everySeconds: 60 * 60 },
      // Heartbeats are asked for in whole minutes at least (policy), so a sweep a minute keeps them.
      { name: 'fhir-subscription-sweep', jobName: SWEEP_JOB, everySeconds: 60 },
    ],
    purge: async () => {
      await s.drafts.purgeExpired();
      await s.subscriptions.purgeSent();
    },
  }),
});
