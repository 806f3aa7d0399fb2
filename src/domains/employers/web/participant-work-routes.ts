import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Language } from '../../../platform/db/index.ts';
import type { Translate } from '../../../platform/i18n/index.ts';
import { type ParticipantService, signedInParticipant } from '../../participants/index.ts';
import type { MatchingService } from '../matching-service.ts';
import type { WorkProfileService } from '../work-profile-service.ts';
import { PAGE } from './employer-routes.ts';
import { profileFields, profileValues } from './employers-fields.ts';
import { matchCard, profileRows, sectorNames } from './employers-presenter.ts';
import { doneOf, formRoute } from './form-route.ts';

const BASE = '/my-support/work';

/**
 * The person's own work pages, in their language unless they chose the other: what work they want
 * (their work profile, which they edit), and the vacancies that suit them with why. Employers see
 * none of it.
 */
export function registerParticipantWorkPages(
  app: FastifyInstance,
  deps: { participants: ParticipantService; matching: MatchingService; workProfiles: WorkProfileService; translator: (lang: Language) => Translate },
): void {
  const { participants, matching, workProfiles, translator } = deps;

  /** The signed-in person as a case actor with their current case, or null. */
  async function personOf(request: FastifyRequest) {
    const p = await signedInParticipant(request, participants, translator);
    if (!p) return null;
    const view = await participants.mine(p);
    return { actor: { kind: 'participant' as const, tenantId: p.tenantId, participantId: p.participantId, name: p.name }, caseId: view.summary.id };
  }

  app.get(BASE, async (request, reply) => {
    const me = await personOf(request);
    if (!me) return reply.redirect('/my-support', 303);
    const t = request.t;
    const { profile, matches, sectors } = await matching.vacanciesFor(me.actor, me.caseId);
    const names = sectorNames(sectors, request.lang);
    return reply.page(PAGE, {
      title: t('employers.mine.title'),
      backHref: '/my-support/plan',
      done: doneOf(request, ['profile']),
      lead: [t('employers.mine.lead')],
      sections: [
        {
          rows: profile.updatedAt ? profileRows(profile, t) : [],
          empty: t('employers.mine.noProfile'),
          actions: [{ text: t('employers.mine.edit'), href: `${BASE}/profile`, button: true, classes: 'govuk-button--secondary' }],
        },
        {
          heading: t('employers.mine.matches'),
          lead: matches.length ? [t('employers.mine.ask')] : [],
          empty: profile.updatedAt ? t('employers.mine.noMatches') : null,
          cards: matches.map(({ match, vacancy }) => matchCard(match, vacancy, t, [], names)),
        },
      ],
    });
  });

  formRoute(app, {
    path: `${BASE}/profile`,
    actor: personOf,
    signIn: '/my-support',
    page: async (request, me, typed) => {
      const current = await workProfiles.read(me.actor, me.caseId);
      return {
        title: request.t('employers.mine.title'),
        lead: [request.t('employers.mine.lead')],
        fields: profileFields(
          typed ?? profileValues(current.profile, current.ownAdjustments),
          request.t,
          current.profile.adjustmentsFromPassport === true,
          'person',
        ),
        button: request.t('employers.profile.button'),
        backHref: BASE,
      };
    },
    submit: async (_request, me, body) => {
      await workProfiles.save(me.actor, me.caseId, body);
      return `${BASE}?done=profile`;
    },
  });
}
