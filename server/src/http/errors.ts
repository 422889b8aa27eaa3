// The one error middleware: HttpError → its status; body-parser errors → 400/413; anything else → 500
// without leaking internals (logged with the request id).
import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from 'pino';
import { HttpError, say, text } from '../errors.ts';
import { translators } from '../i18n/translate.ts';

interface BodyParserError { type?: string; status?: number; message?: string }

export function notFoundHandler(): RequestHandler {
  return (req, _res, next) => next(new HttpError(404, 'not_found', text('http.noRoute', { method: req.method, path: `${req.baseUrl}${req.path}` })));
}

/**
 * A page address nothing serves, asked for by a browser: a page that says so and where to go, not JSON.
 * API clients (no text/html in Accept) still get the JSON 404 from notFoundHandler.
 */
export function notFoundPage(): RequestHandler {
  return (req, res, next) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !req.accepts('html') || req.accepts(['json', 'html']) === 'json') return next();
    res.status(404).type('html').setHeader('Cache-Control', 'no-cache');
    res.send(NOT_FOUND_PAGE);
  };
}

const NOT_FOUND_PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Page not found · Sightline</title>
<link rel="icon" href="/favicon.svg">
<link rel="stylesheet" href="/not-found.css">
</head>
<body>
<main>
<h1>Page not found</h1>
<p>There is no page at this address. It may have been mistyped, or the link may be incomplete.</p>
<p>If you were sent a link to join a call or a tour, open it exactly as you received it: the part after <code>#</code> is needed.</p>
<p><a href="/">Go to the Sightline console</a></p>
</main>
</body>
</html>
`;

/**
 * The page's language, which it sends as Accept-Language on every request (client/src/lib/api.ts); the
 * best supported match of a browser's own list otherwise, English without the header.
 */
function languageOf(req: Parameters<RequestHandler>[0]): string {
  const languages = translators().languages;
  if (!req.headers['accept-language']) return languages[0]!;
  return req.acceptsLanguages([...languages]) || languages[0]!;
}

/**
 * An error message as a sentence for the person who reads it: a capital first letter and a full stop.
 * A message that starts with a field path (`viewpoints[1].position: …`) or a code keeps its first word as is.
 */
export function sentence(message: string): string {
  const trimmed = message.trim();
  if (trimmed === '') return trimmed;
  const first = trimmed.split(/\s/, 1)[0] ?? '';
  const plainWord = /^[a-z][a-z'’-]*[,?!.]?$/.test(first);
  const capital = plainWord ? trimmed[0]!.toUpperCase() + trimmed.slice(1) : trimmed;
  if (/[.!?…。！？]$/.test(capital)) return capital;
  return /[\u3000-\u9fff\uff00-\uffef]$/.test(capital) ? `${capital}。` : `${capital}.`;
}

export function errorHandler(log: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    const known = toHttpError(error);
    if (!known) log.error({ err: error, method: req.method, path: req.path }, 'unhandled error');
    const status = known?.status ?? 500;
    const translator = translators().for(languageOf(req));
    const message = known ? known.messageIn(translator) : say(text('http.internal'), translator);
    const body = { error: { code: known?.code ?? 'internal', message: sentence(message) } };
    if (res.headersSent) {
      res.destroy();
      return;
    }
    res.status(status).json(body);
  };
}

function toHttpError(error: unknown): HttpError | null {
  if (error instanceof HttpError) return error;
  const e = error as BodyParserError | null;
  if (e?.type === 'entity.parse.failed') return new HttpError(400, 'invalid_json', text('http.invalidJson'));
  if (e?.type === 'entity.too.large') return new HttpError(413, 'body_too_large', text('http.bodyTooLarge'));
  if (e?.type === 'encoding.unsupported' || e?.type === 'charset.unsupported') {
    return new HttpError(415, 'unsupported_encoding', text('http.unsupportedEncoding'));
  }
  if (typeof e?.status === 'number' && e.status >= 400 && e.status < 500) {
    return new HttpError(e.status, 'bad_request', e.message ?? 'bad request');
  }
  return null;
}
