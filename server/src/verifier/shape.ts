// Parses the bundle's text and JSON into typed values, field by field: a missing, extra or mistyped
// field is a fault, never a cast. Extra fields matter: the hash covers only the fields it names.
import type { KeyringKey, LedgerActor, LedgerEntry } from '../../../protocol/http.ts';
import { MAX_JSON_DEPTH, nestsDeeperThan } from '../ledger/canonical-json.ts';
import { BUNDLE_FORMAT_1, BUNDLE_FORMAT_2, BUNDLE_FORMATS, LEDGER_FILE, README_FILE, type BundleManifest, type ManifestBlob } from '../../../protocol/bundle.ts';

export type Parsed<T> = { ok: true; value: T } | { ok: false; fault: string };

// ignoreBOM keeps a leading byte-order mark in the text instead of dropping it unseen: the checks
// compare bytes exactly, and the exporter never writes one.
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const BOM = '\uFEFF';

/** Strict UTF-8, every byte kept; a byte-order mark is a fault, not something to skip. */
export function readText(bytes: Uint8Array): Parsed<string> {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return { ok: false, fault: 'is not UTF-8 text' };
  }
  if (text.startsWith(BOM)) return { ok: false, fault: 'starts with a byte-order mark (EF BB BF), which the exporter never writes: it was re-saved or altered' };
  return { ok: true, value: text };
}

/**
 * Bytes the exporter wrote as JSON: their exact text and its value. Faults complete a sentence about
 * the file or line ("… is not valid JSON"). The depth bound keeps every later check, several of which
 * recurse, safe from a value built to overflow the stack.
 */
export function readJson(bytes: Uint8Array): Parsed<{ text: string; value: unknown }> {
  const read = readText(bytes);
  if (!read.ok) return read;
  const text = read.value;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, fault: 'is not valid JSON (UTF-8)' };
  }
  if (nestsDeeperThan(value, MAX_JSON_DEPTH)) return { ok: false, fault: `nests arrays or objects more than ${MAX_JSON_DEPTH} deep, which nothing the exporter writes does` };
  return { ok: true, value: { text, value } };
}

type Json = Record<string, unknown>;

const HEX64 = /^[0-9a-f]{64}$/;
const ACTOR_TYPES: readonly string[] = ['assessor', 'customer', 'system'] satisfies LedgerActor['type'][];
const isActorType = (value: string): value is LedgerActor['type'] => ACTOR_TYPES.includes(value);

class Fault extends Error {}

const isRecord = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

function record(value: unknown, what: string, fields: readonly string[], optional: readonly string[] = []): Json {
  if (!isRecord(value)) throw new Fault(`${what} is not a JSON object`);
  const extra = Object.keys(value).find((key) => !fields.includes(key) && !optional.includes(key));
  if (extra !== undefined) throw new Fault(`${what} has a field the format does not have: "${extra}"`);
  const missing = fields.find((key) => !(key in value));
  if (missing !== undefined) throw new Fault(`${what} lacks the field "${missing}"`);
  return value;
}

function text(value: unknown, what: string, pattern?: RegExp): string {
  if (typeof value !== 'string') throw new Fault(`${what} is not a string`);
  if (pattern && !pattern.test(value)) throw new Fault(`${what} is not in the expected form`);
  return value;
}

function count(value: unknown, what: string, min: number): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min) throw new Fault(`${what} is not a whole number ≥ ${min}`);
  return value;
}

function parsing<T>(read: () => T): Parsed<T> {
  try {
    return { ok: true, value: read() };
  } catch (error) {
    if (error instanceof Fault) return { ok: false, fault: error.message };
    throw error;
  }
}

const ENTRY_FIELDS = ['caseId', 'seq', 'at', 'actor', 'type', 'payload', 'blobs', 'prevHash', 'hash', 'signature'] as const;
/** Entries written since key rotation name their key; older ones do not. */
const ENTRY_OPTIONAL = ['keyId'] as const;
const KEY_ID = /^[0-9a-f]{16}$/;

export function parseEntry(value: unknown): Parsed<LedgerEntry> {
  return parsing(() => {
    const e = record(value, 'the entry', ENTRY_FIELDS, ENTRY_OPTIONAL);
    const actor = record(e.actor, 'its actor', ['type', 'id']);
    const actorType = text(actor.type, 'its actor type');
    if (!isActorType(actorType)) throw new Fault(`its actor type "${actorType}" is not assessor, customer or system`);
    if (!isRecord(e.payload)) throw new Fault('its payload is not a JSON object');
    if (!Array.isArray(e.blobs)) throw new Fault('its blobs field is not a list');
    return {
      caseId: text(e.caseId, 'its caseId'),
      seq: count(e.seq, 'its seq', 1),
      at: text(e.at, 'its time'),
      actor: { type: actorType, id: text(actor.id, 'its actor id') },
      type: text(e.type, 'its type'),
      payload: e.payload,
      blobs: e.blobs.map((sha, i) => text(sha, `blob ${i + 1} it names`, HEX64)),
      prevHash: text(e.prevHash, 'its prevHash', HEX64),
      // In the exporter's field order: the line is compared byte for byte with the entry written back.
      ...('keyId' in e ? { keyId: text(e.keyId, 'its keyId', KEY_ID) } : {}),
      hash: text(e.hash, 'its hash', HEX64),
      signature: text(e.signature, 'its signature'),
    };
  });
}

