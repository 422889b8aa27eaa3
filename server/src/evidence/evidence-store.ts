// Evidence rows: the queryable projection of `evidence.added` ledger entries.
import type { Selectable } from 'kysely';
import type { EvidenceSource } from '../../../protocol/http.ts';
import type { IdentityPhotoPurpose } from '../../../protocol/identity.ts';
import { CaptureCheck, type ExifFacts } from '../../../protocol/capture.ts';
import { AnnotationLayer } from '../../../protocol/spatial.ts';
import type { Db } from '../storage/database.ts';
import type { EvidenceCorrectionsTable, EvidenceTable } from '../storage/schema.ts';

export interface EvidenceRecord {
  id: string;
  caseId: string;
  source: EvidenceSource;
  mime: string;
  size: number;
  sha256: string;
  previewSha256: string;
  thumbnailSha256: string;
  width: number;
  height: number;
  sharpness: number;
  blurry: boolean;
  brightness: number;
  deviceTime: string | null;
  receivedAt: string;
  latitude: number | null;
  longitude: number | null;
  accuracy: number | null;
  requestId: string | null;
  uploadId: string | null;
  capturedBy: 'customer' | 'assessor';
  actorId: string;
  ledgerSeq: number;
  /** The annotations visible when the photo was taken, kept beside it (the photo is never drawn on). */
  layer: AnnotationLayer | null;
  /** What an identity check's photo shows; null: an ordinary photo of the case. */
  purpose: IdentityPhotoPurpose | null;
  /** A gallery upload's EXIF capture time and place; null: none read (a live capture, or none in the file). */
  exif: ExifFacts | null;
  /** The when/where check made on arrival; null on photos from before it existed. */
  capture: CaptureCheck | null;
}

/** An evidence item marked superseded: the projection of its `evidence.superseded` entry. */
export interface EvidenceCorrection {
  evidenceId: string;
  caseId: string;
  reason: string;
  replacedBy: string | null;
  at: string;
  ledgerSeq: number;
}

/** A photo's caption and note as they stand: the projection of its latest `evidence.noted` entry. */
export interface EvidenceNote {
  evidenceId: string;
  caseId: string;
  caption: string | null;
  note: string | null;
  /** The user who made the change. */
  by: string;
  /** Their name now, for the console; null when the user is gone. */
  byName: string | null;
  at: string;
  ledgerSeq: number;
}

export interface EvidenceStore {
  insert(record: EvidenceRecord): Promise<void>;
  byId(caseId: string, id: string): Promise<EvidenceRecord | null>;
  byUploadId(caseId: string, uploadId: string): Promise<EvidenceRecord | null>;
  list(caseId: string): Promise<EvidenceRecord[]>;
  insertCorrection(correction: EvidenceCorrection): Promise<void>;
  /** The case's corrections by evidence id. */
  corrections(caseId: string): Promise<Map<string, EvidenceCorrection>>;
  insertNote(note: Omit<EvidenceNote, 'byName'>): Promise<void>;
  /** The case's latest caption and note of each photo, by evidence id. */
  notes(caseId: string): Promise<Map<string, EvidenceNote>>;
}

type EvidenceRow = Omit<Selectable<EvidenceTable>, 'rowid'>;

const fromRow = (row: EvidenceRow): EvidenceRecord => ({
  id: row.id,
  caseId: row.case_id,
  source: row.source as EvidenceSource,
  mime: row.mime,
  size: row.size,
  sha256: row.sha256,
  previewSha256: row.preview_sha256,
  thumbnailSha256: row.thumbnail_sha256,
  width: row.width,
  height: row.height,
  sharpness: row.sharpness,
  blurry: row.blurry === 1,
  brightness: row.brightness,
  deviceTime: row.device_time,
  receivedAt: row.received_at,
  latitude: row.latitude,
  longitude: row.longitude,
  accuracy: row.accuracy,
  requestId: row.request_id,
  uploadId: row.upload_id,
  capturedBy: row.captured_by as EvidenceRecord['capturedBy'],
  actorId: row.actor_id,
  ledgerSeq: row.ledger_seq,
  layer: row.layer === null ? null : AnnotationLayer.parse(JSON.parse(row.layer)),
  purpose: row.purpose,
  exif: row.exif_time !== null || row.exif_latitude !== null
    ? { time: row.exif_time, latitude: row.exif_latitude, longitude: row.exif_longitude }
    : null,
  capture: row.flags === null ? null : CaptureCheck.parse(JSON.parse(row.flags)),
});

