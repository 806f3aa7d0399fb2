import { checkboxes, radios, textarea } from '../../../platform/http/form-fields.ts';
import { REGIMES } from '../../participation/index.ts';
import { CLOSURE_REASONS, MANAGED_CONSENTS } from '../case.ts';
import { nextPhases } from '../case-rules.ts';
import { type CaseForm, work } from './case-form.ts';
import { appointmentTime, row } from './case-format.ts';

/** The forms that govern the case: consent, the health team, the regime, phase and closing, reassigning and break-glass. */
export const CASE_GOVERNANCE_FORMS: readonly CaseForm[] = [
  {
    path: 'consent',
    allowed: work,
    initial: (view) => ({ scopes: view.participant.consentScopes }),
    page: ({ t, state }) => ({
      title: t('caseload.consent.title'),
      single: true,
      fields: [
        checkboxes(
          state,
          'scopes',
          t('caseload.consent.title'),
          MANAGED_CONSENTS.map((s) => ({ value: s, text: t(`cases.consent.${s}`) })),
          { heading: true, hint: t('caseload.consent.hint') },
        ),
      ],
      button: t('caseload.save'),
    }),
    submit: ({ cases, user, caseId, body }) => cases.changeConsent(user, caseId, body),
    done: 'consent',
  },
  {
    path: 'health-team',
    allowed: work,
    page: async ({ view, t, state, cases, user }) => {
      const named = new Set(view.healthTeam.map((m) => m.userId));
      const candidates = (await cases.healthTeamCandidates(user)).filter((c) => !named.has(c.id));
      return {
        title: t('caseload.healthTeam.add'),
        single: candidates.length > 0,
        inset: candidates.length ? undefined : t('caseload.healthTeam.noneToAdd'),
        fields: candidates.length
          ? [
              radios(
                state,
                'userId',
                t('caseload.healthTeam.add'),
                candidates.map((c) => ({ value: c.id, text: c.name })),
                { heading: true, hint: t('caseload.healthTeam.hint') },
              ),
            ]
          : [],
        button: candidates.length ? t('caseload.healthTeam.addButton') : null,
      };
    },
    submit: ({ cases, user, caseId, body }) => cases.addHealthTeamMember(user, caseId, body),
    done: 'healthTeam',
  },
  {
    path: 'regime',
    allowed: work,
    page: ({ view, t, state }) => ({
      title: t('caseload.participation.changeTitle'),
      lead: [t('caseload.participation.changeLead')],
      rows: [row(t('caseload.participation.current'), t(`cases.regime.${view.participant.regime}`), t)],
      fields: [
        radios(
          state,
          'regime',
          t('caseload.participation.newRegime'),
          REGIMES.filter((r) => r !== view.participant.regime).map((r) => ({ value: r, text: t(`cases.regime.${r}`) })),
        ),
        textarea(state, 'reason', t('caseload.reason'), { rows: 3 }),
      ],
      button: t('caseload.participation.changeButton'),
    }),
    submit: ({ cases, user, caseId, body }) => cases.changeRegime(user, caseId, body),
    done: 'regime',
  },
  {
    path: 'compliance-report',
    allowed: (can) => can.work && can.complianceReport,
    page: ({ view, t, lang, state }) => ({
      title: t('caseload.compliance.title'),
      warning: t('caseload.compliance.warning'),
      fields: [
        ...(view.appointments.length
          ? [
              radios(state, 'appointmentId', t('caseload.compliance.appointment'), [
                ...view.appointments.map((a) => ({
                  value: a.id,
                  text: `${appointmentTime(a.startsAt, lang)}${a.outcome ? ` (${t(`cases.outcome.${a.outcome}`)})` : ''}`,
                })),
                { value: '', text: t('caseload.compliance.noAppointment') },
              ]),
            ]
          : []),
        textarea(state, 'details', t('caseload.compliance.details'), { rows: 5 }),
      ],
      button: t('caseload.compliance.send'),
    }),
    submit: ({ cases, user, caseId, body }) => cases.reportComplianceDoubt(user, caseId, body),
    done: 'complianceReport',
  },
  {
    path: 'phase',
    allowed: (can, view) => can.work && nextPhases(view.summary.phase).some((p) => p !== 'closed'),
    page: ({ view, t, state }) => ({
      title: t('caseload.action.phase'),
      rows: [row(t('caseload.case.phase'), t(`cases.phase.${view.summary.phase}`), t)],
      fields: [
        radios(
          state,
          'phase',
          t('caseload.phase.question'),
          nextPhases(view.summary.phase)
            .filter((p) => p !== 'closed')
            .map((p) => ({ value: p, text: t(`cases.phase.${p}`) })),
        ),
        textarea(state, 'reason', t('caseload.reasonOptional'), { rows: 3 }),
      ],
      button: t('caseload.phase.move'),
    }),
    submit: ({ cases, user, caseId, body }) => cases.movePhase(user, caseId, body),
    done: 'phase',
  },
  {
    path: 'close',
    allowed: work,
    page: ({ t, state }) => ({
      title: t('caseload.action.close'),
      lead: [t('caseload.close.lead')],
      fields: [
        radios(
          state,
          'reason',
          t('caseload.close.reason'),
          CLOSURE_REASONS.map((r) => ({ value: r, text: t(`cases.closure.${r}`) })),
        ),
        textarea(state, 'note', t('caseload.close.note'), { hint: t('caseload.close.noteHint'), rows: 3 }),
      ],
      button: t('caseload.action.close'),
      buttonClasses: 'govuk-button--warning',
    }),
    submit: ({ cases, user, caseId, body }) => cases.close(user, caseId, body),
    done: 'closed',
  },
  {
    path: 'reengage',
    allowed: (can) => can.reengage,
    page: ({ t, state }) => ({
      title: t('caseload.action.reengage'),
      single: true,
      fields: [textarea(state, 'reason', t('caseload.reengage.question'), { heading: true, hint: t('caseload.reengage.hint'), rows: 3 })],
      button: t('caseload.action.reengage'),
    }),
    submit: ({ cases, user, caseId, body }) => cases.reengage(user, caseId, body),
    done: 'reengaged',
  },
  {
    path: 'reassign',
    allowed: (can) => can.reassign,
    page: async ({ view, t, state, cases, user }) => {
      const team = await cases.teamCaseloads(user);
      const members = team.members.filter((m) => m.teamId === view.summary.teamId);
      return {
        title: t('caseload.reassign.title'),
        rows: [row(t('caseload.case.specialist'), view.summary.specialistName, t)],
        fields: [
          radios(
            state,
            'specialistUserId',
            t('caseload.reassign.to'),
            members.map((m) => ({
              value: m.userId,
              text: m.name,
              hint: t('caseload.reassign.load', { open: m.open, limit: team.limit }),
            })),
          ),
          textarea(state, 'reason', t('caseload.reason'), { rows: 3 }),
        ],
        button: t('caseload.reassign.button'),
      };
    },
    submit: ({ cases, user, caseId, body }) => cases.reassign(user, caseId, body),
    done: 'reassigned',
  },
  {
    path: 'break-glass',
    allowed: (can) => can.breakGlass,
    page: async ({ t, state, cases, user }) => {
      const { breakGlassHours } = await cases.settings(user);
      return {
        title: t('caseload.breakGlass.title'),
        lead: [t('caseload.breakGlass.lead', { hours: breakGlassHours })],
        warning: t('caseload.breakGlass.warning'),
        fields: [textarea(state, 'reason', t('caseload.breakGlass.reason'), { hint: t('caseload.breakGlass.reasonHint'), rows: 4 })],
        button: t('caseload.breakGlass.button'),
        buttonClasses: 'govuk-button--warning',
      };
    },
    submit: ({ cases, user, caseId, body }) => cases.breakGlass(user, caseId, body),
    done: 'breakGlass',
  },
];
