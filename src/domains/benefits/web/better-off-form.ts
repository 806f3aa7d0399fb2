import type { Issue } from '../../../platform/errors/index.ts';
import { dateParts } from '../../../platform/http/form-fields.ts';
import type { AwardBenefit } from '../guarantee.ts';
import type { HouseholdInput } from '../universal-credit-schemas.ts';

/**
 * The better-off-in-work form, read from a posted body: either what the calculation takes, or the
 * issues to show beside the fields; in both cases what was typed, to show again. Nothing a person
 * can post makes this throw: junk is an issue on the field it was typed into.
 */
export type Body = Record<string, unknown>;
export type Shown = Record<string, string>;

export type BetterOffRequest = {
  /** The day whose rates are used (yyyy-mm-dd). */
  date: string;
  hourlyPay: number;
  hours: number;
  age: number;
  partner: { age: number; netEarningsMonthly: number } | null;
  /** LCWRA: since when, and whether they are terminally ill or meet the severe conditions criteria. */
  lcwra: { since: string | null; protected: boolean } | null;
  lcw: boolean;
  /** Whether the person gets ESA now: optional, null when not answered. It changes no figure, only whether the ESA section shows. */
  esa: boolean | null;
  children: { count: number; eldestBirthDate: string } | null;
  rentMonthly: number | null;
  /** The household's yearly council tax bill, for Council Tax Support; null when not given. */
  councilTaxYearly: number | null;
  childcareMonthly: number | null;
  savings: number | null;
  otherIncomeMonthly: number | null;
};

export type FormResult = { ok: true; value: BetterOffRequest; shown: Shown } | { ok: false; issues: Issue[]; shown: Shown };

/** The fields the form posts, and nothing else: anything else in a body is ignored. */
export const TEXT_FIELDS = [
  'hourlyPay',
  'hours',
  'age',
  'partner',
  'partnerAge',
  'partnerEarnings',
  'lcwra',
  'lcwraProtected',
  'lcw',
  'esa',
  'children',
  'childCount',
  'rent',
  'councilTax',
  'childcare',
  'savings',
  'otherIncome',
] as const;
export const DATE_FIELDS = ['date', 'lcwraSince', 'eldestBirthDate'] as const;
const DATE_PARTS = ['day', 'month', 'year'] as const;

export const LIMITS = {
  maxHours: 40,
  minAge: 16,
  /** Universal Credit is for people under State Pension age (the calculation refuses older). */
  maxAge: 65,
  maxHourlyPay: 1000,
  maxMonthly: 100_000,
  maxSavings: 10_000_000,
  /** A yearly council tax bill: Band H in the dearest areas is under £7,000. */
  maxCouncilTaxYearly: 20_000,
  maxChildren: 12,
  /** The oldest a child can be and still count in Universal Credit is 19. */
  maxChildAgeYears: 20,
} as const;

const text = (v: unknown): string => (typeof v === 'string' ? v : '');

/** Everything a person typed, as strings: a field posted twice, or not as text, shows as empty. */
export function shownOf(body: Body): Shown {
  const shown: Shown = {};
  for (const f of TEXT_FIELDS) shown[f] = text(body[f]);
  for (const f of DATE_FIELDS) for (const p of DATE_PARTS) shown[`${f}-${p}`] = text(body[`${f}-${p}`]);
  return shown;
}

const MONEY = /^£?\s?(\d{1,3}(,\d{3})+|\d+)(\.\d{1,2})?$/;
const NUMBER = /^\d+(\.\d{1,2})?$/;

/** Pounds as typed (£1,200.50, 12.7): a number, or null when it is not money. */
export function parseMoney(raw: string): number | null {
  const v = raw.trim();
  if (!MONEY.test(v)) return null;
  const n = Number(v.replace(/[£,\s]/g, ''));
  return Number.isFinite(n) ? n : null;
}

