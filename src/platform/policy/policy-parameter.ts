import { z } from 'zod';

/**
 * A policy parameter as stored in `policy/*.json`: dated values, a unit and a source. Values are
 * looked up by date, so a calculation for last year uses last year's figure.
 */
export const policyParameterSchema = z.object({
  name: z.string().min(1),
  description: z.string().min(1),
  unit: z.string().min(1),
  values: z.record(z.iso.date(), z.number()).refine((v) => Object.keys(v).length > 0, 'at least one dated value'),
  /** V verified, S secondary, D derived, U unverified: the tags of the research notes. */
  confidence: z.enum(['V', 'S', 'D', 'U']),
  platformPolicy: z.boolean().default(false),
  reference: z.object({ title: z.string().min(1), url: z.url() }),
  notes: z.string().optional(),
});

export type PolicyParameter = z.output<typeof policyParameterSchema>;

/** A policy list of dates (bank holidays): the same provenance fields, with dates for values. */
export const policyDateListSchema = policyParameterSchema.omit({ values: true, unit: true }).extend({
  unit: z.literal('dates'),
  dates: z.array(z.iso.date()).min(1),
});

/** Any file in `policy/`: dated values or a list of dates. */
export const policyFileSchema = z.union([policyParameterSchema, policyDateListSchema]);
export type PolicyValue = { name: string; value: number; unit: string; effectiveFrom: string; source: string; confidence: PolicyParameter['confidence'] };

export function parsePolicyParameter(json: unknown): PolicyParameter {
  return policyParameterSchema.parse(json);
}

/**
 * The value in force on `date` (ISO yyyy-mm-dd), with where it came from.
 *
 * @example valueAt(threshold, '2026-12-01') // { value: 10, effectiveFrom: '2026-11-22', … }
 */
export function valueAt(parameter: PolicyParameter, date: string): PolicyValue {
  const from = Object.keys(parameter.values)
    .sort()
    .filter((d) => d <= date)
    .at(-1);
  if (from === undefined) throw new Error(`${parameter.name} has no value in force on ${date}`);
  return {
    name: parameter.name,
    value: parameter.values[from] as number,
    unit: parameter.unit,
    effectiveFrom: from,
    source: `${parameter.reference.title} (${parameter.reference.url})`,
    confidence: parameter.confidence,
  };
}
