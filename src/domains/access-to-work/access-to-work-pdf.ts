import type { Language } from '../../platform/db/index.ts';
import { formatIsoDate, formatMoment, type Translate } from '../../platform/i18n/index.ts';
import type { PdfBlock, PdfDocument } from '../../platform/pdf/index.ts';
import { valueAt } from '../../platform/policy/index.ts';
import type { Decision, DecisionCategory, Passport } from './access-to-work.ts';
import { ATW, DIP } from './access-to-work-parameters.ts';

/** What a letter or pack prints, gathered by the service for one reader. */
export type DecisionDocument = {
  decision: Decision;
  passport: Passport | null;
  person: { name: string; dateOfBirth: string; address: string };
  council: { en: string; cy: string };
  checkUrl: string;
  printedAt: Date;
};

const money = (n: number, lang: Language) => n.toLocaleString(lang === 'cy' ? 'cy-GB' : 'en-GB', { maximumFractionDigits: 2 });
const day = (iso: string, lang: Language) => formatIsoDate(iso, lang);

/** A category as printed: its name and range, "free" for the Mental Health Support Service. */
export function categoryLine(c: DecisionCategory, t: Translate, lang: Language): { label: string; value: string } {
  return {
    label: t(`atw.category.${c.category}`),
    value: c.high === 0 ? t('atw.range.free') : t('atw.range', { low: money(c.low, lang), high: money(c.high, lang) }),
  };
}

/** Every policy value the documents rest on is tagged; the decision's own rules are platform policy ([U]/[D]). */
const provenance = (d: Decision) => [
  ...new Set([...d.assessment.parameters.map((p) => p.confidence), DIP.validityMonths.confidence, DIP.rangeMargin.confidence]),
];

/**
 * The letter: plainly a decision in principle and not an award; the categories and ranges; the
 * conditions (a real paid job, DWP confirms on application, the validity as platform policy); the
 * passport and whether it is shared; and the code with where an employer checks it.
 */
export function letterDocument(doc: DecisionDocument, t: Translate, lang: Language): PdfDocument {
  const d = doc.decision;
  const code = d.verificationCode ?? '';
  const from = d.validFrom ?? d.assessedOn;
  const months = valueAt(DIP.validityMonths, from).value;
  const passport = doc.passport;
  const blocks: PdfBlock[] = [
    { kind: 'heading', text: t('atw.pdf.letter.title'), level: 1 },
    { kind: 'paragraph', text: t('atw.pdf.letter.intro', { name: doc.person.name }) },
    { kind: 'paragraph', text: t('atw.pdf.letter.body') },
    { kind: 'paragraph', text: t('atw.pdf.letter.notAward') },
    { kind: 'facts', rows: d.categories.map((c) => categoryLine(c, t, lang)) },
    { kind: 'heading', text: t('atw.pdf.letter.conditions'), level: 2 },
    {
      kind: 'list',
      items: [
        t('atw.pdf.letter.condition.job'),
        t('atw.pdf.letter.condition.dwp', { weeks: valueAt(ATW.applyWeeksBeforeStart, from).value }),
        t('atw.pdf.letter.condition.validity', { from: day(from, lang), until: day(d.validUntil ?? from, lang), months }),
      ],
    },
    {
      kind: 'facts',
      rows: [
        { label: t('atw.field.status'), value: t(`atw.status.${d.status}`) },
        { label: t('atw.field.code'), value: code },
      ],
    },
  ];
  if (passport?.adjustments.length) {
    blocks.push(
      { kind: 'heading', text: t('atw.pdf.letter.passport'), level: 2 },
      { kind: 'list', items: passport.adjustments.map((a) => t(`atw.adjustment.${a}`)) },
      { kind: 'paragraph', text: t(passport.shared ? 'atw.pdf.letter.passportShared' : 'atw.pdf.letter.passportNotShared') },
    );
  }
  blocks.push(
    { kind: 'paragraph', text: t('atw.pdf.letter.check', { url: doc.checkUrl, code }) },
    { kind: 'paragraph', text: t('atw.pdf.letter.issued', { date: formatMoment(d.issuedAt ?? doc.printedAt, lang, 'day'), council: doc.council[lang] }) },
  );
  return {
    title: t('atw.pdf.letter.title'),
    language: lang,
    subject: doc.person.name,
    footer: t('atw.pdf.footer', { code }),
    provenance: provenance(d),
    createdAt: doc.printedAt,
    blocks,
  };
}

/** The application pack: the person, the job, the support needed and the estimate, pre-filled from the decision and the job offer. */
export function packDocument(doc: DecisionDocument, t: Translate, lang: Language): PdfDocument {
  const d = doc.decision;
  const code = d.verificationCode ?? '';
  const job = d.job;
  const from = d.validFrom ?? d.assessedOn;
  const e = d.assessment.estimate;
  return {
    title: t('atw.pdf.pack.title'),
    language: lang,
    subject: doc.person.name,
    footer: t('atw.pdf.footer', { code }),
    provenance: provenance(d),
    createdAt: doc.printedAt,
    blocks: [
      { kind: 'heading', text: t('atw.pdf.pack.title'), level: 1 },
      { kind: 'paragraph', text: t('atw.pdf.pack.intro', { code, name: doc.person.name }) },
      { kind: 'paragraph', text: t('atw.pdf.pack.notAward') },
      { kind: 'heading', text: t('atw.pdf.pack.person'), level: 2 },
      {
        kind: 'facts',
        rows: [
          { label: t('atw.pdf.pack.name'), value: doc.person.name },
          { label: t('atw.pdf.pack.dob'), value: day(doc.person.dateOfBirth, lang) },
          { label: t('atw.pdf.pack.address'), value: doc.person.address },
        ],
      },
      { kind: 'heading', text: t('atw.pdf.pack.job'), level: 2 },
      {
        kind: 'facts',
        rows: job
          ? [
              { label: t('atw.pdf.pack.employer'), value: job.employer },
              { label: t('atw.pdf.pack.role'), value: job.role },
              { label: t('atw.pdf.pack.start'), value: day(job.startDate, lang) },
              { label: t('atw.pdf.pack.hours'), value: String(job.hoursPerWeek) },
            ]
          : [],
      },
      { kind: 'heading', text: t('atw.pdf.pack.needs'), level: 2 },
      { kind: 'facts', rows: d.categories.map((c) => categoryLine(c, t, lang)) },
      ...(doc.passport?.adjustments.length ? [{ kind: 'list' as const, items: doc.passport.adjustments.map((a) => t(`atw.adjustment.${a}`)) }] : []),
      {
        kind: 'paragraph',
        text: t('atw.pdf.pack.estimate', { amount: money(e.accessToWorkContribution, lang), employer: money(e.employerContribution, lang) }),
      },
      { kind: 'heading', text: t('atw.pdf.pack.checklist'), level: 2 },
      {
        kind: 'list',
        items: [
          t('atw.pdf.pack.check.when', { weeks: valueAt(ATW.applyWeeksBeforeStart, from).value, grace: valueAt(ATW.shareGraceWeeks, from).value }),
          t('atw.pdf.pack.check.employer'),
          t('atw.pdf.pack.check.tell'),
        ],
      },
    ],
  };
}
