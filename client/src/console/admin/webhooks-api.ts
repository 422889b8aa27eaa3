// The admin's webhook calls (/api/admin/webhooks), each answer parsed with its protocol schema.
import { z } from 'zod';
import { WebhookCreated, WebhookDeliveries, WebhookDeliveryView, WebhookEndpointView, WebhookList, WebhookSecret, WebhookTestResult, type CreateWebhookBody, type UpdateWebhookBody } from '../../../../protocol/webhooks.ts';
import { apiFetch } from '../../lib/api.ts';

const at = (id: string, rest = '') => `/api/admin/webhooks/${encodeURIComponent(id)}${rest}`;

export const webhooksApi = {
  list: () => apiFetch('/api/admin/webhooks', WebhookList).then((r) => r.endpoints),
  create: (body: CreateWebhookBody) => apiFetch('/api/admin/webhooks', WebhookCreated, { body }),
  update: (id: string, body: UpdateWebhookBody) => apiFetch(at(id), z.object({ endpoint: WebhookEndpointView }), { method: 'PATCH', body }).then((r) => r.endpoint),
  remove: (id: string) => apiFetch(at(id), z.unknown(), { method: 'DELETE' }),
  revealSecret: (id: string) => apiFetch(at(id, '/secret'), WebhookSecret).then((r) => r.secret),
  rotateSecret: (id: string) => apiFetch(at(id, '/secret'), WebhookSecret, { method: 'POST' }).then((r) => r.secret),
  sendTest: (id: string) => apiFetch(at(id, '/test'), WebhookTestResult, { method: 'POST' }),
  deliveries: (id: string) => apiFetch(at(id, '/deliveries?limit=50'), WebhookDeliveries).then((r) => r.deliveries),
  retry: (id: string, messageId: string) => apiFetch(at(id, `/deliveries/${encodeURIComponent(messageId)}/retry`), z.object({ delivery: WebhookDeliveryView }), { method: 'POST' }).then((r) => r.delivery),
};
