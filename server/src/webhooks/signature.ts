// Standard Webhooks signing (standardwebhooks.com): the secret is `whsec_` + base64 of random bytes; a
// delivery is signed with HMAC-SHA256 keyed by those bytes over "<msg id>.<unix seconds>.<body>".
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** 32 random bytes (the scheme asks for 24 to 64). */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

/** The `webhook-signature` header's value for one delivery: `v1,<base64 HMAC>`. */
export function signWebhook(secret: string, id: string, timestamp: number, body: string): string {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  return `v1,${createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64')}`;
}

/** True when one of the space-separated `v1,` signatures in `header` is this delivery's (constant-time compare). */
export function verifyWebhook(secret: string, id: string, timestamp: number, body: string, header: string): boolean {
  const expected = Buffer.from(signWebhook(secret, id, timestamp, body));
  return header.split(' ').some((candidate) => {
    const given = Buffer.from(candidate);
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}
