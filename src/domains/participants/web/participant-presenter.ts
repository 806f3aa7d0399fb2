import { capitalise, type Translate } from '../../../platform/i18n/index.ts';
import type { CaseView } from '../case.ts';
import { MANAGED_CONSENTS } from '../case.ts';
import { formatDay, formatMoment, formatMomentDay } from '../participant-export-pdf.ts';

type Language = 'en' | 'cy';

/** Whether the person's support has ended: their plan is then to read, not to change. */
export const isClosed = (view: CaseView) => view.summary.phase === 'closed';

/**
 * The plan page as the person reads it: who supports them and where they are, their goals and
 * actions (their own open ones can be marked done), appointments coming up and past, and the
 * notes they added. Whether an appointment is "mandatory" is never shown here: for a voluntary
 * participant none are, and the page speaks only of choice.
 */
export function planPage(view: CaseView, t: Translate, lang: Language, now: Date) {
  const s = view.summary;
  const closed = isClosed(view);
  const byTime = (a: { startsAt: Date }, b: { startsAt: Date }) => new Date(a.startsAt).getTime() - new Date(b.startsAt).getTime();
  const upcoming = view.appointments.filter((a) => a.outcome === null && new Date(a.startsAt).getTime() >= now.getTime()).sort(byTime);
  const past = view.appointments
    .filter((a) => !upcoming.includes(a))
    .sort(byTime)
    .reverse();
  const appointment = (a: CaseView['appointments'][number]) => ({
    when: formatMoment(a.startsAt, lang),
    how: capitalise(t(`cases.mode.${a.mode}`)),
    where: a.place || '–',
    outcome: a.outcome ? t(`cases.outcome.${a.outcome}`) : '–',
  });
  return {
    who: s.specialistName ? t('participant.plan.specialist', { name: s.specialistName, team: s.teamName }) : t('participant.plan.team', { team: s.teamName }),
    stage: t('participant.plan.stage', { phase: t(`participant.phase.${s.phase}`) }),
    closed: closed
      ? {
          body: t('participant.plan.closed.body', {
            date: s.closedAt ? formatMomentDay(s.closedAt, lang) : '',
            reason: s.closureReason ? t(`cases.closure.${s.closureReason}`) : '',
          }),
        }
      : null,
    goals: view.plan.filter((i) => i.kind === 'goal').map((g) => ({ text: g.text, status: t(`cases.planStatus.${g.status}`), done: g.status !== 'open' })),
    actions: view.plan
      .filter((i) => i.kind === 'action')
      .map((a) => ({
        id: a.id,
        text: a.text,
        who: t(`cases.owner.${a.owner}`),
        due: a.dueOn ? formatDay(a.dueOn, lang) : t('participant.plan.noDue'),
        status: t(`cases.planStatus.${a.status}`),
        done: a.status !== 'open',
        canMarkDone: !closed && a.owner === 'participant' && a.status === 'open',
      })),
    upcoming: upcoming.map(appointment),
    past: past.map(appointment),
    notes: view.notes.filter((n) => n.kind === 'participant').map((n) => ({ when: formatMoment(n.at, lang), body: n.body })),
  };
}

/** The consent checkboxes: each managed consent with what it means in plain words. */
export function consentItems(current: readonly string[], t: Translate) {
  return MANAGED_CONSENTS.map((scope) => ({
    value: scope,
    text: t(`cases.consent.${scope}`),
    hint: { text: t(`participant.consent.explain.${scope}`) },
    checked: current.includes(scope),
  }));
}

/** What the person agrees to now, in words, for a read-only page. */
export function consentList(current: readonly string[], t: Translate): string[] {
  return MANAGED_CONSENTS.filter((s) => current.includes(s)).map((s) => t(`cases.consent.${s}`));
}
