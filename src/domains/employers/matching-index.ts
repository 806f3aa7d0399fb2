import type { Database, Tx } from '../../platform/db/index.ts';
import { type IndexRow, indexRowOf, openVacancyPage, VACANCY_CHANNEL } from './employer-repo.ts';
import { DAYS, FLEXIBLE_OPTIONS, type Match, type MatchParameters, type MatchPerson, type MatchVacancy, SHIFTS, WORKPLACES } from './matching.ts';
import { compareMatches, haversineKm, matchOne } from './matching-rules.ts';

/*
 * The in-memory matching index (ADRs 0028 and 0054). Each tenant's open vacancies are filed in
 * buckets: a 0.1° grid cell (or the one remote "cell"), then the SOC major group, then a band of the
 * minimum weekly hours. A bucket holds its vacancies' fields side by side in one typed array, and a
 * few summaries of them (highest pay, lowest minimum and highest maximum hours, every flexible option
 * offered), so that ranking a person can skip a bucket none of whose vacancies passes a hard limit,
 * and can put an upper bound on the score of any vacancy in it. Buckets are read best bound first;
 * once the best `limit` found so far all score above the next bucket's bound, the rest cannot enter
 * and are left unread. Survivors are scored with the same arithmetic as `scoreParts` into a bounded
 * heap held in typed arrays (nothing is allocated per vacancy), and only the best few are handed to
 * the pure matcher (`matchOne`) for their reasons and near-miss advice. A test holds the index to a
 * brute-force pass of the pure matcher on random data, before and after changes.
 *
 * Summaries only ever widen while a bucket lives (a removal leaves them as they were), which keeps
 * them safe as bounds: a stale summary can only make a bucket be read that need not have been.
 */

const CELL = 0.1;
const KM_PER_DEGREE = 111.2;
const EARTH_RADIUS_KM = 6371.0088;
const RAD = Math.PI / 180;
/** SOC major groups 1 to 9 (0 holds anything malformed, so nothing is lost). */
const MAJORS = 10;
/** Bands of a vacancy's minimum weekly hours: under 8, 8 to 15.9, 16 to 23.9, 24 to 31.9, 32 and over. */
const HOUR_BANDS = 5;
const hourBand = (min: number): number => (min < 8 ? 0 : min < 16 ? 1 : min < 24 ? 2 : min < 32 ? 3 : 4);
const REMOTE_CELL = -1;

