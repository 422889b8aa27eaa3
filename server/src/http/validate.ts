// Parses request input with a shared zod schema; a mismatch is a 400 that says which field and why, in
// English, and in another language by parsing again with zod's own messages for it (only when asked).
import { z } from 'zod';
import { HttpError, text, word, type ErrorKey } from '../errors.ts';
import type { Translator } from '../i18n/translate.ts';

/** What was parsed, as the message names it (`invalid request body: …`). */
const WHAT = {
  'request body': 'validation.what.requestBody',
  query: 'validation.what.query',
  'caption or note': 'validation.what.captionOrNote',
  'case address': 'validation.what.caseAddress',
  'case search': 'validation.what.caseSearch',
  offer: 'validation.what.offer',
  'photo details': 'validation.what.photoDetails',
  settings: 'validation.what.settings',
} as const satisfies Record<string, ErrorKey>;

/** zod's messages per language other than English (which zod speaks by default). */
const ZOD_LOCALES: Readonly<Record<string, z.core.$ZodErrorMap>> = {
  'zh-CN': z.locales.zhCN().localeError,
};

const reasonsOf = (issues: readonly z.core.$ZodIssue[]): string =>
  issues.map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message)).join('; ');

export function parseInput<S extends z.ZodType>(schema: S, input: unknown, what: keyof typeof WHAT = 'request body'): z.infer<S> {
  const result = schema.safeParse(input ?? {});
  if (result.success) return result.data;
  // A schema's own messages (`.refine(…, 'must be …')`) stay as written; zod's built-in ones are translated.
  const reasons = (translator: Translator): string => {
    const error = ZOD_LOCALES[translator.language];
    const again = error ? schema.safeParse(input ?? {}, { error }) : result;
    return reasonsOf(again.success ? result.error.issues : again.error.issues);
  };
  throw new HttpError(400, 'invalid_input', `invalid ${what}: ${reasonsOf(result.error.issues)}`, text('validation.invalid', { what: word(WHAT[what]), reasons }));
}
