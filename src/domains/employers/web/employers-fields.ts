import { checkboxes, dateInput, type Field, type FieldValues, input, radios, select, textarea } from '../../../platform/http/form-fields.ts';
import type { Translate } from '../../../platform/i18n/index.ts';
import { DAYS, FLEXIBLE_OPTIONS, KNOWN_ADJUSTMENTS, SHIFTS, WORKPLACES } from '../matching.ts';
import { CONTRACT_TYPES, DISABILITY_CONFIDENT, type Employer, SHAREABLE_FIELDS, SIZE_BANDS, type WorkProfile } from '../vacancy.ts';
import { adjustmentLabel } from './employers-presenter.ts';

/*
 * The employers pages' questions as GOV.UK fields (src/platform/http/form-fields.ts). Names are the
 * services' input names, so a posted form goes to the service as it is, after its dates are joined.
 */

const choices = (t: Translate, prefix: string, values: readonly string[]) => values.map((value) => ({ value, text: t(`${prefix}.${value}`) }));
const TRAVEL_MODES = ['walk', 'cycle', 'bus', 'train', 'car'] as const;

export function employerFields(values: FieldValues, t: Translate, growth: readonly { code: string; name: string }[] = []): Field[] {
  const s = { values };
  return [
    input(s, 'name', t('employers.field.name')),
    input(s, 'sector', t('employers.field.sector'), { hint: t('employers.field.sectorHint') }),
    radios(s, 'sizeBand', t('employers.field.sizeBand'), choices(t, 'employers.size', SIZE_BANDS)),
    checkboxes(s, 'nhsBody', t('employers.field.nhsBody'), [{ value: 'yes', text: t('employers.field.nhsBodyYes') }]),
    ...(growth.length
      ? [
          checkboxes(
            s,
            'growthSectors',
            t('employers.field.growthSectors'),
            growth.map((g) => ({ value: g.code, text: g.name })),
          ),
        ]
      : []),
    radios(s, 'disabilityConfident', t('employers.field.disabilityConfident'), choices(t, 'employers.dc', DISABILITY_CONFIDENT)),
    radios(s, 'identifierKind', t('employers.field.identifierKind'), choices(t, 'employers.idKind', ['ods', 'companies-house', 'charity']), {
      hint: t('employers.field.identifierKindHint'),
    }),
    input(s, 'identifier', t('employers.field.identifier'), { width: 10 }),
    input(s, 'contactName', t('employers.field.contactName')),
    input(s, 'contactEmail', t('employers.field.contactEmail')),
    input(s, 'contactPhone', t('employers.field.contactPhone'), { width: 20 }),
    input(s, 'sitePostcode', t('employers.field.sitePostcode'), { width: 10 }),
  ];
}

export function contactFields(values: FieldValues, t: Translate): Field[] {
  const s = { values };
  return [
    radios(s, 'mode', t('employers.field.mode'), choices(t, 'employers.mode', ['in-person', 'phone', 'video', 'email'])),
    radios(s, 'purpose', t('employers.field.purpose'), choices(t, 'employers.purpose', ['job-development', 'introduction', 'in-work-support', 'other'])),
    textarea(s, 'note', t('employers.field.note'), { rows: 3 }),
  ];
}

const adjustmentChoices = (t: Translate, extra: readonly string[] = []) =>
  [...new Set([...KNOWN_ADJUSTMENTS, ...extra])].map((value) => ({ value, text: adjustmentLabel(t, value) }));

/** A vacancy; staff choose which employer it is for, an employer user posts its own. */
export function vacancyFields(values: FieldValues, t: Translate, employers: readonly Employer[] | null): Field[] {
  const s = { values };
  return [
    ...(employers
      ? [
          select(
            s,
            'employerId',
            t('employers.field.employerId'),
            employers.map((e) => ({ value: e.id, text: e.name })),
          ),
        ]
      : []),
    input(s, 'title', t('employers.field.title')),
    textarea(s, 'description', t('employers.field.description'), { rows: 5 }),
    input(s, 'soc', t('employers.field.soc'), { width: 4, numeric: true, hint: t('employers.field.socHint') }),
    input(s, 'hoursMin', t('employers.field.hoursMin'), { width: 3, numeric: true }),
    input(s, 'hoursMax', t('employers.field.hoursMax'), { width: 3, numeric: true }),
    checkboxes(s, 'days', t('employers.field.days'), choices(t, 'employers.day', DAYS), { hint: t('employers.field.daysHint') }),
    checkboxes(s, 'shifts', t('employers.field.shifts'), choices(t, 'employers.shift', SHIFTS)),
    input(s, 'patternNote', t('employers.field.patternNote')),
    radios(s, 'workplace', t('employers.field.workplace'), choices(t, 'employers.workplace', WORKPLACES)),
    checkboxes(s, 'flexibleOptions', t('employers.field.flexibleOptions'), choices(t, 'employers.flex', FLEXIBLE_OPTIONS)),
    checkboxes(s, 'adjustmentsOffered', t('employers.field.adjustmentsOffered'), adjustmentChoices(t)),
    input(s, 'payHourly', t('employers.field.payHourly'), { width: 5, numeric: true, prefix: '£' }),
    radios(s, 'contractType', t('employers.field.contractType'), choices(t, 'employers.contract', CONTRACT_TYPES)),
    input(s, 'postcode', t('employers.field.postcode'), { width: 10 }),
    dateInput(s, 'closingDate', t('employers.field.closingDate'), t, { hint: t('employers.field.dateHint') }),
  ];
}

