// The read API's queries: cases with their last change (the time of their latest ledger entry), and a
// case's outcomes, evidence metadata and ledger, shaped as protocol/read-api.ts describes them.
import { sql } from 'kysely';
import { CaptureCheck } from '../../../protocol/capture.ts';
import type { ApiCase, ApiEvidence } from '../../../protocol/read-api.ts';
import type { Db } from '../storage/database.ts';

/** Where a page of cases starts: after this (updatedAt, id). */
export interface CaseCursor {
  updatedAt: string;
  id: string;
}

export interface CaseFilter {
  reference?: string;
  updatedSince?: string;
  after?: CaseCursor;
  limit: number;
}

interface CaseRow {
  id: string;
  kind: string;
  title: string;
  customer_name: string | null;
  reference: string | null;
  assessor_id: string | null;
  created_at: string;
  closed_at: string | null;
  archived_at: string | null;
  address: string | null;
  address_latitude: number | null;
  address_longitude: number | null;
  updated_at: string;
  head_seq: number | null;
  head_hash: string | null;
  decision: string | null;
  evidence_count: number | string;
}

// Correlated subqueries on (case_id, seq) and (case_id, …) indexes: each costs a lookup per case, so a
// page by reference reads only that case's rows, and no query aggregates the whole ledger.
const CASE_SELECT = `
  SELECT * FROM (
    SELECT c.id, c.kind, c.title, c.customer_name, c.reference, c.assessor_id, c.created_at, c.closed_at, c.archived_at,
      c.address, c.address_latitude, c.address_longitude,
      COALESCE((SELECT l.at FROM ledger_entries l WHERE l.case_id = c.id ORDER BY l.seq DESC LIMIT 1), c.created_at) AS updated_at,
      (SELECT l.seq FROM ledger_entries l WHERE l.case_id = c.id ORDER BY l.seq DESC LIMIT 1) AS head_seq,
      (SELECT l.hash FROM ledger_entries l WHERE l.case_id = c.id ORDER BY l.seq DESC LIMIT 1) AS head_hash,
      (SELECT o.decision FROM outcomes o WHERE o.case_id = c.id ORDER BY o.at DESC, o.rowid DESC LIMIT 1) AS decision,
      (SELECT COUNT(*) FROM evidence e WHERE e.case_id = c.id) AS evidence_count
    FROM cases c`;

const toCase = (r: CaseRow): ApiCase => ({
  id: r.id,
  kind: r.kind as ApiCase['kind'],
  title: r.title,
  customerName: r.customer_name,
  reference: r.reference,
  assessorId: r.assessor_id,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  closedAt: r.closed_at,
  archivedAt: r.archived_at,
  address: r.address_latitude === null || r.address_longitude === null ? null : { address: r.address, latitude: Number(r.address_latitude), longitude: Number(r.address_longitude) },
  decision: r.decision as ApiCase['decision'],
  evidenceCount: Number(r.evidence_count),
  ledgerHead: r.head_seq === null || r.head_hash === null ? null : { seq: Number(r.head_seq), hash: r.head_hash },
});

/** A stored CaptureCheck that no longer parses (another server version) is left out, not guessed at. */
function captureOf(json: string | null): ApiEvidence['capture'] {
  if (json === null) return null;
  try {
    const parsed = CaptureCheck.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export type ReadApiStore = ReturnType<typeof createReadApiStore>;

export function createReadApiStore(db: Db) {
  return {
    async caseById(id: string): Promise<ApiCase | null> {
      const { rows } = await sql<CaseRow>`${sql.raw(CASE_SELECT)} WHERE c.id = ${id}) t`.execute(db.q());
      return rows[0] ? toCase(rows[0]) : null;
    },

    /** Cases in order of their last change, then id; `limit` of them. */
    async cases(filter: CaseFilter): Promise<ApiCase[]> {
      const inner = filter.reference === undefined ? sql`` : sql` WHERE c.reference = ${filter.reference}`;
      const conditions = [];
      if (filter.updatedSince !== undefined) conditions.push(sql`t.updated_at > ${filter.updatedSince}`);
      if (filter.after) conditions.push(sql`(t.updated_at > ${filter.after.updatedAt} OR (t.updated_at = ${filter.after.updatedAt} AND t.id > ${filter.after.id}))`);
      const where = conditions.length ? sql` WHERE ${sql.join(conditions, sql` AND `)}` : sql``;
      const { rows } = await sql<CaseRow>`${sql.raw(CASE_SELECT)}${inner}) t${where} ORDER BY t.updated_at, t.id LIMIT ${filter.limit}`.execute(db.q());
      return rows.map(toCase);
    },

    async evidence(caseId: string): Promise<ApiEvidence[]> {
      const rows = await db.q().selectFrom('evidence as e')
        .leftJoin('evidence_corrections as x', 'x.evidence_id', 'e.id')
        .select([
          'e.id', 'e.source', 'e.purpose', 'e.captured_by', 'e.mime', 'e.size', 'e.sha256', 'e.width', 'e.height', 'e.device_time', 'e.received_at',
          'e.latitude', 'e.longitude', 'e.accuracy', 'e.exif_time', 'e.exif_latitude', 'e.exif_longitude', 'e.flags', 'e.ledger_seq',
          'x.at as superseded_at', 'x.reason as superseded_reason', 'x.replaced_by',
        ])
        .where('e.case_id', '=', caseId).orderBy('e.received_at').orderBy('e.rowid').execute();
      return rows.map((r) => ({
        id: r.id,
        source: r.source as ApiEvidence['source'],
        purpose: r.purpose,
        capturedBy: r.captured_by as ApiEvidence['capturedBy'],
        mime: r.mime,
        size: Number(r.size),
        sha256: r.sha256,
        width: Number(r.width),
        height: Number(r.height),
        deviceTime: r.device_time,
        receivedAt: r.received_at,
        location: r.latitude === null || r.longitude === null ? null : { latitude: Number(r.latitude), longitude: Number(r.longitude), ...(r.accuracy === null ? {} : { accuracy: Number(r.accuracy) }) },
        exif: r.exif_time === null && r.exif_latitude === null && r.exif_longitude === null ? null
          : { time: r.exif_time, latitude: r.exif_latitude === null ? null : Number(r.exif_latitude), longitude: r.exif_longitude === null ? null : Number(r.exif_longitude) },
        capture: captureOf(r.flags),
        superseded: r.superseded_at === null || r.superseded_reason === null ? null : { at: r.superseded_at, reason: r.superseded_reason, replacedBy: r.replaced_by },
        ledgerSeq: Number(r.ledger_seq),
      }));
    },
  };
}
