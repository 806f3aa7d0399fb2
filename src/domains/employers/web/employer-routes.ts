import type { FastifyInstance } from 'fastify';
import { requireRole, type UserPrincipal } from '../../../platform/auth/index.ts';
import { idParam } from '../../../platform/http/form-fields.ts';
import { formatMoment } from '../../../platform/i18n/index.ts';
import type { EmployerService } from '../employer-service.ts';
import type { EngagementService } from '../engagement-service.ts';
import type { MatchingService } from '../matching-service.ts';
import type { VACANCY_STATUSES, Vacancy } from '../vacancy.ts';
import { VACANCY_TRANSITIONS } from '../vacancy-rules.ts';
import { contactFields, employerFields, vacancyFields } from './employers-fields.ts';
import { employerRows, escapeHtml, matchCard, sectorNames, statusTag, vacancyRows, vacancyTable } from './employers-presenter.ts';
import { doneOf, formRoute, type Params } from './form-route.ts';

export const PAGE = 'employers/web/views/employers-page.njk';
const STAFF = ['specialist', 'team-lead', 'tenant-admin'] as const;
const WORKERS = ['specialist', 'team-lead'] as const;
/** Vacancy pages are shared: staff see the tenant's, an employer user only its own (the service decides). */
const VACANCY_ROLES = [...STAFF, 'employer'] as const;
const isStaff = (u: UserPrincipal) => u.roles.some((r) => (STAFF as readonly string[]).includes(r));
const isWorker = (u: UserPrincipal) => u.roles.some((r) => (WORKERS as readonly string[]).includes(r));

export type EmployerPagesDeps = { employers: EmployerService; engagement: EngagementService; matching: MatchingService };

