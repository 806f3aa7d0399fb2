import { deliveryFailureHooks } from './capabilities.ts';
import type { Config } from './config.ts';
import { accessToWorkExportSections, createAccessToWorkService } from './domains/access-to-work/index.ts';
import { createCouncilTaxSupportService, createGuaranteeService } from './domains/benefits/index.ts';
import { createDirectoryService, createOnwardService, onwardExportSections, onwardTaskSource } from './domains/directory/index.ts';
import {
  createEmployerService,
  createEngagementService,
  createMatchingIndex,
  createMatchingService,
  createWorkProfileService,
  workProfileExportSections,
} from './domains/employers/index.ts';
import { createOrganisationService } from './domains/organisations/index.ts';
import { createFidelityService, createOutcomeService } from './domains/outcomes/index.ts';
import { createCaseService, createParticipantService, type ExportSectionsProvider, mergeExportSections } from './domains/participants/index.ts';
import { createPartnerService, createPlanService, referralInGate } from './domains/partnerships/index.ts';
import { createRecordService } from './domains/records/index.ts';
import { createDraftService, createReferralService, createSubscriptionService, createTeamService } from './domains/referrals/index.ts';
import { createRetentionService, retentionExportSections } from './domains/retention/index.ts';
import { createYouthService, youthExportSections } from './domains/youth/index.ts';
import {
  type ClientPrincipal,
  createAuthService,
  createClientService,
  createOidcService,
  createStaffService,
  createVerifiedCache,
  type LoadedSession,
} from './platform/auth/index.ts';
import type { Clock } from './platform/clock/index.ts';
import type { Database } from './platform/db/index.ts';
import { createIdempotency } from './platform/http/idempotency.ts';
import type { JobHandler } from './platform/jobs/index.ts';
import {
  createDeliveryReceipts,
  createNotifyNotifier,
  createOutboxNotifier,
  type Notifier,
  SEND_NOTIFICATION_JOB,
  sendNotificationHandler,
} from './platform/notify/index.ts';

