import type { Language } from '../../platform/db/index.ts';
import { formatIsoDate, formatMoment, type Translate } from '../../platform/i18n/index.ts';
import type { Confidence } from '../../platform/pdf/index.ts';
import { type AppliedRule, type Award, type Guarantee, isRevoked, type RuleCode, type RuleParameter } from './guarantee.ts';
import { daysLeft, incomeRelatedEsaEnds } from './guarantee-rules.ts';

/*
 * A guarantee in the reader's words, shared by the pages, the PDFs and the emails: the benefit, the
 * evidence, each rule in plain words with its source, and the time left.
 */

export const day = (iso: string, lang: Language): string => formatIsoDate(iso, lang);

/** The figures a rule's words need, from the parameters it used. */
export function ruleFigures(r: Pick<AppliedRule, 'rule' | 'parameters'>): Record<string, number> {
  const [first] = r.parameters.map((p) => p.value);
  switch (r.rule) {
    case 'uc-reclaim':
    case 'platform-protected-period':
      return { months: first ?? 6 };
    case 'esa-linking':
      return { weeks: first ?? 12 };
    case 'esa-work-or-training':
      // Revoked: its words name no figure.
      return {};
  }
}

const ruleOf = (g: Pick<Guarantee, 'rules'>, code: RuleCode) => g.rules.applied.find((r) => r.rule === code);

export const ruleName = (r: Pick<AppliedRule, 'rule' | 'parameters'>, t: Translate): string => t(`guarantee.rule.${r.rule}.name`, ruleFigures(r));
export const rulePlain = (r: Pick<AppliedRule, 'rule' | 'parameters'>, t: Translate): string => t(`guarantee.rule.${r.rule}.plain`, ruleFigures(r));
export const ruleSource = (r: Pick<AppliedRule, 'rule'>, t: Translate): string => t(`guarantee.rule.${r.rule}.source`);

/** The rule that protects longest, by name. */
export function protectingRuleName(g: Pick<Guarantee, 'rules' | 'protectingRule'>, t: Translate): string {
  const r = ruleOf(g, g.protectingRule);
  return r ? ruleName(r, t) : t(`guarantee.rule.${g.protectingRule}.name`, { months: 6, weeks: 12 });
}

/** "Universal Credit with … (LCWRA)", or "New Style ESA: Support group". */
export function benefitWords(a: Pick<Award, 'benefit' | 'esaGroup'>, t: Translate): string {
  const benefit = t(`guarantee.benefit.${a.benefit}`);
  return a.esaGroup ? `${benefit}: ${t(`guarantee.group.${a.esaGroup}`)}` : benefit;
}

export const evidenceWords = (a: Pick<Award, 'evidence' | 'evidenceNote'>, t: Translate): string =>
  [a.evidence.map((e) => t(`guarantee.evidence.${e}`)).join(', '), a.evidenceNote.trim()].filter(Boolean).join('. ');

/** Time left in words: "12 days left", "Last day today", "Ended". */
export function timeLeft(protectedUntil: string, today: string, t: Translate): string {
  const left = daysLeft(protectedUntil, today);
  if (left < 0) return t('guarantee.days.ended');
  if (left === 0) return t('guarantee.days.last');
  if (left === 1) return t('guarantee.days.one');
  return t('guarantee.days.left', { days: left });
}

/** The least sure confidence tag among a rule's parameters ("S" when any is secondary, and so on). */
function ruleConfidence(r: Pick<AppliedRule, 'parameters'>): Confidence {
  const tags = r.parameters.map((p) => p.confidence);
  return (['U', 'D', 'S'] as const).find((c) => tags.includes(c)) ?? 'V';
}

/**
 * Each rule on the guarantee: its name, plain words, source (tagged [S], [D] or [U] when less than
 * verified) and last day. A revoked rule, on a guarantee not yet re-stated, says it is revoked.
 */
export function ruleLines(g: Pick<Guarantee, 'rules'>, t: Translate, lang: Language) {
  return g.rules.applied.map((r) => {
    const confidence = ruleConfidence(r);
    return {
      rule: r.rule,
      statutory: r.statutory && !isRevoked(r.rule),
      revoked: isRevoked(r.rule),
      confidence,
      name: ruleName(r, t),
      until: t('guarantee.rule.until', { date: day(r.until, lang) }),
      plain: rulePlain(r, t),
      source: confidence === 'V' ? ruleSource(r, t) : `${ruleSource(r, t)} [${confidence}]`,
    };
  });
}

/**
 * For an income-related ESA award, what a return is a claim for once remaining awards end (SI 2026/409
 * art 3A [S]): one sentence, by date, or nothing when the end falls after the protected period.
 */
export function incomeRelatedEsaLine(g: Pick<Guarantee, 'award' | 'startsOn' | 'protectedUntil'>, t: Translate, lang: Language): string | null {
  const ends = incomeRelatedEsaEnds(g.award.benefit, g.protectedUntil);
  if (!ends) return null;
  return t(ends.from <= g.startsOn ? 'guarantee.irEsa.ended' : 'guarantee.irEsa.ends', { date: day(ends.from, lang) });
}

/** When the guarantee was re-stated because a rule it relied on is not law: what it said before, and why. */
export function restatedLine(g: Pick<Guarantee, 'restatedAt' | 'restatedFrom'>, t: Translate, lang: Language): string | null {
  if (!g.restatedAt || !g.restatedFrom) return null;
  return t('guarantee.restated', { date: formatMoment(g.restatedAt, lang, 'day'), from: day(g.restatedFrom, lang) });
}

/** The confidence tag of every policy value a document's words rest on (its rules' and any others), for its footer. */
export function confidenceTags(rules: readonly Pick<AppliedRule, 'parameters'>[], others: readonly RuleParameter[] = []): Confidence[] {
  return [...rules.map(ruleConfidence), ...others.map((p) => ruleConfidence({ parameters: [p] }))];
}

/** The kind of a guarantee's entries on the case timeline. */
export const GUARANTEE_TIMELINE = 'bridge-back-guarantee';

/** Dates in timeline entries, which are kept in English as every case timeline reason is. */
export const timelineDay = (iso: string): string => day(iso, 'en');
