// What the PDF report shows, resolved to display values (names, numbers, descriptions), so drawing
// it is layout only.
import type { CaseKind, ChatLine, Decision, DamageItem, EvidenceView, VerifyResult } from '../../../protocol/http.ts';

export interface ReportEvidence extends EvidenceView {
  /** 1-based position in the report ("Photo 2"). */
  number: number;
  /** The location-free JPEG rendition the report embeds; null when the ledger does not name one. */
  previewSha256: string | null;
  /** "Customer (Jane Doe)" or "Assessor (Alice Example)". */
  capturedByLabel: string;
  /** The report's number of the photo that replaces this one, when it was superseded by one it shows. */
  replacedByNumber?: number | null;
}

export interface ReportOutcome {
  id: string;
  decision: Decision;
  reason: string;
  amount: number | null;
  currency: string | null;
  damageItems: DamageItem[];
  decidedBy: string;
  at: string;
  /** True for every outcome a later one replaced. */
  superseded: boolean;
}

export interface ReportChatLine extends ChatLine {
  who: string;
}

export interface ReportTimelineRow {
  seq: number;
  at: string;
  actor: string;
  description: string;
}

export interface CaseReport {
  generatedAt: string;
  case: {
    id: string;
    kind: CaseKind;
    title: string;
    customerName: string | null;
    createdAt: string;
    joinExpiresAt: string;
    evidenceCount: number;
  };
  assessor: { name: string; email: string } | null;
  /** The current outcome (the latest), or null when no decision was recorded. */
  outcome: ReportOutcome | null;
  /** Earlier outcomes, oldest first, each replaced by a later one. */
  earlierOutcomes: ReportOutcome[];
  evidence: ReportEvidence[];
  timeline: ReportTimelineRow[];
  chat: ReportChatLine[];
  ledger: { entries: number; headHash: string | null; algorithm: string; keyId: string };
  /** The result of re-checking the case's chain and blobs when the report was made. */
  verification: VerifyResult;
}
