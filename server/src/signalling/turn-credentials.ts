// Short-lived TURN credentials in coturn's REST scheme (`use-auth-secret` with `static-auth-secret`):
// the username is "<expiry in unix seconds>:<peer id>" and the password base64(HMAC-SHA1(secret,
// username)). coturn checks both on every allocation and refresh, so no list of users is kept anywhere.
import { createHmac } from 'node:crypto';
import type { IceServer } from '../../../protocol/http.ts';

export interface TurnConfig {
  /** turn: and turns: URLs of one relay deployment, sharing the secret. */
  urls: string[];
  secret: string;
  /** How long a credential stands: at least as long as the longest call, since refreshes re-check it. */
  ttlMs: number;
}

export function turnCredential(secret: string, peerId: string, expiresAtMs: number): { username: string; credential: string } {
  const username = `${Math.floor(expiresAtMs / 1000)}:${peerId}`;
  return { username, credential: createHmac('sha1', secret).update(username, 'utf8').digest('base64') };
}

/** The ICE servers one peer is given: the static ones (STUN, say) and, where TURN is configured, the relay with its own credential. */
export function iceServersFor(peerId: string, staticServers: IceServer[], turn: TurnConfig | null, nowMs: number): IceServer[] {
  if (!turn) return staticServers;
  return [...staticServers, { urls: turn.urls, ...turnCredential(turn.secret, peerId, nowMs + turn.ttlMs) }];
}
