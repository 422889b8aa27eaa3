// The report's words in the case's language: its messages (server/src/i18n/locales/<lang>/report.json)
// and how it spells times, dates, money, durations, sizes and places. Times are UTC and say so: a
// report is read later, elsewhere, and must not depend on the reader's time zone. English keeps the
// spellings the report always had (ISO-like times, "EUR 1,200.00"); every other language formats
// with `Intl` in its locale (2026年12月4日 14:03:22, €1,200.00, ¥1,250.00).
import type { Location } from '../../../protocol/http.ts';
import { SOURCE_LANGUAGE, translators, type Translator } from '../i18n/translate.ts';

export interface ReportWords {
  /** The language the report is written in (`en`, `zh-CN`). */
  readonly language: string;
  /** The `Intl` locale it formats in (`en-GB`, `zh-CN`). */
  readonly locale: string;
  /** A report message: `say('summary.heading')`, `say('summary.photos', { count })`. */
  say(key: string, values?: Record<string, unknown>): string;
  /** A word for a value of the contract (a channel, a status), the value itself when there is none. */
  word(group: string, value: string): string;
  /**
   * A checklist's title (`itemId` null) or an item's, from the checklist messages the customer's page
   * shows them in (checklist.json, by template and item id); `fallback` (the template's English) when absent.
   */
  checklistTitle(template: string, itemId: string | null, fallback: string): string;
  /** Items of a list, joined as the language joins them. */
  list(items: readonly string[]): string;
  /** `2026-05-04 14:03:22 UTC`, `2026年5月4日 14:03:22（协调世界时）`. */
  time(iso: string): string;
  /** The time without the zone, for table columns headed "(UTC)". */
  timeShort(iso: string): string;
  /** A calendar date (`2026-12-04`) as the language writes it; English keeps it as given. */
  date(isoDate: string): string;
  /** `EUR 1,200.00` in English, `€1,200.00` in Chinese; a plain grouped number when no currency was given. */
  money(amount: number, currency: string | null): string;
  /** A number with exactly `digits` decimals and no grouping (`toFixed` in the language's digits). */
  fixed(value: number, digits: number): string;
  /** `5 min 03 s`, `2.4 s`, `1 h 02 min`. */
  span(ms: number): string;
  /** receivedAt − deviceTime in words: `1 min 35 s after device time`. */
  clockSkew(ms: number): string;
  /** `51.50000, -0.12000 (± 8 m)`. */
  location(location: Location): string;
  bytes(bytes: number): string;
}

const cache = new Map<string, ReportWords>();

/** The report's words in `language` (the case's; English for null or a language the server lacks). */
export function reportWords(language?: string | null): ReportWords {
  const translator = translators().for(language);
  let words = cache.get(translator.language);
  if (!words) {
    words = createReportWords(translator);
    cache.set(translator.language, words);
  }
  return words;
}

export function createReportWords({ language, locale, t }: Translator): ReportWords {
  const source = language === SOURCE_LANGUAGE;
  const say = (key: string, values: Record<string, unknown> = {}): string => t(`report:${key}`, values) as string;
  const grouped = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const fixedFormats = new Map<number, Intl.NumberFormat>();
  const fixed = (value: number, digits: number): string => {
    let format = fixedFormats.get(digits);
    if (!format) {
      format = new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits, useGrouping: false });
      fixedFormats.set(digits, format);
    }
    return format.format(value);
  };
  const dateTime = new Intl.DateTimeFormat(locale, {
    year: 'numeric', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23', timeZone: 'UTC',
  });
  const longDate = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
  const currencyFormats = new Map<string, Intl.NumberFormat | null>();
  const currencyFormat = (currency: string): Intl.NumberFormat | null => {
    if (!currencyFormats.has(currency)) {
      let format: Intl.NumberFormat | null = null;
      // A code Intl does not know (the contract takes any three letters) keeps the English form.
      try {
        format = new Intl.NumberFormat(locale, { style: 'currency', currency });
      } catch {
        format = null;
      }
      currencyFormats.set(currency, format);
    }
    return currencyFormats.get(currency) ?? null;
  };
  const timeShort = (iso: string): string => {
    const date = new Date(iso);
    if (Number.isNaN(date.getTime())) return iso;
    return source ? date.toISOString().slice(0, 19).replace('T', ' ') : dateTime.format(date);
  };
  const span = (ms: number): string => {
    const abs = Math.abs(ms);
    if (abs < 60_000) return say('format.seconds', { value: fixed(abs / 1000, 1) });
    const totalSeconds = Math.round(abs / 1000);
    const hours = Math.floor(totalSeconds / 3600);
    const minutes = Math.floor((totalSeconds % 3600) / 60);
    const seconds = totalSeconds % 60;
    const two = (n: number): string => String(n).padStart(2, '0');
    return hours > 0 ? say('format.hours', { hours, minutes: two(minutes) }) : say('format.minutes', { minutes, seconds: two(seconds) });
  };
  return {
    language,
    locale,
    say,
    // Only a plain token can name a message: free text (a status a gateway wrote) prints as it is.
    word: (group, value) => (/^[\w-]+$/.test(value) ? say(`${group}.${value}`, { defaultValue: value }) : value),
    checklistTitle: (template, itemId, fallback) =>
      t(itemId === null ? `checklist:${template}.title` : `checklist:${template}.items.${itemId}.title`, { defaultValue: fallback }) as string,
    list: (items) => items.join(say('format.listSeparator')),
    time(iso) {
      const date = new Date(iso);
      if (Number.isNaN(date.getTime())) return iso;
      return say('format.utc', { time: timeShort(iso) });
    },
    timeShort,
    date(isoDate) {
      if (source || !/^\d{4}-\d{2}-\d{2}$/.test(isoDate)) return isoDate;
      const date = new Date(`${isoDate}T00:00:00Z`);
      return Number.isNaN(date.getTime()) ? isoDate : longDate.format(date);
    },
    money(amount, currency) {
      if (!currency) return grouped.format(amount);
      const format = source ? null : currencyFormat(currency);
      return format ? format.format(amount) : `${currency} ${grouped.format(amount)}`;
    },
    fixed,
    span,
    clockSkew: (ms) => say(ms >= 0 ? 'format.after' : 'format.before', { span: span(ms) }),
    location(location) {
      const place = `${fixed(location.latitude, 5)}, ${fixed(location.longitude, 5)}`;
      return location.accuracy !== undefined ? say('format.accuracy', { place, metres: fixed(location.accuracy, 0) }) : place;
    },
    bytes(bytes) {
      if (bytes < 1024) return say('format.bytes', { value: bytes });
      if (bytes < 1024 * 1024) return say('format.kilobytes', { value: fixed(bytes / 1024, 1) });
      return say('format.megabytes', { value: fixed(bytes / 1024 / 1024, 1) });
    },
  };
}

export const capitalise = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);
