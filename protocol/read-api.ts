// The REST read API (issue 15): API keys an admin issues, and what `/api/v1` answers to a claims or
// booking system holding one. These schemas are also the source of the OpenAPI document
// (server/src/openapi/), so what is served, what is described and what tests check is one contract.
import { z } from 'zod';
import { CaptureCheck, CaseAddress, ExifFacts } from './capture.ts';
import { CaseKind, Decision, EvidenceSource, LedgerEntry, Location, OutcomeView } from './http.ts';
import { IdentityPhotoPurpose } from './identity.ts';
import { OfferView } from './settlement-http.ts';
import { text } from './text.ts';

/** What a key may read: each `/api/v1` route needs one (the case itself needs `cases:read`). */
export const ApiKeyScope = z.enum(['cases:read', 'outcomes:read', 'evidence:read', 'offers:read', 'ledger:read']);
export type ApiKeyScope = z.infer<typeof ApiKeyScope>;

/** `POST /api/admin/api-keys`: a name people recognise and what the key may read. */
export const CreateApiKeyBody = z.object({
  name: text().trim().min(1).max(120),
  scopes: z.array(ApiKeyScope).min(1).max(ApiKeyScope.options.length)
    .refine((scopes) => new Set(scopes).size === scopes.length, { message: 'name each scope once' }),
});
export type CreateApiKeyBody = z.infer<typeof CreateApiKeyBody>;

/** A key as the admin pages list it: never the key itself, only its prefix. */
export const ApiKeyView = z.object({
  id: text(),
  name: text(),
  /** The public part of the key (`slk_<prefix>_…`), to tell keys apart. */
  prefix: text(),
  scopes: z.array(ApiKeyScope),
  createdBy: text(),
  createdAt: text(),
  /** Within a minute of the key's last use; null: never used. */
  lastUsedAt: text().nullable(),
  /** When it was revoked (it is then refused at once); null: in force. */
  revokedAt: text().nullable(),
});
export type ApiKeyView = z.infer<typeof ApiKeyView>;

/** The answer to creating a key: the only time the whole key is shown. */
export const ApiKeyCreated = z.object({ apiKey: ApiKeyView, key: text() });
export type ApiKeyCreated = z.infer<typeof ApiKeyCreated>;

export const ApiKeyList = z.object({ apiKeys: z.array(ApiKeyView) });
export type ApiKeyList = z.infer<typeof ApiKeyList>;

/**
 * `GET /api/v1/cases`: by the operator's reference, or every case in order of its last change
 * (`updatedAt`, then id), a page at a time: pass the answer's `nextCursor` back as `cursor`.
 */
export const ApiCaseQuery = z.object({
  /** The operator's claim, policy or booking reference, exactly as it was given. */
  reference: text().trim().min(1).max(64).optional(),
  /** Only cases changed after this instant (ISO 8601). */
  updatedSince: text().datetime({ offset: true }).optional(),
  /** The `nextCursor` of the previous page. */
  cursor: text().max(200).regex(/^[A-Za-z0-9_-]+$/, 'cursor must be a nextCursor this API gave').optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ApiCaseQuery = z.infer<typeof ApiCaseQuery>;

export const ApiCase = z.object({
  id: text(),
  kind: CaseKind,
  title: text(),
  customerName: text().nullable(),
  /** The operator's claim, policy or booking reference; null when none was given. */
  reference: text().nullable(),
  /** null: opened at the front door and not yet taken from the queue. */
  assessorId: text().nullable(),
  createdAt: text(),
  /** The time of the case's latest ledger entry: anything that changed the case wrote one. */
  updatedAt: text(),
  closedAt: text().nullable(),
  archivedAt: text().nullable(),
  /** The address the case's photos are checked against; null when none was set. */
  address: CaseAddress.nullable(),
  /** The outcome in force (the latest); null while undecided. */
  decision: Decision.nullable(),
  evidenceCount: z.number().int(),
  /** The head of the case's signed ledger: its last entry's seq and hash. */
  ledgerHead: z.object({ seq: z.number().int(), hash: text() }).nullable(),
});
export type ApiCase = z.infer<typeof ApiCase>;

export const ApiCasePage = z.object({
  cases: z.array(ApiCase),
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: text().nullable(),
});
export type ApiCasePage = z.infer<typeof ApiCasePage>;

export const ApiOutcomeList = z.object({ outcomes: z.array(OutcomeView) });
export type ApiOutcomeList = z.infer<typeof ApiOutcomeList>;

/** A photo's metadata: what it is, where and when it was taken, and the checks it got. No image bytes. */
export const ApiEvidence = z.object({
  id: text(),
  source: EvidenceSource,
  /** What an identity check's photo shows; null: a photo of the case. */
  purpose: IdentityPhotoPurpose.nullable(),
  capturedBy: z.enum(['customer', 'assessor']),
  mime: text(),
  size: z.number().int(),
  /** SHA-256 (hex) of the original file, as signed in the ledger. */
  sha256: text(),
  width: z.number().int(),
  height: z.number().int(),
  /** The capturing device's clock; null when it sent none. */
  deviceTime: text().nullable(),
  receivedAt: text(),
  location: Location.nullable(),
  /** A gallery upload's EXIF time and place, when the file carried them; null otherwise. */
  exif: ExifFacts.nullable(),
  /** The when/where check made on arrival; null for photos stored before the check existed. */
  capture: CaptureCheck.nullable(),
  /** Set when the photo was marked superseded (it is kept, never edited or deleted). */
  superseded: z.object({ at: text(), reason: text(), replacedBy: text().nullable() }).nullable(),
  /** The seq of the ledger entry that recorded the photo. */
  ledgerSeq: z.number().int(),
});
export type ApiEvidence = z.infer<typeof ApiEvidence>;

export const ApiEvidenceList = z.object({ evidence: z.array(ApiEvidence) });
export type ApiEvidenceList = z.infer<typeof ApiEvidenceList>;

/** A settlement offer and what became of it (the console's `OfferView` without the masked recipient of its code). */
export const ApiOffer = OfferView.omit({ codeSentTo: true });
export type ApiOffer = z.infer<typeof ApiOffer>;

export const ApiOfferList = z.object({ offers: z.array(ApiOffer) });
export type ApiOfferList = z.infer<typeof ApiOfferList>;

/** The case's signed ledger, oldest first: check it with the keys at `GET /api/ledger/keys`. */
export const ApiLedger = z.object({ entries: z.array(LedgerEntry) });
export type ApiLedger = z.infer<typeof ApiLedger>;
