import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { actorOf, requireRole, type UserPrincipal } from '../../../platform/auth/index.ts';
import { DomainError, type Issue, NotFound, parseInput } from '../../../platform/errors/index.ts';
import { formBody, formIssues, input, withErrors } from '../../../platform/http/form-fields.ts';
import { formErrors } from '../../../platform/http/pages.ts';
import type { OrganisationService } from '../../organisations/index.ts';
import { PROGRAMMES, REFERRING_SERVICES } from '../referral.ts';
import { memberParamsSchema, teamIdSchema } from '../team-schemas.ts';
import type { TeamService } from '../team-service.ts';

const VIEWS = 'referrals/web/views';

/**
 * Teams and the tenant's service levels: team leads and tenant admins see every team's capacity and
 * change teams; tenant admins set how soon first contact is due.
 */
export function registerTeamPages(app: FastifyInstance, deps: { teams: TeamService; organisations: OrganisationService }): void {
  app.get<{ Querystring: { saved?: string } }>('/teams', async (request, reply) => {
    const user = requireRole(request.principal, ['team-lead', 'tenant-admin']);
    const t = request.t;
    const teams = await deps.teams.list(user.tenantId);
    const saved = teams.find((x) => x.id === request.query.saved);
    return reply.page(`${VIEWS}/teams.njk`, {
      title: t('teams.title'),
      canEdit: true,
      canSetServiceLevels: user.roles.includes('tenant-admin'),
      saved: saved ? t('teams.saved', { name: saved.name }) : null,
      head: ['teams.col.name', 'teams.col.services', 'teams.col.areas', 'teams.col.open', 'teams.col.young', 'teams.col.capacity'].map((k) => ({ text: t(k) })),
      rows: teams.map((x) => [
        { html: `<a class="govuk-link" href="/teams/${x.id}">${x.name.replace(/[<>&"]/g, '')}</a>` },
        { text: x.services.map((s) => t(`referrals.service.${s}`)).join(', ') },
        { text: x.postcodeDistricts.length ? x.postcodeDistricts.join(' ') : t('teams.allAreas') },
        { text: `${x.openReferrals} / ${x.specialists * x.caseloadLimit}` },
        { text: String(x.openYoungPeople) },
        {
          text:
            x.capacity.state === 'waiting-list'
              ? t('referrals.capacity.waiting-list', { band: t(`referrals.band.${x.capacity.band}`) })
              : t(`referrals.capacity.${x.capacity.state}`),
        },
      ]),
    });
  });

  async function teamForm(
    request: FastifyRequest,
    reply: FastifyReply,
    user: UserPrincipal,
    id: string | null,
    values: Record<string, unknown>,
    issues: readonly Issue[] = [],
  ) {
    const t = request.t;
    const [organisations, candidates, withFte] = await Promise.all([
      deps.organisations.list(user.tenantId),
      deps.teams.candidates(user.tenantId),
      id ? deps.teams.membersWithFte(user.tenantId, id) : Promise.resolve([]),
    ]);
    const has = (name: string, v: string) => (Array.isArray(values[name]) ? (values[name] as unknown[]).includes(v) : values[name] === v);
    return reply.page(
      `${VIEWS}/team-form.njk`,
      {
        title: id ? t('teams.form.titleEdit', { name: String(values.name ?? '') }) : t('teams.form.titleNew'),
        action: id ? `/teams/${id}` : '/teams/new',
        values,
        organisations: organisations
          .filter((o) => o.kind === 'employment-provider' || o.kind === 'health-service')
          .map((o) => ({ value: o.id, text: o.name, checked: values.organisationId === o.id })),
        services: REFERRING_SERVICES.map((s) => ({ value: s, text: t(`referrals.service.${s}`), checked: has('services', s) })),
        programmes: PROGRAMMES.map((s) => ({ value: s, text: t(`referrals.programme.${s}`), checked: has('programmes', s) })),
        accepting: ['yes', 'no'].map((v) => ({ value: v, text: t(`referrals.${v}`), checked: values.accepting === v })),
        members: candidates.map((c) => ({ value: c.id, text: c.display_name, checked: has('memberIds', c.id) })),
        fteRows: withFte.map((m) => ({
          key: { text: m.name },
          value: { text: m.fte.toFixed(2) },
          actions: {
            items: [
              { href: `/teams/${id}/members/${m.userId}/fte`, text: t('teams.fte.change'), visuallyHiddenText: t('teams.fte.changeHidden', { name: m.name }) },
            ],
          },
        })),
        errors: issues.length ? formErrors(issues, t) : undefined,
      },
      issues.length ? 400 : 200,
    );
  }

  // The tenant's service levels: how soon a first contact is due, and when to stop trying.
  const settingsPage = (request: FastifyRequest, reply: FastifyReply, values: Record<string, unknown>, issues: readonly Issue[] = [], saved = false) =>
    reply.page(
      `${VIEWS}/settings.njk`,
      { title: request.t('settings.title'), values, saved, errors: issues.length ? formErrors(issues, request.t) : undefined },
      issues.length ? 400 : 200,
    );
  app.get<{ Querystring: { saved?: string } }>('/teams/service-levels', async (request, reply) => {
    const user = requireRole(request.principal, ['tenant-admin']);
    return settingsPage(request, reply, await deps.teams.settings(user.tenantId), [], request.query.saved === '1');
  });
  app.post('/teams/service-levels', async (request, reply) => {
    const user = requireRole(request.principal, ['tenant-admin']);
    const body = (request.body ?? {}) as Record<string, unknown>;
    try {
      await deps.teams.updateSettings(user.tenantId, actorOf(user), body);
      return reply.redirect('/teams/service-levels?saved=1', 303);
    } catch (error) {
      if (!(error instanceof DomainError) || error.issues.length === 0) throw error;
      return settingsPage(request, reply, body, error.issues);
    }
  });

  app.get('/teams/new', async (request, reply) => {
    const user = requireRole(request.principal, ['team-lead', 'tenant-admin']);
    return teamForm(request, reply, user, null, { caseloadLimit: '20', accepting: 'yes', specialists: '1' });
  });
  app.get<{ Params: { id: string } }>('/teams/:id', async (request, reply) => {
    const user = requireRole(request.principal, ['team-lead', 'tenant-admin']);
    const { id } = parseInput(teamIdSchema, request.params);
    const { team, memberIds } = await deps.teams.get(user.tenantId, id);
    return teamForm(request, reply, user, id, {
      name: team.name,
      organisationId: team.organisationId,
      services: team.services,
      postcodeDistricts: team.postcodeDistricts.join(' '),
      programmes: team.programmes,
      specialists: String(team.specialists),
      caseloadLimit: String(team.caseloadLimit),
      accepting: team.accepting ? 'yes' : 'no',
      memberIds,
    });
  });
  const saveTeam = (path: string) =>
    app.post<{ Params: { id?: string } }>(path, async (request, reply) => {
      const user = requireRole(request.principal, ['team-lead', 'tenant-admin']);
      const id = request.params.id ? parseInput(teamIdSchema, request.params).id : null;
      const body = (request.body ?? {}) as Record<string, unknown>;
      try {
        const team = id ? await deps.teams.update(user.tenantId, actorOf(user), id, body) : await deps.teams.create(user.tenantId, actorOf(user), body);
        return reply.redirect(`/teams?saved=${team.id}`, 303);
      } catch (error) {
        if (!(error instanceof DomainError) || error.issues.length === 0) throw error;
        return teamForm(request, reply, user, id, body, error.issues);
      }
    });
  saveTeam('/teams/new');
  saveTeam('/teams/:id');

  // A member's full-time equivalent: one question, on the platform's question page.
  async function ftePage(request: FastifyRequest, reply: FastifyReply, user: UserPrincipal, values: Record<string, unknown>, issues: readonly Issue[] = []) {
    const t = request.t;
    const { id, userId } = parseInput(memberParamsSchema, request.params);
    const [{ team }, members] = await Promise.all([deps.teams.get(user.tenantId, id), deps.teams.membersWithFte(user.tenantId, id)]);
    const member = members.find((m) => m.userId === userId);
    if (!member) throw new NotFound('team member', userId);
    const field = input({ values: { fte: member.fte.toFixed(2), ...values } }, 'fte', t('teams.fte.question', { name: member.name }), {
      heading: true,
      width: 4,
      numeric: true,
      hint: t('teams.fte.hint'),
    });
    const { fields, errors } = withErrors([field], issues, t);
    return reply.page(
      'pages/form.njk',
      {
        title: t('teams.fte.question', { name: member.name }),
        single: true,
        caption: team.name,
        lead: [t('teams.fte.lead')],
        fields,
        errors: issues.length ? errors : undefined,
        action: `/teams/${id}/members/${userId}/fte`,
        backHref: `/teams/${id}`,
        button: t('teams.fte.save'),
      },
      issues.length ? 400 : 200,
    );
  }
  app.get<{ Params: { id: string; userId: string } }>('/teams/:id/members/:userId/fte', async (request, reply) => {
    const user = requireRole(request.principal, ['team-lead', 'tenant-admin']);
    return ftePage(request, reply, user, {});
  });
  app.post<{ Params: { id: string; userId: string } }>('/teams/:id/members/:userId/fte', async (request, reply) => {
    const user = requireRole(request.principal, ['team-lead', 'tenant-admin']);
    const { id, userId } = parseInput(memberParamsSchema, request.params);
    const body = formBody(request.body);
    try {
      await deps.teams.setFte(user.tenantId, actorOf(user), id, userId, body);
      return reply.redirect(`/teams/${id}`, 303);
    } catch (error) {
      const found = formIssues(error);
      if (!found) throw error;
      return ftePage(request, reply, user, body, found.issues);
    }
  });
}
