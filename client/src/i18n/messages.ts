/// <reference types="vite/client" />
// The pages' message files and their fetching, apart from i18next (i18n.ts) so that a page can ask for its
// language's messages as the very first thing its code does (see customer/language-start.ts), before the
// rest of its modules (React, i18next) have run. A page fetches only the language it shows, plus English,
// the fallback for a missing key: per language one chunk, and one more for the console (namespaces.ts).
import { pickLanguage, SOURCE_LANGUAGE, supportedLanguages } from './languages.ts';
import { messageFile } from './namespaces.ts';

export type Messages = Record<string, unknown>;
/** namespace → messages */
export type Bundles = Record<string, Messages>;

/** common.json (each language's name in its own words, for the language switch) is in every page for every language. */
const names = import.meta.glob<Messages>('./locales/*/common.json', { eager: true, import: 'default' });
/** The rest, fetched on demand: per language one module of the pages' namespaces and one of the console's (namespaces.ts). */
const parts = import.meta.glob<Record<string, Messages>>('./locales/*/{pages,console}.ts', { import: 'default' });

/** language → 'pages' | 'console' → the import of that chunk (its default: `./<namespace>.json` → messages). */
const LOADERS: Record<string, Record<string, () => Promise<Record<string, Messages>>>> = {};
for (const [file, load] of Object.entries(parts)) {
  const at = messageFile(file);
  if (at) (LOADERS[at[0]] ??= {})[at[1]] = load;
}
/** language → { common: … }, there from the start. */
export const COMMON: Record<string, Bundles> = {};
for (const [file, messages] of Object.entries(names)) {
  const at = messageFile(file);
  if (at) (COMMON[at[0]] ??= {})[at[1]] = messages;
}

export const LANGUAGES: readonly string[] = supportedLanguages([...new Set([...Object.keys(COMMON), ...Object.keys(LOADERS)])]);

export const browserLanguages = (): readonly string[] => (typeof navigator === 'undefined' ? [] : navigator.languages ?? [navigator.language]);

/** The language a page should start in: `choices` most wanted first (link, case), then the browser's. */
export function chooseLanguage(...choices: Array<string | null | undefined>): string {
  return pickLanguage([...choices, ...browserLanguages()], LANGUAGES);
}

/** Whether this page fetches the console's namespaces (see leaveOutConsoleMessages). */
let withConsole = true;

/** For a page without the console's screens (join, start, receipt): call before the first fetch, and the console's namespaces are not fetched. */
export function leaveOutConsoleMessages(): void {
  withConsole = false;
}

/** Each language's messages once fetched; a failed fetch (offline) is forgotten, so the next switch tries again. */
const fetched = new Map<string, Promise<Bundles>>();

/** `language`'s messages (a supported tag), fetched once. */
export function fetchMessages(language: string): Promise<Bundles> {
  let fetching = fetched.get(language);
  if (!fetching) {
    const loaders = Object.entries(LOADERS[language] ?? {}).filter(([part]) => withConsole || part !== 'console');
    fetching = Promise.all(loaders.map(([, load]) => load())).then((chunks) => {
      const bundles: Bundles = {};
      for (const files of chunks) for (const [file, messages] of Object.entries(files)) bundles[file.replace(/^\.\/|\.json$/g, '')] = messages;
      return bundles;
    });
    fetching.catch(() => fetched.delete(language));
    fetched.set(language, fetching);
  }
  return fetching;
}

/** Starts fetching what a page in `language` needs (its messages and English); applyLanguage picks them up. */
export function prefetchMessages(language: string): void {
  const chosen = pickLanguage([language], LANGUAGES);
  for (const tag of new Set([SOURCE_LANGUAGE, chosen])) fetchMessages(tag).catch(() => undefined);
}
