import { postcodeDistrict } from '../referrals/index.ts';
import type { SocGroup } from './reference/soc-2020.ts';
import { parseCsv } from './vacancy-import.ts';

/*
 * Readers for the ONS reference files the CLI imports into the shared tables. Both are CSV with a
 * header row; columns are found by name, so a newer release with more columns still reads.
 */

/**
 * The ONS SOC 2020 coding index or structure file, saved as CSV: a unit-group code column
 * ("SOC 2020 Unit Group", "SOC2020", or "Unit group") and a title column ("SOC 2020 Unit Group
 * Title", "Title" or "Group title"). Minor groups (3 digits) are made from the unit groups' first
 * three digits when the file names them in a "Minor group" column; otherwise units hang from their
 * sub-major group.
 */
export function socUnitGroups(text: string): SocGroup[] {
  const [header, ...rows] = parseCsv(text);
  const names = (header ?? []).map((h) => h.trim().toLowerCase());
  const find = (...options: string[]) => names.findIndex((n) => options.includes(n));
  const code = find('soc 2020 unit group', 'soc2020', 'unit group', 'soc 2020', 'code');
  const title = find('soc 2020 unit group title', 'title', 'group title', 'unit group title');
  const minor = find('minor group', 'soc 2020 minor group');
  const minorTitle = find('minor group title', 'soc 2020 minor group title');
  if (code < 0 || title < 0) throw new Error('The file needs a unit-group code column and a title column');
  const groups = new Map<string, SocGroup>();
  for (const r of rows) {
    const c = (r[code] ?? '').trim();
    if (!/^\d{4}$/.test(c)) continue;
    const m = minor >= 0 ? (r[minor] ?? '').trim() : '';
    if (/^\d{3}$/.test(m) && !groups.has(m)) groups.set(m, { code: m, level: 'minor', title: (r[minorTitle] ?? '').trim() || m, parent: m.slice(0, 2) });
    groups.set(c, { code: c, level: 'unit', title: (r[title] ?? '').trim(), parent: /^\d{3}$/.test(m) ? m : c.slice(0, 2) });
  }
  return [...groups.values()];
}

/**
 * The ONS Postcode Directory (ONSPD) CSV: `pcds` (the postcode as written), `lat`, `long` and
 * `doterm` (the date a postcode was terminated, empty while live). Live postcodes with a position
 * become full-postcode rows, and each district's centroid is the mean of its postcodes.
 */
export function onspdCentroids(text: string): { postcode: string; kind: 'district' | 'postcode'; lat: number; lon: number }[] {
  const [header, ...rows] = parseCsv(text);
  const names = (header ?? []).map((h) => h.trim().toLowerCase());
  const pcds = names.indexOf('pcds');
  const lat = names.indexOf('lat');
  const lon = names.indexOf('long');
  const doterm = names.indexOf('doterm');
  if (pcds < 0 || lat < 0 || lon < 0) throw new Error('The file needs the ONSPD columns pcds, lat and long');
  const out: { postcode: string; kind: 'district' | 'postcode'; lat: number; lon: number }[] = [];
  const districts = new Map<string, { lat: number; lon: number; n: number }>();
  for (const r of rows) {
    if (doterm >= 0 && (r[doterm] ?? '').trim() !== '') continue;
    const y = Number(r[lat]);
    const x = Number(r[lon]);
    // ONSPD gives 99.999999 for postcodes with no grid reference.
    if (!Number.isFinite(y) || !Number.isFinite(x) || Math.abs(y) > 90) continue;
    const postcode = (r[pcds] ?? '').trim().toUpperCase();
    let district: string;
    try {
      district = postcodeDistrict(postcode);
    } catch {
      continue;
    }
    out.push({ postcode, kind: 'postcode', lat: y, lon: x });
    const d = districts.get(district) ?? { lat: 0, lon: 0, n: 0 };
    districts.set(district, { lat: d.lat + y, lon: d.lon + x, n: d.n + 1 });
  }
  for (const [district, d] of districts) out.push({ postcode: district, kind: 'district', lat: d.lat / d.n, lon: d.lon / d.n });
  return out;
}
