// The customer's channel writes (join token): the answer to the assessor's proposal, and each switch.
// Ids are made on the page, so a retry after a lost response is the same write, never a second one.
import { z } from 'zod';
import { ChannelProposalView, ChannelSwitchView } from '../../../protocol/channels.ts';
import type { CustomerMode } from '../../../protocol/messages.ts';
import { ApiRequestError, apiFetch } from '../lib/api.ts';
import { isRetryable, retryDelay, sleep } from '../lib/retry.ts';

const ATTEMPTS = 4;

/** Tries again on a network failure or a server error; a refusal (4xx) is final. */
async function withRetry<T>(send: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await send();
    } catch (error) {
      if (attempt >= ATTEMPTS || !(error instanceof ApiRequestError) || !isRetryable(error.status)) throw error;
      await sleep(retryDelay(attempt, Math.random(), error.retryAfterMs));
    }
  }
}

export function postChannelAnswer(token: string, proposalId: string, accepted: boolean): Promise<ChannelProposalView> {
  const path = `/api/join/channel-proposals/${encodeURIComponent(proposalId)}`;
  return withRetry(() => apiFetch(path, z.object({ proposal: ChannelProposalView }), { token, body: { accepted } })).then((r) => r.proposal);
}

export interface ChannelSwitch {
  switchId: string;
  from: CustomerMode;
  to: CustomerMode;
  proposalId: string | null;
}

export function postChannelSwitch(token: string, body: ChannelSwitch): Promise<ChannelSwitchView> {
  return withRetry(() => apiFetch('/api/join/channel', z.object({ switch: ChannelSwitchView }), { token, body })).then((r) => r.switch);
}
