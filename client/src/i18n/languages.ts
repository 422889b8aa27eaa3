// Which languages the pages speak and how a page picks one. A language is a folder of message files
// under ./locales (one JSON file per namespace); dropping in a folder adds a language. Pure apart from
// the file list, so the choice is unit tested.

/** The language every message exists in first, and the fallback for a key another language lacks. */
export const SOURCE_LANGUAGE = 'en';

/** BCP 47 tags of the languages with message files, source language first. */
export function supportedLanguages(available: readonly string[]): string[] {
  return [...available].sort((a, b) => (a === SOURCE_LANGUAGE ? -1 : b === SOURCE_LANGUAGE ? 1 : a.localeCompare(b)));
}

/**
 * The supported language a tag asks for: itself, or one of the same language (`zh`, `zh-Hans`,
 * `zh-Hans-CN`, `zh-SG` → `zh-CN`; `en-GB` → `en`); null when none matches. Case-insensitive.
 */
export function matchLanguage(tag: string | null | undefined, supported: readonly string[]): string | null {
  if (!tag) return null;
  const wanted = tag.trim().toLowerCase();
  if (!/^[a-z]{2,3}(-[a-z0-9]{2,8})*$/.test(wanted)) return null;
  const exact = supported.find((s) => s.toLowerCase() === wanted);
  if (exact) return exact;
  const primary = wanted.split('-')[0];
  const traditional = /-(hant|tw|hk|mo)\b/.test(wanted);
  const same = supported.filter((s) => s.toLowerCase().split('-')[0] === primary);
  // Simplified Chinese is not offered to someone whose browser asks for Traditional.
  const fitting = primary === 'zh' ? same.filter((s) => /-(hant|tw|hk|mo)\b/i.test(s) === traditional) : same;
  return fitting[0] ?? null;
}

/** The first of `choices` (most wanted first: the link's `lang=`, the case's language, the browser's) that matches; else the source language. */
export function pickLanguage(choices: ReadonlyArray<string | null | undefined>, supported: readonly string[]): string {
  for (const choice of choices) {
    const match = matchLanguage(choice, supported);
    if (match) return match;
  }
  return SOURCE_LANGUAGE;
}

/**
 * The locale numbers, dates and amounts are formatted in: the browser's own when it speaks the chosen
 * language (its regional habits: en-GB dates for a British browser), else the chosen language's tag.
 */
export function formattingLocale(language: string, browserLanguages: readonly string[]): string {
  const primary = language.toLowerCase().split('-')[0];
  const browser = browserLanguages.find((tag) => tag.toLowerCase().split('-')[0] === primary && matchLanguage(tag, [language]) === language);
  return browser ?? language;
}
