// Which field a refusal names, so the page can show it beside that field: from the same zod schema
// the server parses with (checked before sending), or from the server's "invalid request body:
// <path>: <reason>; …" text when the server refused anyway. A schema's reason is shown in the page's
// language where locales/<language>/fields.json words it (keyed by the field's path and the issue's code;
// its English is the schema's own), else as the schema says it.
import type { z } from 'zod';
import { i18next } from '../i18n/i18n.ts';

/** Field path ("intent", "existing.code") → the reason, in the schema's own words. */
export type FieldErrors = Record<string, string>;

const PREFIX = /^invalid [^:]+: /;

export function fieldErrorsOfIssues(issues: readonly z.core.$ZodIssue[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const key = issue.path.map(String).join('.') || 'form';
    errors[key] ??= issueWords(issue);
  }
  return errors;
}

/** `fields:<path>.<code in camel case>` (e.g. fields:intent.tooBig with {{maximum}}) when it exists, else the schema's reason. */
function issueWords(issue: z.core.$ZodIssue): string {
  const code = issue.code.replace(/_(\w)/g, (_, letter: string) => letter.toUpperCase());
  const key = `fields:${[...issue.path.map(String), code].join('.')}`;
  if (!i18next.isInitialized || !i18next.exists(key)) return issue.message;
  const bound = issue as { maximum?: unknown; minimum?: unknown };
  return i18next.t(key, { maximum: Number(bound.maximum), minimum: Number(bound.minimum) });
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
