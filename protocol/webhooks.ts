// Outgoing webhooks (issue 15): the events an endpoint can subscribe to, the JSON each delivery carries,
// and the admin API's bodies and views. docs/WEBHOOKS.md describes them for the receiving side.
import { z } from 'zod';
import { CaptureFlag } from './capture.ts';
import { CaseKind, Decision, EvidenceSource } from './http.ts';
import { IdentityPhotoPurpose, IdentityResult } from './identity.ts';
import { OfferConfirmation, OfferItem } from './settlement.ts';
import { text } from './text.ts';

/** The events, each named after the ledger kind it comes from. */
export const WEBHOOK_EVENTS = ['case.created', 'evidence.added', 'outcome.recorded', 'identity.checked', 'offer.accepted', 'offer.declined', 'case.closed'] as const;
export const WebhookEvent = z.enum(WEBHOOK_EVENTS);
export type WebhookEvent = z.infer<typeof WebhookEvent>;

/** What every event's data starts with: the case, and the signed ledger entry the event reports. */
const EntryFacts = z.object({
  caseId: text(),
  /** The operator's reference for the case; null when it has none. */
  reference: text().nullable(),
  ledgerSeq: z.number().int().min(1),
  /** The entry's hash: checkable against GET /api/cases/:id/ledger or the case's bundle. */
  entryHash: text(),
});

export const CaseCreatedData = EntryFacts.extend({ kind: CaseKind, title: text(), customerName: text().nullable(), assessorId: text().nullable() });
export const EvidenceAddedData = EntryFacts.extend({
  evidenceId: text(),
  source: EvidenceSource,
  mime: text(),
  size: z.number().int().min(0),
  sha256: text(),
  /** An identity check's photo; null for an ordinary one. */
  purpose: IdentityPhotoPurpose.nullable(),
  /** The when/where flags raised on arrival (empty: none, or a photo from before the checks). */
  flags: z.array(CaptureFlag),
});
export const OutcomeRecordedData = EntryFacts.extend({
  outcomeId: text(),
  decision: Decision,
  reason: text(),
  amount: z.number().nullable(),
  currency: text().nullable(),
  /** The outcome this one replaces; null for the first. */
  supersedes: text().nullable(),
});
export const IdentityCheckedData = EntryFacts.extend({ checkId: text(), result: IdentityResult, reason: text() });
/** The accepted offer's terms are repeated from its `offer.made` entry, so the payer needs no second call. */
export const OfferAcceptedData = EntryFacts.extend({
  offerId: text(),
  amount: z.number().nullable(),
  currency: text().nullable(),
  items: z.array(OfferItem),
  confirmedWith: OfferConfirmation,
  receiptCode: text(),
});
export const OfferDeclinedData = EntryFacts.extend({ offerId: text(), reason: text(), receiptCode: text() });
export const CaseClosedData = EntryFacts.extend({ reason: text().nullable() });

const event = <T extends WebhookEvent, D extends z.ZodType>(type: T, data: D) =>
  z.object({ type: z.literal(type), /** The ledger entry's time (ISO 8601). */ timestamp: text(), data });

/** One delivery's JSON body. */
export const WebhookPayload = z.discriminatedUnion('type', [
  event('case.created', CaseCreatedData),
  event('evidence.added', EvidenceAddedData),
  event('outcome.recorded', OutcomeRecordedData),
  event('identity.checked', IdentityCheckedData),
  event('offer.accepted', OfferAcceptedData),
  event('offer.declined', OfferDeclinedData),
  event('case.closed', CaseClosedData),
]);
export type WebhookPayload = z.infer<typeof WebhookPayload>;

/** The body of the "send test event" action's delivery; never stored, never retried. */
export const WebhookTestPayload = z.object({ type: z.literal('webhook.test'), timestamp: text(), data: z.object({ endpointId: text() }) });
export type WebhookTestPayload = z.infer<typeof WebhookTestPayload>;

// ---- admin API -------------------------------------------------------------------------------

export const WebhookUrl = text().trim().max(2000).refine((value) => {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.username === '' && url.password === '';
  } catch {
    return false;
  }
}, 'must be an http:// or https:// URL without credentials');

const Events = z.array(WebhookEvent).min(1, 'choose at least one event').refine((list) => new Set(list).size === list.length, 'an event is listed twice');
const Description = text().trim().max(200).nullable();

export const CreateWebhookBody = z.object({ url: WebhookUrl, events: Events, description: Description.optional() }).strict();
export type CreateWebhookBody = z.infer<typeof CreateWebhookBody>;

export const UpdateWebhookBody = z.object({ url: WebhookUrl.optional(), events: Events.optional(), description: Description.optional(), enabled: z.boolean().optional() })
  .strict()
  .refine((body) => Object.keys(body).length > 0, 'nothing to change');
export type UpdateWebhookBody = z.infer<typeof UpdateWebhookBody>;

export const WebhookEndpointView = z.object({
  id: text(),
  url: text(),
  description: text().nullable(),
  events: z.array(WebhookEvent),
  enabled: z.boolean(),
  createdAt: text(),
  disabledAt: text().nullable(),
  /** Messages not yet delivered (waiting or being retried), and given up on. */
  pending: z.number().int().min(0),
  abandoned: z.number().int().min(0),
});
export type WebhookEndpointView = z.infer<typeof WebhookEndpointView>;

export const WebhookList = z.object({ endpoints: z.array(WebhookEndpointView) });
export type WebhookList = z.infer<typeof WebhookList>;

/** The signing secret (Standard Webhooks `whsec_<base64>`): answered on create, reveal and rotate only. */
export const WebhookSecret = z.object({ secret: text().regex(/^whsec_[A-Za-z0-9+/]+={0,2}$/) });
export type WebhookSecret = z.infer<typeof WebhookSecret>;

export const WebhookCreated = z.object({ endpoint: WebhookEndpointView, secret: WebhookSecret.shape.secret });
export type WebhookCreated = z.infer<typeof WebhookCreated>;

export const WebhookAttemptView = z.object({
  at: text(),
  /** The endpoint's HTTP status; null when it could not be reached. */
  status: z.number().int().nullable(),
  error: text().nullable(),
  durationMs: z.number().int().min(0),
});
export type WebhookAttemptView = z.infer<typeof WebhookAttemptView>;

export const WebhookDeliveryState = z.enum(['pending', 'delivered', 'abandoned']);
export type WebhookDeliveryState = z.infer<typeof WebhookDeliveryState>;

export const WebhookDeliveryView = z.object({
  /** The message id: the `webhook-id` header, the same on every retry. */
  id: text(),
  event: WebhookEvent,
  caseId: text(),
  ledgerSeq: z.number().int(),
  state: WebhookDeliveryState,
  createdAt: text(),
  nextAttemptAt: text().nullable(),
  deliveredAt: text().nullable(),
  attempts: z.array(WebhookAttemptView),
});
export type WebhookDeliveryView = z.infer<typeof WebhookDeliveryView>;

export const WebhookDeliveries = z.object({ deliveries: z.array(WebhookDeliveryView) });
export type WebhookDeliveries = z.infer<typeof WebhookDeliveries>;

export const WebhookDeliveriesQuery = z.object({
  state: WebhookDeliveryState.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
}).strict();
export type WebhookDeliveriesQuery = z.infer<typeof WebhookDeliveriesQuery>;

/** What the "send test event" action saw: one attempt, made now. */
export const WebhookTestResult = z.object({ id: text(), delivered: z.boolean(), attempt: WebhookAttemptView });
export type WebhookTestResult = z.infer<typeof WebhookTestResult>;
