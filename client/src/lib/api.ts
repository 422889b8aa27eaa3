// One fetch helper for both pages: every response is parsed with its zod schema, and every failure
// becomes an ApiRequestError whose message is fit to show to a person. Every request says the page's
// language (Accept-Language), so the server's refusals come back in it.
import i18next from 'i18next';
import type { z } from 'zod';
import { ApiError } from '../../../protocol/http.ts';

export class ApiRequestError extends Error {
  override readonly name = 'ApiRequestError';
  constructor(
    /** HTTP status; 0 when the server could not be reached. */
    readonly status: number,
    readonly code: string,
    message: string,
    /** What the server's Retry-After asked a client to wait (429, 503), in ms. */
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
  }

  /** True for a missing, expired or foreign credential (login session or join token). */
  get isAuth(): boolean {
    return this.status === 401 || this.status === 403;
  }
}

export interface ApiOptions {
  /** @default 'GET', or 'POST' when a body is given */
  method?: string;
  /** Sent as JSON. */
  body?: unknown;
  /** A customer's join token, sent as a Bearer credential. The console uses its session cookie. */
  token?: string;
  signal?: AbortSignal;
  /** Lets the request outlive the page (a last batch sent as the page is hidden). */
  keepalive?: boolean;
}

/** The page's language as an Accept-Language header (none before i18n has started), for every request to the server. */
export function languageHeader(): Record<string, string> {
  const language = i18next.isInitialized ? i18next.resolvedLanguage ?? i18next.language : undefined;
  return language ? { 'accept-language': language } : {};
}

/**
 * This module's own words (`request` namespace) in the page's language; English before i18n has started
 * (the message files are what i18n starts with, so the English here is only for that moment).
 */
export function requestWords(key: string, english: string, values: Record<string, string | number> = {}): string {
  return i18next.isInitialized ? i18next.t(`request:${key}`, values) : english.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name] ?? ''));
}

export async function apiFetch<S extends z.ZodType>(path: string, schema: S, options: ApiOptions = {}): Promise<z.output<S>> {
  const headers: Record<string, string> = { accept: 'application/json', ...languageHeader() };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let response: Response;
  try {
    response = await fetch(path, {
      method: options.method ?? (options.body === undefined ? 'GET' : 'POST'),
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: 'same-origin',
      signal: options.signal,
      keepalive: options.keepalive,
    });
  } catch (error) {
    const reason: unknown = options.signal?.reason;
    if (reason instanceof DOMException && reason.name === 'TimeoutError') {
      throw new ApiRequestError(0, 'timeout', requestWords('timeout', 'The server took too long to answer.'));
    }
    if (options.signal?.aborted) throw error;
    throw new ApiRequestError(0, 'network', requestWords('network', 'Cannot reach the server. Check your connection and try again.'));
  }
  const payload = response.status === 204 ? undefined : await readJson(response);
  if (!response.ok) throw errorFrom(response.status, payload);
  const parsed = schema.safeParse(payload);
  if (!parsed.success) {
    throw new ApiRequestError(response.status, 'bad-response', requestWords('badResponse', 'The server sent an unexpected answer to {{path}}.', { path }));
  }
  return parsed.data;
}

/** Turns a non-2xx status and its body into the error the UI shows. */
export function errorFrom(status: number, payload: unknown, retryAfterMs: number | null = null): ApiRequestError {
  const parsed = ApiError.safeParse(payload);
  if (parsed.success) return new ApiRequestError(status, parsed.data.error.code, parsed.data.error.message, retryAfterMs);
  return new ApiRequestError(status, `http-${status}`, requestWords('status', 'The server answered with status {{status}}.', { status }), retryAfterMs);
}

/** A message for any thrown value, for banners and toasts. */
export function messageOf(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  return requestWords('unknown', 'Something went wrong.');
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
