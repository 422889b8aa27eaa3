// Guided capture: per case type a checklist of photos the customer takes, each quality-checked and
// retaken until it passes. The templates, the quality rule and the checklist state are pure and shared,
// so the customer page, the console and the server agree on what "done" means.
import { z } from 'zod';
import { text } from './text.ts';

export const ChecklistTemplateId = z.enum(['vehicle', 'property', 'travel']);
export type ChecklistTemplateId = z.infer<typeof ChecklistTemplateId>;

/** Where the customer should aim, drawn as an arrow/frame in AR and as text on the plain camera. */
export const AimHint = z.enum(['ahead', 'down', 'close-up', 'wide']);
export type AimHint = z.infer<typeof AimHint>;

export interface ChecklistItemTemplate {
  id: string;
  title: string;
  /** One sentence telling the customer what a good photo shows. */
  hint: string;
  aim: AimHint;
  /** True for items the customer may capture more than once (each damaged area). */
  repeatable: boolean;
}

export interface ChecklistTemplate {
  id: ChecklistTemplateId;
  title: string;
  items: readonly ChecklistItemTemplate[];
}

const item = (id: string, title: string, hint: string, aim: AimHint, repeatable = false): ChecklistItemTemplate => ({ id, title, hint, aim, repeatable });

export const CHECKLIST_TEMPLATES: Record<ChecklistTemplateId, ChecklistTemplate> = {
  vehicle: {
    id: 'vehicle',
    title: 'Vehicle',
    items: [
      item('corner-front-left', 'Front left corner', 'Stand about 3 m away so the whole front and left side are in the picture.', 'wide'),
      item('corner-front-right', 'Front right corner', 'Stand about 3 m away so the whole front and right side are in the picture.', 'wide'),
      item('corner-rear-left', 'Rear left corner', 'Stand about 3 m away so the whole rear and left side are in the picture.', 'wide'),
      item('corner-rear-right', 'Rear right corner', 'Stand about 3 m away so the whole rear and right side are in the picture.', 'wide'),
      item('vin-plate', 'VIN plate', 'The 17-character number at the bottom of the windscreen or in the driver door frame; every character readable.', 'close-up'),
      item('odometer', 'Odometer', 'The dashboard with the mileage readable; switch the ignition on if it is dark.', 'close-up'),
      item('damage-area', 'Each damaged area', 'Fill the frame with the damage; take one photo per damaged area.', 'close-up', true),
    ],
  },
  property: {
    id: 'property',
    title: 'Property',
    items: [
      item('room-overview', 'Room overview', 'From a corner of the room, so most of the room is in the picture.', 'wide'),
      item('damage-close-up', 'Damage close-up with a reference object', 'Fill the frame with the damage and put a coin, pen or ruler beside it for scale.', 'close-up', true),
    ],
  },
  travel: {
    id: 'travel',
    title: 'Room views',
    items: [
      item('room-entrance', 'View from the entrance', 'Stand in the doorway and take in the whole room.', 'wide'),
      item('room-bed-or-seat', 'Bed or seat', 'The bed or seat and the space around it.', 'ahead'),
      item('room-bathroom', 'Bathroom', 'The bathroom from its door.', 'wide'),
      item('room-view', 'Window view', 'The view from the window.', 'ahead'),
    ],
  },
};

/** Upload field `checklistItem`: which item a device photo is for. */
export const ChecklistItemId = text().min(1).max(64).regex(/^[a-z0-9-]+$/);
export type ChecklistItemId = z.infer<typeof ChecklistItemId>;

/** A photo is accepted for a checklist item unless one of these is true of it. */
export const QualityProblem = z.enum(['blurry', 'too-dark', 'too-bright']);
export type QualityProblem = z.infer<typeof QualityProblem>;

/** Mean luminance (0..255) bounds outside which a photo is under- or over-exposed. */
export const MIN_BRIGHTNESS = 40;
export const MAX_BRIGHTNESS = 225;

export function qualityProblems(photo: { blurry: boolean; brightness: number }): QualityProblem[] {
  const problems: QualityProblem[] = [];
  if (photo.blurry) problems.push('blurry');
  if (photo.brightness < MIN_BRIGHTNESS) problems.push('too-dark');
  if (photo.brightness > MAX_BRIGHTNESS) problems.push('too-bright');
  return problems;
}

/** What the customer is told when a photo fails, one line per problem. */
export const QUALITY_ADVICE: Record<QualityProblem, string> = {
  blurry: 'The photo is blurred. Hold the phone still, tap to focus, and take it again.',
  'too-dark': 'The photo is too dark. Turn on a light or move nearer a window.',
  'too-bright': 'The photo is overexposed. Avoid pointing at a lamp or the sun.',
};

/** The verdict on one checklist photo, kept on the evidence and in the ledger (`checklist.captured`). */
export const ChecklistCapture = z.object({
  itemId: ChecklistItemId,
  evidenceId: text(),
  accepted: z.boolean(),
  problems: z.array(QualityProblem),
  at: text(),
});
export type ChecklistCapture = z.infer<typeof ChecklistCapture>;

export const ChecklistItemStatus = z.enum(['pending', 'retake', 'done']);
export type ChecklistItemStatus = z.infer<typeof ChecklistItemStatus>;

export const ChecklistItemState = z.object({
  id: text(),
  title: text(),
  hint: text(),
  aim: AimHint,
  repeatable: z.boolean(),
  /** pending: nothing yet; retake: the last photo failed and none passed; done: a photo passed. */
  status: ChecklistItemStatus,
  attempts: z.number().int(),
  acceptedEvidenceIds: z.array(text()),
  /** The last failed photo's problems, while the item still needs a retake. */
  problems: z.array(QualityProblem),
});
export type ChecklistItemState = z.infer<typeof ChecklistItemState>;

export const ChecklistView = z.object({
  template: ChecklistTemplateId,
  title: text(),
  items: z.array(ChecklistItemState),
  complete: z.boolean(),
});
export type ChecklistView = z.infer<typeof ChecklistView>;

/** Folds the captures (oldest first) into the state of every item of the template. */
export function checklistState(templateId: ChecklistTemplateId, captures: readonly ChecklistCapture[]): ChecklistView {
  const template = CHECKLIST_TEMPLATES[templateId];
  const items = template.items.map((t): ChecklistItemState => {
    const mine = captures.filter((c) => c.itemId === t.id);
    const accepted = mine.filter((c) => c.accepted);
    const last = mine.at(-1);
    const status: ChecklistItemStatus = accepted.length > 0 ? 'done' : last ? 'retake' : 'pending';
    return {
      id: t.id,
      title: t.title,
      hint: t.hint,
      aim: t.aim,
      repeatable: t.repeatable,
      status,
      attempts: mine.length,
      acceptedEvidenceIds: accepted.map((c) => c.evidenceId),
      problems: status === 'retake' && last ? last.problems : [],
    };
  });
  return { template: template.id, title: template.title, items, complete: items.every((i) => i.status === 'done') };
}

/** The item the customer should capture next: the first not done, or null when the checklist is complete. */
export function nextChecklistItem(view: ChecklistView): ChecklistItemState | null {
  return view.items.find((i) => i.status !== 'done') ?? null;
}

export function isChecklistItem(templateId: ChecklistTemplateId, itemId: string): boolean {
  return CHECKLIST_TEMPLATES[templateId].items.some((i) => i.id === itemId);
}
