/// <reference types="vite/client" />
// The pages' one i18next instance: every message file under ./locales bundled (no download at run time),
// the language picked from the link, the case and the browser (languages.ts), `Intl` formatting in the
// matching locale (ui/format.ts reads it), and <html lang> kept in step for screen readers and fonts.
import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { setDisplayLocale } from '../ui/format.ts';
import { formattingLocale, pickLanguage, SOURCE_LANGUAGE, supportedLanguages } from './languages.ts';

type Messages = Record<string, unknown>;

const files = import.meta.glob<Messages>('./locales/*/*.json', { eager: true, import: 'default' });

/** `{ en: { customer: {...}, common: {...} }, 'zh-CN': {...} }`, from the files' paths. */
export const RESOURCES: Record<string, Record<string, Messages>> = {};
for (const [file, messages] of Object.entries(files)) {
  const match = /\/locales\/([^/]+)\/([^/]+)\.json$/.exec(file);
  if (!match) continue;
  const [, language, namespace] = match as unknown as [string, string, string];
  (RESOURCES[language] ??= {})[namespace] = messages;
}

export const LANGUAGES: readonly string[] = supportedLanguages(Object.keys(RESOURCES));

const browserLanguages = (): readonly string[] => (typeof navigator === 'undefined' ? [] : navigator.languages ?? [navigator.language]);

/** The language a page should start in: `choices` most wanted first (link, case), then the browser's. */
export function chooseLanguage(...choices: Array<string | null | undefined>): string {
  return pickLanguage([...choices, ...browserLanguages()], LANGUAGES);
}

/** Starts (or switches) the one instance in `language`; resolves once messages and formatting follow it. */
export async function applyLanguage(language: string): Promise<I18n> {
  const chosen = pickLanguage([language], LANGUAGES);
  if (!i18next.isInitialized) {
    await i18next.use(initReactI18next).init({
      resources: RESOURCES,
      lng: chosen,
      fallbackLng: SOURCE_LANGUAGE,
      defaultNS: 'common',
      ns: Object.keys(RESOURCES[SOURCE_LANGUAGE] ?? {}),
      interpolation: { escapeValue: false },
      returnNull: false,
      react: { useSuspense: false },
    });
  } else if (i18next.language !== chosen) {
    await i18next.changeLanguage(chosen);
  }
  setDisplayLocale(formattingLocale(chosen, browserLanguages()));
  if (typeof document !== 'undefined') document.documentElement.lang = chosen;
  return i18next;
}

export { i18next };
