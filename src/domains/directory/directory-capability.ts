import { defineCapability } from '../../platform/capability/index.ts';
import type { CaseService, ParticipantService } from '../participants/index.ts';
import { registerOrukApi } from './api/oruk-routes.ts';
import { directoryMessages, onwardMessages } from './directory-messages.ts';
import type { DirectoryService } from './directory-service.ts';
import { onwardFhirCapabilities } from './onward-fhir.ts';
import type { OnwardService } from './onward-service.ts';
import { registerDirectoryPages } from './web/directory-routes.ts';
import { registerOnwardPages } from './web/onward-routes.ts';

export const DIRECTORY_STALE_JOB = 'directory.remind-stale';
export const ONWARD_REMINDER_JOB = 'directory.remind-onward';

/** The service directory: the public Open Referral UK API, the public pages, and freshness reminders. */
export const directoryCapability = defineCapability<{
  directory: DirectoryService;
  onward: OnwardService;
  cases: CaseService;
  participants: ParticipantService;
  config: { baseUrl: string };
}>({
  name: 'directory',
  messages: [directoryMessages, onwardMessages],
  fhirResources: onwardFhirCapabilities,
  publicLinks: [{ href: '/find-a-service', textKey: 'directory.public.link', descriptionKey: 'directory.public.description', order: 50 }],
  homeLinks: [
    { role: 'specialist', href: '/find-a-service', textKey: 'directory.find.title' },
    { role: 'tenant-admin', href: '/find-a-service', textKey: 'directory.find.title' },
  ],
  routes(app, s, web) {
    registerOrukApi(app, { directory: s.directory, baseUrl: s.config.baseUrl });
    registerDirectoryPages(app, { directory: s.directory });
    registerOnwardPages(app, { onward: s.onward, directory: s.directory, cases: s.cases, participants: s.participants, translator: web.translator });
  },
  jobs: (s) => ({
    handlers: {
      [DIRECTORY_STALE_JOB]: async () => {
        await s.directory.remindStale();
      },
      [ONWARD_REMINDER_JOB]: async () => {
        await s.onward.remind();
      },
    },
    schedules: [
      { name: 'directory-remind-stale', jobName: DIRECTORY_STALE_JOB, everySeconds: 24 * 60 * 60 },
      { name: 'directory-remind-onward', jobName: ONWARD_REMINDER_JOB, everySeconds: 60 * 60 },
    ],
  }),
});
