// The outgoing webhooks' part of the OpenAPI document. The webhooks' payload schemas live in
// protocol/webhooks.ts (issue 15, its webhooks part); until that file is there, this describes none.
import type { RouteConfig } from '@asteasolutions/zod-to-openapi';

/** One `webhooks` entry per event: a POST of that event's payload schema to the organisation's endpoint. */
export function webhookDescriptions(): RouteConfig[] {
  return [];
}