/** Staff's employers pages, and the vacancy pages staff and employer users share. */
export function registerEmployerPages(app: FastifyInstance, deps: EmployerPagesDeps): void {
  const { employers, engagement, matching } = deps;

  app.get('/employers', async (request, reply) => {
    const user = requireRole(request.principal, STAFF);
    const t = request.t;
    const list = await employers.employers(user);
    return reply.page(PAGE, {
      title: t('employers.list.title'),
      backHref: '/home',
      width: 'full',
      lead: [t('employers.list.lead')],
      actions: [
        { text: t('employers.list.add'), href: '/employers/new', button: true },
        { text: t('employers.list.vacancies'), href: '/vacancies' },
      ],
      sections: [
        {
          empty: t('employers.list.none'),
          table: {
            head: [{ text: t('employers.col.name') }, { text: t('employers.col.sector') }, { text: t('employers.col.size') }, { text: t('employers.col.dc') }],
            rows: list.map((e) => [
              { html: `<a class="govuk-link" href="/employers/${e.id}">${escapeHtml(e.name)}</a>` },
              { text: e.sector },
              { text: t(`employers.size.${e.sizeBand}`) },
              { text: t(`employers.dc.${e.disabilityConfident}`) },
            ]),
          },
        },
      ],
    });
  });

  formRoute(app, {
    path: '/employers/new',
    actor: async (request) => requireRole(request.principal, STAFF),
    page: async (request, user, typed) => {
      const growth = (await employers.growthSectors(user)).map((g) => ({ code: g.code, name: request.lang === 'cy' ? g.nameCy : g.name }));
      return {
        title: request.t('employers.new.title'),
        fields: employerFields(typed ?? { disabilityConfident: 'none' }, request.t, growth),
        button: request.t('employers.new.button'),
        backHref: '/employers',
      };
    },
    submit: async (_request, user, body) => `/employers/${(await employers.createEmployer(user, body)).id}?done=employer`,
  });

  app.get<{ Params: Params }>('/employers/:id', async (request, reply) => {
    const user = requireRole(request.principal, STAFF);
    const t = request.t;
    const id = idParam(request.params.id, 'employer');
    const { employer, vacancies } = await employers.employer(user, id);
    const contacts = await engagement.contacts(user, id);
    const growth = new Map((await employers.growthSectors(user)).map((g) => [g.code, request.lang === 'cy' ? g.nameCy : g.name]));
    return reply.page(PAGE, {
      title: employer.name,
      backHref: '/employers',
      width: 'full',
      done: doneOf(request, ['employer', 'contact']),
      sections: [
        {
          rows: [
            ...employerRows(employer, t),
            {
              key: { text: t('employers.col.growth') },
              value: { text: employer.growthSectors.map((g) => growth.get(g) ?? g).join(', ') || t('employers.none') },
            },
          ],
        },
        {
          heading: t('employers.detail.vacancies'),
          empty: t('employers.detail.noVacancies'),
          table: vacancyTable(vacancies, t, request.lang, false),
          actions: [{ text: t('employers.detail.post'), href: `/vacancies/new?employer=${id}`, button: true, classes: 'govuk-button--secondary' }],
        },
        {
          heading: t('employers.detail.contacts'),
          empty: t('employers.detail.noContacts'),
          table: {
            head: [
              { text: t('employers.col.when') },
              { text: t('employers.col.mode') },
              { text: t('employers.col.purpose') },
              { text: t('employers.col.note') },
            ],
            rows: contacts.map((c) => [
              { text: formatMoment(new Date(c.at), request.lang, 'day') },
              { text: t(`employers.mode.${c.mode}`) },
              { text: t(`employers.purpose.${c.purpose}`) },
              { text: c.note },
            ]),
          },
          actions: isWorker(user)
            ? [{ text: t('employers.detail.logContact'), href: `/employers/${id}/contacts/new`, button: true, classes: 'govuk-button--secondary' }]
            : [],
        },
      ],
    });
  });

  formRoute(app, {
    path: '/employers/:id/contacts/new',
    actor: async (request) => requireRole(request.principal, WORKERS),
    page: async (request, user, typed) => {
      const id = idParam(request.params.id, 'employer');
      const { employer } = await employers.employer(user, id);
      return {
        title: request.t('employers.contact.title', { name: employer.name }),
        lead: [request.t('employers.contact.lead')],
        fields: contactFields(typed ?? {}, request.t),
        button: request.t('employers.contact.button'),
        backHref: `/employers/${id}`,
      };
    },
    submit: async (request, user, body) => {
      const id = idParam(request.params.id, 'employer');
      await engagement.logContact(user, { ...body, employerId: id });
      return `/employers/${id}?done=contact`;
    },
  });

  app.get('/vacancies', async (request, reply) => {
    const user = requireRole(request.principal, VACANCY_ROLES);
    const t = request.t;
    const list = await employers.vacancies(user);
    return reply.page(PAGE, {
      title: t('employers.vacancies.title'),
      backHref: isStaff(user) ? '/employers' : '/home',
      width: 'full',
      actions: [{ text: t('employers.vacancies.post'), href: '/vacancies/new', button: true }],
      sections: [{ empty: t('employers.vacancies.none'), table: vacancyTable(list, t, request.lang, isStaff(user)) }],
    });
  });

  formRoute(app, {
    path: '/vacancies/new',
    actor: async (request) => requireRole(request.principal, VACANCY_ROLES),
    page: async (request, user, typed) => {
      const employer = (request.query as { employer?: string }).employer;
      const list = isStaff(user) ? await employers.employers(user) : null;
      return {
        title: request.t('employers.vacancy.new.title'),
        lead: [request.t('employers.vacancy.new.lead')],
        fields: vacancyFields(typed ?? { employerId: employer ?? '', workplace: 'on-site', contractType: 'permanent' }, request.t, list),
        button: request.t('employers.vacancy.new.button'),
        backHref: '/vacancies',
      };
    },
    dates: ['closingDate'],
    // Saved as a draft: the vacancy's page is the check-answers page, where it is published.
    submit: async (_request, user, body) => `/vacancies/${(await employers.createVacancy(user, { ...body, status: 'draft' })).id}?done=vacancy`,
  });

  app.get<{ Params: Params }>('/vacancies/:id', async (request, reply) => {
    const user = requireRole(request.principal, VACANCY_ROLES);
    const t = request.t;
    const v = await employers.vacancy(user, idParam(request.params.id, 'vacancy'));
    return reply.page(PAGE, {
      title: v.title,
      caption: v.employerName,
      backHref: '/vacancies',
      tag: statusTag(t, v.status),
      done: doneOf(request, ['vacancy', 'status']),
      inset: v.status === 'draft' ? t('employers.vacancy.check') : null,
      sections: [
        { rows: vacancyRows(v, t, request.lang, isStaff(user)), actions: statusActions(v, t) },
        ...(isWorker(user) && v.status === 'open' ? [{ actions: [{ text: t('employers.vacancy.people'), href: `/vacancies/${v.id}/people` }] }] : []),
      ],
    });
  });

  // The button names the status it moves to (`?to=`); the service checks the move is allowed.
  app.post<{ Params: Params; Querystring: { to?: string } }>('/vacancies/:id/status', async (request, reply) => {
    const user = requireRole(request.principal, VACANCY_ROLES);
    const id = idParam(request.params.id, 'vacancy');
    await employers.changeStatus(user, id, { status: request.query.to });
    return reply.redirect(`/vacancies/${id}?done=status`, 303);
  });

  app.get<{ Params: Params }>('/vacancies/:id/people', async (request, reply) => {
    const user = requireRole(request.principal, WORKERS);
    const t = request.t;
    const { vacancy, people, sectors } = await matching.peopleFor(user, idParam(request.params.id, 'vacancy'));
    const names = sectorNames(sectors, request.lang);
    return reply.page(PAGE, {
      title: t('employers.vacancy.people'),
      caption: `${vacancy.title}, ${vacancy.employerName}`,
      backHref: `/vacancies/${vacancy.id}`,
      sections: [
        {
          empty: t('employers.work.noMatches'),
          cards: people.map((p) => ({
            ...matchCard(
              p.match,
              vacancy,
              t,
              [{ text: t('employers.work.introduce'), href: `/cases/${p.caseId}/work/introduce/${vacancy.id}`, hidden: p.personName }],
              names,
            ),
            card: { title: { text: p.personName } },
          })),
        },
      ],
    });
  });
}

/** The status changes the lifecycle allows from here, as buttons (expiry is the job's alone). */
function statusActions(v: Vacancy, t: (key: string) => string) {
  const label: Partial<Record<(typeof VACANCY_STATUSES)[number], string>> = {
    open: 'employers.vacancy.publish',
    filled: 'employers.vacancy.filled',
    closed: 'employers.vacancy.close',
  };
  return VACANCY_TRANSITIONS[v.status].flatMap((to) => {
    const key = label[to];
    return key ? [{ text: t(key), post: `/vacancies/${v.id}/status?to=${to}`, classes: to === 'open' ? undefined : 'govuk-button--secondary' }] : [];
  });
}
