// The pages' one i18next instance: a page loads only the messages of the language it shows (chunks per
// language, see messages.ts and namespaces.ts) plus English, the fallback for a missing key; another
// language is fetched from our own server when the page switches to it. The language is picked from the
// link, the case and the browser (languages.ts), `Intl` formatting follows it (ui/format.ts reads it),
// and <html lang> is kept in step for screen readers and fonts.
import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { setDisplayLocale } from '../ui/format.ts';
import { formattingLocale, pickLanguage, SOURCE_LANGUAGE } from './languages.ts';
import { browserLanguages, COMMON, fetchMessages, LANGUAGES } from './messages.ts';

export { chooseLanguage, LANGUAGES, leaveOutConsoleMessages } from './messages.ts';

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
      ns: ['common'],
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