/** The form's values from a stored profile (its own adjustments, not the passport's). */
export function profileValues(p: WorkProfile, ownAdjustments: readonly string[]): FieldValues {
  return {
    occupationsWanted: p.occupationsWanted.join(' '),
    occupationsExcluded: p.occupationsExcluded.join(' '),
    hoursMin: p.updatedAt ? p.hoursPerWeek.min : '',
    hoursMax: p.updatedAt ? p.hoursPerWeek.max : '',
    days: p.days,
    shifts: p.shifts,
    caringWindows: p.caringWindows,
    fluctuating: p.updatedAt ? (p.fluctuating ? 'yes' : 'no') : '',
    fluctuationNeeds: p.fluctuationNeeds,
    flexibilityNeeded: p.flexibilityNeeded,
    adjustmentsNeeded: [...ownAdjustments],
    postcode: p.postcode,
    maxTravelKm: p.updatedAt ? p.maxTravelKm : '',
    travelModes: p.travelModes,
    payFloorHourly: p.updatedAt ? p.payFloorHourly.toFixed(2) : '',
  };
}

/**
 * The work profile, for the specialist and for the person. `reader`: the person fills in their own
 * postcode, which their browser may offer (WCAG 1.3.5); a specialist's browser must not offer theirs.
 */
export function profileFields(values: FieldValues, t: Translate, fromPassport: boolean, reader: 'staff' | 'person' = 'staff'): Field[] {
  const s = { values };
  const own = Array.isArray(values.adjustmentsNeeded) ? (values.adjustmentsNeeded as string[]) : [];
  return [
    input(s, 'occupationsWanted', t('employers.field.occupationsWanted'), { hint: t('employers.field.socListHint') }),
    input(s, 'occupationsExcluded', t('employers.field.occupationsExcluded'), { hint: t('employers.field.socListHint') }),
    input(s, 'hoursMin', t('employers.field.profileHoursMin'), { width: 3, numeric: true }),
    input(s, 'hoursMax', t('employers.field.profileHoursMax'), { width: 3, numeric: true }),
    checkboxes(s, 'days', t('employers.field.availableDays'), choices(t, 'employers.day', DAYS)),
    checkboxes(s, 'shifts', t('employers.field.availableShifts'), choices(t, 'employers.shift', SHIFTS), { hint: t('employers.field.availableShiftsHint') }),
    textarea(s, 'caringWindows', t('employers.field.caringWindows'), { rows: 3 }),
    radios(
      s,
      'fluctuating',
      t('employers.field.fluctuating'),
      [
        { value: 'yes', text: t('employers.yes') },
        { value: 'no', text: t('employers.no') },
      ],
      { inline: true },
    ),
    textarea(s, 'fluctuationNeeds', t('employers.field.fluctuationNeeds'), { rows: 3 }),
    checkboxes(s, 'flexibilityNeeded', t('employers.field.flexibilityNeeded'), choices(t, 'employers.flex', FLEXIBLE_OPTIONS)),
    checkboxes(s, 'adjustmentsNeeded', t('employers.field.adjustmentsNeeded'), adjustmentChoices(t, own), {
      ...(fromPassport ? { hint: t('employers.work.passport') } : {}),
    }),
    input(s, 'postcode', t('employers.field.profilePostcode'), { width: 10, ...(reader === 'person' ? { autocomplete: 'postal-code' } : {}) }),
    input(s, 'maxTravelKm', t('employers.field.maxTravelKm'), { width: 4, numeric: true }),
    checkboxes(s, 'travelModes', t('employers.field.travelModes'), choices(t, 'employers.travel', TRAVEL_MODES)),
    input(s, 'payFloorHourly', t('employers.field.payFloorHourly'), { width: 5, numeric: true, prefix: '£' }),
  ];
}

export function introduceFields(values: FieldValues, t: Translate): Field[] {
  const s = { values };
  return [
    checkboxes(s, 'shared', t('employers.field.shared'), choices(t, 'employers.shared', SHAREABLE_FIELDS)),
    textarea(s, 'summary', t('employers.field.summary'), { rows: 3 }),
    checkboxes(s, 'personAgreed', t('employers.field.personAgreed'), [{ value: 'yes', text: t('employers.field.personAgreedYes') }]),
  ];
}

export const interviewFields = (values: FieldValues, t: Translate): Field[] => [
  dateInput({ values }, 'interviewDate', t('employers.field.interviewDate'), t, { hint: t('employers.field.dateHint'), heading: false }),
];

export const offerFields = (values: FieldValues, t: Translate): Field[] => [
  input({ values }, 'hoursPerWeek', t('employers.field.offerHours'), { width: 3, numeric: true }),
  input({ values }, 'payHourly', t('employers.field.offerPay'), { width: 5, numeric: true, prefix: '£' }),
  radios({ values }, 'contractType', t('employers.field.contractType'), choices(t, 'employers.contract', CONTRACT_TYPES)),
  dateInput({ values }, 'startDate', t('employers.field.startDate'), t, { hint: t('employers.field.dateHint') }),
];

export const declineFields = (values: FieldValues, t: Translate): Field[] => [textarea({ values }, 'reason', t('employers.field.declineReason'), { rows: 3 })];
