// What the webhooks page says about events, states and attempts: pure, so it is tested without a page.
import type { WebhookAttemptView, WebhookDeliveryState, WebhookEvent } from '../../../../protocol/webhooks.ts';

export const EVENT_LABELS: Record<WebhookEvent, string> = {
  'case.created': 'Case created',
  'evidence.added': 'Evidence added',
  'outcome.recorded': 'Outcome recorded',
  'identity.checked': 'Identity checked',
  'offer.accepted': 'Offer accepted',
  'offer.declined': 'Offer declined',
  'case.closed': 'Case closed',
};

export const STATE_LABELS: Record<WebhookDeliveryState, { text: string; badge: string }> = {
  pending: { text: 'Waiting', badge: 'badge-warn' },
  delivered: { text: 'Delivered', badge: 'badge-ok' },
  abandoned: { text: 'Abandoned', badge: 'badge-bad' },
};

/** One attempt in a line: "204 in 35 ms", "500 in 120 ms", "ECONNREFUSED: … (2 ms)". */
export function attemptSummary(attempt: WebhookAttemptView): string {
  if (attempt.status !== null && attempt.error === null) return `${attempt.status} in ${attempt.durationMs} ms`;
  if (attempt.status !== null) return `${attempt.error} in ${attempt.durationMs} ms`;
  return `${attempt.error ?? 'no answer'} (${attempt.durationMs} ms)`;
}

export const attemptOk = (attempt: WebhookAttemptView): boolean => attempt.status !== null && attempt.status >= 200 && attempt.status < 300;
