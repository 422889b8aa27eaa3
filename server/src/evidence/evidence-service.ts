// Snapshot and photo evidence: decode and check the upload, keep the original byte-for-byte, store a
// location-free preview and a thumbnail, and commit the row and its ledger entry together — only after
// every blob it names is durably on disk.
import fsp from 'node:fs/promises';
import type { ChecklistCapture } from '../../../protocol/checklist.ts';
import { EVIDENCE_SUPERSEDED, RETENTION_PURGED, type SupersedeBody } from '../../../protocol/corrections.ts';
import { EVIDENCE_NOTED } from '../../../protocol/evidence-notes.ts';
import { checkCapture } from '../../../protocol/capture.ts';
import type { EvidenceNoteBody, EvidenceUploadMeta, EvidenceView } from '../../../protocol/http.ts';
import { actorOf, type Principal } from '../auth/principal.ts';
import { newId } from '../auth/tokens.ts';
import type { CaseAddressService } from '../cases/case-address.ts';
import type { CaseService } from '../cases/case-service.ts';
import type { SettingsStore } from '../settings/settings-store.ts';
import { readExifFacts } from './exif-facts.ts';
import type { ChecklistService } from '../checklist/checklist-service.ts';
import { HttpError, notFound, text } from '../errors.ts';
import type { EventHub } from '../events/event-hub.ts';
import type { LedgerStore } from '../ledger/ledger-store.ts';
import { writeOnce } from '../ledger/ledger-write.ts';
import { purgeCoverage, type PurgeCoverage } from '../ledger/tombstones.ts';
import type { BlobStore } from '../storage/blob-store.ts';
import type { Db } from '../storage/database.ts';
import type { EvidenceCorrection, EvidenceNote, EvidenceRecord, EvidenceStore } from './evidence-store.ts';
import { createImageIntake, type ImageWorkLimits } from './image-intake.ts';

export interface EvidenceServiceDeps {
  db: Db;
  store: EvidenceStore;
  blobs: BlobStore;
  ledger: LedgerStore;
  cases: CaseService;
  checklist: ChecklistService;
  hub: EventHub;
  clock: () => Date;
  images: ImageWorkLimits;
  /** The organisation's settings: how far from the case's address a photo may be taken. */
  settings: Pick<SettingsStore, 'get'>;
  /** The address a photo is checked against, as the ledger last recorded it. */
  caseAddress: Pick<CaseAddressService, 'current'>;
}

export interface ReceivedFile {
  /** A temp file inside the blob store's temp folder; the service takes ownership of it. */
  tempFile: string;
  sha256: string;
  size: number;
}

export type EvidenceService = ReturnType<typeof createEvidenceService>;

