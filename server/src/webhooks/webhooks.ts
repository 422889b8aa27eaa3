// Outgoing webhooks put together for server.ts: the ledger hook that writes the outbox, the delivery
// worker every instance runs, and the admin service.
import type { Db } from '../storage/database.ts';
import { createDeliveryWorker, type DeliveryWorker } from './delivery-worker.ts';
import { createEndpointStore } from './endpoint-store.ts';
import { createOutboxStore } from './outbox-store.ts';
import { createOutboxWriter } from './outbox-writer.ts';
import { createWebhookService, type WebhookService } from './webhook-service.ts';
import type { LedgerEntry } from '../../../protocol/http.ts';

export interface Webhooks {
  /** For createLedgerStore: runs in each append's transaction. */
  onAppended: (entry: LedgerEntry) => Promise<void>;
  worker: DeliveryWorker;
  service: WebhookService;
}

export function createWebhooks(deps: { db: Db; now: () => Promise<Date>; instanceId: string; retryBaseMs: number; onError: (err: unknown) => void }): Webhooks {
  const endpoints = createEndpointStore(deps.db);
  const outbox = createOutboxStore(deps.db);
  const worker = createDeliveryWorker({ outbox, endpoints, instanceId: deps.instanceId, now: deps.now, retryBaseMs: deps.retryBaseMs, onError: deps.onError });
  return {
    onAppended: createOutboxWriter({ db: deps.db, endpoints, outbox, onWritten: worker.wake }),
    worker,
    service: createWebhookService({ endpoints, outbox, now: deps.now, wake: worker.wake }),
  };
}
