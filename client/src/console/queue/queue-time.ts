// How the offer card says a wait and a countdown: whole seconds, never negative.
import { i18next } from '../../i18n/i18n.ts';

const t = (key: string, options: Record<string, unknown>): string => i18next.t(`console:queue.time.${key}`, options);

/** "42 s", "3 min 05 s", "1 h 02 min". */
export function formatWaited(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  if (seconds < 60) return t('seconds', { seconds });
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return t('minutes', { minutes, seconds: String(seconds % 60).padStart(2, '0') });
  return t('hours', { hours: Math.floor(minutes / 60), minutes: String(minutes % 60).padStart(2, '0') });
}

/** Seconds left until `expiresAt`, rounded up so the card shows 1 until the moment it lapses. */
export function secondsLeft(expiresAt: string, now: number): number {
  return Math.max(0, Math.ceil((Date.parse(expiresAt) - now) / 1000));
}
