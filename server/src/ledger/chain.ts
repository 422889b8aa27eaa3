// The per-case hash chain, as pure functions: how an entry is hashed, linked and checked.
import crypto from 'node:crypto';
import type { LedgerActor, LedgerEntry } from '../../../protocol/http.ts';
import { canonicalJson } from './canonical-json.ts';

export const GENESIS_HASH = '0'.repeat(64);

export interface UnsealedEntry {
  caseId: string;
  seq: number;
  at: string;
  actor: LedgerActor;
  type: string;
  payload: Record<string, unknown>;
  blobs: string[];
  prevHash: string;
  /** The signing key's id; absent on entries written before entries named their key. */
  keyId?: string;
}

/**
 * The bytes that are hashed: the canonical JSON of every field but the hash and signature. `keyId` is
 * in them only when the entry has one, so an entry written before entries named their key hashes as it did.
 */
export function entryBytes(entry: UnsealedEntry): string {
  const { caseId, seq, at, actor, type, payload, blobs, prevHash, keyId } = entry;
  return canonicalJson({ caseId, seq, at, actor, type, payload, blobs, prevHash, ...(keyId === undefined ? {} : { keyId }) });
}

export function hashEntry(entry: UnsealedEntry): string {
  return crypto.createHash('sha256').update(entryBytes(entry), 'utf8').digest('hex');
}

/** Hashes and signs an entry; `sign` returns a signature over the canonical bytes. */
export function sealEntry(entry: UnsealedEntry, sign: (bytes: string) => string): LedgerEntry {
  const bytes = entryBytes(entry);
  const { caseId, seq, at, actor, type, payload, blobs, prevHash, keyId } = entry;
  // The field order every reader serves an entry in (ledger.jsonl is checked byte for byte).
  return {
    caseId, seq, at, actor, type, payload, blobs, prevHash, ...(keyId === undefined ? {} : { keyId }),
    hash: crypto.createHash('sha256').update(bytes, 'utf8').digest('hex'), signature: sign(bytes),
  };
}

/** Why an entry's signature does not hold over its canonical bytes, or null when it does. */
export type SignatureCheck = (entry: LedgerEntry, bytes: string) => string | null;

export interface ChainBreak {
  seq: number;
  reason: string;
}

/** What an entry must link to: its case, its place in the sequence and the hash before it. */
export interface ExpectedLink {
  caseId: string;
  seq: number;
  /** null when the entry before it could not be read, so the link cannot be checked. */
  prevHash: string | null;
}

/** The first thing wrong with one entry at its expected place, or null. */
export function entryFault(entry: LedgerEntry, expected: ExpectedLink, verify: SignatureCheck): string | null {
  if (entry.caseId !== expected.caseId) return `entry belongs to case ${entry.caseId}`;
  if (entry.seq !== expected.seq) return `sequence gap: expected ${expected.seq}, found ${entry.seq}`;
  if (expected.prevHash !== null && entry.prevHash !== expected.prevHash) return 'previous-hash link does not match the entry before it';
  if (hashEntry(entry) !== entry.hash) return 'entry content does not match its hash';
  return verify(entry, entryBytes(entry));
}

/**
 * Checks sequence, links, hashes and signatures of one case's entries (in stored order); the first
 * break or null. `verify` checks each entry's signature with the key it names.
 */
export function findChainBreak(caseId: string, entries: readonly LedgerEntry[], verify: SignatureCheck): ChainBreak | null {
  let prevHash = GENESIS_HASH;
  for (const [index, entry] of entries.entries()) {
    const reason = entryFault(entry, { caseId, seq: index + 1, prevHash }, verify);
    if (reason) return { seq: entry.seq, reason };
    prevHash = entry.hash;
  }
  return null;
}
