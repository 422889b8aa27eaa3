// The read API's parts, built once from storage: the keys and the queries its routes use.
import type { Store } from 'express-rate-limit';
import { createApiKeyService, type ApiKeyService } from '../api-keys/api-key-service.ts';
import { createApiKeyStore } from '../api-keys/api-key-store.ts';
import { createOutcomeStore, type OutcomeStore } from '../outcomes/outcome-store.ts';
import { createOfferStore, type OfferStore } from '../settlement/offer-store.ts';
import type { Db } from '../storage/database.ts';
import { createReadApiStore, type ReadApiStore } from './read-api-store.ts';

export interface ReadApi {
  apiKeys: ApiKeyService;
  cases: ReadApiStore;
  outcomes: Pick<OutcomeStore, 'list'>;
  offers: Pick<OfferStore, 'list'>;
  /** The server's clock: an open offer past its expiry reads as 'expired'. */
  clock: () => Date;
  /** Requests each key may make a minute (every /api/v1 route together). */
  limitPerMinute: number;
  /** Where the per-key counts are kept when instances share Redis; null: in this process. */
  limitStore: Store | null;
}

export function createReadApi(deps: { db: Db; clock: () => Date; limitPerMinute: number; limitStore: Store | null }): ReadApi {
  return {
    apiKeys: createApiKeyService({ store: createApiKeyStore(deps.db), clock: deps.clock }),
    cases: createReadApiStore(deps.db),
    outcomes: createOutcomeStore(deps.db),
    offers: createOfferStore(deps.db),
    clock: deps.clock,
    limitPerMinute: deps.limitPerMinute,
    limitStore: deps.limitStore,
  };
}
