import { defineCapability } from '../../platform/capability/index.ts';
import { registerOrukApi } from './api/oruk-routes.ts';
import { directoryMessages } from './directory-messages.ts';
import type { DirectoryService } from './directory-service.ts';
import { registerDirectoryPages } from './web/directory-routes.ts';

export const DIRECTORY_STALE_JOB = 'directory.remind-stale';

/** The service directory: the public Open Referral UK API, the public pages, and freshness reminders. */
export const directoryCapability = defineCapability<{ directory: DirectoryService; config: { baseUrl: string } }>({
  name: 'directory',
  messages: [directoryMessages],
  homeLinks: [
    { role: 'specialist', href: '/find-a-service', textKey: 'directory.find.title' },
    { role: 'tenant-admin', href: '/find-a-service', textKey: 'directory.find.title' },
  ],
  routes(app, s) {
    registerOrukApi(app, { directory: s.directory, baseUrl: s.config.baseUrl });
    registerDirectoryPages(app, { directory: s.directory });
  },
  jobs: (s) => ({
    handlers: {
      [DIRECTORY_STALE_JOB]: async () => {
        await s.directory.remindStale();
      },
    },
    schedules: [{ name: 'directory-remind-stale', jobName: DIRECTORY_STALE_JOB, everySeconds: 24 * 60 * 60 }],
  }),
});
