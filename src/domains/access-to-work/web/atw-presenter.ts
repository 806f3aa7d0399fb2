import type { Language } from '../../../platform/db/index.ts';
import { formatIsoDate, formatMoment, londonIsoDate, type Translate } from '../../../platform/i18n/index.ts';
import { valueAt } from '../../../platform/policy/index.ts';
import type { Decision, Passport, Reason } from '../access-to-work.ts';
import { DIP } from '../access-to-work-parameters.ts';
import { categoryLine } from '../access-to-work-pdf.ts';
import { waitFromOffer } from '../access-to-work-rules.ts';

type Row = { key: { text: string }; value: { text: string } };
const row = (key: string, value: string): Row => ({ key: { text: key }, value: { text: value } });
const money = (n: number, lang: Language) => n.toLocaleString(lang === 'cy' ? 'cy-GB' : 'en-GB', { maximumFractionDigits: 2 });

/** A decision as summary rows: status, dates, categories and ranges, and (for staff) the estimate and countersignature. */
export function decisionRows(d: Decision, t: Translate, lang: Language, staff: boolean): Row[] {
  const rows: Row[] = [row(t('atw.field.status'), t(`atw.status.${d.status}`))];
  if (d.validFrom && d.validUntil)
    rows.push(row(t('atw.field.validFrom'), formatIsoDate(d.validFrom, lang)), row(t('atw.field.validUntil'), formatIsoDate(d.validUntil, lang)));
  if (d.verificationCode) rows.push(row(t('atw.field.code'), d.verificationCode));
  for (const c of d.categories) {
    const line = categoryLine(c, t, lang);
    rows.push(row(line.label, line.value));
  }
  if (staff) {
    rows.push(
      row(t('atw.field.total'), `£${money(d.accessToWorkAnnual, lang)}`),
      row(t('atw.field.employerShare'), `£${money(d.assessment.estimate.employerContribution, lang)}`),
      row(
        t('atw.field.countersign'),
        d.countersignedBy
          ? t('atw.field.countersigned', { name: d.countersignedBy })
          : t(d.needsCountersign ? 'atw.field.countersignNeeded' : 'atw.field.countersignNotNeeded'),
      ),
    );
  }
  if (d.job)
    rows.push(
      row(
        t('atw.field.job'),
        t('atw.field.jobWords', { role: d.job.role, employer: d.job.employer, start: formatIsoDate(d.job.startDate, lang), hours: d.job.hoursPerWeek }),
      ),
    );
  if (d.status === 'converted') {
    rows.push(
      row(t('atw.field.submitted'), d.applicationSubmittedOn ? formatIsoDate(d.applicationSubmittedOn, lang) : t('atw.field.notYet')),
      row(t('atw.field.decided'), d.dwpDecidedOn ? formatIsoDate(d.dwpDecidedOn, lang) : t('atw.field.notYet')),
    );
    if (d.dwpOutcome) rows.push(row(t('atw.field.outcome'), t(`atw.outcome.${d.dwpOutcome}`)));
    const wait = offerWait(d);
    if (wait?.toDecision != null) rows.push(row(t('atw.field.wait'), t('atw.field.days', { days: wait.toDecision })));
  }
  return rows;
}

/** The figures of a reason that are pounds: shown as the rules show them, £1,800 or £2,255.50. */
const MONEY = new Set([
  'cost',
  'hourlyRate',
  'annual',
  'weeklyCost',
  'normalWeeklyCommuteCost',
  'extraWeekly',
  'first',
  'whole',
  'band',
  'banded',
  'part',
  'share',
  'beforeCap',
  'cap',
]);
const pounds = (n: number, lang: Language) =>
  `£${n.toLocaleString(lang === 'cy' ? 'cy-GB' : 'en-GB', { minimumFractionDigits: Math.round(n * 100) % 100 === 0 ? 0 : 2, maximumFractionDigits: 2 })}`;

/**
 * A reason in the reader's language: its catalogue sentence with the figures formatted (pounds,
 * and a rate as a percentage). In English it is the rules' own sentence; a reason with no sentence
 * in the catalogue falls back to the rules' English.
 */
export function reasonText(r: Reason, t: Translate, lang: Language): string {
  const key = `atw.reason.${r.code}`;
  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(r.values)) params[name] = typeof value === 'number' && MONEY.has(name) ? pounds(value, lang) : value;
  if (typeof r.values.rate === 'number') params.percent = Math.round(r.values.rate * 10_000) / 100;
  const text = t(key, params);
  return text === key ? r.text : text;
}

/** A converted decision's wait from the job offer (the day it was converted, in London) to the application and DWP's decision. */
export const offerWait = (d: Decision) =>
  d.convertedAt ? waitFromOffer({ offeredOn: londonIsoDate(d.convertedAt), submittedOn: d.applicationSubmittedOn, decidedOn: d.dwpDecidedOn }) : null;

/** The card title of a decision: when it was made. */
export const decisionTitle = (d: Decision, t: Translate, lang: Language) => t('atw.decision.heading', { date: formatMoment(d.createdAt, lang, 'day') });

/** The passport's rows: each adjustment, the person's words (only for those who may see them) and whether it is shared. */
export function passportRows(p: Passport | null, t: Translate): { adjustments: string[]; words: string; shared: string } {
  return {
    adjustments: (p?.adjustments ?? []).map((a) => t(`atw.adjustment.${a}`)),
    words: p?.inTheirWords ?? '',
    shared: t(p?.shared ? 'atw.passport.sharedYes' : 'atw.passport.sharedNo'),
  };
}

/** The platform-policy sentences shown with every decision: validity, ranges, and the countersignature amount. */
export function policyNotes(day: string, t: Translate, countersign: { amount: number; isDefault: boolean } | null, lang: Language): string[] {
  const notes = [
    t('atw.policy.validity', { months: valueAt(DIP.validityMonths, day).value }),
    t('atw.policy.ranges', { percent: Math.round(valueAt(DIP.rangeMargin, day).value * 100) }),
  ];
  if (countersign)
    notes.push(
      `${t('atw.policy.countersign', { amount: money(countersign.amount, lang) })}${countersign.isDefault ? ` ${t('atw.policy.countersignDefault')}` : ''}`,
    );
  return notes;
}
