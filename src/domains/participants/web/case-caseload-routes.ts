import type { FastifyInstance } from 'fastify';
import { requireRole } from '../../../platform/auth/index.ts';
import type { Clock } from '../../../platform/clock/index.ts';
import type { Language } from '../../../platform/db/index.ts';
import type { Translate } from '../../../platform/i18n/index.ts';
import type { CaseSummary } from '../case.ts';
import type { CaseService } from '../case-service.ts';
import { appointmentTime, daysBetween, link, tag } from './case-format.ts';
import { daysAgo } from './case-page.ts';

const VIEWS = 'participants/web/views';

/** How long since the last contact, in words; "No contact yet" for a case nobody has reached. */
const lastContact = (c: CaseSummary, now: Date, t: Translate) => (c.lastContactAt ? daysAgo(daysBetween(c.lastContactAt, now), t) : t('caseload.noContactYet'));

function caseRows(cases: readonly CaseSummary[], now: Date, t: Translate, lang: Language) {
  return cases.map((c) => [
    // The one thing worth flagging (a young person) sits by the name: a column of its own was empty in most rows.
    { html: c.youngPerson ? `${link(`/cases/${c.id}`, c.personName)} ${tag(t('caseload.tag.young'), 'purple')}` : link(`/cases/${c.id}`, c.personName) },
    { text: t(`cases.phase.${c.phase}`) },
    { text: lastContact(c, now, t) },
    { text: c.nextAppointmentAt ? appointmentTime(c.nextAppointmentAt, lang) : t('caseload.none') },
    { text: t(`cases.regime.${c.regime}`) },
  ]);
}

const head = (t: Translate) =>
  ['caseload.col.person', 'caseload.col.phase', 'caseload.col.lastContact', 'caseload.col.nextAppointment', 'caseload.col.regime'].map((k) => ({ text: t(k) }));

/** The specialist's caseload against the IPS limit, and the team lead's view of the team's caseloads. */
export function registerCaseloadPages(app: FastifyInstance, deps: { cases: CaseService; clock: Clock }): void {
  app.get('/cases', async (request, reply) => {
    const user = requireRole(request.principal, ['specialist', 'team-lead']);
    const t = request.t;
    const { cases, limit } = await deps.cases.caseload(user);
    return reply.page(`${VIEWS}/caseload.njk`, {
      title: t('caseload.title'),
      count: t('caseload.count', { count: cases.length, limit }),
      over: cases.length > limit ? t('caseload.over', { limit }) : null,
      head: head(t),
      rows: caseRows(cases, deps.clock.now(), t, request.lang),
      teamLead: user.roles.includes('team-lead'),
    });
  });

  app.get('/cases/team', async (request, reply) => {
    const user = requireRole(request.principal, ['team-lead']);
    const t = request.t;
    const now = deps.clock.now();
    const { limit, members, cases } = await deps.cases.teamCaseloads(user);
    return reply.page(`${VIEWS}/caseload-team.njk`, {
      title: t('caseload.team.title'),
      lead: t('caseload.team.lead', { limit }),
      memberHead: [
        { text: t('caseload.col.specialist') },
        { text: t('caseload.col.team') },
        { text: t('caseload.col.open'), format: 'numeric' },
        { text: t('caseload.col.load') },
      ],
      memberRows: members.map((m) => [
        { text: m.name },
        // The member's own team: a team with no open case is still named.
        { text: m.teamName },
        { text: String(m.open), format: 'numeric' },
        m.open > limit ? { html: tag(t('caseload.team.overLimit'), 'red') } : { text: t('caseload.count', { count: m.open, limit }) },
      ]),
      caseHead: ['caseload.col.person', 'caseload.col.specialist', 'caseload.col.phase', 'caseload.col.lastContact', 'caseload.col.action'].map((k) => ({
        text: t(k),
      })),
      caseRows: cases.map((c) => [
        { html: link(`/cases/${c.id}`, c.personName) },
        { text: c.specialistName ?? t('caseload.unassigned') },
        { text: t(`cases.phase.${c.phase}`) },
        { text: lastContact(c, now, t) },
        { html: link(`/cases/${c.id}/reassign`, t('caseload.action.reassign'), c.personName) },
      ]),
    });
  });
}
