import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { requireRole } from '../../../platform/auth/index.ts';
import type { Issue } from '../../../platform/errors/index.ts';
import { sendAttachment } from '../../../platform/http/attachment.ts';
import {
  combineDates,
  dateInput,
  type Field,
  fileInput,
  formBody,
  formIssues,
  idParam,
  input,
  radios,
  textarea,
  withErrors,
} from '../../../platform/http/form-fields.ts';
import { UploadedFile } from '../../../platform/http/multipart.ts';
import { formErrors } from '../../../platform/http/pages.ts';
import { formatIsoDate } from '../../../platform/i18n/index.ts';
import { CONSENT_METHODS } from '../record.ts';
import { RECORD_READERS, RECORD_STAFF, type RecordService } from '../record-service.ts';

const VIEWS = 'records/web/views';
const FHIR_JSON = 'application/fhir+json; charset=utf-8';
type Values = Record<string, unknown>;

const attachment = (reply: FastifyReply, name: string, bundle: unknown) => sendAttachment(reply, name, FHIR_JSON, JSON.stringify(bundle, null, 2));

/**
 * Staff pages for records that move with people (ADR 0048): the records taken in from other areas
 * and where each came from; for a tenant admin or IG lead, a person's record for their
 * subject-access request, sending it to another area, and taking one in.
 */