const MANIFEST_FIELDS_1 = ['format', 'case', 'exportedAt', 'ledgerKey', 'ledger', 'blobs', 'readme', 'signature'] as const;
const MANIFEST_FIELDS_2 = ['format', 'case', 'exportedAt', 'ledgerKey', 'ledger', 'blobs', 'photos', 'readme', 'signature'] as const;
const MANIFEST_FIELDS = ['format', 'case', 'exportedAt', 'ledgerKey', 'ledgerKeys', 'ledger', 'blobs', 'photos', 'readme', 'signature'] as const;
const KEY_FIELDS = ['algorithm', 'keyId', 'publicKeyPem', 'createdAt', 'endorsedBy', 'endorsement'] as const;

function orNull(value: unknown, what: string): string | null {
  return value === null ? null : text(value, `${what} (or null)`);
}

function keyList(value: unknown): KeyringKey[] {
  if (!Array.isArray(value)) throw new Fault('its ledgerKeys field is not a list');
  return value.map((item, i): KeyringKey => {
    const key = record(item, `its ledgerKeys item ${i + 1}`, KEY_FIELDS);
    if (key.algorithm !== 'Ed25519') throw new Fault(`the algorithm of its ledgerKeys item ${i + 1} is not Ed25519`);
    const endorsedBy = orNull(key.endorsedBy, `the endorsedBy of its ledgerKeys item ${i + 1}`);
    const endorsement = orNull(key.endorsement, `the endorsement of its ledgerKeys item ${i + 1}`);
    if ((endorsedBy === null) !== (endorsement === null)) throw new Fault(`its ledgerKeys item ${i + 1} has an endorsedBy without an endorsement, or the reverse`);
    return {
      algorithm: 'Ed25519',
      keyId: text(key.keyId, `the keyId of its ledgerKeys item ${i + 1}`, KEY_ID),
      publicKeyPem: text(key.publicKeyPem, `the publicKeyPem of its ledgerKeys item ${i + 1}`),
      createdAt: text(key.createdAt, `the createdAt of its ledgerKeys item ${i + 1}`),
      endorsedBy,
      endorsement,
    };
  });
}

function blobList(value: unknown, what: string): ManifestBlob[] {
  if (!Array.isArray(value)) throw new Fault(`its ${what} field is not a list`);
  return value.map((item, i): ManifestBlob => {
    const blob = record(item, `its ${what} item ${i + 1}`, ['path', 'sha256', 'size']);
    return {
      path: text(blob.path, `the path of its ${what} item ${i + 1}`),
      sha256: text(blob.sha256, `the sha256 of its ${what} item ${i + 1}`, HEX64),
      size: count(blob.size, `the size of its ${what} item ${i + 1}`, 0),
    };
  });
}

export function parseManifest(value: unknown): Parsed<BundleManifest> {
  return parsing(() => {
    const format = BUNDLE_FORMATS.find((known) => isRecord(value) && known === value.format);
    if (!format) throw new Fault(`the manifest's format is ${JSON.stringify(isRecord(value) ? value.format : undefined)}, not ${BUNDLE_FORMATS.join(' or ')}`);
    const m = record(value, 'the manifest', format === BUNDLE_FORMAT_1 ? MANIFEST_FIELDS_1 : format === BUNDLE_FORMAT_2 ? MANIFEST_FIELDS_2 : MANIFEST_FIELDS);
    const summary = record(m.case, 'its case', ['id', 'kind', 'title', 'createdAt']);
    const key = record(m.ledgerKey, 'its ledgerKey', ['algorithm', 'keyId', 'publicKeyPem']);
    if (key.algorithm !== 'Ed25519') throw new Fault('its ledgerKey algorithm is not Ed25519');
    const ledger = record(m.ledger, 'its ledger', ['path', 'entries', 'headHash']);
    if (ledger.path !== LEDGER_FILE) throw new Fault(`its ledger path is not ${LEDGER_FILE}`);
    const readme = record(m.readme, 'its readme', ['path', 'sha256']);
    if (readme.path !== README_FILE) throw new Fault(`its readme path is not ${README_FILE}`);
    const blobs = blobList(m.blobs, 'blobs');
    const photos = format === BUNDLE_FORMAT_1 ? null : blobList(m.photos, 'photos');
    const ledgerKeys = format === BUNDLE_FORMAT_1 || format === BUNDLE_FORMAT_2 ? null : keyList(m.ledgerKeys);
    return {
      format,
      case: { id: text(summary.id, 'its case id'), kind: text(summary.kind, 'its case kind'), title: text(summary.title, 'its case title'), createdAt: text(summary.createdAt, 'its case createdAt') },
      exportedAt: text(m.exportedAt, 'its exportedAt'),
      ledgerKey: { algorithm: 'Ed25519', keyId: text(key.keyId, 'its keyId'), publicKeyPem: text(key.publicKeyPem, 'its publicKeyPem') },
      ...(ledgerKeys ? { ledgerKeys } : {}),
      ledger: { path: LEDGER_FILE, entries: count(ledger.entries, 'its entry count', 1), headHash: text(ledger.headHash, 'its headHash', HEX64) },
      blobs,
      ...(photos ? { photos } : {}),
      readme: { path: README_FILE, sha256: text(readme.sha256, 'its readme sha256', HEX64) },
      signature: text(m.signature, 'its signature'),
    };
  });
}
