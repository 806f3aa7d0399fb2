import type { FastifyInstance } from 'fastify';
import { recordAudit } from '../../../platform/audit/index.ts';
import { actorOf, requireRole } from '../../../platform/auth/index.ts';
import type { Clock } from '../../../platform/clock/index.ts';
import type { Database } from '../../../platform/db/index.ts';
import { listOutbox } from '../../../platform/notify/index.ts';
import { nationalFigures } from '../national-figures.ts';

const VIEWS = 'administration/web/views';

function formatDateTime(d: Date, lang: string): string {
  return d.toLocaleString(lang === 'cy' ? 'cy-GB' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/London' });
}

/** The local authority administrator's outbox and audit log, and the national analyst's figures. */
export function registerAdministrationPages(app: FastifyInstance, deps: { db: Database; clock: Clock; notifyKind: 'outbox' | 'govuk-notify' }): void {
  const { db, clock } = deps;

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
      rows: messages.map((m) => [{ text: m.recipient }, { text: m.channel }, { text: m.subject }, { text: formatDateTime(m.created_at, request.lang) }]),
    });
  });

  app.get('/admin/audit', async (request, reply) => {
    const user = requireRole(request.principal, ['tenant-admin']);
    const events = await db.inTenant(user.tenantId, async (tx) => {
      const rows = await tx
        .selectFrom('audit_events')
        .select(['seq', 'occurred_at', 'actor_kind', 'actor_id', 'action', 'record_type', 'record_id', 'reason'])
        .orderBy('seq', 'desc')
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
        { text: `${e.actor_kind} ${e.actor_id}` },
        { text: `${e.action}${e.record_id ? ` (${e.record_type} ${e.record_id})` : ''}` },
        { text: e.reason },
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
      rows: areas.map((a) => [{ text: request.lang === 'cy' ? a.nameCy : a.name }, { text: show(a.organisations) }, { text: show(a.staff) }]),
    });
  });
}
