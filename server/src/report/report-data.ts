// What the PDF report shows, resolved to display values (names, numbers, descriptions), so drawing
// it is layout only.
import type { CaseAddress } from '../../../protocol/capture.ts';
import type { ChecklistItemStatus, ChecklistTemplateId, QualityProblem } from '../../../protocol/checklist.ts';
import type { TourExposure } from '../../../protocol/tour-activity.ts';
import type { TourMoment } from '../tours/tour-exposure.ts';
import type { ReportIdentityCheck } from './sections/identity.ts';
import type { CaseKind, ChatLine, Decision, DamageItem, EvidenceView, VerifyResult } from '../../../protocol/http.ts';
import type { LayerItemKind, ScreenPoint, Vec3 } from '../../../protocol/spatial.ts';

/** A preview case's tour: what its customer was shown, added up, and everything shown and done in order. */
export interface ReportTour {
  id: string;
  title: string;
  exposure: TourExposure | null;
  moments: TourMoment[];
}

/** One item of a photo's annotation layer, ready to draw over it: its text resolved. */
export interface ReportOverlayItem {
  kind: LayerItemKind;
  /** In the photo's normalised coordinates (0..1 from the top left). */
  points: ScreenPoint[];
  /** The label; for a measurement the server's distance ± uncertainty, after its label if it has one. */
  text: string | null;
}

export interface ReportEvidence extends EvidenceView {
  /** 1-based position in the report ("Photo 2"). */
  number: number;
  /** The location-free JPEG rendition the report embeds; null when the ledger does not name one. */
  previewSha256: string | null;
  /** "Customer (Jane Doe)" or "Assessor (Alice Example)". */
  capturedByLabel: string;
  /** The report's number of the photo that replaces this one, when it was superseded by one it shows. */
  replacedByNumber?: number | null;
  /** The thumbnail its ledger entry signs for (the checklist shows it); null when it names none. */
  thumbnailSha256: string | null;
  /** The annotation layer captured with the photo, drawn over it. */
  overlay: ReportOverlayItem[];
}

export interface ReportMeasurement {
  number: number;
  label: string | null;
  /** "1.23 m ± 2.1 cm", as computed by the server. */
  text: string;
  who: string;
  at: string;
  a: Vec3;
  b: Vec3;
}

export interface ReportChecklistItem {
  id: string;
  title: string;
  status: ChecklistItemStatus;
  attempts: number;
  /** The last failed photo's problems while the item needs a retake. */
  problems: QualityProblem[];
  /** The accepted photos, by report number, with the thumbnail their entry signs for. */
  accepted: Array<{ number: number | null; thumbnailSha256: string | null; purged: boolean }>;
}

export interface ReportChecklist {
  /** The template, whose title and item titles the report words in its language. */
  template: ChecklistTemplateId;
  title: string;
  complete: boolean;
  items: ReportChecklistItem[];
}

export interface ReportOutcome {
  id: string;
  decision: Decision;
  reason: string;
  amount: number | null;
  currency: string | null;
  damageItems: DamageItem[];
  /** A booked preview: the option's title and the seat. */
  booking: { title: string; seat: string | null } | null;
  followUpOn: string | null;
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
  /** A row that folds a run of entries (recording chunks) ends at this seq and time. */
  lastSeq?: number;
  lastAt?: string;
}

/** A call recording as the ledger tells it. */
export interface ReportRecording {
  number: number;
  startedAt: string;
  /** null while the recording is not sealed (the call still running, or cut off). */
  sealedAt: string | null;
  chunks: number;
  bytes: number;
  durationMs: number | null;
}

export interface CaseReport {
  generatedAt: string;
  /** The language the report is written in: the case's (`cases.language`), English when it has none. */
  language: string;
  case: {
    id: string;
    kind: CaseKind;
    title: string;
    customerName: string | null;
    /** The operator's claim, policy or booking reference; null when none was given. */
    reference: string | null;
    /** When the case was closed; null while open. */
    closedAt: string | null;
    createdAt: string;
    joinExpiresAt: string;
    evidenceCount: number;
    /** The address photos were checked against (issue 15); null when none was given. */
    address: CaseAddress | null;
  };
  assessor: { name: string; email: string } | null;
  /** The current outcome (the latest), or null when no decision was recorded. */
  outcome: ReportOutcome | null;
  /** Earlier outcomes, oldest first, each replaced by a later one. */
  earlierOutcomes: ReportOutcome[];
  evidence: ReportEvidence[];
  /** Call recordings in the order started. */
  recordings: ReportRecording[];
  /** Point-to-point measurements in the order recorded. */
  measurements: ReportMeasurement[];
  /** The guided-capture checklist, when the case has one. */
  checklist: ReportChecklist | null;
  /** The tour of a preview case and what its customer was shown; null for a case without one. */
  tour: ReportTour | null;
  timeline: ReportTimelineRow[];
  chat: ReportChatLine[];
  ledger: { entries: number; headHash: string | null; algorithm: string; keyId: string };
  /** The case's identity checks (issue 15), from its ledger; absent: none. */
  identity?: ReportIdentityCheck[];
  /** The result of re-checking the case's chain and blobs when the report was made. */
  verification: VerifyResult;
}
