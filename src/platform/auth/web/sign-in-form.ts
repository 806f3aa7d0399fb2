import { z } from 'zod';

// Messages are catalogue keys: the page shows them in the reader's language.
export const signInSchema = z.object({
  email: z.string({ error: 'signIn.error.email' }).trim().min(1, 'signIn.error.email').pipe(z.email('signIn.error.emailFormat')),
  password: z.string({ error: 'signIn.error.password' }).min(1, 'signIn.error.password').max(1024, 'signIn.error.password'),
  return: z.string().optional(),
});

export const codeSchema = z.object({
  code: z
    .string({ error: 'code.error.required' })
    .transform((s) => s.replace(/[\s-]/g, ''))
    .pipe(
      z
        .string()
        .min(1, 'code.error.required')
        .regex(/^\d{6}$/, 'code.error.format'),
    ),
});
