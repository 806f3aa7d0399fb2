import type { Language } from '../../platform/db/index.ts';
import { formatMoment, type Translate } from '../../platform/i18n/index.ts';
import type { PdfBlock } from '../../platform/pdf/index.ts';
import type { ExportSections } from '../participants/index.ts';
import type { Award, Guarantee, RuleParameter } from './guarantee.ts';
import { statusOn } from './guarantee-rules.ts';
import { benefitWords, day, evidenceWords, incomeRelatedEsaLine, protectingRuleName, restatedLine, ruleLines, timeLeft } from './guarantee-words.ts';

/*
 * The benefit before work and the bridge-back guarantees in the person's download of everything
 * Bridgework holds about them: codes in the published shape for the JSON copy, and the same in the
 * reader's words for the readable copy, worded as the person's guarantee page and the benefits page
 * word them.
 */

const iso = (d: Date | string) => new Date(d).toISOString();
const isoOrNull = (d: Date | string | null) => (d === null ? null : iso(d));
const parameter = (p: RuleParameter) => ({
  name: p.name,
  value: p.value,
  unit: p.unit,
  effectiveFrom: p.effectiveFrom,
  confidence: p.confidence,
  source: p.source,
});
type Row = { label: string; value: string };

function awardFacts(a: Award, t: Translate, lang: Language): PdfBlock {
  const rows: Row[] = [
    { label: t('guarantee.award.benefit'), value: t(`guarantee.benefit.${a.benefit}`) },
    ...(a.esaGroup ? [{ label: t('guarantee.award.group'), value: t(`guarantee.group.${a.esaGroup}`) }] : []),
    { label: t('guarantee.award.decisionDate'), value: day(a.decisionDate, lang) },
    { label: t('guarantee.award.evidence'), value: evidenceWords({ evidence: a.evidence, evidenceNote: '' }, t) },
    ...(a.evidenceNote ? [{ label: t('guarantee.award.note'), value: a.evidenceNote }] : []),
    {
      label: t('guarantee.award.recorded'),
      value: t('guarantee.award.recordedValue', { when: formatMoment(new Date(a.recordedAt), lang, 'dateTime'), name: a.recordedBy }),
    },
  ];
  return { kind: 'facts', rows };
}

/** The benefit that counts first, then the earlier records. */
function awardBlocks(awards: readonly Award[], t: Translate, lang: Language): PdfBlock[] {
  const [latest, ...earlier] = awards;
  if (!latest) return [];
  const history: PdfBlock[] = earlier.length
    ? [{ kind: 'heading', level: 3, text: t('guarantee.award.history') }, ...earlier.map((a) => awardFacts(a, t, lang))]
    : [];
  return [awardFacts(latest, t, lang), ...history];
}

/** One guarantee as the person's page shows it, with what has happened to it, then its rules in full. */
function guaranteeBlocks(g: Guarantee, today: string, t: Translate, lang: Language): PdfBlock[] {
  const rules = ruleLines(g, t, lang);
  const others = rules.filter((r) => r.rule !== g.protectingRule);
  const when = (d: Date | string) => formatMoment(new Date(d), lang, 'day');
  const rows: Row[] = [
    { label: t('guarantee.field.status'), value: t(`guarantee.status.${g.status}`) },
    { label: t('guarantee.award.benefit'), value: benefitWords(g.award, t) },
    { label: t('guarantee.field.from'), value: day(g.startsOn, lang) },
    { label: t('guarantee.field.until'), value: day(g.protectedUntil, lang) },
    ...(g.status === 'active' ? [{ label: t('guarantee.field.daysLeft'), value: timeLeft(g.protectedUntil, today, t) }] : []),
    { label: t('guarantee.field.rule'), value: protectingRuleName(g, t) },
    ...(others.length ? [{ label: t('guarantee.field.otherRules'), value: others.map((r) => `${r.name}: ${r.until}`).join('; ') }] : []),
    ...(g.remindedAt ? [{ label: t('guarantee.field.reminded'), value: when(g.remindedAt) }] : []),
    ...(g.jobEndedOn ? [{ label: t('guarantee.field.jobEnded'), value: day(g.jobEndedOn, lang) }] : []),
    ...(g.withdrawnReason
      ? [{ label: t('guarantee.field.withdrawn'), value: [t(`guarantee.withdrawReason.${g.withdrawnReason}`), g.withdrawnNote].filter(Boolean).join(': ') }]
      : []),
    ...(g.withdrawnAt ? [{ label: t('guarantee.field.withdrawnOn'), value: when(g.withdrawnAt) }] : []),
    { label: t('guarantee.field.code'), value: g.verificationCode },
  ];
  return [
    { kind: 'heading', level: 3, text: t('guarantee.list.title', { role: g.job.role, employer: g.job.employer }) },
    { kind: 'facts', rows },
    { kind: 'paragraph', text: t('guarantee.pdf.rules') },
    { kind: 'list', items: rules.map((r) => `${r.name}: ${r.until}. ${r.plain} ${t('guarantee.pdf.ruleSource', { source: r.source })}`) },
    ...[restatedLine(g, t, lang), incomeRelatedEsaLine(g, t, lang), t('guarantee.reassess')].flatMap((text): PdfBlock[] =>
      text ? [{ kind: 'paragraph', text }] : [],
    ),
  ];
}

/**
 * What the person's download holds from this capability: every benefit before work recorded and
 * every guarantee, newest first, each with its status as of `today` (the person's page does the same).
 */
export function guaranteeExportSections(awards: readonly Award[], held: readonly Guarantee[], today: string): ExportSections {
  const guarantees = held.map((g) => ({ ...g, status: statusOn(g, today) }));
  return {
    benefitsBeforeWork: awards.map((a) => ({
      id: a.id,
      caseId: a.caseId,
      benefit: a.benefit,
      esaGroup: a.esaGroup,
      decisionDate: a.decisionDate,
      evidence: [...a.evidence],
      evidenceNote: a.evidenceNote,
      recordedAt: iso(a.recordedAt),
      recordedBy: a.recordedBy,
    })),
    bridgeBackGuarantees: guarantees.map((g) => ({
      id: g.id,
      caseId: g.caseId,
      benefitBeforeWorkId: g.awardId,
      status: g.status,
      job: { id: g.jobId, employer: g.job.employer, role: g.job.role, startDate: g.job.startDate },
      startsOn: g.startsOn,
      protectedUntil: g.protectedUntil,
      protectingRule: g.protectingRule,
      rules: {
        applied: g.rules.applied.map((r) => ({ rule: r.rule, until: r.until, statutory: r.statutory, parameters: r.parameters.map(parameter) })),
        notApplied: g.rules.notApplied.map((r) => ({ rule: r.rule, reason: r.reason, parameters: r.parameters.map(parameter) })),
      },
      verificationCode: g.verificationCode,
      remindedAt: isoOrNull(g.remindedAt),
      usedAt: isoOrNull(g.usedAt),
      jobEndedOn: g.jobEndedOn,
      withdrawnAt: isoOrNull(g.withdrawnAt),
      withdrawnReason: g.withdrawnReason,
      withdrawnNote: g.withdrawnNote,
      restatedAt: isoOrNull(g.restatedAt),
      restatedFrom: g.restatedFrom,
      createdAt: iso(g.createdAt),
    })),
    readable: (t, lang) => [
      { heading: t('guarantee.export.awards'), blocks: awardBlocks(awards, t, lang) },
      { heading: t('guarantee.export.guarantees'), blocks: guarantees.flatMap((g) => guaranteeBlocks(g, today, t, lang)) },
    ],
  };
}
