// Peer credentials: server-minted peer ids and the short-lived token that lets one id register on the
// signalling server for one case and role. Pure apart from the randomness of a new id.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

/** `participant`: an invited expert's or a supervisor's page, reached only through the assessor's console. */
export const PeerRole = z.enum(['customer', 'assessor', 'participant']);
export type PeerRole = z.infer<typeof PeerRole>;

export interface PeerGrant {
  peerId: string;
  caseId: string;
  role: PeerRole;
  /** The join token a customer credential was minted under: the grant stands only while that token does. */
  joinTokenId?: string;
}

export type PeerTokenCheck =
  | { ok: true; grant: PeerGrant; expiresAtMs: number }
  | { ok: false; reason: 'malformed' | 'bad-signature' | 'expired' };

/** Hex, because the PeerJS client only accepts ids matching /^[A-Za-z0-9]+(?:[ _-][A-Za-z0-9]+)*$/. */
const PEER_ID = /^[0-9a-f]{32}$/;
const BASE64URL = /^[A-Za-z0-9_-]+$/;
const EXPIRY = /^[0-9]{1,15}$/;
const MAC_BYTES = 32;
const MIN_SECRET_BYTES = 32;

/** A fresh peer id: 128 random bits as 32 hex characters. */
export function createPeerId(): string {
  return randomBytes(16).toString('hex');
}

export function isPeerId(value: string): boolean {
  return PEER_ID.test(value);
}

/**
 * `<caseId base64url>.<role>[.<joinTokenId base64url>].<expiry ms>.<HMAC-SHA256 base64url>`: only
 * URL-safe characters, because the PeerJS client puts the token into the WebSocket URL without encoding
 * it. The peer id is signed but not carried: it travels beside the token as the `id` query parameter.
 */
export function mintPeerToken(secret: Buffer, grant: PeerGrant, expiresAtMs: number): string {
  assertSecret(secret);
  if (!isPeerId(grant.peerId)) throw new Error('peer token: peer id must be 32 hex characters');
  if (grant.caseId.length === 0) throw new Error('peer token: case id must not be empty');
  if (grant.joinTokenId === '') throw new Error('peer token: join token id must not be empty');
  if (!Number.isSafeInteger(expiresAtMs) || expiresAtMs < 0) throw new Error('peer token: bad expiry');
  const caseId = Buffer.from(grant.caseId, 'utf8').toString('base64url');
  const mac = sign(secret, grant, expiresAtMs).toString('base64url');
  const holder = grant.joinTokenId === undefined ? '' : `${Buffer.from(grant.joinTokenId, 'utf8').toString('base64url')}.`;
  return `${caseId}.${grant.role}.${holder}${expiresAtMs}.${mac}`;
}

/** Checks a token presented together with `peerId`; the MAC comparison takes constant time. */
export function verifyPeerToken(secret: Buffer, peerId: string, token: string, nowMs: number): PeerTokenCheck {
  assertSecret(secret);
  const parts = token.split('.');
  if ((parts.length !== 4 && parts.length !== 5) || !isPeerId(peerId)) return { ok: false, reason: 'malformed' };
  const [caseField = '', roleField = ''] = parts;
  const [expiryField = '', macField = ''] = parts.slice(-2);
  const holderField = parts.length === 5 ? parts[2] : undefined;
  const role = PeerRole.safeParse(roleField);
  if (!BASE64URL.test(caseField) || !role.success || !EXPIRY.test(expiryField) || !BASE64URL.test(macField)) {
    return { ok: false, reason: 'malformed' };
  }
  if (holderField !== undefined && !BASE64URL.test(holderField)) return { ok: false, reason: 'malformed' };
  const mac = Buffer.from(macField, 'base64url');
  if (mac.length !== MAC_BYTES) return { ok: false, reason: 'malformed' };
  const grant: PeerGrant = { peerId, caseId: Buffer.from(caseField, 'base64url').toString('utf8'), role: role.data };
  if (holderField !== undefined) grant.joinTokenId = Buffer.from(holderField, 'base64url').toString('utf8');
  const expiresAtMs = Number(expiryField);
  if (!timingSafeEqual(mac, sign(secret, grant, expiresAtMs))) return { ok: false, reason: 'bad-signature' };
  // Expiry is checked after the MAC so that an attacker learns nothing from a forged expiry.
  if (expiresAtMs <= nowMs) return { ok: false, reason: 'expired' };
  return { ok: true, grant, expiresAtMs };
}

function sign(secret: Buffer, grant: PeerGrant, expiresAtMs: number): Buffer {
  // A JSON array is an unambiguous encoding of the fields (with or without the join token id); the label
  // keeps these MACs apart from any other use of the same secret.
  const fields = ['sightline-peer-token/v1', grant.peerId, grant.caseId, grant.role, expiresAtMs];
  if (grant.joinTokenId !== undefined) fields.push(grant.joinTokenId);
  const payload = JSON.stringify(fields);
  return createHmac('sha256', secret).update(payload, 'utf8').digest();
}

function assertSecret(secret: Buffer): void {
  if (secret.length < MIN_SECRET_BYTES) throw new Error(`peer token: secret must be at least ${MIN_SECRET_BYTES} bytes`);
}
