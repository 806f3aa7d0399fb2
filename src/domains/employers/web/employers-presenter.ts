import type { Language } from '../../../platform/db/index.ts';
import { formatIsoDate, formatMoment, type Translate } from '../../../platform/i18n/index.ts';
import { KNOWN_ADJUSTMENTS, type Match, type MatchNote } from '../matching.ts';
import type { Employer, Introduction, Vacancy, WorkProfile } from '../vacancy.ts';

/*
 * What the employers pages show, in the reader's language: summary-list rows, table rows and the
 * reasons of a match in plain words. Codes and figures come from the services and the matcher.
 */

type Row = { key: { text: string }; value: { text: string }; actions?: { items: { href: string; text: string; visuallyHiddenText: string }[] } };
const row = (key: string, value: string): Row => ({ key: { text: key }, value: { text: value } });

const words = (slug: string) => slug.replaceAll('-', ' ');
/** An adjustment's label: known ones translated, any other slug (from a passport) shown as its words. */
export const adjustmentLabel = (t: Translate, a: string) => ((KNOWN_ADJUSTMENTS as readonly string[]).includes(a) ? t(`employers.adj.${a}`) : words(a));
const listOf = (t: Translate, prefix: string, items: readonly string[]) =>
  items.map((i) => (prefix === 'employers.adj' ? adjustmentLabel(t, i) : t(`${prefix}.${i}`))).join(', ');
const orNone = (t: Translate, text: string) => (text.trim() === '' ? t('employers.none') : text);
const money = (n: number) => n.toFixed(2);

const PARAM_LISTS: Readonly<Record<string, string>> = {
  days: 'employers.day',
  shifts: 'employers.shift',
  options: 'employers.flex',
  adjustments: 'employers.adj',
};

/** The local plan's growth sectors by code, named in the reader's language. */
export type SectorNames = ReadonlyMap<string, string>;
export const sectorNames = (sectors: readonly { code: string; name: string; nameCy: string }[], lang: Language): SectorNames =>
  new Map(sectors.map((s) => [s.code, lang === 'cy' ? s.nameCy : s.name]));

/** One reason or piece of advice in the reader's language (the matcher's English is for the CLI and API). */
export function noteText(
  t: Translate,
  note: MatchNote,
  kind: 'reason' | 'near',
  vacancy: Pick<Vacancy, 'flexibleOptions'>,
  sectors: SectorNames = new Map(),
): string {
  const params: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(note.params)) {
    // Growth sectors are the tenant's own list, named in the plan rather than in the catalogue.
    if (k === 'sectors' && Array.isArray(v)) params[k] = (v as string[]).map((c) => sectors.get(c) ?? words(c)).join(', ');
    else if (Array.isArray(v)) params[k] = listOf(t, PARAM_LISTS[k] ?? 'employers.flex', v as string[]);
    else params[k] = k === 'pay' || k === 'floor' ? money(Number(v)) : (v as string | number);
  }
  if (kind === 'near' && note.code === 'hours-fewer') {
    const shorter = (['job-share', 'part-time'] as const).filter((f) => vacancy.flexibleOptions.includes(f));
    params.ask =
      shorter.length > 0 ? t('employers.near.hours-fewer.offers', { options: listOf(t, 'employers.flex', shorter) }) : t('employers.near.hours-fewer.ask');
  }
  return t(`employers.${kind}.${note.code}`, params);
}

export function employerRows(e: Employer, t: Translate): Row[] {
  return [
    row(t('employers.col.sector'), e.sector),
    row(t('employers.col.size'), t(`employers.size.${e.sizeBand}`)),
    row(t('employers.col.nhs'), e.nhsBody ? t('employers.yes') : t('employers.no')),
    row(t('employers.col.dc'), t(`employers.dc.${e.disabilityConfident}`)),
  ];
}

export const statusTag = (t: Translate, status: Vacancy['status']) => ({
  text: t(`employers.status.${status}`),
  classes: status === 'open' ? 'govuk-tag--green' : status === 'draft' ? 'govuk-tag--grey' : 'govuk-tag--blue',
});

export function vacancyRows(v: Vacancy, t: Translate, lang: Language, withEmployer = true): Row[] {
  return [
    ...(withEmployer ? [row(t('employers.vacancy.employer'), v.employerName)] : []),
    row(t('employers.col.status'), t(`employers.status.${v.status}`)),
    row(t('employers.field.description'), orNone(t, v.description)),
    row(t('employers.field.soc'), v.soc),
    row(t('employers.col.hours'), t('employers.hoursRange', { min: v.hoursPerWeek.min, max: v.hoursPerWeek.max })),
    row(t('employers.field.days'), v.days.length ? listOf(t, 'employers.day', v.days) : t('employers.none')),
    row(t('employers.field.shifts'), v.shifts.length ? listOf(t, 'employers.shift', v.shifts) : t('employers.none')),
    ...(v.patternNote ? [row(t('employers.field.patternNote'), v.patternNote)] : []),
    row(t('employers.field.workplace'), t(`employers.workplace.${v.workplace}`)),
    row(t('employers.field.flexibleOptions'), v.flexibleOptions.length ? listOf(t, 'employers.flex', v.flexibleOptions) : t('employers.none')),
    row(t('employers.field.adjustmentsOffered'), v.adjustmentsOffered.length ? listOf(t, 'employers.adj', v.adjustmentsOffered) : t('employers.none')),
    row(t('employers.col.pay'), t('employers.perHour', { pay: money(v.payHourly) })),
    row(t('employers.field.contractType'), t(`employers.contract.${v.contractType}`)),
    row(t('employers.field.postcode'), v.postcode),
    row(t('employers.col.closing'), formatIsoDate(v.closingDate, lang)),
  ];
}

