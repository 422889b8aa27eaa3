// The reason offered with a mode switch request is read by the customer, so it is written in their
// language: their page's when the console knows it, else the case's, else the console's own.
import type { CustomerMode } from '../../../../protocol/messages.ts';
import { i18next, LANGUAGES } from '../../i18n/i18n.ts';
import { pickLanguage } from '../../i18n/languages.ts';

/**
 * The language a suggested reason is written in: the first of the customer's (`reader`: their page's,
 * then the case's) that the pages have messages for, else the console's.
 */
export function reasonLanguage(reader: ReadonlyArray<string | null | undefined>, consoleLanguage: string): string {
  return pickLanguage([...reader, consoleLanguage], LANGUAGES);
}

/** The reason to offer for switching to `mode`, in `language`; the assessor may type another. */
export function suggestedReason(mode: CustomerMode, language: string): string {
  return i18next.getFixedT(language, 'console')(`call.mode.reason.${mode}`);
}
