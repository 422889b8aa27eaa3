// Which field a refusal names, so the page can show it beside that field: from the same zod schema
// the server parses with (checked before sending), or from the server's "invalid request body:
// <path>: <reason>; …" text when the server refused anyway.
import type { z } from 'zod';

/** Field path ("intent", "existing.code") → the reason, in the schema's own words. */
export type FieldErrors = Record<string, string>;

const PREFIX = /^invalid [^:]+: /;

export function fieldErrorsOfIssues(issues: readonly z.core.$ZodIssue[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const key = issue.path.map(String).join('.') || 'form';
    errors[key] ??= issue.message;
  }
  return errors;
}

/**
 * Splits the server's 400 message into reasons by field, keeping only the fields the page shows
 * (`known`); a reason naming no known field is kept under `form`, so nothing the server said is lost.
 */
export function fieldErrorsOfMessage(message: string, known: readonly string[]): FieldErrors {
  if (!PREFIX.test(message)) return { form: message };
  const errors: FieldErrors = {};
  const rest: string[] = [];
  for (const part of message.replace(PREFIX, '').split('; ')) {
    const cut = part.indexOf(': ');
    const key = cut < 0 ? '' : part.slice(0, cut);
    if (known.includes(key)) errors[key] ??= part.slice(cut + 2);
    else rest.push(part);
  }
  if (rest.length > 0) errors.form = rest.join('; ');
  return errors;
}