/** Vacancies as a table, each title linking to its page. */
export function vacancyTable(vacancies: readonly Vacancy[], t: Translate, lang: Language, withEmployer: boolean) {
  return {
    head: [
      { text: t('employers.col.title') },
      ...(withEmployer ? [{ text: t('employers.col.name') }] : []),
      { text: t('employers.col.status') },
      { text: t('employers.col.hours') },
      { text: t('employers.col.closing') },
    ],
    rows: vacancies.map((v) => [
      { html: `<a class="govuk-link" href="/vacancies/${v.id}">${escapeHtml(v.title)}</a>` },
      ...(withEmployer ? [{ text: v.employerName }] : []),
      { text: t(`employers.status.${v.status}`) },
      { text: t('employers.hoursRange', { min: v.hoursPerWeek.min, max: v.hoursPerWeek.max }) },
      { text: formatIsoDate(v.closingDate, lang) },
    ]),
  };
}

/** A match as a card: the vacancy, its score and distance, why it was made and what to ask. */
export function matchCard(
  m: Match,
  v: Vacancy,
  t: Translate,
  actions: readonly { text: string; href: string; hidden?: string }[] = [],
  sectors: SectorNames = new Map(),
) {
  return {
    card: { title: { text: `${v.title}, ${v.employerName}` } },
    rows: [
      row(t('employers.col.status'), t('employers.score', { score: m.score })),
      row(t('employers.col.hours'), t('employers.hoursRange', { min: v.hoursPerWeek.min, max: v.hoursPerWeek.max })),
      row(t('employers.col.pay'), t('employers.perHour', { pay: money(v.payHourly) })),
      row(t('employers.field.workplace'), `${t(`employers.workplace.${v.workplace}`)}, ${v.postcode}`),
    ],
    reasons: m.reasons.map((n) => noteText(t, n, 'reason', v, sectors)),
    nearMiss: m.nearMiss.map((n) => noteText(t, n, 'near', v)),
    actions,
  };
}

export function profileRows(p: WorkProfile, t: Translate): Row[] {
  return [
    row(t('employers.profile.wanted'), p.occupationsWanted.join(' ') || t('employers.none')),
    row(t('employers.profile.excluded'), p.occupationsExcluded.join(' ') || t('employers.none')),
    row(t('employers.profile.hours'), t('employers.hoursRange', { min: p.hoursPerWeek.min, max: p.hoursPerWeek.max })),
    row(t('employers.profile.days'), p.days.length ? listOf(t, 'employers.day', p.days) : t('employers.none')),
    row(t('employers.profile.shifts'), p.shifts.length ? listOf(t, 'employers.shift', p.shifts) : t('employers.none')),
    row(t('employers.profile.caring'), orNone(t, p.caringWindows)),
    row(t('employers.profile.fluctuating'), p.fluctuating ? `${t('employers.yes')}. ${p.fluctuationNeeds}`.trim() : t('employers.no')),
    row(t('employers.profile.flexibility'), p.flexibilityNeeded.length ? listOf(t, 'employers.flex', p.flexibilityNeeded) : t('employers.none')),
    row(t('employers.profile.adjustments'), p.adjustmentsNeeded.length ? listOf(t, 'employers.adj', p.adjustmentsNeeded) : t('employers.none')),
    row(t('employers.profile.postcode'), p.postcode),
    row(
      t('employers.profile.travel'),
      [t('employers.profile.travelValue', { km: p.maxTravelKm }), listOf(t, 'employers.travel', p.travelModes)].filter(Boolean).join(', '),
    ),
    row(t('employers.profile.pay'), t('employers.perHour', { pay: money(p.payFloorHourly) })),
  ];
}

/** What the employer sees of a candidate: only the fields the person agreed to share, then what has happened. */
export function candidateRows(i: Omit<Introduction, 'caseId'>, t: Translate, lang: Language): Row[] {
  const s = i.shared;
  const rows: Row[] = [row(t('employers.candidate.status'), t(`employers.intro.${i.status}`))];
  if (s.name) rows.push(row(t('employers.shared.name'), s.name));
  if (s.email) rows.push(row(t('employers.shared.email'), s.email));
  if (s.phone) rows.push(row(t('employers.shared.phone'), s.phone));
  if (s.availability) {
    const a = s.availability;
    rows.push(
      row(
        t('employers.shared.availability'),
        [t('employers.hoursRange', { min: a.hoursPerWeek.min, max: a.hoursPerWeek.max }), listOf(t, 'employers.day', a.days)].filter(Boolean).join('; '),
      ),
    );
  }
  if (s.flexibility) rows.push(row(t('employers.shared.flexibility'), s.flexibility.length ? listOf(t, 'employers.flex', s.flexibility) : t('employers.none')));
  if (s.adjustments) rows.push(row(t('employers.shared.adjustments'), s.adjustments.length ? listOf(t, 'employers.adj', s.adjustments) : t('employers.none')));
  if (s.summary) rows.push(row(t('employers.shared.summary'), s.summary));
  if (i.interviewAt) rows.push(row(t('employers.candidate.interviewAt'), formatMoment(i.interviewAt, lang, 'day')));
  if (i.offer) {
    rows.push(
      row(
        t('employers.candidate.offer'),
        t('employers.candidate.offerValue', {
          hours: i.offer.hoursPerWeek,
          pay: money(i.offer.payHourly),
          contract: t(`employers.contract.${i.offer.contractType}`).toLowerCase(),
          start: formatIsoDate(i.offer.startDate, lang),
        }),
      ),
    );
  }
  if (i.declineReason) rows.push(row(t('employers.candidate.declineReason'), i.declineReason));
  return rows;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
