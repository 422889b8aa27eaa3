// What the webhooks page says about events, states and attempts, in the page's language: pure apart
// from the message files, so it is tested without a page.
import { WEBHOOK_EVENTS, type WebhookAttemptView, type WebhookDeliveryState, type WebhookEvent } from '../../../../protocol/webhooks.ts';
import { i18next } from '../../i18n/i18n.ts';
import { translatedRecord } from '../../ui/translated-record.ts';

export const EVENT_LABELS: Readonly<Record<WebhookEvent, string>> = translatedRecord(WEBHOOK_EVENTS, (event) => `admin:event.${event}`);

const STATES: readonly WebhookDeliveryState[] = ['pending', 'delivered', 'abandoned'];

export const STATE_NAMES = translatedRecord(STATES, (state) => `admin:deliveryState.${state}`);

export const STATE_BADGE: Record<WebhookDeliveryState, string> = { pending: 'badge-warn', delivered: 'badge-ok', abandoned: 'badge-bad' };

/**
 * One attempt in a line: "204 in 35 ms", "answered 500 in 120 ms", "ECONNREFUSED: … (2 ms)". The
 * error is the server's own words about the receiver (a status, a network error) and stays as it came.
 */
export function attemptSummary(attempt: WebhookAttemptView): string {
  const ms = attempt.durationMs;
  if (attempt.status !== null && attempt.error === null) return i18next.t('admin:attempt.answered', { status: attempt.status, ms });
  if (attempt.status !== null) return i18next.t('admin:attempt.refused', { error: attempt.error, ms });
  return i18next.t('admin:attempt.failed', { error: attempt.error ?? i18next.t('admin:attempt.noAnswer'), ms });
}

export const attemptOk = (attempt: WebhookAttemptView): boolean => attempt.status !== null && attempt.status >= 200 && attempt.status < 300;
