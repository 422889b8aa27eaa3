// Which language to name beside a chat line: the writer's, when it is not the reader's. Pure, so it is
// unit tested; the name itself is the language's own (its common.json `language.name`), read by anyone
// who reads that language.
import { matchLanguage } from '../i18n/languages.ts';

/** The supported language a line was written in when it differs from the reader's; null otherwise (or when the line names none or one not supported). */
export function foreignLanguage(written: string | null | undefined, reader: string, supported: readonly string[]): string | null {
  const language = matchLanguage(written, supported);
  if (!language) return null;
  return language === matchLanguage(reader, supported) ? null : language;
}