const correctionFromRow = (row: EvidenceCorrectionsTable): EvidenceCorrection => ({
  evidenceId: row.evidence_id,
  caseId: row.case_id,
  reason: row.reason,
  replacedBy: row.replaced_by,
  at: row.at,
  ledgerSeq: row.ledger_seq,
});

export function createEvidenceStore(db: Db): EvidenceStore {
  // The columns every evidence row is read with (`rowid` is only for ordering).
  const evidence = () => db.q().selectFrom('evidence').select([
    'id', 'case_id', 'source', 'mime', 'size', 'sha256', 'preview_sha256', 'thumbnail_sha256', 'width', 'height',
    'sharpness', 'blurry', 'brightness', 'device_time', 'received_at', 'latitude', 'longitude', 'accuracy',
    'request_id', 'upload_id', 'captured_by', 'actor_id', 'ledger_seq', 'layer',
    'purpose', 'exif_time', 'exif_latitude', 'exif_longitude', 'flags',
  ]);
  const one = async (query: ReturnType<typeof evidence>): Promise<EvidenceRecord | null> => {
    const row = await query.executeTakeFirst();
    return row ? fromRow(row) : null;
  };

  return {
    async insert(r) {
      await db.q().insertInto('evidence').values({
        id: r.id, case_id: r.caseId, source: r.source, mime: r.mime, size: r.size, sha256: r.sha256,
        preview_sha256: r.previewSha256, thumbnail_sha256: r.thumbnailSha256, width: r.width, height: r.height,
        sharpness: r.sharpness, blurry: r.blurry ? 1 : 0, brightness: r.brightness, device_time: r.deviceTime,
        received_at: r.receivedAt, latitude: r.latitude, longitude: r.longitude, accuracy: r.accuracy,
        request_id: r.requestId, upload_id: r.uploadId, captured_by: r.capturedBy, actor_id: r.actorId,
        ledger_seq: r.ledgerSeq, layer: r.layer ? JSON.stringify(r.layer) : null, purpose: r.purpose,
        exif_time: r.exif?.time ?? null, exif_latitude: r.exif?.latitude ?? null, exif_longitude: r.exif?.longitude ?? null,
        flags: r.capture ? JSON.stringify(r.capture) : null,
      }).execute();
    },
    byId: (caseId, id) => one(evidence().where('case_id', '=', caseId).where('id', '=', id)),
    byUploadId: (caseId, uploadId) => one(evidence().where('case_id', '=', caseId).where('upload_id', '=', uploadId)),
    list: async (caseId) => (await evidence().where('case_id', '=', caseId).orderBy('received_at').orderBy('rowid').execute()).map(fromRow),
    async insertCorrection(c) {
      await db.q().insertInto('evidence_corrections').values({
        evidence_id: c.evidenceId, case_id: c.caseId, reason: c.reason, replaced_by: c.replacedBy, at: c.at, ledger_seq: c.ledgerSeq,
      }).execute();
    },
    async corrections(caseId) {
      const rows = await db.q().selectFrom('evidence_corrections').selectAll().where('case_id', '=', caseId).execute();
      return new Map(rows.map((row) => [row.evidence_id, correctionFromRow(row)]));
    },
    async insertNote(n) {
      await db.q().insertInto('evidence_notes').values({
        evidence_id: n.evidenceId, case_id: n.caseId, caption: n.caption, note: n.note, by: n.by, at: n.at, ledger_seq: n.ledgerSeq,
      }).execute();
    },
    async notes(caseId) {
      // The table keeps every change; the row with the highest ledger seq is the one that stands.
      const rows = await db.q().selectFrom('evidence_notes as n')
        .leftJoin('users as u', 'u.id', 'n.by')
        .selectAll('n')
        .select('u.name as by_name')
        .where('n.case_id', '=', caseId)
        .where('n.ledger_seq', '=', (eb) => eb.selectFrom('evidence_notes as m').select((m) => m.fn.max('m.ledger_seq').as('latest')).whereRef('m.evidence_id', '=', 'n.evidence_id'))
        .execute();
      return new Map(rows.map((row) => [row.evidence_id, {
        evidenceId: row.evidence_id,
        caseId: row.case_id,
        caption: row.caption,
        note: row.note,
        by: row.by,
        byName: row.by_name,
        at: row.at,
        ledgerSeq: row.ledger_seq,
      }]));
    },
  };
}
