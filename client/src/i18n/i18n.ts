/// <reference types="vite/client" />
// The pages' one i18next instance: a page loads only the messages of the language it shows (chunks per
// language, see namespaces.ts) plus English, the fallback for a missing key; another language is fetched
// from our own server when the page switches to it. The language is picked from the link, the case and
// the browser (languages.ts), `Intl` formatting follows it (ui/format.ts reads it), and <html lang> is
// kept in step for screen readers and fonts.
import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { setDisplayLocale } from '../ui/format.ts';
import { formattingLocale, pickLanguage, SOURCE_LANGUAGE, supportedLanguages } from './languages.ts';
import { CONSOLE_NAMESPACES, messageFile } from './namespaces.ts';

type Messages = Record<string, unknown>;
type Bundles = Record<string, Messages>;

/** common.json (each language's name in its own words, for the language switch) is in every page for every language. */
const names = import.meta.glob<Messages>('./locales/*/common.json', { eager: true, import: 'default' });
/** Every other namespace is fetched on demand, a language's files together. */
const lazy = import.meta.glob<Messages>(['./locales/*/*.json', '!./locales/*/common.json'], { import: 'default' });

/** language → namespace → the import of its file. */
const LOADERS: Record<string, Record<string, () => Promise<Messages>>> = {};
for (const [file, load] of Object.entries(lazy)) {
  const at = messageFile(file);
  if (at) (LOADERS[at[0]] ??= {})[at[1]] = load;
}
/** language → common.json, there from the start. */
const COMMON: Record<string, Bundles> = {};
for (const [file, messages] of Object.entries(names)) {
  const at = messageFile(file);
  if (at) (COMMON[at[0]] ??= {})[at[1]] = messages;
}

export const LANGUAGES: readonly string[] = supportedLanguages([...new Set([...Object.keys(COMMON), ...Object.keys(LOADERS)])]);
const NAMESPACES = ['common', ...Object.keys(LOADERS[SOURCE_LANGUAGE] ?? {})];

const browserLanguages = (): readonly string[] => (typeof navigator === 'undefined' ? [] : navigator.languages ?? [navigator.language]);

/** The language a page should start in: `choices` most wanted first (link, case), then the browser's. */
export function chooseLanguage(...choices: Array<string | null | undefined>): string {
  return pickLanguage([...choices, ...browserLanguages()], LANGUAGES);
}

/** Namespaces this page does not fetch (see leaveOutConsoleMessages). */
let leftOut: ReadonlySet<string> = new Set();

/** For a page without the console's screens (join, start, receipt): call before applyLanguage, and the console's namespaces are not fetched. */
export function leaveOutConsoleMessages(): void {
  leftOut = new Set(CONSOLE_NAMESPACES);
}

/** Each language's messages once fetched; a failed fetch (offline) is forgotten, so the next switch tries again. */
const fetched = new Map<string, Promise<Bundles>>();
function fetchMessages(language: string): Promise<Bundles> {
  let fetching = fetched.get(language);
  if (!fetching) {
    const loaders = Object.entries(LOADERS[language] ?? {}).filter(([namespace]) => !leftOut.has(namespace));
    fetching = Promise.all(loaders.map(async ([namespace, load]) => [namespace, await load()] as const)).then((entries) => Object.fromEntries(entries));
    fetching.catch(() => fetched.delete(language));
    fetched.set(language, fetching);
  }
  return fetching;
}

/** Languages whose messages the instance has (besides common.json, which it has for all). */
const added = new Set<string>();
let started: Promise<unknown> | null = null;

/** Fetches `language`'s messages and hands them to the instance, without switching to it (e.g. for text written for another reader). */
export async function loadLanguage(language: string): Promise<void> {
  const chosen = pickLanguage([language], LANGUAGES);
  const bundles = await fetchMessages(chosen);
  if (!started) {
    const resources = Object.fromEntries(Object.entries(COMMON).map(([lang, common]) => [lang, { ...common }]));
    started = i18next.use(initReactI18next).init({
      resources,
      lng: chosen,
      fallbackLng: SOURCE_LANGUAGE,
      defaultNS: 'common',
      ns: NAMESPACES,
      interpolation: { escapeValue: false },
      returnNull: false,
      react: { useSuspense: false },
    });
  }
  await started;
  if (added.has(chosen)) return;
  for (const [namespace, messages] of Object.entries(bundles)) i18next.addResourceBundle(chosen, namespace, messages, true, true);
  added.add(chosen);
}

/** True once `language`'s messages are in the instance. */
export const hasLanguage = (language: string): boolean => added.has(pickLanguage([language], LANGUAGES));

/** Calls take effect in the order made, whichever language's messages arrive first. */
let applying: Promise<unknown> = Promise.resolve();

/**
 * Starts (or switches) the one instance in `language`; resolves once messages and formatting follow it.
 * The fetches start at once (English, the fallback, alongside), so a page that calls this at module start
 * fetches its messages in parallel with whatever else it asks for then.
 */
export function applyLanguage(language: string): Promise<I18n> {
  const chosen = pickLanguage([language], LANGUAGES);
  const ready = Promise.all([fetchMessages(SOURCE_LANGUAGE), fetchMessages(chosen)]);
  ready.catch(() => undefined); // reported through `done` below, once earlier calls are through
  const done = applying.then(async () => {
    await ready;
    await loadLanguage(SOURCE_LANGUAGE);
    await loadLanguage(chosen);
    if (i18next.language !== chosen) await i18next.changeLanguage(chosen);
    setDisplayLocale(formattingLocale(chosen, browserLanguages()));
    if (typeof document !== 'undefined') document.documentElement.lang = chosen;
    return i18next;
  });
  applying = done.catch(() => undefined);
  return done;
}

export { i18next };
