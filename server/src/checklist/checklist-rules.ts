// The server's two checklist decisions, pure: may a photo be filed under this item of this case, and
// what the verdict on it is (the shared quality rule, so the customer page and the ledger agree).
import {
  CHECKLIST_TEMPLATES, isChecklistItem, qualityProblems,
  type ChecklistCapture, type ChecklistTemplateId,
} from '../../../protocol/checklist.ts';
import { HttpError, text } from '../errors.ts';

/** 422 when the case has no checklist or the item is not one of it; nothing is stored then. */
export function checklistItemRefusal(template: ChecklistTemplateId | null, itemId: string): HttpError | null {
  if (template === null) {
    return new HttpError(422, 'no_checklist', text('checklist.noneForItem', { item: itemId }));
  }
  if (isChecklistItem(template, itemId)) return null;
  const items = CHECKLIST_TEMPLATES[template].items.map((i) => i.id).join(', ');
  return new HttpError(422, 'unknown_checklist_item', text('checklist.unknownItem', { item: itemId, template, items }));
}

/** The verdict on one photo, from the image pipeline's blur and brightness: accepted unless it has a problem. */
export function judgePhoto(photo: { blurry: boolean; brightness: number }): Pick<ChecklistCapture, 'accepted' | 'problems'> {
  const problems = qualityProblems(photo);
  return { accepted: problems.length === 0, problems };
}
