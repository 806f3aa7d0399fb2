import type { Language } from '../../platform/db/index.ts';
import { formatIsoDate, type Translate } from '../../platform/i18n/index.ts';
import type { AppliedRule, Award, Guarantee, RuleCode } from './guarantee.ts';
import { daysLeft } from './guarantee-rules.ts';

/*
 * A guarantee in the reader's words, shared by the pages, the PDFs and the emails: the benefit, the
 * evidence, each rule in plain words with its source, and the time left.
 */

export const day = (iso: string, lang: Language): string => formatIsoDate(iso, lang);

/** The figures a rule's words need, from the parameters it used. */
export function ruleFigures(r: Pick<AppliedRule, 'rule' | 'parameters'>): Record<string, number> {
  const [first, second] = r.parameters.map((p) => p.value);
  switch (r.rule) {
    case 'uc-reclaim':
    case 'platform-protected-period':
      return { months: first ?? 6 };
    case 'esa-linking':
      return { weeks: first ?? 12 };
    case 'esa-work-or-training':
      return { qualifying: first ?? 13, weeks: second ?? 104 };
  }
}

const ruleOf = (g: Pick<Guarantee, 'rules'>, code: RuleCode) => g.rules.applied.find((r) => r.rule === code);

export const ruleName = (r: Pick<AppliedRule, 'rule' | 'parameters'>, t: Translate): string => t(`guarantee.rule.${r.rule}.name`, ruleFigures(r));
export const rulePlain = (r: Pick<AppliedRule, 'rule' | 'parameters'>, t: Translate): string => t(`guarantee.rule.${r.rule}.plain`, ruleFigures(r));
export const ruleSource = (r: Pick<AppliedRule, 'rule'>, t: Translate): string => t(`guarantee.rule.${r.rule}.source`);

/** The rule that protects longest, by name. */
export function protectingRuleName(g: Pick<Guarantee, 'rules' | 'protectingRule'>, t: Translate): string {
  const r = ruleOf(g, g.protectingRule);
  return r ? ruleName(r, t) : t(`guarantee.rule.${g.protectingRule}.name`, { months: 6, weeks: 12, qualifying: 13 });
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

/** Each applicable rule: its name, plain words, source and last day. */
export function ruleLines(g: Pick<Guarantee, 'rules'>, t: Translate, lang: Language) {
  return g.rules.applied.map((r) => ({
    rule: r.rule,
    statutory: r.statutory,
    name: ruleName(r, t),
    until: t('guarantee.rule.until', { date: day(r.until, lang) }),
    plain: rulePlain(r, t),
    source: ruleSource(r, t),
  }));
}

/** Why the ESA 104-week rule did not apply, in the reader's words, when it was looked at. */
export function notAppliedLines(g: Pick<Guarantee, 'rules' | 'startsOn' | 'award'>, t: Translate): string[] {
  return g.rules.notApplied.map((r) => {
    const [qualifying, weeks] = r.parameters.map((p) => p.value);
    const days = Math.max(0, Math.round((Date.parse(`${g.startsOn}T00:00:00Z`) - Date.parse(`${g.award.decisionDate}T00:00:00Z`)) / 86_400_000));
    return t('guarantee.rule.wotNotApplied', { weeks: weeks ?? 104, qualifying: qualifying ?? 13, days });
  });
}
