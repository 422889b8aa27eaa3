// The one error type services throw; the HTTP error middleware turns it into `{ error: { code, message } }`.
// An error thrown with a message of the `errors` namespace (i18n/locales/<language>/errors.json) is
// answered in the request's language; its English text is that message in en/errors.json.
import { SOURCE_LANGUAGE, translators, type Translator } from './i18n/translate.ts';

type Leaves<T, P extends string = ''> = { [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`> }[keyof T & string];

/** A message of the `errors` namespace, e.g. `'link.expired'`. */
export type ErrorKey = Leaves<typeof import('./i18n/locales/en/errors.json')>;

/** A placeholder's value; a function gives it in the message's language (a word that is itself translated). */
export type ErrorParam = string | number | ((translator: Translator) => string);

/** A message to say in whichever language the reader asked for: its key and its {{placeholders}}' values. */
export interface ErrorText {
  readonly key: ErrorKey;
  readonly params?: Readonly<Record<string, ErrorParam>>;
}

export const text = (key: ErrorKey, params?: Readonly<Record<string, ErrorParam>>): ErrorText => (params ? { key, params } : { key });

/** A placeholder value that is itself a message of the `errors` namespace (a state, a noun). */
export const word = (key: ErrorKey): ErrorParam => (translator) => translator.t(`errors:${key}`);

/** `message` in `translator`'s language. */
export function say(message: ErrorText, translator: Translator): string {
  const values: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(message.params ?? {})) values[name] = typeof value === 'function' ? value(translator) : value;
  return translator.t(`errors:${message.key}`, values);
}

export class HttpError extends Error {
  /** The message to translate; null when the error was thrown with English text only. */
  readonly text: ErrorText | null;

  /**
   * `message` is an `errors` message, or English text; `translated` gives English text its message in
   * other languages when the English is not built from en/errors.json (a zod issue, an image library's refusal).
   */
  constructor(
    readonly status: number,
    readonly code: string,
    message: string | ErrorText,
    translated?: ErrorText,
  ) {
    super(typeof message === 'string' ? message : say(message, translators().for(SOURCE_LANGUAGE)));
    this.name = 'HttpError';
    this.text = typeof message === 'string' ? (translated ?? null) : message;
  }

  /** The message in `translator`'s language: English exactly as thrown, or its translation when it has one. */
  messageIn(translator: Translator): string {
    return this.text && translator.language !== SOURCE_LANGUAGE ? say(this.text, translator) : this.message;
  }
}

export type NotFoundKey = Leaves<typeof import('./i18n/locales/en/errors.json')['notFound']>;

export const notFound = (what: NotFoundKey): HttpError => new HttpError(404, 'not_found', text(`notFound.${what}`));
export const forbidden = (message: string | ErrorText): HttpError => new HttpError(403, 'forbidden', message);
export const badRequest = (code: string, message: string | ErrorText): HttpError => new HttpError(400, code, message);
