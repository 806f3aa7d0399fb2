import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { recordAudit } from '../../../platform/audit/index.ts';
import { actorOf, type OidcService, ROLES, requireRole, type StaffService } from '../../../platform/auth/index.ts';
import type { Clock } from '../../../platform/clock/index.ts';
import type { Database } from '../../../platform/db/index.ts';
import { DomainError, NotFound, parseInput } from '../../../platform/errors/index.ts';
import { type FormErrors, formErrors } from '../../../platform/http/pages.ts';
import { formatMoment } from '../../../platform/i18n/index.ts';
import { listOutbox } from '../../../platform/notify/index.ts';
import type { OrganisationService } from '../../organisations/index.ts';
import { nationalFigures } from '../national-figures.ts';
import { identityRows } from './identity-provider-routes.ts';

const VIEWS = 'administration/web/views';
const staffIdSchema = z.object({ id: z.uuid('The staff account id must be a UUID') });

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const formatDateTime = (d: Date, lang: string) => formatMoment(d, lang, 'brief');

/** Text shown exactly as the audit log recorded it, in a code-like element. */
const recorded = (text: string | null) => (text ? `<code class="app-code">${escapeHtml(text)}</code>` : '');

/** The local authority administrator's outbox and audit log, and the national analyst's figures. */

