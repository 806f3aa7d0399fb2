import type { Language } from '../../../platform/db/index.ts';
import { formatMoment, type Translate } from '../../../platform/i18n/index.ts';
import type { Award, Guarantee } from '../guarantee.ts';
import type { GuaranteeService } from '../guarantee-service.ts';
import { benefitWords, day, evidenceWords, incomeRelatedEsaLine, protectingRuleName, restatedLine, ruleLines, timeLeft } from '../guarantee-words.ts';

/** View models for the guarantee's pages, in the reader's language. */

const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const link = (href: string, text: string, hidden?: string) =>
  `<a class="govuk-link" href="${escapeHtml(href)}">${escapeHtml(text)}${hidden ? `<span class="govuk-visually-hidden"> ${escapeHtml(hidden)}</span>` : ''}</a>`;
const TAG: Readonly<Record<Guarantee['status'], string>> = { active: 'green', used: 'blue', expired: 'grey', withdrawn: 'red' };
const tag = (status: Guarantee['status'], t: Translate) =>
  `<strong class="govuk-tag govuk-tag--${TAG[status]}">${escapeHtml(t(`guarantee.status.${status}`))}</strong>`;
const row = (key: string, value: string) => ({ key: { text: key }, value: { text: value } });
const htmlRow = (key: string, html: string) => ({ key: { text: key }, value: { html } });

export const LANGS: readonly Language[] = ['en', 'cy'];

/** Download links for one guarantee's documents, in both languages, the reader's first. */
export function documentLinks(base: string, g: Guarantee, t: Translate, lang: Language) {
  const order = lang === 'cy' ? (['cy', 'en'] as const) : (['en', 'cy'] as const);
  return [
    ...order.map((l) => ({ href: `${base}/${g.id}/certificate.pdf?lang=${l}`, text: t(`guarantee.certificate.${l}`) })),
    ...(g.status === 'used' ? order.map((l) => ({ href: `${base}/${g.id}/return-pack.pdf?lang=${l}`, text: t(`guarantee.returnPack.${l}`) })) : []),
  ];
}

/** One guarantee as a summary card: status, dates, the rules in plain words, the code. */
export function guaranteeCard(g: Guarantee, today: string, t: Translate, lang: Language, actions: { href: string; text: string }[] = []) {
  const rules = ruleLines(g, t, lang);
  const others = rules.filter((r) => r.rule !== g.protectingRule);
  return {
    card: {
      title: { text: t('guarantee.list.title', { role: g.job.role, employer: g.job.employer }) },
      actions: actions.length ? { items: actions.map((a) => ({ ...a, visuallyHiddenText: `${g.job.role}, ${g.job.employer}` })) } : undefined,
    },
    rows: [
      htmlRow(t('guarantee.field.status'), tag(g.status, t)),
      row(t('guarantee.award.benefit'), benefitWords(g.award, t)),
      row(t('guarantee.field.from'), day(g.startsOn, lang)),
      row(t('guarantee.field.until'), day(g.protectedUntil, lang)),
      ...(g.status === 'active' ? [row(t('guarantee.field.daysLeft'), timeLeft(g.protectedUntil, today, t))] : []),
      row(t('guarantee.field.rule'), protectingRuleName(g, t)),
      ...(others.length ? [row(t('guarantee.field.otherRules'), others.map((r) => `${r.name}: ${r.until}`).join('; '))] : []),
      ...(g.jobEndedOn ? [row(t('guarantee.field.jobEnded'), day(g.jobEndedOn, lang))] : []),
      ...(g.withdrawnReason
        ? [row(t('guarantee.field.withdrawn'), [t(`guarantee.withdrawReason.${g.withdrawnReason}`), g.withdrawnNote].filter(Boolean).join(': '))]
        : []),
      row(t('guarantee.field.code'), g.verificationCode),
    ],
  };
}

/**
 * The rules in full (name, last day, plain words and source), then what the reader must also know:
 * when it was re-stated and why; where income-related ESA has ended, what a return is a claim for; and that DWP may still reassess.
 */
export function ruleDetails(g: Guarantee, t: Translate, lang: Language) {
  const notes = [restatedLine(g, t, lang), incomeRelatedEsaLine(g, t, lang), t('guarantee.reassess')];
  return { rules: ruleLines(g, t, lang), notes: notes.filter((x): x is string => x !== null) };
}

function awardRows(a: Award, t: Translate, lang: Language) {
  return [
    row(t('guarantee.award.benefit'), t(`guarantee.benefit.${a.benefit}`)),
    ...(a.esaGroup ? [row(t('guarantee.award.group'), t(`guarantee.group.${a.esaGroup}`))] : []),
    row(t('guarantee.award.decisionDate'), day(a.decisionDate, lang)),
    row(t('guarantee.award.evidence'), evidenceWords({ evidence: a.evidence, evidenceNote: '' }, t)),
    ...(a.evidenceNote ? [row(t('guarantee.award.note'), a.evidenceNote)] : []),
    row(t('guarantee.award.recorded'), t('guarantee.award.recordedValue', { when: formatMoment(a.recordedAt, lang, 'dateTime'), name: a.recordedBy })),
  ];
}

/** The case's benefits page. */
export function benefitsPage(data: Awaited<ReturnType<GuaranteeService['forCase']>>, t: Translate, lang: Language) {
  const { view, awards, guarantees, offers, today } = data;
  const caseId = view.summary.id;
  const base = `/cases/${caseId}/benefits`;
  const canWork = view.canWork && view.summary.phase !== 'closed';
  const [award, ...earlier] = awards;
  return {
    title: t('guarantee.benefits.title'),
    caption: view.summary.personName,
    caseHref: `/cases/${caseId}`,
    betterOffHref: `/cases/${caseId}/better-off`,
    readOnly: !view.canWork,
    award: award ? awardRows(award, t, lang) : null,
    awardHref: canWork ? `${base}/award` : null,
    awardButton: t(award ? 'guarantee.award.change' : 'guarantee.award.record'),
    earlier: earlier.map((a) => [
      { text: formatMoment(a.recordedAt, lang, 'brief') },
      { text: benefitWords(a, t) },
      { text: day(a.decisionDate, lang) },
      { text: a.recordedBy },
    ]),
    offers: canWork
      ? offers.map((j) => ({ jobId: j.id, title: t('guarantee.list.title', { role: j.role, employer: j.employer }), start: day(j.startDate, lang) }))
      : [],
    createAction: `${base}/guarantees`,
    guarantees: guarantees.map((g) => ({
      ...guaranteeCard(
        g,
        today,
        t,
        lang,
        g.status === 'active' && view.canWork ? [{ href: `${base}/guarantees/${g.id}/withdraw`, text: t('guarantee.withdraw') }] : [],
      ),
      ...ruleDetails(g, t, lang),
      used: g.status === 'used',
      documents: documentLinks(`${base}/guarantees`, g, t, lang),
    })),
  };
}

/** The dashboard's table: active guarantees, soonest to end first. */
export function dashboardRows(data: Awaited<ReturnType<GuaranteeService['dashboard']>>, t: Translate, lang: Language) {
  return data.guarantees.map((g) => [
    { html: link(`/cases/${g.caseId}/benefits`, `${g.person.givenName} ${g.person.familyName}`) },
    { text: `${g.job.role}, ${g.job.employer}` },
    { text: day(g.protectedUntil, lang) },
    { text: timeLeft(g.protectedUntil, data.today, t) },
    { text: protectingRuleName(g, t) },
    { text: g.specialist?.name ?? '' },
  ]);
}
