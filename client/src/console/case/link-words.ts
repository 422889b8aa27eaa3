// A case's join link in words for the console: its state and, while it works, when it expires. Pure.
import type { CaseView, LinkState } from '../../../../protocol/http.ts';
import { i18next } from '../../i18n/i18n.ts';

const t = (key: string, options?: Record<string, unknown>): string => i18next.t(`console:link.${key}`, options);

export type LinkTone = 'neutral' | 'ok' | 'warn' | 'bad';

/** "in 2 days", "in 5 hours", "in 40 minutes", "in under a minute": rounded down, never promising more time than is left. */
export function expiresIn(expiresAt: string, now: Date): string {
  const ms = new Date(expiresAt).getTime() - now.getTime();
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return t('in.underAMinute');
  if (minutes < 60) return t('in.minutes', { count: minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return t('in.hours', { count: hours });
  return t('in.days', { count: Math.floor(hours / 24) });
}

const STATE_WORDS: Record<LinkState, { key: string; tone: LinkTone }> = {
  'not-opened': { key: 'state.notOpened', tone: 'neutral' },
  opened: { key: 'state.opened', tone: 'ok' },
  waiting: { key: 'state.waiting', tone: 'ok' },
  declined: { key: 'state.declined', tone: 'bad' },
  expired: { key: 'state.expired', tone: 'warn' },
};

/** The badge of a case's link: "Link not opened · expires in 2 days", "Customer declined", "Link expired". */
export function linkBadge(c: Pick<CaseView, 'linkState' | 'joinExpiresAt'>, now: Date): { state: LinkState; text: string; tone: LinkTone } {
  const state = c.linkState ?? 'not-opened';
  const words = STATE_WORDS[state];
  const live = state === 'not-opened' || state === 'opened' || state === 'waiting';
  return { state, tone: words.tone, text: live ? t('expiring', { state: t(words.key), when: expiresIn(c.joinExpiresAt, now) }) : t(words.key) };
}
