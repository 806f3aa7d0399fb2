import type { Language } from '../../platform/db/index.ts';
import { formatMoment, type Translate } from '../../platform/i18n/index.ts';
import type { PdfBlock, PdfDocument } from '../../platform/pdf/index.ts';
import { type Award, type Guarantee, isRevoked } from './guarantee.ts';
import { incomeRelatedEsaEnds, returnClaimOn } from './guarantee-rules.ts';
import { benefitWords, confidenceTags, day, evidenceWords, incomeRelatedEsaLine, restatedLine, ruleFigures, ruleLines } from './guarantee-words.ts';

/** What the certificate and the return pack print, gathered by the service for one reader. */
export type GuaranteeDocument = {
  guarantee: Guarantee;
  award: Award;
  person: { name: string; dateOfBirth: string; address: string };
  teamName: string;
  councilName: string;
  councilNameCy: string;
  specialistName: string | null;
  /** Where anyone can check the code: the service's address and /check-a-guarantee. */
  checkUrl: string;
  issuedAt: Date;
};

const paragraphs = (...texts: (string | null)[]): PdfBlock[] => texts.flatMap((text) => (text ? [{ kind: 'paragraph' as const, text }] : []));
const council = (d: GuaranteeDocument, lang: Language) => (lang === 'cy' ? d.councilNameCy : d.councilName);
const keep = (label: string, ...blocks: PdfBlock[]): PdfBlock => ({ kind: 'keep', label, blocks });
const facts = (rows: [string, string][]): PdfBlock => ({ kind: 'facts', rows: rows.map(([label, value]) => ({ label, value })) });

function awardFacts(d: GuaranteeDocument, t: Translate, lang: Language): PdfBlock {
  const a = d.award;
  return facts([
    [t('guarantee.award.benefit'), t(`guarantee.benefit.${a.benefit}`)],
    ...(a.esaGroup ? ([[t('guarantee.award.group'), t(`guarantee.group.${a.esaGroup}`)]] as [string, string][]) : []),
    [t('guarantee.award.decisionDate'), day(a.decisionDate, lang)],
    [t('guarantee.award.evidence'), evidenceWords(a, t)],
  ]);
}

/**
 * The certificate: who it is for, the benefit before work, the job, the protected period, every
 * rule that protects with its source (law first, Bridgework's promise marked as such), and the code
 * with where anyone can check it.
 */
export function certificateDocument(d: GuaranteeDocument, t: Translate, lang: Language): PdfDocument {
  const g = d.guarantee;
  const until = day(g.protectedUntil, lang);
  const blocks: PdfBlock[] = [
    { kind: 'heading', text: t('guarantee.pdf.certificate.title'), level: 1 },
    { kind: 'paragraph', text: t('guarantee.pdf.certificate.intro', { name: d.person.name, until }) },
    ...paragraphs(restatedLine(g, t, lang)),
    { kind: 'paragraph', text: t('guarantee.pdf.issued', { date: formatMoment(d.issuedAt, lang, 'day'), team: d.teamName, council: council(d, lang) }) },
    facts([
      [t('guarantee.field.name'), d.person.name],
      [t('guarantee.field.status'), t(`guarantee.status.${g.status}`)],
      [t('guarantee.field.code'), g.verificationCode],
    ]),
    // Each heading with its facts, so that "Protected until" never stands alone at the top of a page.
    keep('award', { kind: 'heading', text: t('guarantee.pdf.award'), level: 2 }, awardFacts(d, t, lang)),
    keep(
      'job',
      { kind: 'heading', text: t('guarantee.pdf.job'), level: 2 },
      facts([
        [t('guarantee.field.job'), `${g.job.role}, ${g.job.employer}`],
        [t('guarantee.field.jobStarted'), day(g.startsOn, lang)],
        ...(g.jobEndedOn ? ([[t('guarantee.field.jobEnded'), day(g.jobEndedOn, lang)]] as [string, string][]) : []),
      ]),
    ),
    keep(
      'period',
      { kind: 'heading', text: t('guarantee.pdf.period'), level: 2 },
      facts([
        [t('guarantee.field.from'), day(g.startsOn, lang)],
        [t('guarantee.field.until'), until],
      ]),
    ),
    { kind: 'heading', text: t('guarantee.pdf.rules'), level: 2 },
  ];
  for (const r of ruleLines(g, t, lang)) {
    blocks.push(
      keep(
        `rule ${r.name}`,
        { kind: 'heading', text: `${r.name}: ${r.until}`, level: 3 },
        { kind: 'paragraph', text: r.plain },
        { kind: 'paragraph', text: t('guarantee.pdf.ruleSource', { source: r.source }) },
      ),
    );
  }
  const irEsa = incomeRelatedEsaLine(g, t, lang);
  if (irEsa) blocks.push({ kind: 'paragraph', text: irEsa });
  blocks.push(
    { kind: 'paragraph', text: t('guarantee.reassess') },
    { kind: 'paragraph', text: t('guarantee.evidenceAssumed') },
    { kind: 'paragraph', text: t('guarantee.pdf.honesty') },
    keep(
      'check',
      { kind: 'heading', text: t('guarantee.pdf.check'), level: 2 },
      { kind: 'paragraph', text: t('guarantee.pdf.checkHow', { url: d.checkUrl, code: g.verificationCode }) },
    ),
  );
  return {
    title: t('guarantee.pdf.certificate.title'),
    language: lang,
    subject: d.person.name,
    footer: t('guarantee.pdf.footer', { code: g.verificationCode }),
    provenance: confidenceTags(
      g.rules.applied,
      [incomeRelatedEsaEnds(g.award.benefit, g.protectedUntil)?.parameter].filter((p) => p !== undefined),
    ),
    createdAt: d.issuedAt,
    blocks,
  };
}

