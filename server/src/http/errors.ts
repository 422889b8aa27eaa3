// The one error middleware: HttpError → its status; body-parser errors → 400/413; anything else → 500
// without leaking internals (logged with the request id).
import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from 'pino';
import { HttpError } from '../errors.ts';

interface BodyParserError { type?: string; status?: number; message?: string }

export function notFoundHandler(): RequestHandler {
  return (req, _res, next) => next(new HttpError(404, 'not_found', `no route for ${req.method} ${req.baseUrl}${req.path}`));
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
 * An error message as a sentence for the person who reads it: a capital first letter and a full stop.
 * A message that starts with a field path (`viewpoints[1].position: …`) or a code keeps its first word as is.
 */
export function sentence(message: string): string {
  const text = message.trim();
  if (text === '') return text;
  const first = text.split(/\s/, 1)[0] ?? '';
  const plainWord = /^[a-z][a-z'’-]*[,?!.]?$/.test(first);
  const capital = plainWord ? text[0]!.toUpperCase() + text.slice(1) : text;
  return /[.!?…]$/.test(capital) ? capital : `${capital}.`;
}

export function errorHandler(log: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    const known = toHttpError(error);
    if (!known) log.error({ err: error, method: req.method, path: req.path }, 'unhandled error');
    const status = known?.status ?? 500;
    const body = { error: { code: known?.code ?? 'internal', message: sentence(known?.message ?? 'something went wrong on the server') } };
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
  if (e?.type === 'entity.parse.failed') return new HttpError(400, 'invalid_json', 'the request body is not valid JSON');
  if (e?.type === 'entity.too.large') return new HttpError(413, 'body_too_large', 'the request body is too large');
  if (e?.type === 'encoding.unsupported' || e?.type === 'charset.unsupported') {
    return new HttpError(415, 'unsupported_encoding', 'the request body encoding is not supported');
  }
  if (typeof e?.status === 'number' && e.status >= 400 && e.status < 500) {
    return new HttpError(e.status, 'bad_request', e.message ?? 'bad request');
  }
  return null;
}
