import type { Language } from '../../../platform/db/index.ts';
import type { Translate } from '../../../platform/i18n/index.ts';
import { formatIsoDate } from '../../../platform/i18n/index.ts';
import type { FitNote, RetentionCase, TrackedWeek } from '../retention.ts';
import type { ReviewState, WeekState } from '../retention-rules.ts';

type Row = { key: { text: string }; value: { text: string } };
const row = (key: string, text: string): Row => ({ key: { text: key }, value: { text } });
const date = (iso: string | null, lang: Language, t: Translate) => (iso ? formatIsoDate(iso, lang) : t('retention.none'));

/** The job and the absence so far, as the referral gave them. */
export function jobRows(rc: RetentionCase, t: Translate, lang: Language): Row[] {
  return [
    row(t('retention.col.referredBy'), t(`retention.referredBy.${rc.referredBy}`)),
    row(t('retention.col.employer'), rc.employerName),
    row(t('retention.col.job'), rc.jobTitle),
    row(t('retention.col.hours'), t('retention.hoursValue', { hours: rc.hoursPerWeek })),
    row(t('retention.col.absentNow'), t(rc.absentNow ? 'retention.yes' : 'retention.no')),
    row(t('retention.col.absence'), t('retention.absenceValue', { spells: rc.absenceSpells, days: rc.absenceDays })),
    row(
      t('retention.col.employerConsent'),
      rc.employerConsent ? t('retention.consentGiven', { date: formatIsoDate(rc.employerConsent.givenOn, lang) }) : t('retention.consentNone'),
    ),
    row(t('retention.col.status'), t(`retention.status.${rc.status}`)),
  ];
}

/** The fit notes over time, newest first, with their advice and dates. */
export function fitNoteTable(notes: readonly FitNote[], t: Translate, lang: Language) {
  return {
    head: [{ text: t('retention.col.issued') }, { text: t('retention.col.fitness') }, { text: t('retention.col.advice') }, { text: t('retention.col.period') }],
    rows: [...notes].reverse().map((n) => [
      { text: formatIsoDate(n.issuedOn, lang) },
      { text: `${t(`retention.fitness.${n.fitness}`)}${n.condition ? `: ${n.condition}` : ''}` },
      { text: n.advice.length ? n.advice.map((a) => t(`retention.advice.${a}`)).join(', ') : t('retention.none') },
      {
        text: `${t('retention.period', { from: formatIsoDate(n.from, lang), to: n.to ? formatIsoDate(n.to, lang) : t('retention.indefinite') })}${
          n.followUpNeeded ? `. ${t('retention.followUp')}` : ''
        }`,
      },
    ]),
  };
}

/** The plan's rows: adjustments, the employer conversation, Access to Work and sharing. */
export function planRows(rc: RetentionCase, t: Translate, lang: Language, forEmployer = false): Row[] {
  const rows = [
    row(t('retention.col.agreedOn'), date(rc.planAgreedOn, lang, t)),
    row(t('retention.col.adjustments'), rc.adjustments.join('; ') || t('retention.none')),
  ];
  if (rc.employerConversation)
    rows.push(
      row(
        t('retention.col.conversation'),
        t('retention.conversationValue', {
          date: formatIsoDate(rc.employerConversation.on, lang),
          with: rc.employerConversation.with,
          summary: rc.employerConversation.summary,
        }),
      ),
    );
  if (!forEmployer) {
    rows.push(row(t('retention.col.accessToWork'), t(rc.accessToWorkDecisionId ? 'retention.atwLinked' : 'retention.atwNone')));
    rows.push(
      row(
        t('retention.col.shared'),
        rc.planSharedWithEmployer ? t('retention.sharedWith', { name: rc.employerConsent?.contactName ?? '' }) : t('retention.notShared'),
      ),
    );
  }
  for (const a of rc.actions) rows.push(row(t(`retention.owner.${a.owner}`), a.what));
  return rows;
}

type ShownWeek = TrackedWeek & { state: WeekState; review: ReviewState };

/** The phased-return weeks: dates, hours and duties, where each stands and its review. */
export function weekTable(weeks: readonly ShownWeek[], t: Translate, lang: Language) {
  return {
    head: [
      { text: t('retention.col.week') },
      { text: t('retention.col.dates') },
      { text: t('retention.col.hoursDuties') },
      { text: t('retention.col.weekState') },
      { text: t('retention.col.review') },
    ],
    rows: weeks.map((w) => [
      { text: String(w.week) },
      { text: t('retention.period', { from: formatIsoDate(w.startsOn, lang), to: formatIsoDate(w.endsOn, lang) }) },
      { text: `${t('retention.hoursValue', { hours: w.hours })}${w.duties ? `: ${w.duties}` : ''}` },
      { text: t(`retention.weekState.${w.state}`) },
      { text: w.reviewOn ? `${t(`retention.reviewState.${w.review}`)} (${formatIsoDate(w.reviewOn, lang)})` : t('retention.none') },
    ]),
  };
}
