// Checklist captures: the queryable projection of `checklist.captured` ledger entries, one per photo.
import { ChecklistCapture, QualityProblem } from '../../../protocol/checklist.ts';
import type { Db } from '../storage/database.ts';

interface Row {
  evidence_id: string;
  case_id: string;
  item_id: string;
  accepted: number;
  problems: string;
  at: string;
  ledger_seq: number;
}

const Problems = QualityProblem.array();

const toCapture = (row: Row): ChecklistCapture => ({
  itemId: row.item_id,
  evidenceId: row.evidence_id,
  accepted: row.accepted === 1,
  problems: Problems.parse(JSON.parse(row.problems)),
  at: row.at,
});

export interface ChecklistStore {
  insert(caseId: string, capture: ChecklistCapture, ledgerSeq: number): void;
  /** The case's captures, oldest first (ledger order), as `checklistState` folds them. */
  list(caseId: string): ChecklistCapture[];
}

export function createChecklistStore(db: Db): ChecklistStore {
  const insertStmt = db.prepare(
    `INSERT INTO checklist_captures (evidence_id, case_id, item_id, accepted, problems, at, ledger_seq)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const listStmt = db.prepare<[string], Row>('SELECT * FROM checklist_captures WHERE case_id = ? ORDER BY ledger_seq');
  return {
    insert(caseId, capture, ledgerSeq) {
      insertStmt.run(capture.evidenceId, caseId, capture.itemId, capture.accepted ? 1 : 0, JSON.stringify(capture.problems), capture.at, ledgerSeq);
    },
    list: (caseId) => listStmt.all(caseId).map(toCapture),
  };
}
