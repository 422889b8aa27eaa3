// The customer page's view of the guided-capture checklist, kept pure: folding in one verdict the
// server just gave, which item to show, and the words and numbers the panel and the AR scene draw.
import {
  nextChecklistItem,
  QUALITY_ADVICE,
  type AimHint,
  type ChecklistCapture,
  type ChecklistItemState,
  type ChecklistView,
  type QualityProblem,
} from '../../../../protocol/checklist.ts';

/** What the customer should photograph now: enough for any scene (plain camera or AR) to draw its aim guide. */
export interface ChecklistAim {
  itemId: string;
  title: string;
  hint: string;
  aim: AimHint;
  /** 1-based place of the item in the checklist. */
  position: number;
  total: number;
}

/**
 * The same item state `checklistState` would give with this capture appended, without needing every
 * earlier capture: the server's answer to an upload is shown at once, before the next refresh.
 */
export function applyCapture(view: ChecklistView, capture: ChecklistCapture): ChecklistView {
  const items = view.items.map((item): ChecklistItemState => {
    if (item.id !== capture.itemId) return item;
    const acceptedEvidenceIds = capture.accepted ? [...item.acceptedEvidenceIds, capture.evidenceId] : item.acceptedEvidenceIds;
    const status = acceptedEvidenceIds.length > 0 ? 'done' : 'retake';
    return { ...item, status, attempts: item.attempts + 1, acceptedEvidenceIds, problems: status === 'retake' ? capture.problems : [] };
  });
  return { ...view, items, complete: items.every((i) => i.status === 'done') };
}

/**
 * The item the panel shows: the one the customer chose to add another photo to (a repeatable item
 * already done), else the first not done; null when the checklist is complete.
 */
export function focusItem(view: ChecklistView, extraItemId: string | null): ChecklistItemState | null {
  const extra = extraItemId ? view.items.find((i) => i.id === extraItemId && i.repeatable) : undefined;
  return extra ?? nextChecklistItem(view);
}

export function aimOf(view: ChecklistView, item: ChecklistItemState): ChecklistAim {
  return {
    itemId: item.id,
    title: item.title,
    hint: item.hint,
    aim: item.aim,
    position: view.items.findIndex((i) => i.id === item.id) + 1,
    total: view.items.length,
  };
}

export function doneCount(view: ChecklistView): number {
  return view.items.filter((i) => i.status === 'done').length;
}

/** The short instruction drawn inside the aim frame. */
export const AIM_INSTRUCTION: Record<AimHint, string> = {
  wide: 'Step back — get it all in the frame',
  'close-up': 'Move close — fill the frame',
  down: 'Point the camera down',
  ahead: 'Point the camera straight ahead',
};

/** Plain-words advice for a failed photo, one line per problem; never empty for a failed photo. */
export function adviceFor(problems: readonly QualityProblem[]): string[] {
  return problems.length > 0 ? problems.map((p) => QUALITY_ADVICE[p]) : ['The photo could not be used. Please take it again.'];
}

/** File name of a checklist photo: the item and the device time, safe on every file system. */
export function photoFileName(itemId: string, deviceTime: string, mime: string): string {
  return `${itemId}-${deviceTime.replace(/[:.]/g, '-')}.${mime === 'image/png' ? 'png' : 'jpg'}`;
}