const bitIndex = <T extends string>(all: readonly T[]): Map<string, number> => new Map(all.map((v, i) => [v, 1 << i]));
const DAY_BITS = bitIndex(DAYS);
const SHIFT_BITS = bitIndex(SHIFTS);
const FLEX_BITS = bitIndex(FLEXIBLE_OPTIONS);
const bits = (index: Map<string, number>, values: readonly string[]): number => {
  let m = 0;
  for (const v of values) m |= index.get(v) ?? 0;
  return m;
};
const popcount = (n: number): number => {
  let x = n - ((n >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
};
const dayNumber = (isoDate: string): number => Number(isoDate.slice(0, 4)) * 10_000 + Number(isoDate.slice(5, 7)) * 100 + Number(isoDate.slice(8, 10));
const cellKey = (latCell: number, lonCell: number): number => (latCell + 1000) * 4000 + (lonCell + 2000);
const majorOf = (soc: number): number => (soc >= 1000 && soc < 10_000 ? Math.floor(soc / 1000) : 0);

/*
 * Each bucket holds its vacancies' hot fields side by side in one Float64Array (STRIDE numbers a
 * vacancy), so a ranking reads memory in order rather than jumping about a million-slot column.
 */
const STRIDE = 9;
const F_HOURS_MIN = 0;
const F_HOURS_MAX = 1;
const F_PAY = 2;
const F_LAT = 3;
const F_LON = 4;
const F_CLOSING = 5;
/** soc | workplace << 14 */
const F_SOC_PLACE = 6;
/** days | shifts << 7 | flexible options << 10 */
const F_PATTERN = 7;
const F_SLOT = 8;

/** Vacancies of one cell, major group and hours band, and what bounds them. */
type Bucket = { data: Float64Array; size: number; maxPay: number; minHoursMin: number; maxHoursMax: number; flexAny: number };
/** One grid cell (or the remote vacancies), its buckets by major group × hours band. */
type Cell = { latCell: number; remote: boolean; lonCell: number; buckets: (Bucket | undefined)[] };

const newBucket = (): Bucket => ({ data: new Float64Array(STRIDE * 8), size: 0, maxPay: -Infinity, minHoursMin: Infinity, maxHoursMax: -Infinity, flexAny: 0 });

/** One tenant's open vacancies. Slots (ids, the lists, where each sits) are reused after removal. */
class TenantIndex {
  size = 0;
  ids: (string | null)[] = [];
  slotOf = new Map<string, number>();
  free: number[] = [];
  /** Adjustments offered: one shared frozen list per distinct set, to keep memory down. */
  adjustments: (readonly string[])[] = [];
  /** The employer's growth sectors: shared frozen lists as for adjustments. */
  growth: (readonly string[])[] = [];
  /** The bucket each slot is filed in, and its place there, to read or take it out again. */
  bucketOf: (Bucket | null)[] = [];
  placeOf: number[] = [];
  cells = new Map<number, Cell>();
  private listSets = new Map<string, readonly string[]>();
  /** Closing dates as day numbers: a few hundred distinct dates among a million rows. */
  private closingDays = new Map<string, number>();
  private static readonly EMPTY: readonly string[] = Object.freeze([]);

  /** One frozen list per distinct set of strings, to keep memory down. */
  private shared(items: readonly string[]): readonly string[] {
    if (items.length === 0) return TenantIndex.EMPTY;
    const key = items.length === 1 ? (items[0] as string) : items.join(',');
    let set = this.listSets.get(key);
    if (!set) {
      set = Object.freeze([...items]);
      this.listSets.set(key, set);
    }
    return set;
  }

  private cell(key: number, latCell: number, lonCell: number, remote: boolean): Cell {
    let cell = this.cells.get(key);
    if (!cell) {
      cell = { latCell, lonCell, remote, buckets: new Array(MAJORS * HOUR_BANDS).fill(undefined) };
      this.cells.set(key, cell);
    }
    return cell;
  }

  upsert(row: IndexRow): void {
    const existing = this.slotOf.get(row.id);
    if (existing !== undefined) this.removeSlot(row.id, existing);
    let slot = this.free.pop();
    if (slot === undefined) {
      slot = this.ids.length;
      this.ids.push(null);
      this.adjustments.push(TenantIndex.EMPTY);
      this.growth.push(TenantIndex.EMPTY);
      this.bucketOf.push(null);
      this.placeOf.push(0);
    }
    const hoursMin = Number(row.hours_min);
    const hoursMax = Number(row.hours_max);
    const pay = Number(row.pay_hourly);
    const soc = Number(row.soc);
    const flex = bits(FLEX_BITS, row.flexible_options);
    let closing = this.closingDays.get(row.closing_date);
    if (closing === undefined) {
      closing = dayNumber(row.closing_date);
      this.closingDays.set(row.closing_date, closing);
    }
    this.ids[slot] = row.id;
    this.slotOf.set(row.id, slot);
    this.adjustments[slot] = this.shared(row.adjustments_offered);
    this.growth[slot] = this.shared(row.growth_sectors ?? []);
    let cell: Cell;
    if (row.workplace === 'remote') cell = this.cell(REMOTE_CELL, 0, 0, true);
    else {
      const latCell = Math.floor(row.lat / CELL);
      const lonCell = Math.floor(row.lon / CELL);
      cell = this.cell(cellKey(latCell, lonCell), latCell, lonCell, false);
    }
    const at = majorOf(soc) * HOUR_BANDS + hourBand(hoursMin);
    let bucket = cell.buckets[at];
    if (!bucket) {
      bucket = newBucket();
      cell.buckets[at] = bucket;
    }
    if ((bucket.size + 1) * STRIDE > bucket.data.length) {
      const data = new Float64Array(bucket.data.length * 2);
      data.set(bucket.data);
      bucket.data = data;
    }
    const place = bucket.size++;
    const d = bucket.data;
    const o = place * STRIDE;
    d[o + F_HOURS_MIN] = hoursMin;
    d[o + F_HOURS_MAX] = hoursMax;
    d[o + F_PAY] = pay;
    d[o + F_LAT] = row.lat;
    d[o + F_LON] = row.lon;
    d[o + F_CLOSING] = closing;
    d[o + F_SOC_PLACE] = (soc & 0x3fff) | (WORKPLACES.indexOf(row.workplace) << 14);
    d[o + F_PATTERN] = bits(DAY_BITS, row.days) | (bits(SHIFT_BITS, row.shifts) << 7) | (flex << 10);
    d[o + F_SLOT] = slot;
    if (pay > bucket.maxPay) bucket.maxPay = pay;
    if (hoursMin < bucket.minHoursMin) bucket.minHoursMin = hoursMin;
    if (hoursMax > bucket.maxHoursMax) bucket.maxHoursMax = hoursMax;
    bucket.flexAny |= flex;
    this.bucketOf[slot] = bucket;
    this.placeOf[slot] = place;
    this.size++;
  }

  remove(id: string): void {
    const slot = this.slotOf.get(id);
    if (slot !== undefined) this.removeSlot(id, slot);
  }

  private removeSlot(id: string, slot: number): void {
    this.slotOf.delete(id);
    this.ids[slot] = null;
    const bucket = this.bucketOf[slot];
    if (bucket) {
      // The bucket's last vacancy moves into the gap.
      const place = this.placeOf[slot] as number;
      const last = --bucket.size;
      if (place !== last) {
        bucket.data.copyWithin(place * STRIDE, last * STRIDE, (last + 1) * STRIDE);
        this.placeOf[bucket.data[place * STRIDE + F_SLOT] as number] = place;
      }
      // An emptied bucket starts its summaries afresh (it is only ever read through its cell).
      if (bucket.size === 0) Object.assign(bucket, newBucket());
    }
    this.bucketOf[slot] = null;
    this.free.push(slot);
    this.size--;
  }

  /** The vacancy in a slot, as the pure matcher takes it. */
  vacancyAt(slot: number): MatchVacancy {
    const pick = <T>(all: readonly T[], mask: number) => all.filter((_, i) => (mask & (1 << i)) !== 0);
    const d = (this.bucketOf[slot] as Bucket).data;
    const o = (this.placeOf[slot] as number) * STRIDE;
    const socPlace = d[o + F_SOC_PLACE] as number;
    const pattern = d[o + F_PATTERN] as number;
    return {
      id: this.ids[slot] as string,
      soc: String(socPlace & 0x3fff).padStart(4, '0'),
      hoursPerWeek: { min: d[o + F_HOURS_MIN] as number, max: d[o + F_HOURS_MAX] as number },
      days: pick(DAYS, pattern & 0x7f),
      shifts: pick(SHIFTS, (pattern >> 7) & 0x7),
      location: { lat: d[o + F_LAT] as number, lon: d[o + F_LON] as number },
      workplace: WORKPLACES[socPlace >> 14] ?? 'on-site',
      payHourly: d[o + F_PAY] as number,
      flexibleOptions: pick(FLEXIBLE_OPTIONS, (pattern >> 10) & 0x7f),
      adjustmentsOffered: this.adjustments[slot] ?? [],
      growthSectors: this.growth[slot] ?? [],
    };
  }
}

/** SOC codes at any level as [divisor, value]: 5434 under "54" is ⌊5434 / 100⌋ = 54. */
const socPrefixes = (codes: readonly string[]): [number, number][] => codes.map((c) => [10 ** (4 - c.length), Number(c)]);
const covered = (soc: number, prefixes: readonly [number, number][]): boolean => {
  for (const [div, value] of prefixes) if (Math.floor(soc / div) === value) return true;
  return false;
};

/**
 * The shortest great-circle distance from a point to any point of a grid cell, or less: the cell's
 * nearest latitude and longitude apart, with the parallels' narrowing taken at the highest latitude
 * either could have (haversine with cos φ1 · cos φ2 ≥ cos² φmax), so it never overstates.
 */
function cellMinKm(lat: number, lon: number, latCell: number, lonCell: number): number {
  const south = latCell * CELL;
  const north = south + CELL;
  const west = lonCell * CELL;
  const east = west + CELL;
  const dLat = lat < south ? south - lat : lat > north ? lat - north : 0;
  let dLon = lon < west ? west - lon : lon > east ? lon - east : 0;
  if (dLon > 180) dLon = 360 - dLon;
  const highest = Math.min(90, Math.max(Math.abs(lat), Math.abs(south), Math.abs(north)));
  const c = Math.cos(highest * RAD);
  const h = Math.sin((dLat * RAD) / 2) ** 2 + c * c * Math.sin((dLon * RAD) / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h))) * (1 - 1e-9);
}

