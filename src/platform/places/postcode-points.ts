import type { Kysely } from 'kysely';
import type { PlatformTables, Tx } from '../db/index.ts';
import { parseCsv } from '../http/csv.ts';

/**
 * Where postcodes are: one shared reference table (not a tenant's) of full postcodes and postcode
 * districts with their latitude and longitude, read by every capability that places something
 * (vacancies, work profiles, directory searches). Keys are capitals without a space ("LE16ZG",
 * "LE1"); any written form is looked up. The app role only reads it; the owner loads it.
 */
export type PlaceTables = {
  postcode_points: { postcode: string; kind: 'district' | 'postcode'; lat: number; lon: number };
};
export type Place = { lat: number; lon: number };
export type PostcodePoint = PlaceTables['postcode_points'];

const FULL = /^[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{2}$/;
const DISTRICT = /^[A-Z]{1,2}[0-9][A-Z0-9]?$/;

/** A postcode or district as the table keys it, and its district; null when it is neither. */
export function postcodeKeys(text: string): { key: string; district: string } | null {
  const key = text.replace(/\s+/g, '').toUpperCase();
  if (FULL.test(key)) return { key, district: key.slice(0, -3) };
  if (DISTRICT.test(key)) return { key, district: key };
  return null;
}

const points = (tx: Tx | Kysely<PlatformTables>) => tx.withTables<PlaceTables>();

/** Places for many postcodes (any written form) in few queries: the full postcode where loaded, else its district's centre. Keyed by the text given. */
export async function placesOf(tx: Tx, postcodes: readonly string[]): Promise<Map<string, Place>> {
  const keyed = postcodes.flatMap((p) => {
    const k = postcodeKeys(p);
    return k ? [{ p, ...k }] : [];
  });
  const wanted = [...new Set(keyed.flatMap((k) => [k.key, k.district]))];
  const found = new Map<string, Place>();
  for (let i = 0; i < wanted.length; i += 5000) {
    const rows = await points(tx)
      .selectFrom('postcode_points')
      .select(['postcode', 'lat', 'lon'])
      .where('postcode', 'in', wanted.slice(i, i + 5000))
      .execute();
    for (const r of rows) found.set(r.postcode, { lat: Number(r.lat), lon: Number(r.lon) });
  }
  const out = new Map<string, Place>();
  for (const k of keyed) {
    const place = found.get(k.key) ?? found.get(k.district);
    if (place) out.set(k.p, place);
  }
  return out;
}

/** One postcode's place: the full postcode where loaded, else its district's centre; null when unknown. */
export async function placeOf(tx: Tx, postcode: string): Promise<Place | null> {
  return (await placesOf(tx, [postcode])).get(postcode) ?? null;
}

/** Adds points, or with `replace` (a newer ONS file) updates those already there. Runs as the owner. */
export async function upsertPostcodePoints(owner: Kysely<PlatformTables>, rows: readonly PostcodePoint[], replace = true): Promise<void> {
  for (let i = 0; i < rows.length; i += 2000) {
    await points(owner)
      .insertInto('postcode_points')
      .values(rows.slice(i, i + 2000).map((r) => ({ ...r, postcode: postcodeKeys(r.postcode)?.key ?? r.postcode })))
      .onConflict((oc) =>
        replace
          ? oc.column('postcode').doUpdateSet((eb) => ({ lat: eb.ref('excluded.lat'), lon: eb.ref('excluded.lon'), kind: eb.ref('excluded.kind') }))
          : oc.column('postcode').doNothing(),
      )
      .execute();
  }
}

/**
 * District centres for the demo areas (Leicester and Cardiff) only, so that the demo places
 * vacancies, people and services before a deployment imports the ONS Postcode Directory.
 * [U] Approximate: placed by hand near each district's middle, to within a kilometre or two, not
 * computed from the directory. Source for real figures: ONS Postcode Directory (ONSPD), Office for
 * National Statistics, https://geoportal.statistics.gov.uk/ (Open Government Licence v3.0;
 * contains OS data © Crown copyright and database right; contains Royal Mail data © Royal Mail
 * copyright and database right).
 */
export const DEMO_DISTRICT_CENTRES: readonly PostcodePoint[] = (
  [
    ['LE1', 52.6345, -1.1325],
    ['LE2', 52.615, -1.119],
    ['LE3', 52.63, -1.177],
    ['LE4', 52.666, -1.13],
    ['LE5', 52.641, -1.085],
    ['LE18', 52.589, -1.108],
    ['LE19', 52.571, -1.205],
    ['CF5', 51.478, -3.238],
    ['CF10', 51.476, -3.177],
    ['CF11', 51.478, -3.196],
    ['CF14', 51.515, -3.2],
    ['CF23', 51.517, -3.165],
    ['CF24', 51.487, -3.16],
  ] as const
).map(([postcode, lat, lon]) => ({ postcode, kind: 'district' as const, lat, lon }));

/** The demo centres, where missing: an imported directory's figures are never overwritten. */
export const ensureDemoDistrictCentres = (owner: Kysely<PlatformTables>) => upsertPostcodePoints(owner, DEMO_DISTRICT_CENTRES, false);

/**
 * The ONS Postcode Directory (ONSPD) CSV: `pcds` (the postcode as written), `lat`, `long` and
 * `doterm` (the date a postcode was terminated, empty while live); columns found by name. Live
 * postcodes with a position become full-postcode points, and each district's centre is the mean
 * of its postcodes.
 */
export function onspdPoints(text: string): PostcodePoint[] {
  const [header, ...rows] = parseCsv(text).map((r) => r.fields);
  const names = (header ?? []).map((h) => h.trim().toLowerCase());
  const pcds = names.indexOf('pcds');
  const lat = names.indexOf('lat');
  const lon = names.indexOf('long');
  const doterm = names.indexOf('doterm');
  if (pcds < 0 || lat < 0 || lon < 0) throw new Error('The file needs the ONSPD columns pcds, lat and long');
  const out: PostcodePoint[] = [];
  const districts = new Map<string, { lat: number; lon: number; n: number }>();
  for (const r of rows) {
    if (doterm >= 0 && (r[doterm] ?? '').trim() !== '') continue;
    const y = Number(r[lat]);
    const x = Number(r[lon]);
    // ONSPD gives 99.999999 for postcodes with no grid reference.
    if (!Number.isFinite(y) || !Number.isFinite(x) || Math.abs(y) > 90) continue;
    const keys = postcodeKeys(r[pcds] ?? '');
    if (!keys || keys.key === keys.district) continue;
    out.push({ postcode: keys.key, kind: 'postcode', lat: y, lon: x });
    const d = districts.get(keys.district) ?? { lat: 0, lon: 0, n: 0 };
    districts.set(keys.district, { lat: d.lat + y, lon: d.lon + x, n: d.n + 1 });
  }
  for (const [district, d] of districts) out.push({ postcode: district, kind: 'district', lat: d.lat / d.n, lon: d.lon / d.n });
  return out;
}
