// The evidence: each photo's preview fitted into half a page with its annotation layer drawn over it,
// the assessor's caption under it, and underneath its provenance — source, who captured it, size,
// times and clock skew, location, sharpness, its checklist verdict, the assessor's note and the
// original's sha-256.
import { CHECKLIST_TEMPLATES } from '../../../../protocol/checklist.ts';
import type { ReportWords } from '../format.ts';
import type { CaseReport, ReportEvidence } from '../report-data.ts';
import { fitRect, inset } from '../geometry.ts';
import { COLOUR, SIZE, type Field, type Pen } from '../report-layout.ts';
import { captureBadges, captureFields, drawWhenAndWhere } from './capture.ts';
import { drawOverlay } from './overlay.ts';

/** A preview's bytes, or why it cannot be shown (missing, or not the bytes its ledger entry names). */
export type PreviewImage = { ok: true; bytes: Buffer } | { ok: false; reason: string };

export interface EvidenceDeps {
  readPreview: (sha256: string) => Promise<PreviewImage>;
  /** Resolves once the reader has caught up; false when it has gone away (then stop reading blobs). */
  ready: () => Promise<boolean>;
}

const TITLE_HEIGHT = 18;
/** Sized so two cards with one-line captions fit below the section heading on one A4 page. */
const FRAME_HEIGHT = 176;
/** A caption and a note take their room from the picture, down to this, so two cards still share a page. */
const MIN_FRAME_HEIGHT = 120;
const CAPTION_SIZE = 8.5;
/** The assessor's caption, under the photo. */
const CAPTION_STYLE = { font: 'bold', size: SIZE.body } as const;

export async function drawEvidence(pen: Pen, report: CaseReport, deps: EvidenceDeps): Promise<void> {
  const { say } = pen.words;
  pen.heading(say('evidence.heading'), { newPage: true });
  if (report.evidence.length === 0) {
    pen.paragraph(say('evidence.none'), { colour: COLOUR.muted });
    return;
  }
  pen.paragraph(say('evidence.intro', { count: report.evidence.length }), { size: SIZE.small, colour: COLOUR.muted });
  pen.gap(4);
  drawWhenAndWhere(pen, report);
  for (const item of report.evidence) {
    if (!(await deps.ready())) return;
    const preview: PreviewImage = item.purged
      ? { ok: false, reason: say('evidence.purged') }
      : item.previewSha256 ? await deps.readPreview(item.previewSha256) : { ok: false, reason: say('evidence.noPreview') };
    drawPhotoCard(pen, item, preview);
  }
}

function drawPhotoCard(pen: Pen, item: ReportEvidence, preview: PreviewImage): void {
  const { doc, left, width, words } = pen;
  const { say } = words;
  const fields = photoFields(words, item);
  const hash = [{ label: say('evidence.sha'), value: item.sha256, style: { font: 'mono' as const, size: SIZE.small } }];
  const note: Field[] = item.note ? [{ label: say('evidence.note'), value: item.note }] : [];
  const captionHeight = item.caption ? pen.measure(item.caption, width, CAPTION_STYLE) + 6 : 0;
  const noteHeight = pen.fieldsHeight(note, 1, CAPTION_SIZE);
  const frameHeight = Math.max(MIN_FRAME_HEIGHT, FRAME_HEIGHT - captionHeight - noteHeight);
  const cardHeight = TITLE_HEIGHT + frameHeight + 8 + captionHeight + pen.fieldsHeight(fields, 3, CAPTION_SIZE) + noteHeight + pen.fieldsHeight(hash, 1);
  pen.ensureSpace(cardHeight);
  const top = doc.y;

  const title = say('evidence.photo', { number: item.number });
  pen.text(title, left, top, { lineBreak: false, style: { font: 'bold', size: SIZE.h2 } });
  const titleWidth = doc.widthOfString(title);
  pen.text(say(`evidence.sourceLabel.${item.source}`), left + titleWidth + 8, top + 1.5, { lineBreak: false, style: { size: SIZE.small + 0.5, colour: COLOUR.muted } });
  let badgeRight = left + width;
  if (item.superseded) badgeRight -= drawBadge(pen, say('evidence.superseded'), badgeRight, top - 1, COLOUR.muted) + 6;
  if (item.blurry) badgeRight -= drawBadge(pen, say('evidence.blurry'), badgeRight, top - 1, COLOUR.bad) + 6;
  for (const label of captureBadges(words, item)) badgeRight -= drawBadge(pen, label, badgeRight, top - 1, COLOUR.bad) + 6;

  const frame = { x: left, y: top + TITLE_HEIGHT, width, height: frameHeight };
  doc.save().rect(frame.x, frame.y, frame.width, frame.height).fill(COLOUR.panel).restore();
  if (preview.ok) {
    const placed = fitRect(item.width, item.height, inset(frame, 5));
    doc.image(preview.bytes, placed.x, placed.y, { width: placed.width, height: placed.height });
    doc.save().rect(placed.x, placed.y, placed.width, placed.height).lineWidth(0.4).strokeColor(COLOUR.rule).stroke().restore();
    drawOverlay(pen, item.overlay, placed);
  } else {
    pen.text(say('evidence.notAvailable', { reason: preview.reason }), frame.x + 20, frame.y + frame.height / 2 - 6, {
      width: frame.width - 40, align: 'center', style: { size: SIZE.body, colour: COLOUR.bad },
    });
  }

  doc.y = frame.y + frame.height + 8;
  if (item.caption) {
    pen.text(item.caption, left, doc.y, { width, style: CAPTION_STYLE });
    doc.y += 6;
  }
  pen.fields(fields, 3, CAPTION_SIZE);
  if (note.length > 0) pen.fields(note, 1, CAPTION_SIZE);
  pen.fields(hash, 1);
  doc.y += 10;
}