/** A real calendar date from three boxes: `empty`, `invalid` (not three numbers, or no such day), or the ISO date. */
export function dateFrom(shown: Shown, name: string): ReturnType<typeof dateParts> {
  const typed = dateParts(shown, name);
  if (typed.kind !== 'date') return typed;
  const [year, month, day] = typed.iso.split('-').map(Number) as [number, number, number];
  const at = new Date(Date.UTC(year, month - 1, day));
  if (at.getUTCFullYear() !== year || at.getUTCMonth() !== month - 1 || at.getUTCDate() !== day) return { kind: 'invalid' };
  return typed;
}

/** The date `years` years after an ISO date (29 February falls back to 28 February). */
export function addYears(iso: string, years: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const at = new Date(Date.UTC(y + years, m - 1, d));
  if (at.getUTCDate() !== d) at.setUTCDate(0);
  return at.toISOString().slice(0, 10);
}

/** Whole years between a date of birth and a day. */
export function ageOn(birthDate: string, day: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/**
 * Reads the form. `today` is the default calculation date (the participant's page has no date
 * field and always uses it); `ratesFrom` and `ratesUntil` bound the dates the rates cover.
 */
export function readBetterOff(raw: unknown, options: { today: string; ratesFrom: string; ratesUntil: string; dateField: boolean }): FormResult {
  const body: Body = typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Body) : {};
  const shown = shownOf(body);
  const issues: Issue[] = [];
  const issue = (path: string, key: string) => issues.push({ path, message: `betterOff.error.${key}` });

  // The calculation date first: other dates are checked against it.
  let date = options.today;
  if (options.dateField) {
    const d = dateFrom(shown, 'date');
    if (d.kind === 'empty') issue('date', 'dateMissing');
    else if (d.kind === 'invalid') issue('date', 'date');
    else if (d.iso < options.ratesFrom || d.iso > options.ratesUntil) issue('date', 'dateRange');
    else date = d.iso;
  }

  const money = (name: string, key: string, o: { required?: boolean; max?: number; positive?: boolean } = {}): number | null => {
    const v = (shown[name] ?? '').trim();
    if (v === '') {
      if (o.required) issue(name, `${key}Missing`);
      return null;
    }
    const n = parseMoney(v);
    if (n === null || (o.positive && n <= 0)) {
      issue(name, key);
      return null;
    }
    if (n > (o.max ?? LIMITS.maxMonthly)) {
      issue(name, `${key}TooHigh`);
      return null;
    }
    return n;
  };
  const whole = (name: string, key: string, min: number, max: number): number | null => {
    const v = (shown[name] ?? '').trim();
    if (v === '') {
      issue(name, `${key}Missing`);
      return null;
    }
    if (!/^\d{1,3}$/.test(v) || Number(v) < min || Number(v) > max) {
      issue(name, key);
      return null;
    }
    return Number(v);
  };
  const yesNo = (name: string, key: string): boolean | null => {
    const v = shown[name];
    if (v === 'yes') return true;
    if (v === 'no') return false;
    issue(name, key);
    return null;
  };

  const hourlyPay = money('hourlyPay', 'hourlyPay', { required: true, positive: true, max: LIMITS.maxHourlyPay });
  let hours: number | null = null;
  const hoursText = (shown.hours ?? '').trim();
  if (hoursText === '') issue('hours', 'hoursMissing');
  else if (!NUMBER.test(hoursText) || Number(hoursText) > LIMITS.maxHours) issue('hours', 'hours');
  else hours = Number(hoursText);
  const age = whole('age', 'age', LIMITS.minAge, LIMITS.maxAge);

  let partner: BetterOffRequest['partner'] = null;
  const hasPartner = yesNo('partner', 'partner');
  if (hasPartner) {
    const partnerAge = whole('partnerAge', 'partnerAge', LIMITS.minAge, LIMITS.maxAge);
    const earnings = money('partnerEarnings', 'partnerEarnings');
    if (partnerAge !== null) partner = { age: partnerAge, netEarningsMonthly: earnings ?? 0 };
  }

  let lcwra: BetterOffRequest['lcwra'] = null;
  let lcw = false;
  const hasLcwra = yesNo('lcwra', 'lcwra');
  if (hasLcwra) {
    const isProtected = shown.lcwraProtected === 'yes';
    const since = dateFrom(shown, 'lcwraSince');
    if (since.kind === 'empty') {
      if (isProtected) lcwra = { since: null, protected: true };
      else issue('lcwraSince', 'lcwraSinceMissing');
    } else if (since.kind === 'invalid') issue('lcwraSince', 'lcwraSince');
    else if (since.iso > date) issue('lcwraSince', 'lcwraSinceFuture');
    else if (since.iso < '1990-01-01') issue('lcwraSince', 'lcwraSince');
    else lcwra = { since: since.iso, protected: isProtected };
  } else if (hasLcwra === false) {
    lcw = yesNo('lcw', 'lcw') === true;
  }
  // Optional: anything but yes or no (nothing ticked) is not answered.
  const esa = shown.esa === 'yes' ? true : shown.esa === 'no' ? false : null;

  let children: BetterOffRequest['children'] = null;
  const hasChildren = yesNo('children', 'children');
  if (hasChildren) {
    const count = whole('childCount', 'childCount', 1, LIMITS.maxChildren);
    const eldest = dateFrom(shown, 'eldestBirthDate');
    if (eldest.kind === 'empty') issue('eldestBirthDate', 'eldestMissing');
    else if (eldest.kind === 'invalid') issue('eldestBirthDate', 'eldest');
    else if (eldest.iso > date) issue('eldestBirthDate', 'eldestFuture');
    else if (ageOn(eldest.iso, date) >= LIMITS.maxChildAgeYears) issue('eldestBirthDate', 'eldestTooOld');
    else if (count !== null) children = { count, eldestBirthDate: eldest.iso };
  }

  const rentMonthly = money('rent', 'rent');
  const councilTaxYearly = money('councilTax', 'councilTax', { max: LIMITS.maxCouncilTaxYearly });
  const childcareMonthly = hasChildren ? money('childcare', 'childcare') : null;
  const savings = money('savings', 'savings', { max: LIMITS.maxSavings });
  const otherIncomeMonthly = money('otherIncome', 'otherIncome');

  if (issues.length > 0 || hourlyPay === null || hours === null || age === null) return { ok: false, issues: inPageOrder(issues), shown };
  return {
    ok: true,
    shown,
    value: { date, hourlyPay, hours, age, partner, lcwra, lcw, esa, children, rentMonthly, councilTaxYearly, childcareMonthly, savings, otherIncomeMonthly },
  };
}

