import { defineCapability } from '../../platform/capability/index.ts';
import type { Clock } from '../../platform/clock/index.ts';
import { caseOperations } from './api/case-api.ts';
import { caseMessages } from './case-messages.ts';
import type { CaseService } from './case-service.ts';
import type { ParticipantService } from './participant-service.ts';
import type { CaseProvenance } from './web/case-page-routes.ts';
import { caseloadMessages, registerCasePages } from './web/case-routes.ts';
import { participantMessages, registerParticipantPages } from './web/participant-routes.ts';

type Uses = {
  clock: Clock;
  cases: CaseService;
  participants: ParticipantService;
  /** Records taken in from other areas, shown on the case with where they came from (the records capability). */
  records?: { provenanceOf: CaseProvenance };
};

/** Cases: the specialist's caseload and case work, and the participant's own pages. */
export const caseCapability = defineCapability<Uses>({
  name: 'participants',
  messages: [caseMessages, caseloadMessages, participantMessages],
  publicLinks: [{ href: '/my-support', textKey: 'participant.public.link', descriptionKey: 'participant.public.description', order: 20 }],
  homeLinks: [
    { role: 'specialist', href: '/cases', textKey: 'caseload.title' },
    { role: 'team-lead', href: '/cases', textKey: 'caseload.title' },
    { role: 'team-lead', href: '/cases/team', textKey: 'caseload.team.title' },
    { role: 'ig-lead', href: '/cases/reviews', textKey: 'caseload.reviews.title' },
    { role: 'tenant-admin', href: '/cases/settings', textKey: 'caseload.settings.title' },
  ],
  operations: (s) => caseOperations(s.cases),
  routes(app, s, web) {
    registerCasePages(app, { cases: s.cases, clock: s.clock, provenance: s.records?.provenanceOf });
    registerParticipantPages(app, { participants: s.participants, secure: web.secure, clock: s.clock, translator: web.translator });
  },
  jobs: (s) => ({ purge: () => s.participants.purgeExpired() }),
  deliveryFailed: (s) => s.cases.messageFailed,
});