/**
 * The best `limit` candidates so far, worst at the top, in typed arrays. Worse means a lower score,
 * then farther, then a later id: the reverse of `compareMatches`.
 */
class TopK {
  slot: Int32Array;
  score: Float64Array;
  km: Float64Array;
  size = 0;
  readonly limit: number;
  private readonly ids: (string | null)[];
  constructor(limit: number, ids: (string | null)[]) {
    this.limit = limit;
    this.ids = ids;
    this.slot = new Int32Array(limit);
    this.score = new Float64Array(limit);
    this.km = new Float64Array(limit);
  }
  get full(): boolean {
    return this.size >= this.limit;
  }
  /** The score a newcomer must reach (equal may still enter on distance or id). */
  get worstScore(): number {
    return this.size === 0 ? -Infinity : (this.score[0] as number);
  }
  private worse(s1: number, k1: number, slot1: number, s2: number, k2: number, slot2: number): boolean {
    if (s1 !== s2) return s1 < s2;
    if (k1 !== k2) return k1 > k2;
    return (this.ids[slot1] as string) > (this.ids[slot2] as string);
  }
  private worseAt(i: number, j: number): boolean {
    return this.worse(
      this.score[i] as number,
      this.km[i] as number,
      this.slot[i] as number,
      this.score[j] as number,
      this.km[j] as number,
      this.slot[j] as number,
    );
  }
  private swap(i: number, j: number): void {
    const s = this.slot[i] as number;
    const sc = this.score[i] as number;
    const k = this.km[i] as number;
    this.slot[i] = this.slot[j] as number;
    this.score[i] = this.score[j] as number;
    this.km[i] = this.km[j] as number;
    this.slot[j] = s;
    this.score[j] = sc;
    this.km[j] = k;
  }
  offer(slot: number, score: number, km: number): void {
    if (this.limit === 0) return;
    if (this.size < this.limit) {
      let i = this.size++;
      this.slot[i] = slot;
      this.score[i] = score;
      this.km[i] = km;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!this.worseAt(i, parent)) break;
        this.swap(i, parent);
        i = parent;
      }
      return;
    }
    if (!this.worse(this.score[0] as number, this.km[0] as number, this.slot[0] as number, score, km, slot)) return;
    this.slot[0] = slot;
    this.score[0] = score;
    this.km[0] = km;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < this.size && this.worseAt(l, m)) m = l;
      if (r < this.size && this.worseAt(r, m)) m = r;
      if (m === i) break;
      this.swap(i, m);
      i = m;
    }
  }
}