export function registerRecordPages(app: FastifyInstance, deps: { records: RecordService }): void {
  const { records } = deps;

  app.get<{ Querystring: { reference?: string } }>('/records', async (request, reply) => {
    const user = requireRole(request.principal, RECORD_READERS);
    const t = request.t;
    const staff = user.roles.some((r) => (RECORD_STAFF as readonly string[]).includes(r));
    const [taken, sent] = await Promise.all([records.transfersIn(user), staff ? records.transfersOut(user) : Promise.resolve([])]);
    let notFound = false;
    if (staff && typeof request.query.reference === 'string' && request.query.reference.trim() !== '') {
      const found = await records.findPerson(user, request.query.reference);
      if (found) return reply.redirect(`/records/person/${found.participantId}`, 303);
      notFound = true;
    }
    return reply.page(
      `${VIEWS}/records.njk`,
      {
        title: t('records.title'),
        staff,
        reference: request.query.reference ?? '',
        errors: notFound ? formErrors([{ path: 'reference', message: 'records.error.notFound' }], t) : undefined,
        takenRows: taken.map((r) => [
          { html: `<a class="govuk-link" href="/records/in/${r.id}">${escapeHtml(r.personName)}</a>` },
          { text: r.senderName },
          { text: formatIsoDate(r.recordAsOf.toISOString().slice(0, 10), request.lang) },
          { text: formatIsoDate(r.importedAt.toISOString().slice(0, 10), request.lang) },
          { text: r.participantId ? t('records.in.known') : t('records.in.new') },
        ]),
        sentRows: sent.map((r) => [
          { html: `<a class="govuk-link" href="/records/person/${r.participantId}">${escapeHtml(r.destination)}</a>` },
          { text: formatIsoDate(r.sentAt.toISOString().slice(0, 10), request.lang) },
          { text: r.sentByName },
          { text: `${formatIsoDate(r.consentGivenOn, request.lang)} (${t(`records.method.${r.consentMethod}`)})` },
        ]),
      },
      notFound ? 404 : 200,
    );
  });

  // One person's record: for their subject-access request, or sending it on when they move.
  app.get<{ Params: { id: string } }>('/records/person/:id', async (request, reply) => {
    const user = requireRole(request.principal, RECORD_STAFF);
    const id = idParam(request.params.id, 'participant');
    const t = request.t;
    const person = await records.person(user, id);
    const sent = await records.transfersOut(user, id);
    return reply.page(`${VIEWS}/record-person.njk`, {
      title: t('records.person.title', { name: person.name }),
      caption: t('records.person.caption', { reference: person.reference }),
      id,
      sentRows: sent.map((r) => [
        { text: r.destination },
        { text: formatIsoDate(r.sentAt.toISOString().slice(0, 10), request.lang) },
        { text: r.sentByName },
        { text: `${formatIsoDate(r.consentGivenOn, request.lang)} (${t(`records.method.${r.consentMethod}`)})` },
      ]),
    });
  });

  const consentFields = (s: { values: Values }, t: FastifyRequest['t']): Field[] => [
    dateInput(s, 'consentGivenOn', t('records.field.consentGivenOn'), t, { hint: t('records.field.consentGivenOnHint') }),
    radios(
      s,
      'consentMethod',
      t('records.field.consentMethod'),
      CONSENT_METHODS.map((m) => ({ value: m, text: t(`records.method.${m}`) })),
    ),
  ];
  const form = (
    request: FastifyRequest,
    reply: FastifyReply,
    o: { title: string; caption?: string; lead: string[]; fields: Field[]; action: string; button: string; backHref: string; enctype?: string },
    issues?: readonly Issue[],
    status?: number,
  ) => {
    const marked = issues ? withErrors(o.fields, issues, request.t) : { fields: o.fields, errors: undefined };
    return reply.page('pages/form.njk', { ...o, fields: marked.fields, errors: marked.errors }, status ?? (issues ? 400 : 200));
  };

  const subjectAccessForm = async (
    request: FastifyRequest<{ Params: { id: string } }>,
    reply: FastifyReply,
    values: Values,
    issues?: readonly Issue[],
    status?: number,
  ) => {
    const user = requireRole(request.principal, RECORD_STAFF);
    const id = idParam(request.params.id, 'participant');
    const t = request.t;
    // Whose record: the reader checks it before downloading it (NotFound for nobody here).
    const person = await records.person(user, id);
    return form(
      request,
      reply,
      {
        title: t('records.sar.title'),
        caption: t('records.person.title', { name: person.name }),
        lead: [t('records.sar.lead')],
        fields: [textarea({ values }, 'reason', t('records.field.reason'), { hint: t('records.field.reasonHint') })],
        action: `/records/person/${id}/subject-access`,
        button: t('records.sar.button'),
        backHref: `/records/person/${id}`,
      },
      issues,
      status,
    );
  };
  app.get<{ Params: { id: string } }>('/records/person/:id/subject-access', async (request, reply) => subjectAccessForm(request, reply, {}));
  app.post<{ Params: { id: string } }>('/records/person/:id/subject-access', async (request, reply) => {
    const user = requireRole(request.principal, RECORD_STAFF);
    const body = formBody(request.body);
    try {
      const bundle = await records.subjectAccess(user, idParam(request.params.id, 'participant'), body);
      return attachment(reply, 'bridgework-record-subject-access.fhir.json', bundle);
    } catch (error) {
      const failure = formIssues(error);
      if (!failure) throw error;
      return subjectAccessForm(request, reply, body, failure.issues, failure.status);
    }
  });

  const transferForm = async (
    request: FastifyRequest<{ Params: { id: string } }>,
    reply: FastifyReply,
    values: Values,
    issues?: readonly Issue[],
    status?: number,
  ) => {
    const user = requireRole(request.principal, RECORD_STAFF);
    const id = idParam(request.params.id, 'participant');
    const t = request.t;
    const person = await records.person(user, id);
    const s = { values };
    return form(
      request,
      reply,
      {
        title: t('records.transfer.title'),
        caption: t('records.person.title', { name: person.name }),
        lead: [t('records.transfer.lead'), t('records.transfer.left')],
        fields: [input(s, 'destination', t('records.field.destination'), { hint: t('records.field.destinationHint') }), ...consentFields(s, t)],
        action: `/records/person/${id}/transfer`,
        button: t('records.transfer.button'),
        backHref: `/records/person/${id}`,
      },
      issues,
      status,
    );
  };
  app.get<{ Params: { id: string } }>('/records/person/:id/transfer', async (request, reply) => transferForm(request, reply, {}));
  app.post<{ Params: { id: string } }>('/records/person/:id/transfer', async (request, reply) => {
    const user = requireRole(request.principal, RECORD_STAFF);
    const body = combineDates(formBody(request.body), ['consentGivenOn']);
    try {
      const sent = await records.transferOut(user, idParam(request.params.id, 'participant'), body);
      return attachment(reply, `bridgework-record-transfer-${sent.id}.fhir.json`, sent.bundle);
    } catch (error) {
      const failure = formIssues(error);
      if (!failure) throw error;
      return transferForm(request, reply, formBody(request.body), failure.issues, failure.status);
    }
  });

  // Taking a record in from another area.
  const importForm = (request: FastifyRequest, reply: FastifyReply, values: Values, issues?: readonly Issue[], status?: number) => {
    requireRole(request.principal, RECORD_STAFF);
    const t = request.t;
    return form(
      request,
      reply,
      {
        title: t('records.import.title'),
        lead: [t('records.import.lead')],
        fields: [
          fileInput('file', t('records.field.file'), { hint: t('records.field.fileHint'), accept: '.json,application/json,application/fhir+json' }),
          ...consentFields({ values }, t),
        ],
        action: '/records/import',
        button: t('records.import.button'),
        backHref: '/records',
        enctype: 'multipart/form-data',
      },
      // Only the first issue about the file is for people; the rest (FHIR paths) are for the CLI and API.
      issues?.filter((i) => i.path !== 'file' || i.message.startsWith('records.')),
      status,
    );
  };
  app.get('/records/import', async (request, reply) => importForm(request, reply, {}));
  app.post('/records/import', async (request, reply) => {
    const user = requireRole(request.principal, RECORD_STAFF);
    const body = formBody(request.body);
    const { file, ...rest } = body;
    const values = combineDates(rest, ['consentGivenOn']);
    try {
      if (!(file instanceof UploadedFile)) {
        // Checked with the consent fields, so every mistake shows at once.
        const issues: Issue[] = [{ path: 'file', message: 'records.error.file' }];
        try {
          records.checkConsent(values);
        } catch (e) {
          const more = formIssues(e);
          if (more) issues.push(...more.issues);
        }
        return importForm(request, reply, rest, issues, 400);
      }
      const done = await records.importRecord({ kind: 'user', user }, file.bytes, values);
      return reply.redirect(`/records/in/${done.id}?done=${done.duplicate ? 'duplicate' : 'imported'}`, 303);
    } catch (error) {
      const failure = formIssues(error);
      if (!failure) throw error;
      return importForm(request, reply, rest, failure.issues, failure.status);
    }
  });

  app.get<{ Params: { id: string }; Querystring: { done?: string } }>('/records/in/:id', async (request, reply) => {
    const user = requireRole(request.principal, RECORD_READERS);
    const t = request.t;
    const { transfer, parts } = await records.transferIn(user, idParam(request.params.id, 'record'));
    const day = (d: Date | string) => formatIsoDate((typeof d === 'string' ? d : d.toISOString()).slice(0, 10), request.lang);
    const done = request.query.done === 'imported' || request.query.done === 'duplicate' ? t(`records.done.${request.query.done}`) : null;
    return reply.page(`${VIEWS}/record-in.njk`, {
      title: t('records.in.heading', { name: transfer.personName }),
      done,
      id: transfer.id,
      provenance: [
        {
          key: { text: t('records.in.from') },
          value: { text: transfer.senderGssCode ? `${transfer.senderName} (${transfer.senderGssCode})` : transfer.senderName },
        },
        { key: { text: t('records.in.source') }, value: { text: transfer.source } },
        { key: { text: t('records.in.asOf') }, value: { text: day(transfer.recordAsOf) } },
        { key: { text: t('records.in.importedAt') }, value: { text: `${day(transfer.importedAt)}, ${transfer.importedByName}` } },
        { key: { text: t('records.in.consent') }, value: { text: `${day(transfer.consentGivenOn)} (${t(`records.method.${transfer.consentMethod}`)})` } },
        { key: { text: t('records.in.person') }, value: { text: transfer.participantId ? t('records.in.known') : t('records.in.new') } },
      ],
      parts,
    });
  });
  app.get<{ Params: { id: string } }>('/records/in/:id/bundle.json', async (request, reply) => {
    const user = requireRole(request.principal, RECORD_READERS);
    const id = idParam(request.params.id, 'record');
    return attachment(reply, `bridgework-record-${id}.fhir.json`, await records.transferInBundle(user, id));
  });
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