/**
 * The return-to-benefit pack: a letter for the person to give DWP stating the prior decision, the
 * dates and each rule that still covered the day the job ended, then the person's checklist.
 */
export function returnPackDocument(d: GuaranteeDocument, t: Translate, lang: Language): PdfDocument {
  const g = d.guarantee;
  const end = g.jobEndedOn ?? g.protectedUntil;
  const name = d.person.name;
  const benefit = benefitWords(d.award, t);
  // A revoked rule is never given to DWP as a reason, even on a guarantee not yet re-stated.
  const covering = g.rules.applied.filter((r) => r.until >= end && !isRevoked(r.rule));
  const specialist = d.specialistName ?? d.teamName;
  const until = day(g.protectedUntil, lang);
  // Income-related ESA: a return on or after the day remaining awards ended is a claim for UC or New Style ESA.
  const claim = returnClaimOn(d.award.benefit, end);
  const irEsaEnded = claim === 'same' ? null : incomeRelatedEsaEnds(d.award.benefit, end);
  const claimWords = claim === 'same' ? t(`guarantee.benefitShort.${d.award.benefit}`) : t('guarantee.benefitShort.uc-or-new-style-esa');
  return {
    title: t('guarantee.pdf.pack.title'),
    language: lang,
    subject: name,
    footer: t('guarantee.pdf.pack.footer', { code: g.verificationCode }),
    provenance: confidenceTags(covering, irEsaEnded ? [irEsaEnded.parameter] : []),
    createdAt: d.issuedAt,
    blocks: [
      { kind: 'heading', text: t('guarantee.pdf.pack.title'), level: 1 },
      { kind: 'heading', text: t('guarantee.pdf.pack.letterHeading'), level: 2 },
      { kind: 'paragraph', text: formatMoment(d.issuedAt, lang, 'day') },
      { kind: 'paragraph', text: t('guarantee.pdf.pack.to') },
      {
        kind: 'paragraph',
        text: t('guarantee.pdf.pack.about', { name, dateOfBirth: day(d.person.dateOfBirth, lang), address: d.person.address }),
      },
      { kind: 'paragraph', text: t('guarantee.pdf.pack.opening', { name }) },
      {
        kind: 'paragraph',
        text: t('guarantee.pdf.pack.prior', { name, benefit, decisionDate: day(d.award.decisionDate, lang), evidence: evidenceWords(d.award, t) }),
      },
      ...paragraphs(restatedLine(g, t, lang)),
      {
        kind: 'paragraph',
        text: t(covering.length ? 'guarantee.pdf.pack.dates' : 'guarantee.pdf.pack.datesAfter', {
          role: g.job.role,
          employer: g.job.employer,
          start: day(g.startsOn, lang),
          end: day(end, lang),
          until,
        }),
      },
      // A guarantee re-stated after the job ended may cover no day of the return: then no rule is claimed.
      ...(covering.length
        ? ([
            { kind: 'paragraph', text: t('guarantee.pdf.pack.rules') },
            {
              kind: 'list',
              items: covering.map((r) =>
                t(`guarantee.pdf.pack.rule.${r.rule}`, { ...ruleFigures(r), name, determination: t(`guarantee.determination.${d.award.benefit}`) }),
              ),
            },
          ] as PdfBlock[])
        : paragraphs(t('guarantee.pdf.pack.noRule', { name }))),
      { kind: 'paragraph', text: t('guarantee.pdf.pack.reassess', { name }) },
      ...(irEsaEnded ? [{ kind: 'paragraph', text: t('guarantee.pdf.pack.irEsa', { name, date: day(irEsaEnded.from, lang) }) } as PdfBlock] : []),
      { kind: 'paragraph', text: t('guarantee.pdf.pack.ask') },
      // The last lines of the letter, the sign-off and the signature on one page: a paragraph alone could split between them.
      keep(
        'sign-off',
        { kind: 'paragraph', text: t('guarantee.pdf.pack.verify', { url: d.checkUrl, code: g.verificationCode }) },
        { kind: 'paragraph', text: t('guarantee.pdf.pack.signOff') },
        { kind: 'paragraph', text: t('guarantee.pdf.pack.signature', { specialist, team: `${d.teamName}, ${council(d, lang)}` }) },
      ),
      // The checklist is for the person, not for DWP: it starts a page of its own.
      { kind: 'pageBreak' },
      { kind: 'heading', text: t('guarantee.pdf.pack.checklistHeading'), level: 2 },
      {
        kind: 'list',
        items: [
          t('guarantee.pdf.pack.check.claim', { benefit: claimWords, until }),
          t('guarantee.pdf.pack.check.say', { end: day(end, lang) }),
          t('guarantee.pdf.pack.check.bring'),
          t('guarantee.pdf.pack.check.code', { code: g.verificationCode, url: d.checkUrl }),
          t('guarantee.pdf.pack.check.tell', { specialist }),
          t('guarantee.pdf.pack.check.assessment'),
        ],
      },
    ],
  };
}
