import type { FastifyInstance } from 'fastify';
import { requireRole } from '../../../platform/auth/index.ts';
import { idParam } from '../../../platform/http/form-fields.ts';
import { CASE_READERS } from '../../participants/index.ts';
import type { EmployerService } from '../employer-service.ts';
import type { EngagementService } from '../engagement-service.ts';
import type { MatchingService } from '../matching-service.ts';
import type { WorkProfileService } from '../work-profile-service.ts';
import { PAGE } from './employer-routes.ts';
import { introduceFields, profileFields, profileValues } from './employers-fields.ts';
import { matchCard, profileRows, sectorNames, vacancyRows } from './employers-presenter.ts';
import { doneOf, formRoute, type Params } from './form-route.ts';

const WORKERS = ['specialist', 'team-lead'] as const;
const WITHDRAWABLE = new Set(['introduced', 'interview', 'offered']);

export type CaseWorkDeps = { employers: EmployerService; engagement: EngagementService; matching: MatchingService; workProfiles: WorkProfileService };

/**
 * A case's work page for the team: the person's work profile, the vacancies that suit it with why,
 * and their introductions; the profile form; introducing the person to a vacancy with their consent.
 * The case capability decides who may read or work the case.
 */
export function registerCaseWorkPages(app: FastifyInstance, deps: CaseWorkDeps): void {
  const { employers, engagement, matching, workProfiles } = deps;
  const base = (caseId: string) => `/cases/${caseId}/work`;

  app.get<{ Params: Params }>('/cases/:id/work', async (request, reply) => {
    const user = requireRole(request.principal, CASE_READERS);
    const t = request.t;
    const caseId = idParam(request.params.id, 'case');
    const own = await workProfiles.read(user, caseId);
    const { profile, matches, sectors } = await matching.vacanciesFor(user, caseId);
    const names = sectorNames(sectors, request.lang);
    const introductions = await engagement.forCase(user, caseId);
    const canIntroduce = own.canWork && user.roles.some((r) => (WORKERS as readonly string[]).includes(r));
    const introduced = new Set(introductions.filter((i) => i.status !== 'withdrawn').map((i) => i.vacancyId));
    return reply.page(PAGE, {
      title: t('employers.work.title'),
      caption: own.personName,
      backHref: `/cases/${caseId}`,
      done: doneOf(request, ['profile', 'introduced', 'withdrawn']),
      sections: [
        {
          heading: t('employers.work.profile'),
          id: 'profile',
          rows: profile.updatedAt ? profileRows(profile, t) : [],
          empty: t('employers.work.noProfile'),
          lead: profile.adjustmentsFromPassport ? [t('employers.work.passport')] : [],
          actions: own.canWork ? [{ text: t('employers.work.edit'), href: `${base(caseId)}/profile`, button: true, classes: 'govuk-button--secondary' }] : [],
        },
        {
          heading: t('employers.work.matches'),
          id: 'matches',
          empty: profile.updatedAt ? t('employers.work.noMatches') : null,
          cards: matches.map(({ match, vacancy }) =>
            matchCard(
              match,
              vacancy,
              t,
              canIntroduce && !introduced.has(vacancy.id)
                ? [{ text: t('employers.work.introduce'), href: `${base(caseId)}/introduce/${vacancy.id}`, hidden: vacancy.title }]
                : [],
              names,
            ),
          ),
        },
        {
          heading: t('employers.work.introductions'),
          id: 'introductions',
          empty: t('employers.work.noIntroductions'),
          cards: introductions.map((i) => ({
            card: { title: { text: i.vacancyTitle } },
            rows: [{ key: { text: t('employers.col.status') }, value: { text: t(`employers.intro.${i.status}`) } }],
            actions:
              canIntroduce && WITHDRAWABLE.has(i.status)
                ? [{ text: t('employers.work.withdraw'), post: `${base(caseId)}/introductions/${i.id}/withdraw`, classes: 'govuk-button--warning' }]
                : [],
          })),
        },
      ],
    });
  });

  formRoute(app, {
    path: '/cases/:id/work/profile',
    actor: async (request) => requireRole(request.principal, CASE_READERS),
    page: async (request, user, typed) => {
      const caseId = idParam(request.params.id, 'case');
      const current = await workProfiles.read(user, caseId);
      return {
        title: request.t('employers.profile.title'),
        caption: current.personName,
        lead: [request.t('employers.profile.lead')],
        fields: profileFields(typed ?? profileValues(current.profile, current.ownAdjustments), request.t, current.profile.adjustmentsFromPassport === true),
        button: request.t('employers.profile.button'),
        backHref: base(caseId),
      };
    },
    submit: async (request, user, body) => {
      const caseId = idParam(request.params.id, 'case');
      await workProfiles.save(user, caseId, body);
      return `${base(caseId)}?done=profile`;
    },
  });

  formRoute(app, {
    path: '/cases/:id/work/introduce/:vid',
    actor: async (request) => requireRole(request.principal, WORKERS),
    refusals: 'employers.refused',
    page: async (request, user, typed) => {
      const caseId = idParam(request.params.id, 'case');
      const vacancy = await employers.vacancy(user, idParam(request.params.vid, 'vacancy'));
      const { personName } = await workProfiles.read(user, caseId);
      return {
        title: request.t('employers.introduce.title', { name: personName, employer: vacancy.employerName }),
        caption: vacancy.title,
        lead: [request.t('employers.introduce.lead')],
        rows: vacancyRows(vacancy, request.t, request.lang, false).slice(0, 5),
        fields: introduceFields(typed ?? {}, request.t),
        button: request.t('employers.introduce.button'),
        backHref: base(caseId),
      };
    },
    submit: async (request, user, body) => {
      const caseId = idParam(request.params.id, 'case');
      await engagement.introduce(user, caseId, { ...body, vacancyId: idParam(request.params.vid, 'vacancy') });
      return `${base(caseId)}?done=introduced`;
    },
  });

  app.post<{ Params: Params }>('/cases/:id/work/introductions/:iid/withdraw', async (request, reply) => {
    const user = requireRole(request.principal, WORKERS);
    const caseId = idParam(request.params.id, 'case');
    await engagement.withdraw(user, idParam(request.params.iid, 'introduction'));
    return reply.redirect(`${base(caseId)}?done=withdrawn`, 303);
  });
}
