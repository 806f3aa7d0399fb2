import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { requireRole, type UserPrincipal } from '../../../platform/auth/index.ts';
import type { Clock } from '../../../platform/clock/index.ts';
import { DomainError, type Issue, parseInput } from '../../../platform/errors/index.ts';
import { formErrors } from '../../../platform/http/pages.ts';
import { formatIsoDate, formatMoment, type Translate } from '../../../platform/i18n/index.ts';
import { formatNhsNumber } from '../nhs-number.ts';
import { CONTACT_OUTCOMES, type InboxItem, MILESTONES, REJECTION_REASONS, type ReferralStatus } from '../referral.ts';
import { reasonInWords } from '../referral-reason.ts';
import { isLaterMilestone, nextStatuses } from '../referral-rules.ts';
import { referralIdSchema } from '../referral-schemas.ts';
import type { ReferralService, ReferralView } from '../referral-service.ts';
import type { TeamService } from '../team-service.ts';
import { londonDate } from '../working-days.ts';

const VIEWS = 'referrals/web/views';
type Deps = { referrals: ReferralService; teams: TeamService; clock: Clock };

const when = (d: Date, lang: string) => formatMoment(d, lang, 'dateTime');
const day = formatIsoDate;
const row = (key: string, value: string | null | undefined, t: Translate) => ({ key: { text: key }, value: { text: value || t('referrals.notProvided') } });
const radios = (name: string, legend: string, items: { value: string; text: string }[], errors?: Record<string, { text: string }>) => ({
  kind: 'radios',
  params: { idPrefix: name, name, fieldset: { legend: { text: legend, classes: 'govuk-fieldset__legend--s' } }, items, errorMessage: errors?.[name] },
});
const textarea = (name: string, label: string, errors?: Record<string, { text: string }>) => ({
  kind: 'textarea',
  params: { id: name, name, label: { text: label, classes: 'govuk-label--s' }, rows: 3, errorMessage: errors?.[name] },
});