/** The fields in the order the page shows them: the error summary lists issues in that order. */
const PAGE_ORDER = [
  'hourlyPay',
  'hours',
  'age',
  'partner',
  'partnerAge',
  'partnerEarnings',
  'children',
  'childCount',
  'eldestBirthDate',
  'childcare',
  'lcwra',
  'lcwraSince',
  'lcw',
  'esa',
  'rent',
  'councilTax',
  'savings',
  'otherIncome',
  'date',
];
const orderOf = (path: string) => {
  const i = PAGE_ORDER.indexOf(path);
  return i === -1 ? PAGE_ORDER.length : i;
};
export const inPageOrder = (issues: readonly Issue[]): Issue[] => [...issues].sort((a, b) => orderOf(a.path) - orderOf(b.path));

/** The ids the error summary links to: a date's first box, a radio group's first button. */
export function issueHref(path: string): string {
  return (DATE_FIELDS as readonly string[]).includes(path) ? `#${path}-day` : `#${path}`;
}

/** The benefit before work recorded on a case (its latest award), as the form is filled in from it. */
export type KnownAward = { benefit: AwardBenefit; decisionDate: string };

/**
 * What the form shows first: the calculation date today, and what the case knows. A recorded
 * benefit before work answers the health questions: UC with LCWRA is LCWRA from the decision date,
 * UC with LCW is LCW (so not LCWRA), and either ESA is "gets ESA now". All can be changed.
 */
