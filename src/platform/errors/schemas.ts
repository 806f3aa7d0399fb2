import { z } from 'zod';

/**
 * A real calendar date, YYYY-MM-DD; anything else (2026-02-30, 26-1-1) is refused with `message`,
 * which is a catalogue key where a form shows it.
 */
export const isoDate = (message: string) =>
  z
    .string({ error: message })
    .regex(/^\d{4}-\d{2}-\d{2}$/, message)
    .refine((v) => {
      const d = new Date(`${v}T00:00:00Z`);
      return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(v);
    }, message);

/**
 * An amount from `min` to `max` with at most two decimal places, as a number: forms send it as text,
 * JSON as a number. Anything else is refused with `message`.
 */
export const amount = (min: number, max: number, message: string) =>
  z
    .union(
      [
        z.number(),
        z
          .string()
          .trim()
          .regex(/^\d+(\.\d{1,2})?$/, message),
      ],
      { error: message },
    )
    .transform(Number)
    .refine((n) => Number.isFinite(n) && n >= min && n <= max, message);
