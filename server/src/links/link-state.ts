// Where a case's current join link stands, from its stored facts and the customer's live presence.
import type { CasePresence, LinkState } from '../../../protocol/http.ts';

export interface LinkFacts {
  /** The current token's expiry; null when the case has no current token. */
  expiresAt: string | null;
  openedAt: string | null;
  declinedAt: string | null;
  consentedAt: string | null;
}

/** expired > declined > waiting > opened > not-opened: the first that holds names the state. */
export function linkState(facts: LinkFacts, presence: CasePresence, now: Date): LinkState {
  if (facts.expiresAt === null || facts.expiresAt <= now.toISOString()) return 'expired';
  // A consent given after declining means the customer changed their mind.
  if (facts.declinedAt !== null && (facts.consentedAt === null || facts.consentedAt < facts.declinedAt)) return 'declined';
  if (presence !== 'offline') return 'waiting';
  return facts.openedAt !== null ? 'opened' : 'not-opened';
}
