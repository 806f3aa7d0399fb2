import type { FastifyInstance } from 'fastify';
import { requireRole } from '../../../platform/auth/index.ts';
import { idParam } from '../../../platform/http/form-fields.ts';
import type { EngagementService } from '../engagement-service.ts';
import type { IntroductionStatus } from '../vacancy.ts';
import { PAGE } from './employer-routes.ts';
import { declineFields, interviewFields, offerFields } from './employers-fields.ts';
import { candidateRows, escapeHtml } from './employers-presenter.ts';
import { doneOf, formRoute, type Params } from './form-route.ts';

const EMPLOYER = ['employer'] as const;

/** What the employer may do next with an introduction (the lifecycle in vacancy-rules.ts). */
const NEXT: Readonly<Record<IntroductionStatus, readonly ('interview' | 'offer' | 'decline' | 'accepted')[]>> = {
  introduced: ['interview', 'offer', 'decline'],
  interview: ['offer', 'decline'],
  offered: ['accepted', 'decline'],
  accepted: [],
  declined: [],
  withdrawn: [],
};

/**
 * The employer user's candidates: those introduced to it with consent, each showing only what the
 * person agreed to share, and recording interview, offer, decline and acceptance (which records the
 * job start on the person's case). The service finds no other employer's introductions.
 */
export function registerCandidatePages(app: FastifyInstance, deps: { engagement: EngagementService }): void {
  const { engagement } = deps;
  const base = (id: string) => `/candidates/${id}`;

  app.get('/candidates', async (request, reply) => {
    const user = requireRole(request.principal, EMPLOYER);
    const t = request.t;
    const list = await engagement.candidates(user);
    return reply.page(PAGE, {
      title: t('employers.candidates.title'),
      backHref: '/home',
      width: 'full',
      lead: [t('employers.candidates.lead')],
      sections: [
        {
          empty: t('employers.candidates.none'),
          table: {
            head: [{ text: t('employers.col.candidate') }, { text: t('employers.col.title') }, { text: t('employers.col.status') }],
            rows: list.map((i) => [
              { html: `<a class="govuk-link" href="${base(i.id)}">${escapeHtml(i.shared.name ?? t('employers.candidate.anonymous'))}</a>` },
              { text: i.vacancyTitle },
              { text: t(`employers.intro.${i.status}`) },
            ]),
          },
        },
      ],
    });
  });

  app.get<{ Params: Params }>('/candidates/:id', async (request, reply) => {
    const user = requireRole(request.principal, EMPLOYER);
    const t = request.t;
    const i = await engagement.candidate(user, idParam(request.params.id, 'introduction'));
    const label = { interview: 'employers.candidate.interview', offer: 'employers.candidate.makeOffer', decline: 'employers.candidate.decline' } as const;
    return reply.page(PAGE, {
      title: i.shared.name ?? t('employers.candidate.anonymous'),
      caption: t('employers.candidate.title', { vacancy: i.vacancyTitle }),
      backHref: '/candidates',
      done: doneOf(request, ['interview', 'offer', 'decline', 'accepted']),
      sections: [
        {
          rows: candidateRows(i, t, request.lang),
          actions: NEXT[i.status].map((next) =>
            next === 'accepted'
              ? { text: t('employers.candidate.accepted'), post: `${base(i.id)}/accepted` }
              : { text: t(label[next]), href: `${base(i.id)}/${next}`, button: true, classes: next === 'decline' ? 'govuk-button--secondary' : undefined },
          ),
        },
      ],
    });
  });

  const forms = [
    { path: 'interview', title: 'employers.interview.title', button: 'employers.interview.button', fields: interviewFields, dates: ['interviewDate'] },
    {
      path: 'offer',
      title: 'employers.offer.title',
      button: 'employers.offer.button',
      fields: offerFields,
      dates: ['startDate'],
      lead: 'employers.offer.lead',
    },
    { path: 'decline', title: 'employers.decline.title', button: 'employers.decline.button', fields: declineFields, dates: [] },
  ] as const;
  for (const f of forms) {
    formRoute(app, {
      path: `/candidates/:id/${f.path}`,
      actor: async (request) => requireRole(request.principal, EMPLOYER),
      dates: f.dates,
      page: async (request, user, typed) => {
        const i = await engagement.candidate(user, idParam(request.params.id, 'introduction'));
        return {
          title: request.t(f.title),
          caption: `${i.shared.name ?? request.t('employers.candidate.anonymous')}, ${i.vacancyTitle}`,
          lead: 'lead' in f ? [request.t(f.lead)] : [],
          fields: f.fields(typed ?? (f.path === 'offer' ? { contractType: 'permanent' } : {}), request.t),
          button: request.t(f.button),
          backHref: base(i.id),
        };
      },
      submit: async (request, user, body) => {
        const id = idParam(request.params.id, 'introduction');
        if (f.path === 'interview') await engagement.recordInterview(user, id, body);
        else if (f.path === 'offer') await engagement.recordOffer(user, id, body);
        else await engagement.recordDecline(user, id, body);
        return `${base(id)}?done=${f.path}`;
      },
    });
  }

  app.post<{ Params: Params }>('/candidates/:id/accepted', async (request, reply) => {
    const user = requireRole(request.principal, EMPLOYER);
    const id = idParam(request.params.id, 'introduction');
    await engagement.recordAccepted(user, id);
    return reply.redirect(`${base(id)}?done=accepted`, 303);
  });
}
