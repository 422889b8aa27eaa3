// The reason offered with a mode switch request is read by the customer, so it is written in their
// language: their page's when the console knows it, else the case's, else the console's own.
import type { CustomerMode } from '../../../../protocol/messages.ts';
import { i18next, LANGUAGES } from '../../i18n/i18n.ts';
import { pickLanguage } from '../../i18n/languages.ts';

/** The language a suggested reason is written in: `reader`'s when the pages have its messages, else the console's. */
export function reasonLanguage(reader: string | null, consoleLanguage: string): string {
  return reader ? pickLanguage([reader, consoleLanguage], LANGUAGES) : consoleLanguage;
}

/** The reason to offer for switching to `mode`, in `language`; the assessor may type another. */
export function suggestedReason(mode: CustomerMode, language: string): string {
  return i18next.getFixedT(language, 'console')(`call.mode.reason.${mode}`);
}
