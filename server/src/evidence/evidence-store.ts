// Evidence rows: the queryable projection of `evidence.added` ledger entries.
import type { EvidenceSource } from '../../../protocol/http.ts';
import { AnnotationLayer } from '../../../protocol/spatial.ts';
import type { Db } from '../storage/database.ts';

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

type Row = Record<string, string | number | null>;

const COLUMNS: Array<[keyof EvidenceRecord, string]> = [
  ['id', 'id'], ['caseId', 'case_id'], ['source', 'source'], ['mime', 'mime'], ['size', 'size'], ['sha256', 'sha256'],
  ['previewSha256', 'preview_sha256'], ['thumbnailSha256', 'thumbnail_sha256'], ['width', 'width'], ['height', 'height'],
  ['sharpness', 'sharpness'], ['blurry', 'blurry'], ['brightness', 'brightness'], ['deviceTime', 'device_time'],
  ['receivedAt', 'received_at'], ['latitude', 'latitude'], ['longitude', 'longitude'], ['accuracy', 'accuracy'],
  ['requestId', 'request_id'], ['uploadId', 'upload_id'], ['capturedBy', 'captured_by'], ['actorId', 'actor_id'],
  ['ledgerSeq', 'ledger_seq'], ['layer', 'layer'],
];

export interface EvidenceStore {
  insert(record: EvidenceRecord): void;
  byId(caseId: string, id: string): EvidenceRecord | null;
  byUploadId(caseId: string, uploadId: string): EvidenceRecord | null;
  list(caseId: string): EvidenceRecord[];
  insertCorrection(correction: EvidenceCorrection): void;
  /** The case's corrections by evidence id. */
  corrections(caseId: string): Map<string, EvidenceCorrection>;
  insertNote(note: Omit<EvidenceNote, 'byName'>): void;
  /** The case's latest caption and note of each photo, by evidence id. */
  notes(caseId: string): Map<string, EvidenceNote>;
}

export function createEvidenceStore(db: Db): EvidenceStore {
  const insertStmt = db.prepare(
    `INSERT INTO evidence (${COLUMNS.map(([, c]) => c).join(', ')}) VALUES (${COLUMNS.map(([k]) => `@${k}`).join(', ')})`,
  );
  // Prepared once: the case view reads these on every request.
  const byIdStmt = db.prepare<[string, string], Row>('SELECT * FROM evidence WHERE case_id = ? AND id = ?');
  const byUploadIdStmt = db.prepare<[string, string], Row>('SELECT * FROM evidence WHERE case_id = ? AND upload_id = ?');
  const listStmt = db.prepare<[string], Row>('SELECT * FROM evidence WHERE case_id = ? ORDER BY received_at, rowid');
  const insertCorrectionStmt = db.prepare(
    `INSERT INTO evidence_corrections (evidence_id, case_id, reason, replaced_by, at, ledger_seq)
     VALUES (@evidenceId, @caseId, @reason, @replacedBy, @at, @ledgerSeq)`,
  );
  const correctionsStmt = db.prepare<[string], Row>('SELECT * FROM evidence_corrections WHERE case_id = ?');
  const insertNoteStmt = db.prepare(
    `INSERT INTO evidence_notes (evidence_id, case_id, caption, note, by, at, ledger_seq)
     VALUES (@evidenceId, @caseId, @caption, @note, @by, @at, @ledgerSeq)`,
  );
  // The table keeps every change; the row with the highest ledger seq is the one that stands.
  const notesStmt = db.prepare<[string], Row>(
    `SELECT n.*, u.name AS by_name FROM evidence_notes n LEFT JOIN users u ON u.id = n.by
     WHERE n.case_id = ? AND n.ledger_seq = (SELECT MAX(m.ledger_seq) FROM evidence_notes m WHERE m.evidence_id = n.evidence_id)`,
  );
  const fromRow = (row: Row): EvidenceRecord => {
    const record = Object.fromEntries(COLUMNS.map(([key, column]) => [key, row[column]])) as unknown as EvidenceRecord;
    const layer = typeof row.layer === 'string' ? AnnotationLayer.parse(JSON.parse(row.layer)) : null;
    return { ...record, blurry: row.blurry === 1, layer };
  };
  return {
    insert: (record) => insertStmt.run({ ...record, blurry: record.blurry ? 1 : 0, layer: record.layer ? JSON.stringify(record.layer) : null }),
    byId(caseId, id) {
      const row = byIdStmt.get(caseId, id);
      return row ? fromRow(row) : null;
    },
    byUploadId(caseId, uploadId) {
      const row = byUploadIdStmt.get(caseId, uploadId);
      return row ? fromRow(row) : null;
    },
    list: (caseId) => listStmt.all(caseId).map(fromRow),
    insertCorrection: (c) => insertCorrectionStmt.run(c),
    corrections(caseId) {
      const rows = correctionsStmt.all(caseId);
      return new Map(rows.map((row) => [String(row.evidence_id), {
        evidenceId: String(row.evidence_id),
        caseId: String(row.case_id),
        reason: String(row.reason),
        replacedBy: row.replaced_by === null ? null : String(row.replaced_by),
        at: String(row.at),
        ledgerSeq: Number(row.ledger_seq),
      }]));
    },
    insertNote: (n) => insertNoteStmt.run(n),
    notes(caseId) {
      const text = (value: string | number | null | undefined): string | null => (value === null || value === undefined ? null : String(value));
      return new Map(notesStmt.all(caseId).map((row) => [String(row.evidence_id), {
        evidenceId: String(row.evidence_id),
        caseId: String(row.case_id),
        caption: text(row.caption),
        note: text(row.note),
        by: String(row.by),
        byName: text(row.by_name),
        at: String(row.at),
        ledgerSeq: Number(row.ledger_seq),
      }]));
    },
  };
}
