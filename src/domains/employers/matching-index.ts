import type { Database, Tx } from '../../platform/db/index.ts';
import { type IndexRow, indexRowOf, openVacancyPage, VACANCY_CHANNEL } from './employer-repo.ts';
import { DAYS, FLEXIBLE_OPTIONS, type Match, type MatchParameters, type MatchPerson, type MatchVacancy, SHIFTS, WORKPLACES } from './matching.ts';
import { haversineKm, matchOne } from './matching-rules.ts';

/*
 * The in-memory matching index (ADR 0028). Each tenant's open vacancies are held column by column
 * in typed arrays, with a grid of 0.1° cells for place and a list of remote vacancies. Ranking a
 * person reads only the cells within their travel limit plus the remote list, checks the hard
 * limits on the columns, scores the survivors with the same arithmetic as `scoreParts`, keeps the
 * best few in a heap, and asks the pure matcher (`matchOne`) for those few's reasons. A test holds
 * the index's order to the pure matcher's on random data.
 */

const CELL = 0.1;
const KM_PER_DEGREE = 111.2;
const bits = <T extends string>(all: readonly T[], values: readonly T[]): number => values.reduce((m, v) => m | (1 << all.indexOf(v)), 0);
const popcount = (n: number): number => {
  let x = n - ((n >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
};
const dayNumber = (isoDate: string): number => Number(isoDate.slice(0, 4)) * 10_000 + Number(isoDate.slice(5, 7)) * 100 + Number(isoDate.slice(8, 10));
const cellKey = (latCell: number, lonCell: number): number => (latCell + 1000) * 4000 + (lonCell + 2000);

/** One tenant's open vacancies, column by column. Slots are reused after removal. */
class TenantIndex {
  capacity = 0;
  size = 0;
  ids: (string | null)[] = [];
  slotOf = new Map<string, number>();
  free: number[] = [];
  lat = new Float64Array(0);
  lon = new Float64Array(0);
  hoursMin = new Float64Array(0);
  hoursMax = new Float64Array(0);
  pay = new Float64Array(0);
  soc = new Uint16Array(0);
  workplace = new Uint8Array(0);
  days = new Uint8Array(0);
  shifts = new Uint8Array(0);
  flex = new Uint8Array(0);
  closing = new Int32Array(0);
  /** Adjustments offered: one shared frozen list per distinct set, to keep memory down. */
  adjustments: (readonly string[])[] = [];
  /** The employer's growth sectors: shared frozen lists as for adjustments. */
  growth: (readonly string[])[] = [];
  cellOf = new Int32Array(0);
  cells = new Map<number, number[]>();
  remote = new Set<number>();
  private listSets = new Map<string, readonly string[]>();

  private grow(min: number): void {
    const capacity = Math.max(min, Math.ceil(this.capacity * 1.5), 1024);
    const copy = <A extends Float64Array | Uint16Array | Uint8Array | Int32Array>(a: A, make: (n: number) => A): A => {
      const b = make(capacity);
      b.set(a);
      return b;
    };
    this.lat = copy(this.lat, (n) => new Float64Array(n));
    this.lon = copy(this.lon, (n) => new Float64Array(n));
    this.hoursMin = copy(this.hoursMin, (n) => new Float64Array(n));
    this.hoursMax = copy(this.hoursMax, (n) => new Float64Array(n));
    this.pay = copy(this.pay, (n) => new Float64Array(n));
    this.soc = copy(this.soc, (n) => new Uint16Array(n));
    this.workplace = copy(this.workplace, (n) => new Uint8Array(n));
    this.days = copy(this.days, (n) => new Uint8Array(n));
    this.shifts = copy(this.shifts, (n) => new Uint8Array(n));
    this.flex = copy(this.flex, (n) => new Uint8Array(n));
    this.closing = copy(this.closing, (n) => new Int32Array(n));
    this.cellOf = copy(this.cellOf, (n) => new Int32Array(n));
    this.capacity = capacity;
  }

  /** One frozen list per distinct set of strings, to keep memory down. */
  private shared(items: readonly string[]): readonly string[] {
    const key = items.join(',');
    let set = this.listSets.get(key);
    if (!set) {
      set = Object.freeze([...items]);
      this.listSets.set(key, set);
    }
    return set;
  }

  upsert(row: IndexRow): void {
    this.remove(row.id);
    let slot = this.free.pop();
    if (slot === undefined) {
      slot = this.ids.length;
      if (slot >= this.capacity) this.grow(slot + 1);
      this.ids.push(null);
      this.adjustments.push([]);
      this.growth.push([]);
    }
    this.ids[slot] = row.id;
    this.slotOf.set(row.id, slot);
    this.lat[slot] = row.lat;
    this.lon[slot] = row.lon;
    this.hoursMin[slot] = Number(row.hours_min);
    this.hoursMax[slot] = Number(row.hours_max);
    this.pay[slot] = Number(row.pay_hourly);
    this.soc[slot] = Number(row.soc);
    this.workplace[slot] = WORKPLACES.indexOf(row.workplace);
    this.days[slot] = bits(DAYS, row.days);
    this.shifts[slot] = bits(SHIFTS, row.shifts);
    this.flex[slot] = bits(FLEXIBLE_OPTIONS, row.flexible_options);
    this.closing[slot] = dayNumber(row.closing_date);
    const set = this.shared(row.adjustments_offered);
    this.adjustments[slot] = set;
    this.growth[slot] = this.shared(row.growth_sectors ?? []);
    if (row.workplace === 'remote') {
      this.remote.add(slot);
      this.cellOf[slot] = -1;
    } else {
      const cell = cellKey(Math.floor(row.lat / CELL), Math.floor(row.lon / CELL));
      this.cellOf[slot] = cell;
      const list = this.cells.get(cell);
      if (list) list.push(slot);
      else this.cells.set(cell, [slot]);
    }
    this.size++;
  }

  remove(id: string): void {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return;
    this.slotOf.delete(id);
    this.ids[slot] = null;
    if (this.cellOf[slot] === -1) this.remote.delete(slot);
    else {
      const list = this.cells.get(this.cellOf[slot] ?? 0);
      if (list) {
        const at = list.indexOf(slot);
        if (at >= 0) {
          list[at] = list[list.length - 1] as number;
          list.pop();
        }
      }
    }
    this.free.push(slot);
    this.size--;
  }

  /** The vacancy in a slot, as the pure matcher takes it. */
  vacancyAt(slot: number): MatchVacancy {
    const pick = <T>(all: readonly T[], mask: number) => all.filter((_, i) => (mask & (1 << i)) !== 0);
    return {
      id: this.ids[slot] as string,
      soc: String(this.soc[slot]).padStart(4, '0'),
      hoursPerWeek: { min: this.hoursMin[slot] as number, max: this.hoursMax[slot] as number },
      days: pick(DAYS, this.days[slot] as number),
      shifts: pick(SHIFTS, this.shifts[slot] as number),
      location: { lat: this.lat[slot] as number, lon: this.lon[slot] as number },
      workplace: WORKPLACES[this.workplace[slot] as number] ?? 'on-site',
      payHourly: this.pay[slot] as number,
      flexibleOptions: pick(FLEXIBLE_OPTIONS, this.flex[slot] as number),
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

type Candidate = { slot: number; score: number; km: number };
/** Worse first, so the heap's top is the one to drop: lower score, then farther, then later id. */
const worse = (ids: (string | null)[], a: Candidate, b: Candidate): boolean =>
  a.score !== b.score ? a.score < b.score : a.km !== b.km ? a.km > b.km : (ids[a.slot] as string) > (ids[b.slot] as string);

/** A bounded heap keeping the best `limit` candidates. */
function keepBest(ids: (string | null)[], heap: Candidate[], c: Candidate, limit: number): void {
  if (heap.length < limit) {
    heap.push(c);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!worse(ids, heap[i] as Candidate, heap[parent] as Candidate)) break;
      [heap[i], heap[parent]] = [heap[parent] as Candidate, heap[i] as Candidate];
      i = parent;
    }
    return;
  }
  if (!worse(ids, heap[0] as Candidate, c)) return;
  heap[0] = c;
  let i = 0;
  for (;;) {
    const l = 2 * i + 1;
    const r = l + 1;
    let m = i;
    if (l < heap.length && worse(ids, heap[l] as Candidate, heap[m] as Candidate)) m = l;
    if (r < heap.length && worse(ids, heap[r] as Candidate, heap[m] as Candidate)) m = r;
    if (m === i) break;
    [heap[i], heap[m]] = [heap[m] as Candidate, heap[i] as Candidate];
    i = m;
  }
}

export type RankResult = { matches: Match[]; considered: number; passed: number };

/**
 * Ranks one tenant's open vacancies for a person: the best `limit` matches, each with the pure
 * matcher's reasons. `today` (YYYY-MM-DD) leaves out vacancies past their closing date that the
 * expiry job has not reached yet.
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
  const pDays = bits(DAYS, person.availableDays);
  const pShifts = bits(SHIFTS, person.availableShifts ?? []);
  const pFlex = bits(FLEXIBLE_OPTIONS, person.flexibilityNeeded);
  const flexNeeded = popcount(pFlex);
  const adjNeeded = person.adjustmentsNeeded;
  const todayNumber = dayNumber(today);
  const headroom = floor * parameters.payHeadroom;
  const heap: Candidate[] = [];
  let considered = 0;
  let passed = 0;
  const adjScore = new Map<readonly string[], number>();
  const area = parameters.areaGrowthSectors ?? [];
  const growthScore = new Map<readonly string[], number>();

  const consider = (slot: number, remote: boolean) => {
    considered++;
    const hMin = index.hoursMin[slot] as number;
    const hMax = index.hoursMax[slot] as number;
    const overlap = Math.min(pMax, hMax) - Math.max(pMin, hMin);
    if (overlap < 0) return;
    const pay = index.pay[slot] as number;
    if (pay < floor) return;
    if ((index.closing[slot] as number) < todayNumber) return;
    const soc = index.soc[slot] as number;
    if (excluded.length > 0 && covered(soc, excluded)) return;
    const km = haversineKm(lat, lon, index.lat[slot] as number, index.lon[slot] as number);
    if (!remote && km > maxKm) return;
    passed++;
    const width = hMax - hMin;
    const vDays = index.days[slot] as number;
    const vShifts = index.shifts[slot] as number;
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
    const total =
      (wanted.length === 0 ? 0.5 : covered(soc, wanted) ? 1 : 0) * w.occupation +
      (width === 0 ? 1 : overlap / width) * w.hours +
      (vDays === 0 ? 1 : popcount(vDays & pDays) / popcount(vDays)) *
        (pShifts === 0 || vShifts === 0 ? 1 : popcount(vShifts & pShifts) / popcount(vShifts)) *
        w.pattern +
      (remote || maxKm === 0 ? 1 : 1 - km / maxKm) * w.distance +
      (floor === 0 ? 1 : Math.min(1, (pay - floor) / headroom)) * w.pay +
      (flexNeeded === 0 ? 1 : popcount(pFlex & (index.flex[slot] as number)) / flexNeeded) * w.flexibility +
      adjustments * w.adjustments +
      growth * w.growth;
    keepBest(index.ids, heap, { slot, score: Math.round(total * 10) / 10, km: Math.round(km * 10) / 10 }, limit);
  };

  // The cells that can hold a place within the travel limit: a box around the person.
  const dLat = maxKm / KM_PER_DEGREE + CELL;
  const dLon = maxKm / (KM_PER_DEGREE * Math.max(0.01, Math.cos(((Math.abs(lat) + dLat) * Math.PI) / 180))) + CELL;
  const lat0 = Math.floor((lat - dLat) / CELL);
  const lat1 = Math.floor((lat + dLat) / CELL);
  const lon0 = Math.floor((lon - dLon) / CELL);
  const lon1 = Math.floor((lon + dLon) / CELL);
  for (let a = lat0; a <= lat1; a++) {
    for (let b = lon0; b <= lon1; b++) {
      const list = index.cells.get(cellKey(a, b));
      if (list) for (const slot of list) consider(slot, false);
    }
  }
  for (const slot of index.remote) consider(slot, true);

  const matches = heap.map((c) => matchOne(person, index.vacancyAt(c.slot), parameters) as Match);
  matches.sort((a, b) => b.score - a.score || a.distanceKm - b.distanceKm || (a.vacancyId < b.vacancyId ? -1 : 1));
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