export function initialShown(
  today: string,
  known: { age?: number | null; hourlyPay?: number | null; hours?: number | null; award?: KnownAward | null },
): Shown {
  const shown = shownOf({});
  const [y, m, d] = today.split('-');
  shown['date-day'] = String(Number(d));
  shown['date-month'] = String(Number(m));
  shown['date-year'] = y ?? '';
  if (known.age !== null && known.age !== undefined) shown.age = String(known.age);
  if (known.hourlyPay !== null && known.hourlyPay !== undefined) shown.hourlyPay = known.hourlyPay.toFixed(2);
  if (known.hours !== null && known.hours !== undefined && known.hours <= LIMITS.maxHours) shown.hours = String(known.hours);
  const award = known.award;
  if (award?.benefit === 'uc-lcwra') {
    shown.lcwra = 'yes';
    const [ay, am, ad] = award.decisionDate.split('-');
    if (ay && am && ad && award.decisionDate <= today) {
      shown['lcwraSince-day'] = String(Number(ad));
      shown['lcwraSince-month'] = String(Number(am));
      shown['lcwraSince-year'] = ay;
    }
  } else if (award?.benefit === 'uc-lcw') {
    shown.lcwra = 'no';
    shown.lcw = 'yes';
  } else if (award?.benefit === 'esa-new-style' || award?.benefit === 'esa-income-related') {
    shown.esa = 'yes';
  }
  return shown;
}

/**
 * The household the calculation takes, from the answers. Only the eldest child's date of birth is
 * asked: from 6 April 2026 younger children's dates do not change the amount (the two-child limit
 * ended). For an earlier date, younger children are taken to be born on or after 6 April 2017 (or
 * with the eldest, if later), which is the cautious reading of the two-child limit.
 */
export function householdInputOf(v: BetterOffRequest, childrenBornBefore: string): HouseholdInput {
  const person = {
    age: v.age,
    lcwra: v.lcwra !== null,
    lcw: v.lcwra === null && v.lcw,
    lcwraProtected: v.lcwra?.protected ?? false,
    ...(v.lcwra?.since ? { lcwraSince: v.lcwra.since } : {}),
  };
  const children = v.children
    ? Array.from({ length: v.children.count }, (_, i) => {
        const eldest = v.children?.eldestBirthDate ?? '';
        return { birthDate: i === 0 || eldest > childrenBornBefore ? eldest : childrenBornBefore };
      })
    : [];
  return {
    date: v.date,
    adults: v.partner ? [person, { age: v.partner.age, netEarningsMonthly: v.partner.netEarningsMonthly }] : [person],
    children,
    ...(v.rentMonthly !== null && v.rentMonthly > 0 ? { housing: { eligibleRentMonthly: v.rentMonthly } } : {}),
    childcareMonthly: v.children ? (v.childcareMonthly ?? 0) : 0,
    capital: v.savings ?? 0,
    otherIncomeMonthly: v.otherIncomeMonthly ?? 0,
  };
}

/** Where the calculation's issue paths (adults.0.age) are on this form, and what to say there. */
const CALCULATION_FIELDS: readonly [RegExp, string, string][] = [
  [/^date$/, 'date', 'date'],
  [/^adults\.0\.age$/, 'age', 'age'],
  [/^adults\.1\.age$/, 'partnerAge', 'partnerAge'],
  [/^adults\.1\.netEarningsMonthly$/, 'partnerEarnings', 'partnerEarnings'],
  [/^adults\.0\.lcwraSince$/, 'lcwraSince', 'lcwraSince'],
  [/^children/, 'eldestBirthDate', 'eldest'],
  [/^housing/, 'rent', 'rent'],
  [/^childcareMonthly$/, 'childcare', 'childcare'],
  [/^capital$/, 'savings', 'savings'],
  [/^otherIncomeMonthly$/, 'otherIncome', 'otherIncome'],
  [/^hourlyPay$/, 'hourlyPay', 'hourlyPay'],
  [/^hours$/, 'hours', 'hours'],
];

/** The calculation's own refusals as issues on this form's fields (anything else on the first field). */
export function calculationIssues(issues: readonly Issue[]): Issue[] {
  return inPageOrder(
    issues.map((i) => {
      const found = CALCULATION_FIELDS.find(([re]) => re.test(i.path));
      return found ? { path: found[1], message: `betterOff.error.${found[2]}` } : { path: 'hourlyPay', message: 'betterOff.error.calculation' };
    }),
  );
}
