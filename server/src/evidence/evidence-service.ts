// Snapshot and photo evidence: decode and check the upload, keep the original byte-for-byte, store a
// location-free preview and a thumbnail, and commit the row and its ledger entry together — only after
// every blob it names is durably on disk.
import fsp from 'node:fs/promises';
import type { ChecklistCapture } from '../../../protocol/checklist.ts';
import { EVIDENCE_SUPERSEDED, RETENTION_PURGED, type SupersedeBody } from '../../../protocol/corrections.ts';
import { EVIDENCE_NOTED } from '../../../protocol/evidence-notes.ts';
import type { EvidenceNoteBody, EvidenceUploadMeta, EvidenceView } from '../../../protocol/http.ts';
import { actorOf, type Principal } from '../auth/principal.ts';
import { newId } from '../auth/tokens.ts';
import type { CaseService } from '../cases/case-service.ts';
import type { ChecklistService } from '../checklist/checklist-service.ts';
import { HttpError, notFound } from '../errors.ts';
import type { EventHub } from '../events/event-hub.ts';
import type { LedgerStore } from '../ledger/ledger-store.ts';
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
  const contextOf = (caseId: string): CaseContext => ({
    corrections: store.corrections(caseId),
    notes: store.notes(caseId),
    coverage: purgeCoverage(ledger.listOfType(caseId, RETENTION_PURGED)),
    checklist: deps.checklist.byEvidence(caseId),
  });

  const toView = (r: EvidenceRecord, context: CaseContext = contextOf(r.caseId)): EvidenceView => {
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
    };
  };

  return {
    toView,
    list(caseId: string): EvidenceView[] {
      const context = contextOf(caseId);
      return store.list(caseId).map((r) => toView(r, context));
    },

    /** Marks an evidence item superseded: a new ledger entry and its projection, in one transaction. */
    supersede(principal: Principal, caseId: string, evidenceId: string, body: SupersedeBody): EvidenceView {
      const caseRecord = deps.cases.authorize(principal, caseId);
      const view = db.transaction(() => {
        const record = store.byId(caseId, evidenceId);
        if (!record) throw notFound('the evidence');
        if (store.corrections(caseId).has(evidenceId)) {
          throw new HttpError(409, 'already_superseded', `evidence ${evidenceId} is already marked superseded`);
        }
        const replacedBy = body.replacedBy ?? null;
        if (replacedBy !== null && (replacedBy === evidenceId || !store.byId(caseId, replacedBy))) {
          throw new HttpError(400, 'invalid_replacement', 'replacedBy must be another evidence item of the same case');
        }
        const entry = ledger.append({
          caseId,
          actor: actorOf(principal),
          type: EVIDENCE_SUPERSEDED,
          payload: { evidenceId, reason: body.reason, replacedBy },
        });
        store.insertCorrection({ evidenceId, caseId, reason: body.reason, replacedBy, at: entry.at, ledgerSeq: entry.seq });
        return toView(record);
      }).immediate();
      hub.publish(caseRecord.assessorId, { type: 'evidence', evidence: view });
      deps.cases.publish(caseId);
      return view;
    },

    /**
     * Sets a photo's caption and/or note (a field left out keeps its value; null or blank clears it):
     * a ledger entry and its projection in one transaction. A change to nothing appends nothing.
     */
    note(principal: Principal, caseId: string, evidenceId: string, body: EvidenceNoteBody): { evidence: EvidenceView; created: boolean } {
      const caseRecord = deps.cases.authorize(principal, caseId);
      const result = db.transaction(() => {
        const record = store.byId(caseId, evidenceId);
        if (!record) throw notFound('the evidence');
        const context = contextOf(caseId);
        if (context.coverage.covers(record.ledgerSeq, record.sha256)) {
          throw new HttpError(409, 'evidence_purged', `Evidence ${evidenceId} was purged under the retention policy, so its caption and note can no longer change.`);
        }
        const earlier = context.notes.get(evidenceId);
        const given = (value: string | null | undefined, before: string | null): string | null =>
          value === undefined ? before : value === null || value === '' ? null : value;
        const caption = given(body.caption, earlier?.caption ?? null);
        const note = given(body.note, earlier?.note ?? null);
        if (caption === (earlier?.caption ?? null) && note === (earlier?.note ?? null)) return { evidence: toView(record, context), created: false };
        const actor = actorOf(principal);
        const entry = ledger.append({ caseId, actor, type: EVIDENCE_NOTED, payload: { evidenceId, caption, note } });
        store.insertNote({ evidenceId, caseId, caption, note, by: actor.id, at: entry.at, ledgerSeq: entry.seq });
        return { evidence: toView(record), created: true };
      }).immediate();
      if (result.created) {
        hub.publish(caseRecord.assessorId, { type: 'evidence', evidence: result.evidence });
        deps.cases.publish(caseId);
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
      const caseRecord = deps.cases.authorize(principal, caseId);
      let adopted = false;
      try {
        // Before anything is written: a photo for an item the case's checklist lacks is refused whole.
        if (meta.checklistItem !== undefined) deps.checklist.check(caseRecord, meta.checklistItem);
        if (meta.uploadId) {
          const earlier = store.byUploadId(caseId, meta.uploadId);
          if (earlier) return { evidence: toView(earlier), created: false };
        }
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
        };
        const committed = db.transaction(() => {
          const raced = meta.uploadId ? store.byUploadId(caseId, meta.uploadId) : null;
          if (raced) return { record: raced, created: false };
          // The case may have been closed (or taken from this caller) while the image was read and processed.
          deps.cases.authorizeWrite(principal, caseId);
          const { id, source, mime, size, sha256, width, height, sharpness, blurry, brightness, deviceTime, receivedAt, requestId } = record;
          const entry = ledger.append({
            caseId,
            actor,
            type: 'evidence.added',
            payload: {
              evidenceId: id, kind: 'photo', source, mime, size, sha256, width, height, sharpness, blurry, brightness,
              exposure: quality.exposure, deviceTime, receivedAt, requestId,
              location: hasLocation ? { latitude: record.latitude, longitude: record.longitude, accuracy: record.accuracy } : null,
              previewSha256, thumbnailSha256, layer: record.layer,
            },
            blobs: [sha256, previewSha256, thumbnailSha256],
          });
          const stored = { ...record, ledgerSeq: entry.seq };
          store.insert(stored);
          if (meta.checklistItem !== undefined) deps.checklist.capture(caseRecord, actor, { itemId: meta.checklistItem, evidenceId: id, blurry, brightness });
          return { record: stored, created: true };
        }).immediate();
        const evidence = toView(committed.record);
        if (committed.created) {
          hub.publish(caseRecord.assessorId, { type: 'evidence', evidence });
          if (meta.checklistItem !== undefined) deps.checklist.publish(caseRecord);
          deps.cases.publish(caseId);
        }
        return { evidence, created: committed.created };
      } finally {
        // Once adopted, the temp file is the stored original under its own name: nothing to remove.
        if (!adopted) await fsp.rm(file.tempFile, { force: true });
      }
    },

    /** The blob behind one rendition of an evidence item, for streaming. */
    rendition(principal: Principal, caseId: string, evidenceId: string, which: 'original' | 'preview' | 'thumbnail') {
      deps.cases.authorize(principal, caseId);
      const record = store.byId(caseId, evidenceId);
      if (!record) throw notFound('the evidence');
      const sha256 = which === 'original' ? record.sha256 : which === 'preview' ? record.previewSha256 : record.thumbnailSha256;
      if (contextOf(caseId).coverage.covers(record.ledgerSeq, sha256)) {
        throw new HttpError(410, 'evidence_purged', `the ${which} of evidence ${evidenceId} was purged under the retention policy; the case ledger records it`);
      }
      return { sha256, mime: which === 'original' ? record.mime : 'image/jpeg', stream: () => blobs.open(sha256) };
    },
  };
}
