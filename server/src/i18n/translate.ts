// The server's own messages (the PDF report, SMS and email texts) in every language it speaks: the
// JSON files under ./locales/<language>/<namespace>.json, read once at start into one i18next instance.
// `translator(language)` hands out a t() fixed to one language plus the `Intl` locale to format numbers,
// dates and money with. The pages' messages live beside the client (client/src/i18n/locales); a third
// language is one folder in each. A key missing in a language falls back to English (the message-file
// test in client/src/i18n/messages.test.ts fails the build before that can happen).
import fs from 'node:fs';
import path from 'node:path';
import i18next, { type i18n as I18n, type TFunction } from 'i18next';

/** The language every server message exists in first, and the fallback. */
export const SOURCE_LANGUAGE = 'en';

export const SERVER_LOCALES = path.join(import.meta.dirname, 'locales');

type Messages = Record<string, unknown>;

export interface Translator {
  /** The supported BCP 47 tag the text is in (`en`, `zh-CN`). */
  readonly language: string;
  /** The `Intl` locale for numbers, dates and money in that language (`en-GB` for English: day-month-year, 24 h). */
  readonly locale: string;
  /** `t('namespace:key', { … })`, or `t('key', { ns })`; plurals by `count`. */
  readonly t: TFunction;
}

export interface Translators {
  /** Supported tags, source language first. */
  readonly languages: readonly string[];
  /** A translator for `language` (matched case-insensitively, `zh` → `zh-CN`); English for null or an unknown tag. */
  for(language: string | null | undefined): Translator;
}

/** `{ en: { report: {...} }, 'zh-CN': {...} }` from `dir`; throws naming the file when one is not a JSON object. */
export function readMessages(dir: string = SERVER_LOCALES): Record<string, Record<string, Messages>> {
  const resources: Record<string, Record<string, Messages>> = {};
  for (const language of fs.readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name)) {
    for (const file of fs.readdirSync(path.join(dir, language)).filter((f) => f.endsWith('.json'))) {
      const full = path.join(dir, language, file);
      let parsed: unknown;
      try {
        parsed = JSON.parse(fs.readFileSync(full, 'utf8'));
      } catch (error) {
        throw new Error(`messages: ${full} is not valid JSON: ${(error as Error).message}`);
      }
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error(`messages: ${full} is not a JSON object of messages`);
      (resources[language] ??= {})[file.replace(/\.json$/, '')] = parsed as Messages;
    }
  }
  if (!resources[SOURCE_LANGUAGE]) throw new Error(`messages: ${dir} has no "${SOURCE_LANGUAGE}" folder of messages`);
  return resources;
}

/** The `Intl` locale a language formats in on the server, where there is no browser to ask. */
export function serverLocale(language: string): string {
  return language === 'en' ? 'en-GB' : language;
}

/** One i18next instance over `resources`; translators are cheap (a fixed t()). */
export function createTranslators(resources: Record<string, Record<string, Messages>> = readMessages()): Translators {
  const languages = Object.keys(resources).sort((a, b) => (a === SOURCE_LANGUAGE ? -1 : b === SOURCE_LANGUAGE ? 1 : a.localeCompare(b)));
  const instance: I18n = i18next.createInstance();
  void instance.init({
    resources,
    lng: SOURCE_LANGUAGE,
    fallbackLng: SOURCE_LANGUAGE,
    ns: Object.keys(resources[SOURCE_LANGUAGE] ?? {}),
    defaultNS: false,
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });
  const match = (tag: string | null | undefined): string => {
    if (!tag) return SOURCE_LANGUAGE;
    const wanted = tag.toLowerCase();
    return languages.find((l) => l.toLowerCase() === wanted)
      ?? languages.find((l) => l.toLowerCase().split('-')[0] === wanted.split('-')[0])
      ?? SOURCE_LANGUAGE;
  };
  const cache = new Map<string, Translator>();
  return {
    languages,
    for(language) {
      const chosen = match(language);
      let translator = cache.get(chosen);
      if (!translator) {
        translator = { language: chosen, locale: serverLocale(chosen), t: instance.getFixedT(chosen) };
        cache.set(chosen, translator);
      }
      return translator;
    },
  };
}

let shared: Translators | undefined;

/** The process's translators over ./locales, read on first use. */
export function translators(): Translators {
  shared ??= createTranslators();
  return shared;
}
