import type { FastifyInstance, FastifyRequest } from 'fastify';
import { formBody, formIssues, idParam, withErrors } from '../../../platform/http/form-fields.ts';
import { isLanguage } from '../../../platform/i18n/index.ts';
import { type ParticipantService, signedInParticipant } from '../../participants/index.ts';
import { type AtwPagesDeps, passportFields, sendDecisionPdf } from './atw-case-routes.ts';
import { decisionRows, decisionTitle, policyNotes } from './atw-presenter.ts';

const VIEWS = 'access-to-work/web/views';
const BASE = '/my-support/access-to-work';

/**
 * The person's own page, `/my-support/access-to-work`, in their language unless they chose the
 * other: their decisions in principle and letters, and their adjustments passport, which they
 * alone choose to share with employers.
 */
export function registerAtwParticipantPages(app: FastifyInstance, deps: AtwPagesDeps & { participants: ParticipantService }): void {
  const { accessToWork, participants, translator } = deps;

  async function participantOf(request: FastifyRequest) {
    return signedInParticipant(request, participants, translator);
  }

  async function show(
    request: FastifyRequest,
    p: { tenantId: string; participantId: string },
    values: Record<string, unknown> | null,
    issues: readonly { path: string; message: string }[] = [],
    done = false,
  ) {
    const t = request.t;
    const lang = request.lang;
    const data = await accessToWork.mine(p);
    const current = values ?? {
      adjustments: data.passport?.adjustments ?? [],
      inTheirWords: data.passport?.inTheirWords ?? '',
      shared: data.passport?.shared ? ['yes'] : [],
    };
    const fields = passportFields(current, t, true);
    const marked = issues.length ? withErrors(fields, issues, t) : { fields, errors: undefined };
    return {
      title: t('atw.mine.title'),
      backHref: '/my-support/plan',
      done: done ? t('atw.done.passport') : null,
      policy: policyNotes(data.today, t, null, lang),
      decisions: data.decisions.map((d) => ({
        id: d.id,
        card: { title: { text: decisionTitle(d, t, lang) } },
        rows: decisionRows(d, t, lang, false),
        checkHow: d.status === 'issued' && d.verificationCode ? t('atw.mine.checkHow', { url: '/check-access-to-work', code: d.verificationCode }) : null,
        pack: d.status === 'converted',
      })),
      fields: marked.fields,
      errors: marked.errors,
    };
  }

  app.get<{ Querystring: { done?: string } }>(BASE, async (request, reply) => {
    const p = await participantOf(request);
    if (!p) return reply.redirect('/my-support', 303);
    return reply.page(`${VIEWS}/atw-mine.njk`, await show(request, p, null, [], request.query.done === 'passport'));
  });

  app.post(`${BASE}/passport`, async (request, reply) => {
    const p = await participantOf(request);
    if (!p) return reply.redirect('/my-support', 303);
    const typed = formBody(request.body);
    try {
      await accessToWork.savePassport({ kind: 'participant', tenantId: p.tenantId, participantId: p.participantId, name: p.name }, p.participantId, typed);
    } catch (error) {
      const failure = formIssues(error);
      if (!failure) throw error;
      return reply.page(`${VIEWS}/atw-mine.njk`, await show(request, p, typed, failure.issues), 400);
    }
    return reply.redirect(`${BASE}?done=passport`, 303);
  });

  for (const kind of ['letter', 'pack'] as const) {
    app.get<{ Params: { did: string }; Querystring: { lang?: string } }>(`${BASE}/:did/${kind}.pdf`, async (request, reply) => {
      const p = await participantOf(request);
      if (!p) return reply.redirect('/my-support', 303);
      const doc = await accessToWork.document(
        { kind: 'participant', tenantId: p.tenantId, participantId: p.participantId, name: p.name },
        idParam(request.params.did, 'decision'),
        null,
      );
      if (kind === 'pack' && doc.decision.status !== 'converted') return reply.callNotFound();
      return sendDecisionPdf(reply, deps, kind, doc, isLanguage(request.query.lang) ? request.query.lang : request.lang);
    });
  }
}
