import { defineCapability } from '../../platform/capability/index.ts';
import type { DirectoryService, OnwardService } from '../directory/index.ts';
import { youthOperations } from './api/youth-api.ts';
import { registerYouthPages } from './web/youth-routes.ts';
import { youthMessages } from './youth-messages.ts';
import type { YouthService } from './youth-service.ts';

export const YOUTH_CLOCK_JOB = 'youth.offer-clock';

/** The youth pathway (issue 18, ADR 0042): triage, the days-to-offer clock and offers, on a young person's case. */
export const youthCapability = defineCapability<{ youth: YouthService; directory: DirectoryService; onward: OnwardService }>({
  name: 'youth',
  messages: [youthMessages],
  homeLinks: [
    { role: 'team-lead', href: '/youth/breaches', textKey: 'youth.breaches.link' },
    { role: 'tenant-admin', href: '/admin/youth', textKey: 'youth.settings.link' },
  ],
  operations: (s) => youthOperations(s.youth),
  routes(app, s) {
    registerYouthPages(app, { youth: s.youth, directory: s.directory, onward: s.onward });
  },
  jobs: (s) => ({
    handlers: {
      [YOUTH_CLOCK_JOB]: async () => {
        await s.youth.sweep();
      },
    },
    // Clocks move by working days: hourly sends a reminder or breach notice early on the right day.
    schedules: [{ name: 'youth-offer-clock', jobName: YOUTH_CLOCK_JOB, everySeconds: 60 * 60 }],
  }),
});
