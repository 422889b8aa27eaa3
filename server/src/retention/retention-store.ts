// What the retention command reads: every case with the time of its latest outcome and its entries'
// blob-relevant fields.
import type { LedgerEntry } from '../../../protocol/http.ts';
import type { Db } from '../storage/database.ts';
import type { RetentionCase } from './retention-plan.ts';

interface Row { case_id: string; outcome_at: string | null }
interface EntryRow { case_id: string; seq: number; type: string; payload: string; blobs: string }

export function readRetentionCases(db: Db): RetentionCase[] {
  const cases = db.prepare<[], Row>(
    `SELECT c.id AS case_id, (SELECT MAX(o.at) FROM outcomes o WHERE o.case_id = c.id) AS outcome_at
     FROM cases c ORDER BY c.created_at, c.id`,
  ).all();
  const entries = new Map<string, RetentionCase['entries'][number][]>();
  for (const row of db.prepare<[], EntryRow>('SELECT case_id, seq, type, payload, blobs FROM ledger_entries ORDER BY case_id, seq').iterate()) {
    const list = entries.get(row.case_id) ?? [];
    list.push({
      seq: row.seq,
      type: row.type,
      payload: JSON.parse(row.payload) as LedgerEntry['payload'],
      blobs: JSON.parse(row.blobs) as string[],
    });
    entries.set(row.case_id, list);
  }
  return cases.map((row) => ({ caseId: row.case_id, outcomeAt: row.outcome_at, entries: entries.get(row.case_id) ?? [] }));
}