export function createEvidenceService(deps: EvidenceServiceDeps) {
  const { db, store, blobs, ledger, hub, clock } = deps;
  const images = createImageIntake({ blobs, limits: deps.images });
  /** Whose images queue together: one user, or one join token. */
  const callerOf = (principal: Principal): string => `${principal.kind}:${actorOf(principal).id}`;

  /** What a case's later entries say about its evidence: corrections, captions and notes, purged blobs, checklist verdicts. */
  interface CaseContext { corrections: Map<string, EvidenceCorrection>; notes: Map<string, EvidenceNote>; coverage: PurgeCoverage; checklist: Map<string, ChecklistCapture> }
  const contextOf = async (caseId: string): Promise<CaseContext> => {
    const [corrections, notes, purges, checklist] = await Promise.all([
      store.corrections(caseId), store.notes(caseId), ledger.listOfType(caseId, RETENTION_PURGED), deps.checklist.byEvidence(caseId),
    ]);
    return { corrections, notes, coverage: purgeCoverage(purges), checklist };
  };

  /** The view of one record; without a context, the case's is read now. */
  const toView = async (r: EvidenceRecord, context?: CaseContext): Promise<EvidenceView> => viewOf(r, context ?? await contextOf(r.caseId));

  const viewOf = (r: EvidenceRecord, context: CaseContext): EvidenceView => {
    const correction = context.corrections.get(r.id);
    const noted = context.notes.get(r.id);
    const base = `/api/cases/${r.caseId}/evidence/${r.id}`;
    const skew = r.deviceTime ? Date.parse(r.receivedAt) - Date.parse(r.deviceTime) : null;
    return {
      id: r.id,
      caseId: r.caseId,
      source: r.source,
      mime: r.mime,
      size: r.size,
      sha256: r.sha256,
      width: r.width,
      height: r.height,
      sharpness: r.sharpness,
      blurry: r.blurry,
      brightness: r.brightness,
      deviceTime: r.deviceTime,
      receivedAt: r.receivedAt,
      clockSkewMs: skew,
      location: r.latitude !== null && r.longitude !== null
        ? { latitude: r.latitude, longitude: r.longitude, ...(r.accuracy !== null ? { accuracy: r.accuracy } : {}) }
        : null,
      requestId: r.requestId,
      capturedBy: r.capturedBy,
      originalUrl: `${base}/original`,
      previewUrl: `${base}/preview`,
      thumbnailUrl: `${base}/thumbnail`,
      supersededBy: correction?.replacedBy ?? null,
      superseded: correction ? { at: correction.at, reason: correction.reason, replacedBy: correction.replacedBy } : null,
      purged: context.coverage.covers(r.ledgerSeq, r.sha256),
      checklist: context.checklist.get(r.id) ?? null,
      layer: r.layer,
      caption: noted?.caption ?? null,
      note: noted?.note ?? null,
      noted: noted ? { by: noted.byName ?? noted.by, at: noted.at } : null,
      purpose: r.purpose,
      exif: r.exif,
      capture: r.capture,
    };
  };

  return {
    toView,
    async list(caseId: string): Promise<EvidenceView[]> {
      const [context, records] = await Promise.all([contextOf(caseId), store.list(caseId)]);
      return records.map((r) => viewOf(r, context));
    },

    /** Marks an evidence item superseded: a new ledger entry and its projection, in one transaction. */
    async supersede(principal: Principal, caseId: string, evidenceId: string, body: SupersedeBody): Promise<EvidenceView> {
      const caseRecord = await deps.cases.authorize(principal, caseId);
      const view = await db.transaction(async () => {
        const record = await store.byId(caseId, evidenceId);
        if (!record) throw notFound('evidence');
        if ((await store.corrections(caseId)).has(evidenceId)) {
          throw new HttpError(409, 'already_superseded', text('evidence.alreadySuperseded', { id: evidenceId }));
        }
        const replacedBy = body.replacedBy ?? null;
        if (replacedBy !== null && (replacedBy === evidenceId || !(await store.byId(caseId, replacedBy)))) {
          throw new HttpError(400, 'invalid_replacement', text('evidence.invalidReplacement'));
        }
        const entry = await ledger.append({
          caseId,
          actor: actorOf(principal),
          type: EVIDENCE_SUPERSEDED,
          payload: { evidenceId, reason: body.reason, replacedBy },
        });
        await store.insertCorrection({ evidenceId, caseId, reason: body.reason, replacedBy, at: entry.at, ledgerSeq: entry.seq });
        return toView(record);
      });
      hub.publish(caseRecord.assessorId, { type: 'evidence', evidence: view });
      await deps.cases.publish(caseId);
      return view;
    },

    /**
     * Sets a photo's caption and/or note (a field left out keeps its value; null or blank clears it):
     * a ledger entry and its projection in one transaction. A change to nothing appends nothing.
     */
    async note(principal: Principal, caseId: string, evidenceId: string, body: EvidenceNoteBody): Promise<{ evidence: EvidenceView; created: boolean }> {
      const caseRecord = await deps.cases.authorize(principal, caseId);
      const result = await db.transaction(async () => {
        const record = await store.byId(caseId, evidenceId);
        if (!record) throw notFound('evidence');
        const context = await contextOf(caseId);
        if (context.coverage.covers(record.ledgerSeq, record.sha256)) {
          throw new HttpError(409, 'evidence_purged', text('evidence.purgedNote', { id: evidenceId }));
        }
        const earlier = context.notes.get(evidenceId);
        const given = (value: string | null | undefined, before: string | null): string | null =>
          value === undefined ? before : value === null || value === '' ? null : value;
        const caption = given(body.caption, earlier?.caption ?? null);
        const note = given(body.note, earlier?.note ?? null);
        if (caption === (earlier?.caption ?? null) && note === (earlier?.note ?? null)) return { evidence: viewOf(record, context), created: false };
        const actor = actorOf(principal);
        const entry = await ledger.append({ caseId, actor, type: EVIDENCE_NOTED, payload: { evidenceId, caption, note } });
        await store.insertNote({ evidenceId, caseId, caption, note, by: actor.id, at: entry.at, ledgerSeq: entry.seq });
        return { evidence: await toView(record), created: true };
      });
      if (result.created) {
        hub.publish(caseRecord.assessorId, { type: 'evidence', evidence: result.evidence });
        await deps.cases.publish(caseId);
      }
      return result;
    },

    /** Refuses an upload at once, before its body is read, when its sender already has all the images in progress it may. */
    admitUpload(principal: Principal): void {
      images.check(callerOf(principal));
    },

    /**
     * Stores one uploaded image as evidence; `created` is false when the uploadId was seen before.
     * `signal` aborts while the image still waits for its turn (its sender has gone).
     */
    async ingest(principal: Principal, caseId: string, file: ReceivedFile, meta: EvidenceUploadMeta, signal?: AbortSignal): Promise<{ evidence: EvidenceView; created: boolean }> {
      let adopted = false;
      try {
        refuseMisplacedPurpose(principal, meta);
        const caseRecord = await deps.cases.authorize(principal, caseId);
        // Before anything is written: a photo for an item the case's checklist lacks is refused whole.
        if (meta.checklistItem !== undefined) await deps.checklist.check(caseRecord, meta.checklistItem);
        // A retry whose first attempt was stored is answered without processing the image again.
        if (meta.uploadId) {
          const earlier = await store.byUploadId(caseId, meta.uploadId);
          if (earlier) return { evidence: await toView(earlier), created: false };
        }
        // Read before the file is adopted as the stored original (the same bytes; the renditions carry no EXIF).
        const exif = meta.source === 'gallery' ? await readExifFacts(file.tempFile) : null;
        const { image, quality, previewSha256, thumbnailSha256 } = await images.store(callerOf(principal), file, signal);
        adopted = true;

        const mayLocate = principal.kind === 'user' || principal.locationAllowed;
        const hasLocation = mayLocate && meta.latitude !== undefined && meta.longitude !== undefined;
        const actor = actorOf(principal);
        const record: EvidenceRecord = {
          id: newId('ev'),
          caseId,
          source: meta.source,
          mime: image.mime,
          size: file.size,
          sha256: file.sha256,
          previewSha256,
          thumbnailSha256,
          width: image.width,
          height: image.height,
          sharpness: quality.sharpness,
          blurry: quality.blurry,
          brightness: quality.brightness,
          deviceTime: meta.deviceTime ? new Date(meta.deviceTime).toISOString() : null,
          receivedAt: clock().toISOString(),
          latitude: hasLocation ? (meta.latitude ?? null) : null,
          longitude: hasLocation ? (meta.longitude ?? null) : null,
          accuracy: hasLocation ? (meta.accuracy ?? null) : null,
          requestId: meta.requestId ?? null,
          uploadId: meta.uploadId ?? null,
          capturedBy: principal.kind === 'customer' ? 'customer' : 'assessor',
          actorId: actor.id,
          ledgerSeq: 0,
          layer: meta.layer ?? null,
          purpose: meta.purpose ?? null,
          exif,
          capture: null,
        };
        // The blobs are stored (above, outside any transaction); the entry and the row commit together. An
        // upload id names one upload: whatever arrives again under it (a retry that raced this one) is
        // answered with the record stored first.
        const committed = await writeOnce(db, {
          caseId,
          find: async () => (meta.uploadId ? store.byUploadId(caseId, meta.uploadId) : null),
          same: () => true,
          conflict: (earlier) => new Error(`upload ${earlier.uploadId} is stored already`),
          write: async () => {
            // The case may have been closed (or taken from this caller) while the image was read and processed.
            await deps.cases.authorizeWrite(principal, caseId);
            const { id, source, mime, size, sha256, width, height, sharpness, blurry, brightness, deviceTime, receivedAt, requestId } = record;
            const location = hasLocation ? { latitude: record.latitude!, longitude: record.longitude!, accuracy: record.accuracy } : null;
            // Under the case's ledger lock: the address is the one the ledger holds just before this entry,
            // which is what the verifier re-derives the check from.
            const capture = checkCapture({
              source, deviceTime, receivedAt, location,
              address: await deps.caseAddress.current(caseId),
              maxDistanceM: (await deps.settings.get()).captureMaxDistanceM,
            });
            const entry = await ledger.append({
              caseId,
              actor,
              type: 'evidence.added',
              payload: {
                evidenceId: id, kind: 'photo', source, mime, size, sha256, width, height, sharpness, blurry, brightness,
                exposure: quality.exposure, deviceTime, receivedAt, requestId,
                location, previewSha256, thumbnailSha256, layer: record.layer,
                ...(record.purpose !== null ? { purpose: record.purpose } : {}),
                ...(exif !== null ? { exif } : {}),
                capture,
              },
              blobs: [sha256, previewSha256, thumbnailSha256],
            });
            const stored = { ...record, capture, ledgerSeq: entry.seq };
            await store.insert(stored);
            if (meta.checklistItem !== undefined) await deps.checklist.capture(caseRecord, actor, { itemId: meta.checklistItem, evidenceId: id, blurry, brightness });
            return stored;
          },
        });
        const evidence = await toView(committed.record);
        if (committed.created) {
          hub.publish(caseRecord.assessorId, { type: 'evidence', evidence });
          if (meta.checklistItem !== undefined) await deps.checklist.publish(caseRecord);
          await deps.cases.publish(caseId);
        }
        return { evidence, created: committed.created };
      } finally {
        // Once adopted, the temp file is the stored original under its own name: nothing to remove.
        if (!adopted) await fsp.rm(file.tempFile, { force: true });
      }
    },

    /** The blob behind one rendition of an evidence item, for streaming. */
    async rendition(principal: Principal, caseId: string, evidenceId: string, which: 'original' | 'preview' | 'thumbnail') {
      await deps.cases.authorize(principal, caseId, 'participants');
      const record = await store.byId(caseId, evidenceId);
      if (!record) throw notFound('evidence');
      const sha256 = which === 'original' ? record.sha256 : which === 'preview' ? record.previewSha256 : record.thumbnailSha256;
      if (purgeCoverage(await ledger.listOfType(caseId, RETENTION_PURGED)).covers(record.ledgerSeq, sha256)) {
        throw new HttpError(410, 'evidence_purged', text('evidence.purgedRendition', { which, id: evidenceId }));
      }
      return { sha256, mime: which === 'original' ? record.mime : 'image/jpeg', stream: () => blobs.open(sha256) };
    },
  };
}

/**
 * An identity photo (document or selfie) must be the customer's own live capture: a gallery pick or a
 * video frame could be anyone's picture, and staff do not prove the customer's identity for them.
 */
function refuseMisplacedPurpose(principal: Principal, meta: EvidenceUploadMeta): void {
  if (meta.purpose === undefined) return;
  if (principal.kind !== 'customer') {
    throw new HttpError(403, 'identity_photo_customer_only', text('evidence.identityCustomerOnly'));
  }
  if (meta.source !== 'device-still') {
    throw new HttpError(400, 'identity_photo_not_live', text('evidence.identityNotLive'));
  }
}
