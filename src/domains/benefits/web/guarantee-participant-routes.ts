import type { FastifyInstance, FastifyRequest } from 'fastify';
import { idParam } from '../../../platform/http/form-fields.ts';
import { isLanguage } from '../../../platform/i18n/index.ts';
import { type ParticipantService, signedInParticipant } from '../../participants/index.ts';
import { type GuaranteePagesDeps, sendPdf } from './guarantee-case-routes.ts';
import { documentLinks, guaranteeCard, ruleDetails } from './guarantee-presenter.ts';

const VIEWS = 'benefits/web/views';
const BASE = '/my-support/guarantee';

/**
 * The person's own guarantee, `/my-support/guarantee`, in their language unless they chose the
 * other: what it means in plain words, its dates and rules, and their certificate and (once used)
 * return-to-benefit pack to download.
 */
export function registerGuaranteeParticipantPages(app: FastifyInstance, deps: GuaranteePagesDeps & { participants: ParticipantService }): void {
  const { guarantees, participants, translator } = deps;

  async function participantOf(request: FastifyRequest) {
    return signedInParticipant(request, participants, translator);
  }

  app.get(BASE, async (request, reply) => {
    const p = await participantOf(request);
    if (!p) return reply.redirect('/my-support', 303);
    const t = request.t;
    const { guarantees: mine, today } = await guarantees.mine(p);
    return reply.page(`${VIEWS}/guarantee-mine.njk`, {
      title: t('guarantee.mine.title'),
      participantName: p.name,
      section: null,
      backHref: '/my-support/plan',
      guarantees: mine.map((g) => ({
        ...guaranteeCard(g, today, t, request.lang),
        ...ruleDetails(g, t, request.lang),
        used: g.status === 'used',
        documents: documentLinks(BASE, g, t, request.lang),
      })),
    });
  });

  for (const kind of ['certificate', 'return-pack'] as const) {
    app.get<{ Params: { guaranteeId: string }; Querystring: { lang?: string } }>(`${BASE}/:guaranteeId/${kind}.pdf`, async (request, reply) => {
      const p = await participantOf(request);
      if (!p) return reply.redirect('/my-support', 303);
      const doc = await guarantees.documentForParticipant(p, idParam(request.params.guaranteeId, 'guarantee'), kind);
      return sendPdf(reply, deps, kind, doc, isLanguage(request.query.lang) ? request.query.lang : request.lang);
    });
  }
}
