// A case's join link in words for the console: its state and, while it works, when it expires. Pure.
import type { CaseView, LinkState } from '../../../../protocol/http.ts';

export type LinkTone = 'neutral' | 'ok' | 'warn' | 'bad';

/** "in 2 days", "in 5 hours", "in 40 minutes", "in under a minute": rounded down, never promising more time than is left. */
export function expiresIn(expiresAt: string, now: Date): string {
  const ms = new Date(expiresAt).getTime() - now.getTime();
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return 'in under a minute';
  if (minutes < 60) return `in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `in ${hours} ${hours === 1 ? 'hour' : 'hours'}`;
  return `in ${Math.floor(hours / 24)} days`;
}

const STATE_WORDS: Record<LinkState, { text: string; tone: LinkTone }> = {
  'not-opened': { text: 'Link not opened', tone: 'neutral' },
  opened: { text: 'Link opened', tone: 'ok' },
  waiting: { text: 'Customer on the link', tone: 'ok' },
  declined: { text: 'Customer declined', tone: 'bad' },
  expired: { text: 'Link expired', tone: 'warn' },
};

/** The badge of a case's link: "Link not opened · expires in 2 days", "Customer declined", "Link expired". */
export function linkBadge(c: Pick<CaseView, 'linkState' | 'joinExpiresAt'>, now: Date): { state: LinkState; text: string; tone: LinkTone } {
  const state = c.linkState ?? 'not-opened';
  const words = STATE_WORDS[state];
  const live = state === 'not-opened' || state === 'opened' || state === 'waiting';
  return { state, tone: words.tone, text: live ? `${words.text} · expires ${expiresIn(c.joinExpiresAt, now)}` : words.text };
}
