// Checklist captures: the queryable projection of `checklist.captured` ledger entries, one per photo.
import { ChecklistCapture, QualityProblem } from '../../../protocol/checklist.ts';
import type { Db } from '../storage/database.ts';
import type { ChecklistCapturesTable } from '../storage/schema.ts';

const Problems = QualityProblem.array();

const toCapture = (row: ChecklistCapturesTable): ChecklistCapture => ({
  itemId: row.item_id,
  evidenceId: row.evidence_id,
  accepted: row.accepted === 1,
  problems: Problems.parse(JSON.parse(row.problems)),
  at: row.at,
});

export interface ChecklistStore {
  insert(caseId: string, capture: ChecklistCapture, ledgerSeq: number): Promise<void>;
  /** The case's captures, oldest first (ledger order), as `checklistState` folds them. */
  list(caseId: string): Promise<ChecklistCapture[]>;
}

export function createChecklistStore(db: Db): ChecklistStore {
  return {
    async insert(caseId, capture, ledgerSeq) {
      await db.q().insertInto('checklist_captures').values({
        evidence_id: capture.evidenceId, case_id: caseId, item_id: capture.itemId, accepted: capture.accepted ? 1 : 0,
        problems: JSON.stringify(capture.problems), at: capture.at, ledger_seq: ledgerSeq,
      }).execute();
    },
    list: async (caseId) =>
      (await db.q().selectFrom('checklist_captures').selectAll().where('case_id', '=', caseId).orderBy('ledger_seq').execute()).map(toCapture),
  };
}