export function registerAdministrationPages(
  app: FastifyInstance,
  deps: {
    db: Database;
    clock: Clock;
    notifyKind: 'outbox' | 'govuk-notify';
    /** Whether an administrator may open a kept message: only while nothing is sent, and never in production. */
    outboxBodies: boolean;
    staff: StaffService;
    oidc: OidcService;
    organisations: OrganisationService;
  },
): void {
  const { db, clock } = deps;

  app.get<{ Querystring: { invited?: string } }>('/admin/staff', async (request, reply) => {
    const user = requireRole(request.principal, ['tenant-admin']);
    const [staff, organisations] = await Promise.all([deps.staff.list(user.tenantId, actorOf(user)), deps.organisations.list(user.tenantId)]);
    const orgName = new Map(organisations.map((o) => [o.id, o.name]));
    const invited = staff.find((s) => s.id === request.query.invited);
    const status = (s: (typeof staff)[number]) =>
      s.disabled
        ? request.t('staff.status.disabled')
        : s.invited
          ? request.t('staff.status.invited')
          : `${request.t('staff.status.active')}${s.mfaEnabled ? `, ${request.t('staff.status.mfa')}` : ''}`;
    return reply.page(`${VIEWS}/staff.njk`, {
      title: request.t('staff.title'),
      invited: invited ? request.t('staff.invited', { name: invited.displayName }) : null,
      rows: staff.map((s) => [
        { html: `<a class="govuk-link" href="/admin/staff/${s.id}">${escapeHtml(s.displayName)}</a>` },
        { text: s.email, classes: 'app-wrap-anywhere' },
        { text: orgName.get(s.organisationId) ?? '' },
        { text: s.roles.map((r) => request.t(`role.${r}`)).join(', ') },
        { text: status(s) },
      ]),
    });
  });

  async function renderNewStaff(
    request: FastifyRequest,
    reply: FastifyReply,
    tenantId: string,
    values: Record<string, unknown>,
    errors?: FormErrors,
    status = 200,
  ) {
    const organisations = await deps.organisations.list(tenantId);
    return reply.page(
      `${VIEWS}/staff-new.njk`,
      {
        title: request.t('staff.new.title'),
        values,
        errors,
        organisations: [{ value: '', text: '' }, ...organisations.map((o) => ({ value: o.id, text: o.name, selected: values.organisationId === o.id }))],
        roles: ROLES.map((r) => ({ value: r, text: request.t(`role.${r}`), hint: { text: request.t(`role.${r}.description`) }, checked: values.role === r })),
        languages: [
          { value: 'en', text: 'English', checked: values.language !== 'cy' },
          { value: 'cy', text: 'Cymraeg', attributes: { lang: 'cy' }, checked: values.language === 'cy' },
        ],
      },
      status,
    );
  }

  app.get('/admin/staff/new', async (request, reply) => {
    const user = requireRole(request.principal, ['tenant-admin']);
    return renderNewStaff(request, reply, user.tenantId, {});
  });

  app.post('/admin/staff/new', async (request, reply) => {
    const user = requireRole(request.principal, ['tenant-admin']);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const values = { displayName: body.displayName, email: body.email, organisationId: body.organisationId, role: body.role, language: body.language };
    try {
      const { userId } = await deps.staff.invite(user.tenantId, actorOf(user), values);
      return reply.redirect(`/admin/staff?invited=${userId}`, 303);
    } catch (error) {
      if (!(error instanceof DomainError) || error.issues.length === 0) throw error;
      return renderNewStaff(request, reply, user.tenantId, values, formErrors(error.issues, request.t), error.code === 'conflict' ? 409 : 400);
    }
  });

  app.get<{ Params: { id: string }; Querystring: { done?: string } }>('/admin/staff/:id', async (request, reply) => {
    const user = requireRole(request.principal, ['tenant-admin']);
    const id = parseInput(staffIdSchema, request.params).id;
    const [person, organisations, identities] = await Promise.all([
      deps.staff.get(user.tenantId, actorOf(user), id),
      deps.organisations.list(user.tenantId),
      identityRows(deps.oidc, user.tenantId, id, request.t, request.lang),
    ]);
    const done = request.query.done;
    return reply.page(`${VIEWS}/staff-person.njk`, {
      title: person.displayName,
      person,
      isSelf: person.id === user.userId,
      done:
        done === 'link'
          ? request.t('staff.detail.done.link', { email: person.email })
          : done === 'disabled' || done === 'enabled' || done === 'identity' || done === 'identity-removed'
            ? request.t(`staff.detail.done.${done}`)
            : null,
      identities,
      rows: [
        { key: { text: request.t('staff.email') }, value: { text: person.email } },
        { key: { text: request.t('staff.organisation') }, value: { text: organisations.find((o) => o.id === person.organisationId)?.name ?? '' } },
        { key: { text: request.t('staff.role') }, value: { text: person.roles.map((r) => request.t(`role.${r}`)).join(', ') } },
        { key: { text: request.t('staff.detail.language') }, value: { text: person.language === 'cy' ? 'Cymraeg' : 'English' } },
        {
          key: { text: request.t('staff.status') },
          value: {
            text: person.disabled
              ? request.t('staff.status.disabled')
              : person.invited
                ? request.t('staff.status.invited')
                : `${request.t('staff.status.active')}${person.mfaEnabled ? `, ${request.t('staff.status.mfa')}` : ''}`,
          },
        },
      ],
    });
  });

  const staffAction = (path: string, act: (tenantId: string, actor: ReturnType<typeof actorOf>, id: string) => Promise<void>, done: string) =>
    app.post<{ Params: { id: string } }>(`/admin/staff/:id/${path}`, async (request, reply) => {
      const user = requireRole(request.principal, ['tenant-admin']);
      const id = parseInput(staffIdSchema, request.params).id;
      await act(user.tenantId, actorOf(user), id);
      return reply.redirect(`/admin/staff/${id}?done=${done}`, 303);
    });
  staffAction('password-link', (t, a, id) => deps.staff.resendPasswordLink(t, a, id), 'link');
  staffAction('disable', (t, a, id) => deps.staff.setDisabled(t, a, id, true), 'disabled');
  staffAction('enable', (t, a, id) => deps.staff.setDisabled(t, a, id, false), 'enabled');

  app.get<{ Querystring: { saved?: string } }>('/admin/security', async (request, reply) => {
    const user = requireRole(request.principal, ['tenant-admin']);
    const required = await deps.staff.requiresMfa(user.tenantId);
    return reply.page(`${VIEWS}/security.njk`, { title: request.t('security.question'), required, saved: request.query.saved === '1' });
  });

  app.post('/admin/security', async (request, reply) => {
    const user = requireRole(request.principal, ['tenant-admin']);
    const choice = (request.body as Record<string, unknown> | undefined)?.requireMfa;
    if (choice !== 'yes' && choice !== 'no') {
      const errors = formErrors([{ path: 'requireMfa', message: 'security.error' }], request.t);
      return reply.page(`${VIEWS}/security.njk`, { title: request.t('security.question'), required: null, errors }, 400);
    }
    await deps.staff.setRequireMfa(user.tenantId, actorOf(user), choice === 'yes');
    return reply.redirect('/admin/security?saved=1', 303);
  });

  app.get('/admin/outbox', async (request, reply) => {
    const user = requireRole(request.principal, ['tenant-admin']);
    const messages = await listOutbox(db, user.tenantId, 100);
    // Recipients are personal data: reading them is audited like any other read.
    await db.inTenant(user.tenantId, (tx) =>
      recordAudit(tx, user.tenantId, clock, {
        actor: actorOf(user),
        action: 'outbox.read',
        recordType: 'notifications-outbox',
        reason: 'administrator viewed the outbox',
        details: { count: messages.length },
      }),
    );
    return reply.page(`${VIEWS}/outbox.njk`, {
      title: request.t('admin.outbox'),
      notifyConfigured: deps.notifyKind === 'govuk-notify',
      rows: messages.map((m) => [
        { text: m.recipient, classes: 'app-wrap-anywhere' },
        { text: m.channel },
        deps.outboxBodies ? { html: `<a class="govuk-link" href="/admin/outbox/${m.id}">${escapeHtml(m.subject)}</a>` } : { text: m.subject },
        { text: formatDateTime(m.created_at, request.lang) },
        // GOV.UK Notify's receipt when one came (ADR 0045), else where the message is.
        { text: request.t(`admin.outbox.delivery.${m.receipt ?? m.state}`) },
      ]),
    });
  });

  app.get<{ Params: { id: string } }>('/admin/outbox/:id', async (request, reply) => {
    const user = requireRole(request.principal, ['tenant-admin']);
    const id = request.params.id;
    if (!deps.outboxBodies || !z.uuid().safeParse(id).success) throw new NotFound('message');
    const message = await db.inTenant(user.tenantId, async (tx) => {
      const found = await tx.selectFrom('notifications_outbox').selectAll().where('id', '=', id).executeTakeFirst();
      if (found) {
        await recordAudit(tx, user.tenantId, clock, {
          actor: actorOf(user),
          action: 'outbox.read-message',
          recordType: 'notifications-outbox',
          recordId: id,
          reason: 'administrator opened a kept message',
        });
      }
      return found;
    });
    if (!message) throw new NotFound('message', id);
    return reply.page(`${VIEWS}/outbox-message.njk`, {
      title: request.t('admin.outbox.message', { recipient: message.recipient }),
      message: {
        subject: message.subject,
        paragraphs: message.body.split(/\n{2,}/),
        created: formatDateTime(message.created_at, request.lang),
        channel: message.channel,
      },
    });
  });

  app.get('/admin/audit', async (request, reply) => {
    const user = requireRole(request.principal, ['tenant-admin']);
    const events = await db.inTenant(user.tenantId, async (tx) => {
      const rows = await tx
        .selectFrom('audit_events')
        .select(['seq', 'occurred_at', 'actor_kind', 'actor_id', 'action', 'record_type', 'record_id', 'reason'])
        .orderBy('pos', 'desc')
        .limit(50)
        .execute();
      await recordAudit(tx, user.tenantId, clock, {
        actor: actorOf(user),
        action: 'audit.read',
        recordType: 'audit-log',
        reason: 'administrator viewed the audit log',
      });
      return rows;
    });
    return reply.page(`${VIEWS}/audit.njk`, {
      title: request.t('admin.audit'),
      rows: events.map((e) => [
        { text: formatDateTime(e.occurred_at, request.lang) },
        // The record as written (codes and English), marked as such: it is evidence, not wording.
        { html: recorded(`${e.actor_kind} ${e.actor_id}`) },
        { html: recorded(`${e.action}${e.record_id ? ` (${e.record_type} ${e.record_id})` : ''}`) },
        { html: recorded(e.reason) },
      ]),
    });
  });

  app.get('/national', async (request, reply) => {
    requireRole(request.principal, ['national-analyst']);
    const { areas, threshold } = await nationalFigures(db, clock.now().toISOString().slice(0, 10));
    const show = (c: (typeof areas)[number]['staff']) =>
      c.kind === 'count' ? String(c.value) : request.t('national.suppressed', { threshold: threshold.value });
    return reply.page(`${VIEWS}/national.njk`, {
      title: request.t('national.title'),
      threshold: threshold.value,
      rows: areas.map((a) => [
        { text: request.lang === 'cy' ? a.nameCy : a.name },
        { text: show(a.organisations), format: 'numeric' },
        { text: show(a.staff), format: 'numeric' },
      ]),
    });
  });
}
