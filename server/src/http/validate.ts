// Parses request input with a shared zod schema; a mismatch is a 400 that says which field and why.
import type { z } from 'zod';
import { HttpError } from '../errors.ts';

export function parseInput<S extends z.ZodType>(schema: S, input: unknown, what = 'request body'): z.infer<S> {
  const result = schema.safeParse(input ?? {});
  if (result.success) return result.data;
  const reasons = result.error.issues.map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message));
  throw new HttpError(400, 'invalid_input', `invalid ${what}: ${reasons.join('; ')}`);
}