/** Every service, built once from its dependencies. Routes and jobs get what they need from here. */
export function createServices(deps: { config: Config; db: Database; clock: Clock; notifier?: Notifier }) {
  const { config, db, clock } = deps;
  const notifier =
    deps.notifier ??
    (config.notify.kind === 'govuk-notify'
      ? createNotifyNotifier({
          apiKey: config.notify.apiKey,
          baseUrl: config.notify.baseUrl,
          emailTemplateId: config.notify.emailTemplateId,
          smsTemplateId: config.notify.smsTemplateId,
        })
      : createOutboxNotifier());
  // Verified sessions and tokens are remembered for a few seconds (ADR 0020): revocation elsewhere takes that long here.
  const sessions = createVerifiedCache<LoadedSession>(clock, config.authCacheSeconds);
  const tokens = createVerifiedCache<ClientPrincipal>(clock, config.authCacheSeconds);
  const auth = createAuthService({
    db,
    clock,
    settings: {
      secret: config.secret,
      idleMinutes: config.session.idleMinutes,
      absoluteHours: config.session.absoluteHours,
      passwordCost: config.passwordCost,
    },
    sessions,
  });
  const clients = createClientService({ db, clock, accessTokenSeconds: config.accessTokenSeconds, tokens });
  const staff = createStaffService({ db, clock, baseUrl: config.baseUrl, sessions, passwordCost: config.passwordCost });
  // Staff sign-in through each tenant's identity providers (ADR 0044), beside local passwords.
  const oidc = createOidcService({
    db,
    clock,
    secret: config.secret,
    baseUrl: config.baseUrl,
    absoluteHours: config.session.absoluteHours,
    allowLoopbackHttp: config.env !== 'production',
    sessions,
  });
  const idempotency = createIdempotency({ db, clock });
  const organisations = createOrganisationService({ db, clock });
  // Referrals in are checked against the referring organisation's data-sharing agreement (ADR 0035).
  const referrals = createReferralService({ db, clock, baseUrl: config.baseUrl, incoming: referralInGate });
  // FHIR subscriptions (ADR 0046): plain HTTP only to this machine, and never in production.
  const subscriptions = createSubscriptionService({ db, clock, baseUrl: config.baseUrl, allowLocalHttp: config.env !== 'production' });
  const drafts = createDraftService({ db, clock, secret: config.secret });
  const teams = createTeamService({ db, clock });
  // The guarantee hears of job starts and ends inside the case's own transaction, and works cases
  // through the case service: it is built first and reaches the case service through a getter.
  const guarantees = createGuaranteeService({ db, clock, baseUrl: config.baseUrl, secret: config.secret, cases: () => cases });
  const cases = createCaseService({ db, clock, baseUrl: config.baseUrl, referrals, jobEvents: guarantees.jobEvents });
  // The person's download holds their benefit before work and guarantees, Access to Work decisions,
  // onward referrals, work profile, youth pathway and support to stay in work too, each read in its
  // transaction through that capability's index.ts.
  const sectionProviders: ExportSectionsProvider[] = [
    guarantees.exportSections,
    accessToWorkExportSections,
    onwardExportSections,
    workProfileExportSections,
    youthExportSections,
    retentionExportSections,
  ];
  const exportSections: ExportSectionsProvider = async (tx, who) => {
    const parts = [];
    for (const provide of sectionProviders) parts.push(await provide(tx, who));
    return mergeExportSections(parts);
  };
  const participants = createParticipantService({ db, clock, baseUrl: config.baseUrl, cases, exportSections });
  // A person's record that moves with them: read through the participant service's audited export.
  const records = createRecordService({ db, clock, participants });
  const councilTax = createCouncilTaxSupportService({ db, clock });
  const accessToWork = createAccessToWorkService({ db, clock, baseUrl: config.baseUrl, secret: config.secret, cases });
  const directory = createDirectoryService({ db, clock });
  const outcomes = createOutcomeService({ db, clock });
  const fidelity = createFidelityService({ db, clock });
  // Employers and matching. The work profile reads the adjustments a person shares in their Access to
  // Work passport through that capability's index.ts, falling back to its own list (ADR 0027).
  const matchingIndex = createMatchingIndex({ db });
  const changed = (tenantId: string, vacancyId: string) => matchingIndex.refresh(tenantId, vacancyId);
  const employers = createEmployerService({ db, clock, changed });
  const workProfiles = createWorkProfileService({ db, clock, cases });
  const matching = createMatchingService({ db, clock, index: matchingIndex, profiles: workProfiles, cases });
  const engagement = createEngagementService({ db, clock, cases, profiles: workProfiles, changed });
  const plans = createPlanService({ db, clock });
  const partners = createPartnerService({ db, clock, baseUrl: config.baseUrl });
  const onward = createOnwardService({ db, clock, secret: config.secret, baseUrl: config.baseUrl, cases: () => cases });
  const retention = createRetentionService({ db, clock, referrals, cases });
  const youth = createYouthService({ db, clock, baseUrl: config.baseUrl, cases });

  // Delivery receipts: a permanent failure goes to the capability whose record the message was about
  // (its `deliveryFailed` hook), read from the capability list when the first receipt comes.
  const receipts = createDeliveryReceipts({ db, clock, onFailure: () => deliveryFailureHooks(services) });

  // The platform's own jobs; each capability brings its own through its module object (capabilities.ts).
  const platformJobs = {
    handlers: { [SEND_NOTIFICATION_JOB]: sendNotificationHandler({ db, clock, notifier, receipts }) } as Record<string, JobHandler>,
    async purge() {
      await auth.purgeExpiredSessions();
      await clients.purgeExpiredTokens();
      await oidc.purgeExpiredStates();
      await idempotency.purge();
    },
  };

  const services = {
    config,
    db,
    clock,
    notifier,
    receipts,
    auth,
    clients,
    staff,
    oidc,
    idempotency,
    organisations,
    referrals,
    subscriptions,
    drafts,
    teams,
    cases,
    participants,
    records,
    guarantees,
    councilTax,
    accessToWork,
    directory,
    outcomes,
    fidelity,
    employers,
    matchingIndex,
    workProfiles,
    matching,
    engagement,
    onward,
    retention,
    // Other capabilities' Tasks on /fhir/Task beside the referrals' own.
    fhirTaskSources: [onwardTaskSource(onward)],
    plans,
    partners,
    youth,
    platformJobs,
  };
  return services;
}

export type Services = ReturnType<typeof createServices>;
