// A per-client-address limit over ten minutes for the public routes that send codes or look things up
// (front-door intakes and codes, offer and identity codes, receipts): past it 429 with Retry-After and
// the reason. With Redis the counts are shared by every instance; if Redis does not answer, the request
// is refused rather than let unlimited guesses through.
import type { RequestHandler } from 'express';
import { rateLimit, type Store } from 'express-rate-limit';
import { HttpError, type ErrorText } from '../errors.ts';

const TEN_MINUTES = 10 * 60_000;

export type LimitStores = ((name: string) => Store) | null | undefined;

export function tenMinuteLimit(stores: LimitStores, name: string, limit: number, reason: ErrorText, options: Partial<Parameters<typeof rateLimit>[0]> = {}): RequestHandler {
  return rateLimit({
    windowMs: TEN_MINUTES,
    limit,
    ...(stores ? { store: stores(name), passOnStoreError: false } : {}),
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, res, next) => {
      if (!res.get('Retry-After')) res.set('Retry-After', String(TEN_MINUTES / 1000));
      next(new HttpError(429, 'too_many_requests', reason));
    },
    ...options,
  });
}