export type RankResult = { matches: Match[]; considered: number; passed: number };

/** The most a rounded score can exceed the sum it was rounded from, and room for float error. */
const ROUNDING = 0.05 + 1e-6;

/**
 * Ranks one tenant's open vacancies for a person: the best `limit` matches, each with the pure
 * matcher's reasons. `today` (YYYY-MM-DD) leaves out vacancies past their closing date that the
 * expiry job has not reached yet. `considered` counts the vacancies read, `passed` those of them
 * within the hard limits.
 */
export function rankIn(index: TenantIndex, person: MatchPerson, parameters: MatchParameters, today: string, limit: number): RankResult {
  const w = parameters.weights;
  const { lat, lon } = person.location;
  const pMin = person.hoursPerWeek.min;
  const pMax = person.hoursPerWeek.max;
  const maxKm = person.maxTravelKm;
  const floor = person.payFloorHourly;
  const excluded = socPrefixes(person.occupationsExcluded);
  const wanted = socPrefixes(person.occupationsWanted);
  const pDays = bits(DAY_BITS, person.availableDays);
  const pShifts = bits(SHIFT_BITS, person.availableShifts ?? []);
  const pFlex = bits(FLEX_BITS, person.flexibilityNeeded);
  const flexNeeded = popcount(pFlex);
  const adjNeeded = person.adjustmentsNeeded;
  const todayNumber = dayNumber(today);
  const headroom = floor * parameters.payHeadroom;
  const area = parameters.areaGrowthSectors ?? [];
  const top = new TopK(Math.max(0, limit), index.ids);
  let considered = 0;
  let passed = 0;
  const adjScore = new Map<readonly string[], number>();
  const growthScore = new Map<readonly string[], number>();

  // The most each major group can score on occupation, and whether the person excludes all of it.
  const occupationBound = new Float64Array(MAJORS);
  const majorExcluded = new Uint8Array(MAJORS);
  for (let m = 0; m < MAJORS; m++) {
    // Group 0 holds codes outside 1000–9999: bound it as loosely as can be.
    const could = m === 0 || person.occupationsWanted.some((c) => c.startsWith(String(m)));
    occupationBound[m] = wanted.length === 0 ? 0.5 : could ? 1 : 0;
    majorExcluded[m] = m > 0 && person.occupationsExcluded.includes(String(m)) ? 1 : 0;
  }
  // Every part but occupation, distance, pay and flexibility can reach 1 in any bucket.
  const restBound = w.hours + w.pattern + w.adjustments + (area.length > 0 ? w.growth : 0);

  // The buckets worth reading, each with the highest score any vacancy in it could reach.
  const buckets: Bucket[] = [];
  const bounds: number[] = [];
  const take = (cell: Cell, distanceBound: number) => {
    for (let at = 0; at < cell.buckets.length; at++) {
      const b = cell.buckets[at];
      if (!b || b.size === 0) continue;
      const major = Math.floor(at / HOUR_BANDS);
      if (majorExcluded[major] === 1) continue;
      if (b.maxHoursMax < pMin || b.minHoursMin > pMax || b.maxPay < floor) continue;
      const payBound = floor === 0 ? 1 : Math.min(1, (b.maxPay - floor) / headroom);
      const flexBound = flexNeeded === 0 ? 1 : popcount(pFlex & b.flexAny) / flexNeeded;
      buckets.push(b);
      bounds.push((occupationBound[major] as number) * w.occupation + distanceBound * w.distance + payBound * w.pay + flexBound * w.flexibility + restBound);
    }
  };
  // The cells that can hold a place within the travel limit: a box around the person, then each
  // cell's nearest point checked against the limit.
  const dLat = maxKm / KM_PER_DEGREE + CELL;
  const dLon = maxKm / (KM_PER_DEGREE * Math.max(0.01, Math.cos(((Math.abs(lat) + dLat) * Math.PI) / 180))) + CELL;
  const lat0 = Math.floor((lat - dLat) / CELL);
  const lat1 = Math.floor((lat + dLat) / CELL);
  const lon0 = Math.floor((lon - dLon) / CELL);
  const lon1 = Math.floor((lon + dLon) / CELL);
  for (let a = lat0; a <= lat1; a++) {
    for (let b = lon0; b <= lon1; b++) {
      const cell = index.cells.get(cellKey(a, b));
      if (!cell) continue;
      const nearest = cellMinKm(lat, lon, a, b);
      if (nearest > maxKm) continue;
      take(cell, maxKm === 0 ? 1 : 1 - nearest / maxKm);
    }
  }
  const remoteCell = index.cells.get(REMOTE_CELL);
  if (remoteCell) take(remoteCell, 1);
  const order = Array.from(buckets.keys()).sort((i, j) => (bounds[j] as number) - (bounds[i] as number));

  const remoteCode = WORKPLACES.indexOf('remote');
  for (const i of order) {
    // Best bound first: once the best found all beat this bucket's bound, no later bucket can enter.
    if (top.full && (bounds[i] as number) + ROUNDING < top.worstScore) break;
    const bucket = buckets[i] as Bucket;
    const d = bucket.data;
    const end = bucket.size * STRIDE;
    for (let o = 0; o < end; o += STRIDE) {
      considered++;
      const hMin = d[o + F_HOURS_MIN] as number;
      const hMax = d[o + F_HOURS_MAX] as number;
      const overlap = Math.min(pMax, hMax) - Math.max(pMin, hMin);
      if (overlap < 0) continue;
      const pay = d[o + F_PAY] as number;
      if (pay < floor) continue;
      if ((d[o + F_CLOSING] as number) < todayNumber) continue;
      const socPlace = d[o + F_SOC_PLACE] as number;
      const soc = socPlace & 0x3fff;
      if (excluded.length > 0 && covered(soc, excluded)) continue;
      const remote = socPlace >> 14 === remoteCode;
      // A remote job's distance only breaks ties, so it is worked out only when needed.
      let km = remote ? -1 : haversineKm(lat, lon, d[o + F_LAT] as number, d[o + F_LON] as number);
      if (!remote && km > maxKm) continue;
      passed++;
      const slot = d[o + F_SLOT] as number;
      const width = hMax - hMin;
      const pattern = d[o + F_PATTERN] as number;
      const vDays = pattern & 0x7f;
      const vShifts = (pattern >> 7) & 0x7;
      let adjustments = 1;
      if (adjNeeded.length > 0) {
        const offered = index.adjustments[slot] as readonly string[];
        let cached = adjScore.get(offered);
        if (cached === undefined) {
          cached = adjNeeded.filter((a) => offered.includes(a)).length / adjNeeded.length;
          adjScore.set(offered, cached);
        }
        adjustments = cached;
      }
      let growth = 0;
      if (area.length > 0) {
        const sectors = index.growth[slot] as readonly string[];
        let cached = growthScore.get(sectors);
        if (cached === undefined) {
          cached = area.some((a) => sectors.includes(a)) ? 1 : 0;
          growthScore.set(sectors, cached);
        }
        growth = cached;
      }
      // The same parts, weights and order of addition as `scoreParts` and `weightedScore`.
      const total =
        (wanted.length === 0 ? 0.5 : covered(soc, wanted) ? 1 : 0) * w.occupation +
        (width === 0 ? 1 : overlap / width) * w.hours +
        (vDays === 0 ? 1 : popcount(vDays & pDays) / popcount(vDays)) *
          (pShifts === 0 || vShifts === 0 ? 1 : popcount(vShifts & pShifts) / popcount(vShifts)) *
          w.pattern +
        (remote || maxKm === 0 ? 1 : 1 - km / maxKm) * w.distance +
        (floor === 0 ? 1 : Math.min(1, (pay - floor) / headroom)) * w.pay +
        (flexNeeded === 0 ? 1 : popcount(pFlex & ((pattern >> 10) & 0x7f)) / flexNeeded) * w.flexibility +
        adjustments * w.adjustments +
        growth * w.growth;
      const score = Math.round(total * 10) / 10;
      if (top.full && score < top.worstScore) continue;
      if (km < 0) km = haversineKm(lat, lon, d[o + F_LAT] as number, d[o + F_LON] as number);
      top.offer(slot, score, Math.round(km * 10) / 10);
    }
  }

  const matches: Match[] = [];
  for (let n = 0; n < top.size; n++) matches.push(matchOne(person, index.vacancyAt(top.slot[n] as number), parameters) as Match);
  matches.sort(compareMatches);
  return { matches, considered, passed };
}

