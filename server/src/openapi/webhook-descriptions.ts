// The outgoing webhooks' part of the OpenAPI document (its `webhooks`): one POST per event, its body the
// event's schema from protocol/webhooks.ts and the Standard Webhooks headers that sign it
// (docs/WEBHOOKS.md shows how to check them).
import { zodToOpenAPIRegistry, type RouteConfig } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { WebhookPayload, WebhookTestPayload } from '../../../protocol/webhooks.ts';

const SIGNATURE_HEADERS = z.object({
  'webhook-id': z.string().meta({ description: 'The message id, the same on every retry: deduplicate on it.' }),
  'webhook-timestamp': z.string().regex(/^\d+$/).meta({ description: 'When this attempt was signed (Unix seconds); refuse one far from your clock.' }),
  'webhook-signature': z.string().meta({ description: 'Space-separated `v1,<base64 HMAC-SHA256>` of `<webhook-id>.<webhook-timestamp>.<body>` under the endpoint\'s secret (the bytes after `whsec_`, base64-decoded).' }),
});

/** `case.created` → `WebhookCaseCreated`; `webhook.test` → `WebhookTest`. */
const componentName = (type: string): string => `Webhook${type.replace(/^webhook\./, '').split(/[.-]/).map((w) => w[0]!.toUpperCase() + w.slice(1)).join('')}`;

export function webhookDescriptions(): RouteConfig[] {
  const events = [...WebhookPayload.options, WebhookTestPayload].map((schema) => ({ type: schema.shape.type.value, schema }));
  return events.map(({ type, schema }) => {
    if (!zodToOpenAPIRegistry.has(schema)) zodToOpenAPIRegistry.add(schema, { _internal: { refId: componentName(type) } });
    return {
      method: 'post',
      path: type,
      summary: type === 'webhook.test' ? 'The admin pages\' "send test event" (never stored, never retried)' : `The ledger entry ${type} was written`,
      description: 'Sent to every enabled endpoint subscribed to the event, from an outbox written in the ledger entry\'s transaction, in order per case; retried with backoff (5 s up to 6 h, about 22 hours in all) until a 2xx, then abandoned and shown in the admin pages.',
      request: { headers: SIGNATURE_HEADERS, body: { content: { 'application/json': { schema } } } },
      responses: { 200: { description: 'Any 2xx acknowledges the delivery; anything else, or no answer within 10 s, is retried.' } },
    };
  });
}