/** The caption of one photo. */
function photoFields(words: ReportWords, item: ReportEvidence): Field[] {
  const { say } = words;
  const score = words.fixed(item.sharpness, 1);
  const sharpness = item.blurry
    ? { label: say('evidence.sharpness'), value: say('evidence.blurryScore', { score }), style: { font: 'bold' as const, colour: COLOUR.bad } }
    : { label: say('evidence.sharpness'), value: say('evidence.sharpScore', { score }) };
  const superseded: Field[] = [];
  if (item.superseded) {
    const values = { time: words.time(item.superseded.at), reason: item.superseded.reason };
    const value = item.replacedByNumber
      ? say('evidence.replacedByPhoto', { ...values, number: item.replacedByNumber })
      : item.superseded.replacedBy ? say('evidence.replacedById', { ...values, id: item.superseded.replacedBy }) : say('evidence.supersededValue', values);
    superseded.push({ label: say('evidence.supersededLabel'), value, style: { font: 'bold' as const } });
  }
  const size = { width: item.width, height: item.height, size: words.bytes(item.size), type: item.mime.replace('image/', '').toUpperCase() };
  return [
    ...superseded,
    { label: say('evidence.source'), value: say(`evidence.sourceLabel.${item.source}`) },
    { label: say('evidence.capturedBy'), value: item.capturedByLabel },
    { label: say('evidence.dimensions'), value: say('evidence.dimensionsValue', size) },
    { label: say('evidence.received'), value: words.time(item.receivedAt) },
    { label: say('evidence.deviceTime'), value: item.deviceTime ? words.time(item.deviceTime) : say('evidence.noDeviceTime') },
    { label: say('evidence.skew'), value: item.clockSkewMs !== null ? words.clockSkew(item.clockSkewMs) : say('evidence.skewUnknown') },
    { label: say('evidence.location'), value: item.location ? words.location(item.location) : say('evidence.notShared') },
    sharpness,
    { label: say('evidence.brightness'), value: say('evidence.brightnessValue', { value: Math.round(item.brightness) }) },
    ...(item.overlay.length > 0 ? [{ label: say('evidence.annotations'), value: say('evidence.annotationsValue', { count: item.overlay.length }) }] : []),
    ...(item.checklist ? [checklistField(words, item.checklist)] : []),
    ...captureFields(words, item),
  ];
}

/** Item ids are unique across the templates, so the title is found without the case's template. */
function itemTitle(words: ReportWords, itemId: string): string {
  const template = Object.values(CHECKLIST_TEMPLATES).find((t) => t.items.some((i) => i.id === itemId));
  const item = template?.items.find((i) => i.id === itemId);
  return template && item ? words.checklistTitle(template.id, itemId, item.title) : itemId;
}

function checklistField(words: ReportWords, capture: NonNullable<ReportEvidence['checklist']>): Field {
  const { say } = words;
  const item = itemTitle(words, capture.itemId);
  if (capture.accepted) return { label: say('evidence.checklist'), value: say('evidence.acceptedFor', { item }) };
  const why = capture.problems.map((p) => say(`checklist.problem.${p}`)).join(say('format.clause'));
  return { label: say('evidence.checklist'), value: say('evidence.retakeFor', { item, why }), style: { font: 'bold', colour: COLOUR.bad } };
}

/** Draws a badge ending at `right`; returns its width. */
function drawBadge(pen: Pen, label: string, right: number, top: number, colour: string): number {
  const { doc } = pen;
  pen.use({ font: 'bold', size: SIZE.label }, label);
  const textWidth = doc.widthOfString(label, { characterSpacing: 0.6 });
  const badge = { width: textWidth + 12, height: 13 };
  doc.save().roundedRect(right - badge.width, top, badge.width, badge.height, 3).fill(colour).restore();
  pen.text(label, right - badge.width + 6, top + 3.3, { lineBreak: false, characterSpacing: 0.6, style: { font: 'bold', size: SIZE.label, colour: '#ffffff' } });
  return badge.width;
}
