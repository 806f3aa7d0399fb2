import { normalisePostcode } from '../referrals/index.ts';
import type { ImportRow } from './vacancy-import.ts';

/*
 * The NHS Jobs vacancy feed: the XML that NHS Jobs (the NHS Business Services Authority's service
 * for England and Wales) publishes for an employer's adverts and for searches. Each advert is a
 * <vacancyDetails> element with <id>, <reference>, <title>, <description>, <employer>, <type>
 * (the contract), <salary> (text, such as "£24,465 to £25,952 a year"), <closeDate>, <postDate>,
 * <url> and <locations><location>…</location></locations> (an address ending with a postcode).
 * [U] The element names follow NHS Jobs' description of its search feed; check them against a
 * live response before relying on this in production (docs/domain/employers-and-matching.md).
 *
 * The feed has no occupation code or weekly hours, so the import takes a SOC code for the whole
 * file and reads hours from the working pattern: full time as 37.5 hours (Agenda for Change) and
 * part time as 15 to 30 hours [D]. Hourly pay is the lower annual salary over 52.143 weeks of
 * 37.5 hours [D]; a salary given by the hour is taken as it is.
 */

const FULL_TIME_HOURS = 37.5;
const WEEKS_A_YEAR = 52.143;

const decode = (s: string): string =>
  s
    .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, '&')
    .trim();
const element = (xml: string, name: string): string | undefined => {
  const m = new RegExp(`<${name}(?:\\s[^>]*)?>([\\s\\S]*?)</${name}>`).exec(xml);
  return m ? decode(m[1] ?? '') : undefined;
};
const elements = (xml: string, name: string): string[] =>
  [...xml.matchAll(new RegExp(`<${name}(?:\\s[^>]*)?>([\\s\\S]*?)</${name}>`, 'g'))].map((m) => m[1] ?? '');
const stripTags = (html: string): string =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** The lowest figure in a salary text as pounds an hour, or null when none can be read. */
export function hourlyFromSalary(text: string): number | null {
  const figures = [...text.replaceAll(',', '').matchAll(/£\s*(\d+(?:\.\d+)?)/g)].map((m) => Number(m[1]));
  if (figures.length === 0) return null;
  const lowest = Math.min(...figures);
  if (/hour/i.test(text)) return Math.round(lowest * 100) / 100;
  return Math.round((lowest / WEEKS_A_YEAR / FULL_TIME_HOURS) * 100) / 100;
}

/** A contract type from NHS Jobs' wording. */
export function contractFrom(type: string): string {
  const t = type.toLowerCase();
  if (t.includes('fixed')) return 'fixed-term';
  if (t.includes('bank') || t.includes('locum') || t.includes('temporary')) return 'temporary';
  if (t.includes('apprentice')) return 'apprenticeship';
  return 'permanent';
}

/** The feed as import rows for one employer; rows the feed cannot fill fail the import with their reasons. */
export function nhsJobsRows(xml: string, options: { employer: string; soc: string }): ImportRow[] {
  return elements(xml, 'vacancyDetails').map((v, n) => {
    const salary = element(v, 'salary') ?? '';
    const pattern = `${element(v, 'workingPattern') ?? ''} ${element(v, 'type') ?? ''}`.toLowerCase();
    const partTime = pattern.includes('part');
    const location = elements(v, 'location').map(decode).join(' ');
    const postcode =
      /([A-Z]{1,2}[0-9][A-Z0-9]?\s*[0-9][A-Z]{2})\s*$/i.exec(location)?.[1] ?? /([A-Z]{1,2}[0-9][A-Z0-9]?\s*[0-9][A-Z]{2})/i.exec(location)?.[1] ?? '';
    const hourly = hourlyFromSalary(salary);
    return {
      line: n + 1,
      employer: options.employer,
      input: {
        title: element(v, 'title') ?? '',
        description: stripTags(element(v, 'description') ?? '').slice(0, 8000),
        soc: options.soc,
        hoursMin: partTime ? 15 : FULL_TIME_HOURS,
        hoursMax: partTime ? 30 : FULL_TIME_HOURS,
        days: [],
        shifts: [],
        patternNote: pattern.trim(),
        workplace: 'on-site',
        flexibleOptions: partTime ? ['part-time'] : [],
        adjustmentsOffered: [],
        payHourly: hourly === null ? '' : hourly.toFixed(2),
        contractType: contractFrom(element(v, 'type') ?? ''),
        postcode: normalisePostcode(postcode) ?? postcode,
        closingDate: (element(v, 'closeDate') ?? '').slice(0, 10),
        status: 'open',
        externalRef: element(v, 'reference') ?? element(v, 'id') ?? '',
      },
    };
  });
}
