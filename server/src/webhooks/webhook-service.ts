// The admin side of webhooks: endpoints (the secret made here, shown on create, reveal and rotate),
// their delivery history, a retry by hand, and a test event sent at once.
import type { User } from '../../../protocol/http.ts';
import type { CreateWebhookBody, UpdateWebhookBody, WebhookCreated, WebhookDeliveriesQuery, WebhookDeliveryView, WebhookEndpointView, WebhookTestResult } from '../../../protocol/webhooks.ts';
import { newId } from '../auth/tokens.ts';
import { HttpError, notFound, text } from '../errors.ts';
import { deliver } from './deliver.ts';
import type { EndpointStore } from './endpoint-store.ts';
import type { OutboxStore } from './outbox-store.ts';
import { newWebhookSecret } from './signature.ts';

export interface WebhookServiceDeps {
  endpoints: EndpointStore;
  outbox: OutboxStore;
  /** The delivery worker's time (a retry is due at once by its reckoning). */
  now: () => Promise<Date>;
  /** A retried message is due now: the worker looks at once. */
  wake: () => void;
  /** How long the test event waits for the endpoint. @default 10000 */
  timeoutMs?: number;
}

export type WebhookService = ReturnType<typeof createWebhookService>;

export function createWebhookService(deps: WebhookServiceDeps) {
  const { endpoints, outbox, now } = deps;
  const view = async (id: string): Promise<WebhookEndpointView> => {
    const found = (await endpoints.list()).find((e) => e.id === id);
    if (!found) throw notFound('webhookEndpoint');
    return found;
  };
  const existing = async (id: string) => {
    const endpoint = await endpoints.byId(id);
    if (!endpoint) throw notFound('webhookEndpoint');
    return endpoint;
  };

  return {
    list: () => endpoints.list(),

    async create(admin: User, body: CreateWebhookBody): Promise<WebhookCreated> {
      const secret = newWebhookSecret();
      const id = newId('whe');
      await endpoints.create({ id, url: body.url, description: body.description ?? null, events: body.events, secret, createdAt: (await now()).toISOString(), disabledAt: null, createdBy: admin.id });
      return { endpoint: await view(id), secret };
    },

    async update(id: string, body: UpdateWebhookBody): Promise<WebhookEndpointView> {
      const endpoint = await existing(id);
      const disabledAt = body.enabled === undefined ? undefined : body.enabled ? null : (endpoint.disabledAt ?? (await now()).toISOString());
      await endpoints.update(id, { url: body.url, events: body.events, description: body.description, disabledAt });
      if (body.enabled) deps.wake();
      return view(id);
    },

    async remove(id: string): Promise<void> {
      if (!(await endpoints.remove(id))) throw notFound('webhookEndpoint');
    },

    async revealSecret(id: string): Promise<{ secret: string }> {
      return { secret: (await existing(id)).secret };
    },

    /** A new secret at once: deliveries from now on are signed with it, retries of older messages too. */
    async rotateSecret(id: string): Promise<{ secret: string }> {
      await existing(id);
      const secret = newWebhookSecret();
      await endpoints.update(id, { secret });
      return { secret };
    },

    async deliveries(id: string, query: WebhookDeliveriesQuery): Promise<WebhookDeliveryView[]> {
      await existing(id);
      return outbox.deliveries(id, query);
    },

    async retry(id: string, messageId: string): Promise<WebhookDeliveryView> {
      await existing(id);
      const retried = await outbox.retry(id, messageId, (await now()).toISOString());
      if (retried === null) throw notFound('delivery');
      if (retried === 'claimed') throw new HttpError(409, 'delivery_under_way', text('webhook.underWay'));
      deps.wake();
      return retried;
    },

    /** One `webhook.test` delivery now, signed like any other; its result is answered, not stored. */
    async sendTest(id: string): Promise<WebhookTestResult> {
      const endpoint = await existing(id);
      const at = await now();
      const messageId = newId('msg');
      const body = JSON.stringify({ type: 'webhook.test', timestamp: at.toISOString(), data: { endpointId: id } });
      const result = await deliver({ url: endpoint.url, secret: endpoint.secret, id: messageId, body, now: at, timeoutMs: deps.timeoutMs ?? 10_000 });
      return { id: messageId, delivered: result.delivered, attempt: { at: at.toISOString(), status: result.status, error: result.error, durationMs: result.durationMs } };
    },
  };
}