type TagColour = 'grey' | 'green' | 'turquoise' | 'blue' | 'light-blue' | 'purple' | 'red' | 'orange' | 'yellow';
/** Each status as a GOV.UK tag colour: blue waits on the team, greens are moving, red and orange ended badly. */
export const STATUS_COLOURS: Readonly<Record<ReferralStatus, TagColour>> = {
  requested: 'blue',
  accepted: 'turquoise',
  'in-progress': 'light-blue',
  'on-hold': 'yellow',
  completed: 'green',
  rejected: 'red',
  failed: 'orange',
  cancelled: 'grey',
};
const HTML_SPECIAL = /[&<>"']/;
// Tested before replaced: nearly every string has nothing to escape (as `esc`, ADR 0061).
const escapeHtml = (v: string) => (HTML_SPECIAL.test(v) ? v.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`) : v);
const tag = (text: string, colour: TagColour) => `<strong class="govuk-tag govuk-tag--${colour}">${escapeHtml(text)}</strong>`;
const tags = (items: readonly (readonly [string, TagColour] | null)[]) =>
  items
    .filter((x): x is readonly [string, TagColour] => x !== null)
    .map(([text, colour]) => tag(text, colour))
    .join(' ');

/** Which tables: new referrals wait for a first contact; accepted ones are worked as cases, so they show progress instead. */
type Listing = 'new' | 'working' | 'sent';

function referralTable(rows: readonly InboxItem[], t: Translate, lang: string, today: string, listing: Listing) {
  return rows.map((r) => {
    // A reference never breaks at its hyphens: it is read out and typed back.
    const cells = [
      { html: `<a class="govuk-link app-nowrap" href="/referrals/${r.id}">${escapeHtml(r.reference)}</a>` },
      { text: r.personName },
      { text: when(r.createdAt, lang) },
      { html: tag(t(`referrals.status.${r.status}`), STATUS_COLOURS[r.status]) },
    ];
    const flags = tags([
      r.urgency === 'urgent' ? [t('referrals.tag.urgent'), 'red'] : null,
      r.youngPerson ? [t('referrals.tag.young'), 'purple'] : null,
      r.personMatch !== 'new' ? [t('referrals.tag.duplicate'), 'grey'] : null,
    ]);
    if (listing === 'new' && r.status === 'requested') {
      const overdue = !r.firstContactAt && r.firstContactDue < today ? tag(t('referrals.tag.overdue'), 'red') : '';
      cells.push({ html: [escapeHtml(day(r.firstContactDue, lang)), overdue, flags].filter(Boolean).join(' ') });
    } else {
      cells.push({ html: [escapeHtml(t(`referrals.milestone.${r.milestone}`)), flags].filter(Boolean).join(' ') });
    }
    return cells;
  });
}

/** The inbox, "my referrals", and one referral with its timeline and the actions open to the viewer. */
export function registerReferralPages(app: FastifyInstance, deps: Deps): void {
  const head = (t: Translate, listing: Listing) =>
    [
      'referrals.col.reference',
      'referrals.col.person',
      'referrals.col.received',
      'referrals.col.status',
      listing === 'new' ? 'referrals.col.firstContactDue' : 'referrals.col.milestone',
    ].map((k) => ({ text: t(k) }));
  const todayOf = () => londonDate(deps.clock.now());

  app.get('/referrals/inbox', async (request, reply) => {
    const user = requireRole(request.principal, ['specialist', 'team-lead']);
    const [fresh = [], working = []] = await deps.referrals.inboxes(user, [['requested'], ['accepted', 'in-progress', 'on-hold']]);
    const t = request.t;
    return reply.page(`${VIEWS}/list.njk`, {
      title: t('referrals.inbox.title'),
      lead: t('referrals.inbox.lead'),
      tables: [
        { head: head(t, 'new'), rows: referralTable(fresh, t, request.lang, todayOf(), 'new'), empty: t('referrals.inbox.none') },
        {
          caption: t('referrals.inbox.working'),
          head: head(t, 'working'),
          rows: referralTable(working, t, request.lang, todayOf(), 'working'),
          empty: t('referrals.inbox.noneWorking'),
        },
      ],
    });
  });

  app.get('/referrals/mine', async (request, reply) => {
    const user = requireRole(request.principal, ['referrer']);
    const t = request.t;
    return reply.page(`${VIEWS}/list.njk`, {
      title: t('referrals.mine.title'),
      lead: t('referrals.mine.lead'),
      tables: [
        { head: head(t, 'sent'), rows: referralTable(await deps.referrals.sentBy(user), t, request.lang, todayOf(), 'sent'), empty: t('referrals.mine.none') },
      ],
    });
  });

  async function renderReferral(request: FastifyRequest, reply: FastifyReply, user: UserPrincipal, id: string, issues: readonly Issue[] = [], done?: string) {
    const t = request.t;
    const lang = request.lang;
    const view: ReferralView = await deps.referrals.view(user, id);
    const { referral: r, person: p, team } = view;
    const errors = issues.length ? formErrors(issues, t).fields : undefined;
    const list = (values: readonly string[], prefix: string) => values.map((v) => t(`${prefix}.${v}`)).join(', ');
    const forms = [];
    if (view.side === 'owner' && r.status === 'requested') {
      const specialists = await deps.referrals.specialistsFor(user, id);
      forms.push({
        action: `/referrals/${id}/accept`,
        heading: t('referrals.action.accept'),
        lead: t('referrals.action.acceptLead'),
        button: t('referrals.action.accept'),
        fields: [
          {
            kind: 'select',
            params: {
              id: 'specialistUserId',
              name: 'specialistUserId',
              label: { text: t('referrals.action.specialist'), classes: 'govuk-label--s' },
              items: specialists.map((s) => ({ value: s.id, text: s.display_name, selected: s.id === user.userId })),
              errorMessage: errors?.specialistUserId,
            },
          },
        ],
      });
      forms.push({
        action: `/referrals/${id}/reject`,
        heading: t('referrals.action.reject'),
        button: t('referrals.action.reject'),
        buttonClasses: 'govuk-button--warning',
        fields: [
          radios(
            'reasonCode',
            t('referrals.action.rejectReason'),
            REJECTION_REASONS.map((v) => ({ value: v, text: t(`referrals.rejection.${v}`) })),
            errors,
          ),
          textarea('reason', t('referrals.action.rejectDetail'), errors),
        ],
      });
      const teams = (await deps.teams.list(user.tenantId)).filter((x) => x.id !== r.teamId && x.capacity.state !== 'closed');
      if (teams.length) {
        forms.push({
          action: `/referrals/${id}/reroute`,
          heading: t('referrals.action.reroute'),
          button: t('referrals.action.reroute'),
          buttonClasses: 'govuk-button--secondary',
          fields: [
            radios(
              'teamId',
              t('referrals.field.team'),
              teams.map((x) => ({ value: x.id, text: x.name })),
              errors,
            ),
            textarea('rerouteReason', t('referrals.action.rerouteReason'), errors),
          ],
        });
      }
    }
    const open = ['requested', 'accepted', 'in-progress', 'on-hold'].includes(r.status);
    if (view.side === 'owner' && open) {
      forms.push({
        action: `/referrals/${id}/contact`,
        heading: t('referrals.action.contact'),
        button: t('referrals.action.save'),
        buttonClasses: 'govuk-button--secondary',
        fields: [
          radios(
            'outcome',
            t('referrals.action.contactOutcome'),
            CONTACT_OUTCOMES.map((v) => ({ value: v, text: t(`referrals.outcome.${v}`) })),
            errors,
          ),
          textarea('note', t('referrals.action.contactNote'), errors),
        ],
      });
      const milestones = MILESTONES.filter(
        (m) => isLaterMilestone(r.milestone, m) && (r.status !== 'requested' || MILESTONES.indexOf(m) < MILESTONES.indexOf('first-appointment')),
      );
      if (milestones.length) {
        forms.push({
          action: `/referrals/${id}/milestone`,
          heading: t('referrals.action.milestone'),
          button: t('referrals.action.save'),
          buttonClasses: 'govuk-button--secondary',
          fields: [
            radios(
              'milestone',
              t('referrals.view.milestone'),
              milestones.map((m) => ({ value: m, text: t(`referrals.milestone.${m}`) })),
              errors,
            ),
          ],
        });
      }
    }
    // Accepting and rejecting have their own forms above; the status form covers the rest.
    const statuses = nextStatuses(r.status, view.side).filter((s) => s !== 'accepted' && s !== 'rejected');
    if (statuses.length) {
      forms.push({
        action: `/referrals/${id}/status`,
        heading: view.side === 'owner' ? t('referrals.action.status') : t('referrals.action.cancel'),
        button: t('referrals.action.save'),
        buttonClasses: 'govuk-button--secondary',
        fields: [
          radios(
            'status',
            t('referrals.view.status'),
            statuses.map((s) => ({ value: s, text: t(`referrals.status.${s}`) })),
            errors,
          ),
          textarea('statusReason', view.side === 'owner' ? t('referrals.action.statusReason') : t('referrals.action.cancelReason'), errors),
        ],
      });
    }
    const timeline = view.events.map((e) => ({
      title:
        e.kind === 'status'
          ? t('referrals.event.status', { status: t(`referrals.status.${e.toStatus}`) })
          : e.kind === 'milestone'
            ? t('referrals.event.milestone', { milestone: t(`referrals.milestone.${e.milestone}`) })
            : e.kind === 'rerouted'
              ? t('referrals.event.rerouted', { from: String(e.details.fromTeam ?? ''), to: String(e.details.toTeam ?? '') })
              : e.kind === 'contact-attempt'
                ? t('referrals.event.contact-attempt', {
                    attempt: Number(e.details.attempt ?? 0),
                    outcome: t(`referrals.outcome.${String(e.details.outcome)}`),
                  })
                : e.kind === 'service-level'
                  ? t('referrals.event.service-level', { reason: e.reason ?? '' })
                  : e.kind === 'message-failed'
                    ? t(`referrals.event.message-failed.${e.details.channel === 'sms' ? 'sms' : 'email'}`, { name: view.person.givenName })
                    : t('referrals.event.created'),
      when: when(e.at, lang),
      by: t('referrals.event.by', { name: e.actorName }),
      reason:
        e.kind === 'service-level' || e.kind === 'message-failed'
          ? null
          : reasonInWords({ reasonCode: typeof e.details.reasonCode === 'string' ? e.details.reasonCode : null, statusReason: e.reason }, t),
    }));
    // A person already known keeps their record; what this referral said, where it differs, is shown beside it.
    const given = r.submittedPerson;
    const differs = (
      [
        ['referrals.field.givenName', given.givenName, p.givenName],
        ['referrals.field.familyName', given.familyName, p.familyName],
        [
          'referrals.check.address',
          [given.addressLine1, given.addressLine2, given.town].filter(Boolean).join(', '),
          [p.addressLine1, p.addressLine2, p.town].filter(Boolean).join(', '),
        ],
        ['referrals.field.postcode', given.postcode, p.postcode],
        ['referrals.field.phone', given.phone, p.phone],
        ['referrals.field.email', given.email, p.email],
        ['referrals.field.contactMethod', t(`referrals.contactMethod.${given.contactMethod}`), t(`referrals.contactMethod.${p.contactMethod}`)],
        ['referrals.field.doNotContact', list(given.doNotContact ?? [], 'referrals.dnc'), list(p.doNotContact, 'referrals.dnc')],
      ] as const
    )
      .filter(([, a, b]) => (a ?? '') !== (b ?? ''))
      .map(([key, a]) => row(t(key), a, t));
    // A warning is for something wrong. An open case is the normal outcome of accepting: it is a row with a link, not a warning.
    const waiting = r.status === 'requested';
    const warnings = [];
    if (view.side === 'owner' && !r.firstContactAt && waiting && r.firstContactDue < todayOf()) warnings.push(t('referrals.view.overdue'));
    return reply.page(
      `${VIEWS}/referral.njk`,
      {
        title: t('referrals.view.title', { reference: r.reference }),
        personName: `${p.givenName} ${p.familyName}`,
        backHref: view.side === 'owner' ? '/referrals/inbox' : '/referrals/mine',
        done,
        warnings,
        caseHref: r.caseId ? `/cases/for-referral/${r.id}` : null,
        others: view.others.map((o) => ({ ...o, status: t(`referrals.status.${o.status}`) })),
        duplicateBody: t('referrals.view.duplicateBody', { how: t(`referrals.view.match.${r.personMatch === 'new' ? 'details' : r.personMatch}`) }),
        statusRows: [
          { key: { text: t('referrals.view.status') }, value: { html: tag(t(`referrals.status.${r.status}`), STATUS_COLOURS[r.status]) } },
          row(t('referrals.view.milestone'), t(`referrals.milestone.${r.milestone}`), t),
          ...(reasonInWords(r, t) ? [row(t('referrals.view.reason'), reasonInWords(r, t), t)] : []),
          row(t('referrals.view.team'), team.name, t),
          row(t('referrals.view.referrer'), r.referrer.name, t),
          // Only while the referral waits for the team: once accepted, the case carries the contact.
          ...(waiting ? [row(t('referrals.view.firstContactDue'), day(r.firstContactDue, lang), t)] : []),
          row(t('referrals.view.contactAttempts'), String(r.contactAttempts), t),
          row(t('referrals.check.regime'), t(`referrals.regime.${r.regime}`), t),
        ],
        sections: [
          {
            heading: t('referrals.view.person'),
            rows: [
              row(t('referrals.field.givenName'), p.givenName, t),
              row(t('referrals.field.familyName'), p.familyName, t),
              row(t('referrals.field.dateOfBirth'), day(p.dateOfBirth, lang), t),
              row(t('referrals.field.nhsNumber'), p.nhsNumber ? formatNhsNumber(p.nhsNumber) : null, t),
              {
                key: { text: t('referrals.check.address') },
                value: {
                  html: [p.addressLine1, p.addressLine2, p.town]
                    .filter(Boolean)
                    .map((x) => escapeHtml(String(x)))
                    .join('<br>'),
                },
              },
              row(t('referrals.field.postcode'), p.postcode, t),
              row(t('referrals.field.phone'), p.phone, t),
              row(t('referrals.field.email'), p.email, t),
              row(t('referrals.field.language'), t(`referrals.language.${p.preferredLanguage}`), t),
              row(t('referrals.field.contactMethod'), t(`referrals.contactMethod.${p.contactMethod}`), t),
              row(t('referrals.field.doNotContact'), list(p.doNotContact, 'referrals.dnc'), t),
            ],
          },
          ...(view.side === 'owner' && differs.length ? [{ heading: t('referrals.view.submitted'), rows: differs }] : []),
          {
            heading: t('referrals.view.context'),
            rows: [
              row(t('referrals.field.referringService'), t(`referrals.service.${r.referringService}`), t),
              ...(view.healthVisible
                ? [
                    row(t('referrals.field.conditionsText'), r.conditionsText, t),
                    row(t('referrals.field.conditionCategories'), list(r.conditionCategories, 'referrals.category'), t),
                    row(t('referrals.field.fitNote'), [t(`referrals.fitNote.${r.fitNote}`), r.fitNoteAdvice].filter(Boolean).join(': '), t),
                  ]
                : [row(t('referrals.view.healthHidden'), t('referrals.view.healthHiddenBody'), t)]),
              row(t('referrals.field.benefits'), list(r.benefits, 'referrals.benefit'), t),
              row(t('referrals.field.helpWanted'), r.helpWanted, t),
              row(t('referrals.field.urgency'), t(`referrals.urgency.${r.urgency}`), t),
              row(t('referrals.tag.young'), t(r.youngPerson ? 'referrals.yes' : 'referrals.no'), t),
            ],
          },
          {
            heading: t('referrals.view.consent'),
            rows: [
              row(t('referrals.field.consentScopes'), list(r.consent.scopes, 'referrals.consentScope'), t),
              row(t('referrals.field.consentMethod'), t(`referrals.consentMethod.${r.consent.method}`), t),
              row(t('referrals.field.consentDate'), day(r.consent.givenOn, lang), t),
              row(t('referrals.check.consentRecordedBy'), r.consent.recordedBy, t),
            ],
          },
        ],
        timeline,
        forms,
        errors: issues.length ? formErrors(issues, t) : undefined,
      },
      issues.length ? 400 : 200,
    );
  }

  app.get<{ Params: { id: string }; Querystring: { done?: string } }>('/referrals/:id', async (request, reply) => {
    const user = requireRole(request.principal, ['referrer', 'specialist', 'team-lead']);
    const { id } = parseInput(referralIdSchema, request.params);
    const done = typeof request.query.done === 'string' && /^[a-z]+$/.test(request.query.done) ? request.t(`referrals.done.${request.query.done}`) : undefined;
    return renderReferral(request, reply, user, id, [], done?.startsWith('referrals.') ? undefined : done);
  });

  /**
   * An action on a referral: PRG on success, the page with its error summary on bad input. `fields`
   * renames the service's input names to the form's, so each error links to its field.
   */
  const action = (
    path: string,
    done: string,
    run: (user: UserPrincipal, id: string, body: Record<string, unknown>) => Promise<unknown>,
    fields: Record<string, string> = {},
  ) =>
    app.post<{ Params: { id: string } }>(`/referrals/:id/${path}`, async (request, reply) => {
      const user = requireRole(request.principal, ['referrer', 'specialist', 'team-lead']);
      const { id } = parseInput(referralIdSchema, request.params);
      const body = (request.body ?? {}) as Record<string, unknown>;
      // An empty box is an answer not given.
      const given = Object.fromEntries(Object.entries(body).map(([k, v]) => [k, typeof v === 'string' && !v.trim() ? undefined : v]));
      try {
        await run(user, id, given);
        return reply.redirect(`/referrals/${id}?done=${done}`, 303);
      } catch (error) {
        if (!(error instanceof DomainError) || error.issues.length === 0) throw error;
        return renderReferral(
          request,
          reply,
          user,
          id,
          error.issues.map((i) => ({ ...i, path: fields[i.path] ?? i.path })),
        );
      }
    });
  action('accept', 'accepted', (user, id, b) => deps.referrals.accept(user, id, { specialistUserId: b.specialistUserId }));
  action('reject', 'rejected', (user, id, b) => deps.referrals.reject(user, id, { reasonCode: b.reasonCode, reason: b.reason }));
  action('contact', 'contact', (user, id, b) => deps.referrals.recordContactAttempt(user, id, { outcome: b.outcome, note: b.note }));
  action('milestone', 'milestone', (user, id, b) => deps.referrals.recordMilestone(user, id, { milestone: b.milestone }));
  action('status', 'status', (user, id, b) => deps.referrals.transition(user, id, { status: b.status, reason: b.statusReason }), { reason: 'statusReason' });
  action('reroute', 'rerouted', (user, id, b) => deps.referrals.reroute(user, id, { teamId: b.teamId, reason: b.rerouteReason }), { reason: 'rerouteReason' });
}
