import type { Issue } from '../../../platform/errors/index.ts';
import { type Field, type FieldValues, input, radios } from '../../../platform/http/form-fields.ts';
import type { Translate } from '../../../platform/i18n/index.ts';
import { NATIONS, type Need, WORK_STATUSES } from '../access-to-work.ts';

/** The assessment as a question page: where, how long, their work, and each need's inputs. */
export function assessmentFields(values: FieldValues, t: Translate): Field[] {
  const s = { values };
  const money = (name: string, label: string) => input(s, name, t(label), { width: 5, numeric: true, prefix: '£' });
  const number = (name: string, label: string) => input(s, name, t(label), { width: 4, numeric: true });
  return [
    radios(
      s,
      'nation',
      t('atw.assess.nation'),
      NATIONS.map((n) => ({ value: n, text: t(`atw.nation.${n}`) })),
      { hint: t('atw.assess.nationHint') },
    ),
    number('conditionExpectedMonths', 'atw.assess.months'),
    radios(
      s,
      'status',
      t('atw.assess.status'),
      WORK_STATUSES.map((w) => ({ value: w, text: t(`atw.workStatus.${w}`) })),
    ),
    number('hoursPerWeek', 'atw.assess.hours'),
    radios(
      s,
      'claimsUniversalCredit',
      t('atw.assess.uc'),
      [
        { value: 'yes', text: t('atw.yes') },
        { value: 'no', text: t('atw.no') },
      ],
      { inline: true },
    ),
    number('employerSize', 'atw.assess.size'),
    number('weeksInJob', 'atw.assess.weeks'),
    money('equipment', 'atw.assess.equipment'),
    money('adaptation', 'atw.assess.adaptation'),
    number('supportHours', 'atw.assess.supportHours'),
    money('supportRate', 'atw.assess.supportRate'),
    money('travelWeekly', 'atw.assess.travelWeekly'),
    money('commuteWeekly', 'atw.assess.commuteWeekly'),
    number('interviewHours', 'atw.assess.interviewHours'),
    money('interviewRate', 'atw.assess.interviewRate'),
    radios(
      s,
      'mhss',
      t('atw.assess.mhss'),
      [
        { value: 'yes', text: t('atw.assess.mhssYes') },
        { value: 'no', text: t('atw.no') },
      ],
      { inline: true },
    ),
  ];
}

const NUMBER = /^-?\d+(\.\d{1,2})?$/;

/**
 * The typed form as the service's request, or the issues (message keys) that stop it. Blank means
 * "not given"; a need counts when any of its boxes is filled, and then all of them must be.
 */
export function parseAssessmentForm(body: Record<string, unknown>): { request: unknown } | { issues: Issue[] } {
  const issues: Issue[] = [];
  const text = (name: string) => (typeof body[name] === 'string' ? (body[name] as string).trim().replace(/^£/, '').replace(/,/g, '') : '');
  const num = (name: string, key: string, opts: { integer?: boolean; required?: boolean } = {}): number | undefined => {
    const v = text(name);
    if (v === '') {
      if (opts.required) issues.push({ path: name, message: key });
      return undefined;
    }
    if (!NUMBER.test(v) || (opts.integer && !/^-?\d+$/.test(v))) {
      issues.push({ path: name, message: key });
      return undefined;
    }
    return Number(v);
  };
  const nation = text('nation');
  if (!(NATIONS as readonly string[]).includes(nation)) issues.push({ path: 'nation', message: 'atw.error.nation' });
  const months = num('conditionExpectedMonths', 'atw.error.months', { required: true });
  const status = text('status');
  if (!(WORK_STATUSES as readonly string[]).includes(status)) issues.push({ path: 'status', message: 'atw.error.status' });
  const hours = num('hoursPerWeek', 'atw.error.hours');
  const uc = text('claimsUniversalCredit');
  if (uc !== 'yes' && uc !== 'no') issues.push({ path: 'claimsUniversalCredit', message: 'atw.error.uc' });
  const size = num('employerSize', 'atw.error.size', { integer: true });
  const weeks = num('weeksInJob', 'atw.error.weeks', { integer: true });

  const needs: Need[] = [];
  const pair = (a: string, aKey: string, b: string, make: (x: number, y: number) => Need) => {
    if (text(a) === '' && text(b) === '') return;
    const x = num(a, aKey, { required: true });
    const y = num(b, 'atw.error.money', { required: true });
    if (x !== undefined && y !== undefined) needs.push(make(x, y));
  };
  const single = (name: string, make: (x: number) => Need) => {
    if (text(name) === '') return;
    const x = num(name, 'atw.error.money');
    if (x !== undefined) needs.push(make(x));
  };
  single('equipment', (cost) => ({ category: 'equipment', cost }));
  single('adaptation', (cost) => ({ category: 'adaptation', cost }));
  pair('supportHours', 'atw.error.hours', 'supportRate', (hoursPerWeek, hourlyRate) => ({ category: 'support-worker', hoursPerWeek, hourlyRate }));
  pair('travelWeekly', 'atw.error.money', 'commuteWeekly', (weeklyCost, normalWeeklyCommuteCost) => ({
    category: 'travel',
    weeklyCost,
    normalWeeklyCommuteCost,
  }));
  pair('interviewHours', 'atw.error.hours', 'interviewRate', (h, hourlyRate) => ({ category: 'interview-communication', hours: h, hourlyRate }));
  if (text('mhss') === 'yes') needs.push({ category: 'mental-health-support' });
  if (needs.length === 0 && issues.length === 0) issues.push({ path: 'equipment', message: 'atw.error.needs' });

  // The rules' own cross-checks, said in the form's words.
  if (uc === 'yes' && status !== 'seeking' && status !== 'voluntary' && hours === undefined && !issues.some((i) => i.path === 'hoursPerWeek'))
    issues.push({ path: 'hoursPerWeek', message: 'atw.error.ucHours' });
  if (status === 'employed' && weeks === undefined && !issues.some((i) => i.path === 'weeksInJob'))
    issues.push({ path: 'weeksInJob', message: 'atw.error.employedWeeks' });
  if (status === 'employed' && weeks !== undefined && weeks < 0) issues.push({ path: 'weeksInJob', message: 'atw.error.weeks' });
  if (
    status === 'employed' &&
    size === undefined &&
    needs.some((n) => n.category === 'equipment' || n.category === 'adaptation') &&
    !issues.some((i) => i.path === 'employerSize')
  )
    issues.push({ path: 'employerSize', message: 'atw.error.employedSize' });
  if (issues.length) return { issues };
  const work: Record<string, unknown> = { status, claimsUniversalCredit: uc === 'yes' };
  if (hours !== undefined) work.hoursPerWeek = hours;
  if (size !== undefined) work.employerSize = size;
  if (weeks !== undefined) work.weeksInJob = weeks;
  return { request: { person: { nation, conditionExpectedMonths: months, work }, needs } };
}
