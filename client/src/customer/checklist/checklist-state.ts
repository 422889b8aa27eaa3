// The customer page's view of the guided-capture checklist, kept pure: folding in one verdict the
// server just gave, which item to show, and the words and numbers the panel and the AR scene draw.
import {
  nextChecklistItem,
  type AimHint,
  type ChecklistCapture,
  type ChecklistItemState,
  type ChecklistView,
  type QualityProblem,
} from '../../../../protocol/checklist.ts';
import { i18next } from '../../i18n/i18n.ts';

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

/** The short instruction drawn inside the aim frame, in the page's language. */
export function aimInstruction(aim: AimHint): string {
  return i18next.t(`capture:frame.${aim}`);
}

/**
 * Plain-words advice for a failed photo in the page's language, one line per problem; never empty for a
 * failed photo. (protocol/checklist.ts QUALITY_ADVICE keeps the English the console shows.)
 */
export function adviceFor(problems: readonly QualityProblem[]): string[] {
  return problems.length > 0 ? problems.map((p) => i18next.t(`capture:quality.${p}`)) : [i18next.t('capture:quality.unusable')];
}

/** File name of a checklist photo: the item and the device time, safe on every file system. */
export function photoFileName(itemId: string, deviceTime: string, mime: string): string {
  return `${itemId}-${deviceTime.replace(/[:.]/g, '-')}.${mime === 'image/png' ? 'png' : 'jpg'}`;
}
