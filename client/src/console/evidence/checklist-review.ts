// Words and pictures for reviewing a guided-capture checklist: an item's title, a photo's verdict, and
// which photos belong to which item. Pure (the words in the console's language), shared by the checklist panel and the evidence strip/viewer.
import { CHECKLIST_TEMPLATES, type ChecklistCapture, type ChecklistItemState, type ChecklistTemplateId, type QualityProblem } from '../../../../protocol/checklist.ts';
import type { EvidenceView } from '../../../../protocol/http.ts';
import { i18next } from '../../i18n/i18n.ts';

/** "blurry, too dark". */
export function problemsText(problems: readonly QualityProblem[]): string {
  return problems.map((p) => i18next.t(`casework:checklist.problem.${p}`)).join(i18next.t('casework:checklist.problemSeparator'));
}

/** "Accepted", or "Rejected: blurry, too dark". */
export function verdictText(capture: Pick<ChecklistCapture, 'accepted' | 'problems'>): string {
  if (capture.accepted) return i18next.t('casework:checklist.accepted');
  return capture.problems.length > 0 ? i18next.t('casework:checklist.rejectedWhy', { problems: problemsText(capture.problems) }) : i18next.t('casework:checklist.rejected');
}

/** The advice for a failed photo, in the console's language (protocol/checklist.ts QUALITY_ADVICE in English). */
export function qualityAdvice(problem: QualityProblem): string {
  return i18next.t(`capture:quality.${problem}`);
}

/** The item's title from the case's template (or any template), else its id. */
export function checklistItemTitle(itemId: string, template: ChecklistTemplateId | null | undefined): string {
  const templates = template ? [CHECKLIST_TEMPLATES[template]] : Object.values(CHECKLIST_TEMPLATES);
  for (const t of templates) {
    const found = t.items.find((i) => i.id === itemId);
    if (found) return found.title;
  }
  return itemId;
}

export interface ItemPhoto {
  evidenceId: string;
  accepted: boolean;
  /** Null while the accepted photo's evidence has not reached the console yet. */
  evidence: EvidenceView | null;
}

/** Every photo taken for the item, oldest first: its accepted ones and the rejected attempts. */
export function itemPhotos(item: ChecklistItemState, evidence: readonly EvidenceView[]): ItemPhoto[] {
  const taken = evidence
    .filter((e) => e.checklist?.itemId === item.id)
    .sort((a, b) => a.receivedAt.localeCompare(b.receivedAt))
    .map((e): ItemPhoto => ({ evidenceId: e.id, accepted: item.acceptedEvidenceIds.includes(e.id) || e.checklist?.accepted === true, evidence: e }));
  const seen = new Set(taken.map((p) => p.evidenceId));
  const missing = item.acceptedEvidenceIds.filter((id) => !seen.has(id)).map((id): ItemPhoto => ({ evidenceId: id, accepted: true, evidence: evidence.find((e) => e.id === id) ?? null }));
  return [...taken, ...missing];
}
