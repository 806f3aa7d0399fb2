import { accessToWorkCapability } from './domains/access-to-work/index.ts';
import { administrationCapability } from './domains/administration/index.ts';
import { benefitsCapability } from './domains/benefits/index.ts';
import { directoryCapability } from './domains/directory/index.ts';
import { employersCapability } from './domains/employers/index.ts';
import { organisationCapability } from './domains/organisations/index.ts';
import { outcomeCapability } from './domains/outcomes/index.ts';
import { caseCapability } from './domains/participants/index.ts';
import { partnershipCapability } from './domains/partnerships/index.ts';
import { recordCapability } from './domains/records/index.ts';
import { referralCapability } from './domains/referrals/index.ts';
import { retentionCapability } from './domains/retention/index.ts';
import { youthCapability } from './domains/youth/index.ts';
import type { Capability } from './platform/capability/index.ts';
import type { JobHandler, JobSchedule } from './platform/jobs/index.ts';
import type { GaugeSource } from './platform/metrics/index.ts';
import type { DeliveryFailureHook } from './platform/notify/index.ts';
import type { Services } from './services.ts';

/**
 * Every capability the service runs, in the order the staff home page lists their links. A new
 * capability is one line here; app.ts and the job runner take everything else from its object.
 */
export const capabilities: readonly Capability<Services>[] = [
  referralCapability,
  caseCapability,
  youthCapability,
  benefitsCapability,
  accessToWorkCapability,
  retentionCapability,
  directoryCapability,
  employersCapability,
  organisationCapability,
  outcomeCapability,
  partnershipCapability,
  recordCapability,
  administrationCapability,
];

/** The job handlers and schedules of the platform and of every capability. */
export function jobsOf(services: Services): { handlers: Record<string, JobHandler>; schedules: JobSchedule[] } {
  const parts = capabilities.map((c) => c.jobs?.(services) ?? {});
  const handlers: Record<string, JobHandler> = {
    ...services.platformJobs.handlers,
    'maintenance.purge-expired': async () => {
      await services.platformJobs.purge();
      for (const part of parts) await part.purge?.();
    },
  };
  for (const part of parts) {
    for (const [name, handler] of Object.entries(part.handlers ?? {})) {
      if (handlers[name]) throw new Error(`job ${name} is handled twice`);
      handlers[name] = handler;
    }
  }
  return {
    handlers,
    schedules: [{ name: 'purge-expired', jobName: 'maintenance.purge-expired', everySeconds: 15 * 60 }, ...parts.flatMap((p) => p.schedules ?? [])],
  };
}

/** What each capability does when a message about one of its records cannot be delivered (ADR 0045). */
export function deliveryFailureHooks(services: Services): DeliveryFailureHook[] {
  return capabilities.flatMap((c) => (c.deliveryFailed ? [c.deliveryFailed(services)] : []));
}

/** The gauges each capability adds to /metrics. */
export function capabilityGauges(services: Services): GaugeSource[] {
  return capabilities.flatMap((c) => c.gauges?.(services) ?? []);
}
