import { z } from 'zod';

// ASVS 5 §6.2: at least 8 characters (we ask 12), up to 256, no composition rules, any characters.
const newPassword = z.string({ error: 'password.error.short' }).min(12, 'password.error.short').max(256, 'password.error.long');

/** Choosing a password (from an invitation link): the password twice. */
export const choosePasswordSchema = z
  .object({ password: newPassword, confirm: z.string({ error: 'password.error.match' }) })
  .refine((v) => v.password === v.confirm, { path: ['confirm'], message: 'password.error.match' });

/** Changing a password while signed in: the current one first. */
export const changePasswordSchema = z
  .object({
    current: z.string({ error: 'password.error.currentMissing' }).min(1, 'password.error.currentMissing').max(1024, 'password.error.current'),
    password: newPassword,
    confirm: z.string({ error: 'password.error.match' }),
  })
  .refine((v) => v.password === v.confirm, { path: ['confirm'], message: 'password.error.match' })
  .refine((v) => v.password !== v.current, { path: ['password'], message: 'password.error.same' });