const PAGE = 10_000;

/**
 * Every tenant's index, built from the database at start and kept current: each vacancy write sends
 * a NOTIFY that every app process hears (PGlite in process; PostgreSQL over a listening connection
 * of its own), and a dropped connection makes it rebuild, since notifications sent meanwhile are lost.
 */
export function createMatchingIndex(deps: { db: Database }) {
  const { db } = deps;
  const tenants = new Map<string, TenantIndex>();
  let unlisten: (() => Promise<void>) | null = null;
  let pending = Promise.resolve();

  async function loadTenant(tx: Tx, onProgress?: (rows: number) => void): Promise<TenantIndex> {
    const index = new TenantIndex();
    let after: string | null = null;
    for (;;) {
      const rows: IndexRow[] = await openVacancyPage(tx, after, PAGE);
      for (const row of rows) index.upsert(row);
      onProgress?.(rows.length);
      if (rows.length < PAGE) break;
      after = rows[rows.length - 1]?.id ?? null;
    }
    return index;
  }

  async function rebuild(onProgress?: (rows: number) => void): Promise<void> {
    await db.eachTenant(async (tx, tenant) => {
      tenants.set(tenant.id, await loadTenant(tx, onProgress));
    });
  }

  async function apply(payload: string | null): Promise<void> {
    if (payload === null) return rebuild();
    const [tenantId, vacancyId] = payload.split(':');
    if (!tenantId || !vacancyId) return;
    if (vacancyId === '*') {
      tenants.set(tenantId, await db.inTenant(tenantId, (tx) => loadTenant(tx)));
      return;
    }
    const row = await db.inTenant(tenantId, (tx) => indexRowOf(tx, vacancyId));
    let index = tenants.get(tenantId);
    if (!index) {
      index = new TenantIndex();
      tenants.set(tenantId, index);
    }
    if (row) index.upsert(row);
    else index.remove(vacancyId);
  }

  let started: Promise<void> | null = null;
  /** Builds every tenant's index, then listens for changes; once per process. */
  function start(onProgress?: (rows: number) => void): Promise<void> {
    started ??= (async () => {
      unlisten = await db.listen(VACANCY_CHANNEL, (payload) => {
        // One change at a time, in the order heard; a failure leaves the index to the next rebuild.
        pending = pending.then(() => apply(payload)).catch(() => {});
      });
      await rebuild(onProgress);
    })();
    return started;
  }

  return {
    start,
    /** The index built and every change heard so far applied: what a read waits for. */
    async ready(): Promise<void> {
      await start();
      await pending;
    },
    async stop(): Promise<void> {
      await unlisten?.();
      unlisten = null;
      started = null;
    },
    /**
     * This process's own write, applied without waiting for its NOTIFY to come back (which on
     * PostgreSQL arrives a moment later over another connection): a read after one's own write sees it.
     */
    refresh(tenantId: string, vacancyId: string): Promise<void> {
      if (!started) return Promise.resolve();
      pending = pending.then(() => apply(`${tenantId}:${vacancyId}`)).catch(() => {});
      return pending;
    },
    rebuild,
    /** Loads rows straight in (the bench, without a database). */
    load(tenantId: string, rows: Iterable<IndexRow>): void {
      const index = tenants.get(tenantId) ?? new TenantIndex();
      for (const row of rows) index.upsert(row);
      tenants.set(tenantId, index);
    },
    /** Takes vacancies straight out (tests and the bench, without a database). */
    unload(tenantId: string, vacancyIds: Iterable<string>): void {
      const index = tenants.get(tenantId);
      if (index) for (const id of vacancyIds) index.remove(id);
    },
    size: (tenantId: string): number => tenants.get(tenantId)?.size ?? 0,
    has: (tenantId: string, vacancyId: string): boolean => tenants.get(tenantId)?.slotOf.has(vacancyId) ?? false,
    rank(tenantId: string, person: MatchPerson, parameters: MatchParameters, today: string, limit = 20): RankResult {
      const index = tenants.get(tenantId);
      if (!index) return { matches: [], considered: 0, passed: 0 };
      return rankIn(index, person, parameters, today, limit);
    },
  };
}

export type MatchingIndex = ReturnType<typeof createMatchingIndex>;
