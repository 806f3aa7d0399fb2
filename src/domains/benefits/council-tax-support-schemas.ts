import { z } from 'zod';
import type { CouncilTaxBand } from './council-tax-support-rules.ts';

/*
 * The tenant admin's Council Tax Support settings form, parsed: either no banded scheme, or its
 * name, link and up to six income bands (income a month up to, discount per cent). Every message is
 * a key under `councilTax.settings.error.`; each issue sits on the box that holds the fault.
 */

export const MAX_BANDS = 6;
const MAX_BAND_INCOME = 100_000;
const MONEY = /^£?\s?(\d{1,3}(,\d{3})+|\d+)(\.\d{1,2})?$/;
const PERCENT = /^\d{1,3}(\.\d{1,2})?%?$/;

export const bandFields = (i: number) => ({ upTo: `band${i}UpTo`, discount: `band${i}Discount` }) as const;

const text = z.preprocess((v) => (typeof v === 'string' ? v.trim() : undefined), z.string().optional());
const shape: Record<string, typeof text> = { scheme: text, name: text, url: text };
for (let i = 1; i <= MAX_BANDS; i++) {
  const f = bandFields(i);
  shape[f.upTo] = text;
  shape[f.discount] = text;
}

export type SchemeSettings = { kind: 'none' } | { kind: 'banded'; name: string; url: string; bands: CouncilTaxBand[] };

const key = (k: string) => `councilTax.settings.error.${k}`;

/** The form, checked as a whole: bands in rising income, each discount no more than the one above it. */
export const schemeSettingsSchema = z.object(shape).transform((v, ctx): SchemeSettings => {
  let bandIssues = 0;
  const issue = (path: string, k: string) => {
    if (path.startsWith('band')) bandIssues++;
    ctx.addIssue({ code: 'custom', path: [path], message: key(k) });
  };
  if (v.scheme !== 'yes' && v.scheme !== 'no') {
    issue('scheme', 'scheme');
    return z.NEVER;
  }
  if (v.scheme === 'no') return { kind: 'none' };
  const name = v.name ?? '';
  if (name === '') issue('name', 'nameMissing');
  else if (name.length > 120) issue('name', 'nameTooLong');
  const url = v.url ?? '';
  if (url === '') issue('url', 'urlMissing');
  else if (!/^https?:\/\/[^\s/$.?#][^\s]*$/i.test(url) || url.length > 500 || !z.url().safeParse(url).success) issue('url', 'url');

  const bands: CouncilTaxBand[] = [];
  let previous: CouncilTaxBand | null = null;
  for (let i = 1; i <= MAX_BANDS; i++) {
    const f = bandFields(i);
    const upToText = v[f.upTo] ?? '';
    const discountText = v[f.discount] ?? '';
    if (upToText === '' && discountText === '') continue;
    let upTo: number | null = null;
    let discount: number | null = null;
    if (upToText === '') issue(f.upTo, 'upToMissing');
    else if (!MONEY.test(upToText)) issue(f.upTo, 'upTo');
    else {
      const n = Number(upToText.replace(/[£,\s]/g, ''));
      if (n <= 0 || n > MAX_BAND_INCOME) issue(f.upTo, 'upToRange');
      else upTo = n;
    }
    if (discountText === '') issue(f.discount, 'discountMissing');
    else if (!PERCENT.test(discountText)) issue(f.discount, 'discount');
    else {
      const n = Number(discountText.replace('%', ''));
      if (n > 100) issue(f.discount, 'discountRange');
      else discount = n;
    }
    if (upTo === null || discount === null) continue;
    if (previous && upTo <= previous.upTo) issue(f.upTo, 'upToOrder');
    else if (previous && discount > previous.discount) issue(f.discount, 'discountOrder');
    bands.push({ upTo, discount });
    previous = { upTo, discount };
  }
  if (bands.length === 0 && bandIssues === 0) issue(bandFields(1).upTo, 'bandsMissing');
  return { kind: 'banded', name, url, bands };
});
