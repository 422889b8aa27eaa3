// A fixed record of words (mode names, service titles) whose values follow the page's language: each
// property reads its message when used, so `RECORD[key]` in a render shows the current language.
import { i18next } from '../i18n/i18n.ts';

/** `{ [key]: t(messageKey(key)) }`, read at each access. */
export function translatedRecord<K extends string>(keys: readonly K[], messageKey: (key: K) => string): Readonly<Record<K, string>> {
  const record = {} as Record<K, string>;
  for (const key of keys) Object.defineProperty(record, key, { enumerable: true, get: () => i18next.t(messageKey(key)) });
  return record;
}
