import { defineCapability } from '../../platform/capability/index.ts';
import { recordMessages } from './record-messages.ts';
import { RECORD_READERS, type RecordService } from './record-service.ts';
import { registerRecordPages } from './web/record-routes.ts';

/** A person's record that moves with them (ADR 0048): subject-access copies, transfers out and in. */
export const recordCapability = defineCapability<{ records: RecordService }>({
  name: 'records',
  messages: [recordMessages],
  homeLinks: RECORD_READERS.map((role) => ({ role, href: '/records', textKey: 'records.link' })),
  routes(app, s) {
    registerRecordPages(app, { records: s.records });
  },
});
