// The one error middleware: HttpError → its status; body-parser errors → 400/413; anything else → 500
// without leaking internals (logged with the request id).
import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from 'pino';
import { HttpError } from '../errors.ts';

interface BodyParserError { type?: string; status?: number; message?: string }

export function notFoundHandler(): RequestHandler {
  return (req, _res, next) => next(new HttpError(404, 'not_found', `no route for ${req.method} ${req.path}`));
}

export function errorHandler(log: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    const known = toHttpError(error);
    if (!known) log.error({ err: error, method: req.method, path: req.path }, 'unhandled error');
    const status = known?.status ?? 500;
    const body = { error: { code: known?.code ?? 'internal', message: known?.message ?? 'something went wrong on the server' } };
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
