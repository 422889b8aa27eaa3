// What the retention command reads: every case with the time of its latest outcome and its entries'
// blob-relevant fields.
import type { LedgerEntry } from '../../../protocol/http.ts';
import type { Db } from '../storage/database.ts';
import type { RetentionCase } from './retention-plan.ts';

export async function readRetentionCases(db: Db): Promise<RetentionCase[]> {
  const cases = await db.q().selectFrom('cases as c')
    .select((eb) => [
      'c.id as case_id',
      eb.selectFrom('outcomes as o').select((o) => o.fn.max('o.at').as('at')).whereRef('o.case_id', '=', 'c.id').as('outcome_at'),
    ])
    .orderBy('c.created_at')
    .orderBy('c.id')
    .execute();
  const rows = await db.q().selectFrom('ledger_entries')
    .select(['case_id', 'seq', 'type', 'payload', 'blobs'])
    .orderBy('case_id')
    .orderBy('seq')
    .execute();
  const entries = new Map<string, RetentionCase['entries'][number][]>();
  for (const row of rows) {
    const list = entries.get(row.case_id) ?? [];
    list.push({
      seq: row.seq,
      type: row.type,
      payload: JSON.parse(row.payload) as LedgerEntry['payload'],
      blobs: JSON.parse(row.blobs) as string[],
    });
    entries.set(row.case_id, list);
  }
  return cases.map((row) => ({ caseId: row.case_id, outcomeAt: row.outcome_at ?? null, entries: entries.get(row.case_id) ?? [] }));
}
