// The evidence: each photo's preview fitted into half a page with its annotation layer drawn over it,
// the assessor's caption under it, and underneath its provenance — source, who captured it, size,
// times and clock skew, location, sharpness, its checklist verdict, the assessor's note and the
// original's sha-256.
import { CHECKLIST_TEMPLATES, QUALITY_ADVICE } from '../../../../protocol/checklist.ts';
import type { CaseReport, ReportEvidence } from '../report-data.ts';
import { formatBytes, formatClockSkew, formatLocation, formatTime, SOURCE_LABEL } from '../format.ts';
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
  pen.heading('Evidence', { newPage: true });
  if (report.evidence.length === 0) {
    pen.paragraph('No photos were captured in this case.', { colour: COLOUR.muted });
    return;
  }
  const count = report.evidence.length;
  pen.paragraph(
    `${count} photo${count === 1 ? '' : 's'}, in the order received. Each image is the location-free preview made at upload; ` +
      'the original file is identified by its SHA-256 and is included, byte for byte, in the evidence bundle.',
    { size: SIZE.small, colour: COLOUR.muted },
  );
  pen.gap(4);
  drawWhenAndWhere(pen, report);
  for (const item of report.evidence) {
    if (!(await deps.ready())) return;
    const preview: PreviewImage = item.purged
      ? { ok: false, reason: 'its files were purged under the retention policy (the case ledger records it)' }
      : item.previewSha256 ? await deps.readPreview(item.previewSha256) : { ok: false, reason: 'its ledger entry names no preview' };
    drawPhotoCard(pen, item, preview);
  }
}

function drawPhotoCard(pen: Pen, item: ReportEvidence, preview: PreviewImage): void {
  const { doc, left, width } = pen;
  const fields = photoFields(item);
  const hash = [{ label: 'SHA-256 of the original file', value: item.sha256, style: { font: 'mono' as const, size: SIZE.small } }];
  const note: Field[] = item.note ? [{ label: 'Assessor\'s note', value: item.note }] : [];
  const captionHeight = item.caption ? pen.measure(item.caption, width, CAPTION_STYLE) + 6 : 0;
  const noteHeight = pen.fieldsHeight(note, 1, CAPTION_SIZE);
  const frameHeight = Math.max(MIN_FRAME_HEIGHT, FRAME_HEIGHT - captionHeight - noteHeight);
  const cardHeight = TITLE_HEIGHT + frameHeight + 8 + captionHeight + pen.fieldsHeight(fields, 3, CAPTION_SIZE) + noteHeight + pen.fieldsHeight(hash, 1);
  pen.ensureSpace(cardHeight);
  const top = doc.y;

  pen.text(`Photo ${item.number}`, left, top, { lineBreak: false, style: { font: 'bold', size: SIZE.h2 } });
  const titleWidth = doc.widthOfString(`Photo ${item.number}`);
  pen.text(SOURCE_LABEL[item.source], left + titleWidth + 8, top + 1.5, { lineBreak: false, style: { size: SIZE.small + 0.5, colour: COLOUR.muted } });
  let badgeRight = left + width;
  if (item.superseded) badgeRight -= drawBadge(pen, 'SUPERSEDED', badgeRight, top - 1, COLOUR.muted) + 6;
  if (item.blurry) badgeRight -= drawBadge(pen, 'BLURRY', badgeRight, top - 1, COLOUR.bad) + 6;
  for (const label of captureBadges(item)) badgeRight -= drawBadge(pen, label, badgeRight, top - 1, COLOUR.bad) + 6;

  const frame = { x: left, y: top + TITLE_HEIGHT, width, height: frameHeight };
  doc.save().rect(frame.x, frame.y, frame.width, frame.height).fill(COLOUR.panel).restore();
  if (preview.ok) {
    const placed = fitRect(item.width, item.height, inset(frame, 5));
    doc.image(preview.bytes, placed.x, placed.y, { width: placed.width, height: placed.height });
    doc.save().rect(placed.x, placed.y, placed.width, placed.height).lineWidth(0.4).strokeColor(COLOUR.rule).stroke().restore();
    drawOverlay(pen, item.overlay, placed);
  } else {
    pen.text(`Preview not available: ${preview.reason}.`, frame.x + 20, frame.y + frame.height / 2 - 6, {
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
function photoFields(item: ReportEvidence): Field[] {
  const sharpness = item.blurry
    ? { label: 'Sharpness', value: `Blurry (score ${item.sharpness.toFixed(1)})`, style: { font: 'bold' as const, colour: COLOUR.bad } }
    : { label: 'Sharpness', value: `Sharp (score ${item.sharpness.toFixed(1)})` };
  const superseded: Field[] = item.superseded
    ? [{
        label: 'Superseded',
        value: `${formatTime(item.superseded.at)}: ${item.superseded.reason}` +
          (item.replacedByNumber ? ` (replaced by Photo ${item.replacedByNumber})` : item.superseded.replacedBy ? ` (replaced by ${item.superseded.replacedBy})` : ''),
        style: { font: 'bold' as const },
      }]
    : [];
  return [
    ...superseded,
    { label: 'Source', value: SOURCE_LABEL[item.source] },
    { label: 'Captured by', value: item.capturedByLabel },
    { label: 'Dimensions', value: `${item.width} × ${item.height} px, ${formatBytes(item.size)} ${item.mime.replace('image/', '').toUpperCase()}` },
    { label: 'Received', value: formatTime(item.receivedAt) },
    { label: 'Device time', value: item.deviceTime ? formatTime(item.deviceTime) : 'Not sent by the device' },
    { label: 'Clock skew (received)', value: item.clockSkewMs !== null ? formatClockSkew(item.clockSkewMs) : 'Unknown (no device time)' },
    { label: 'Location', value: item.location ? formatLocation(item.location) : 'Not shared' },
    sharpness,
    { label: 'Brightness', value: `${Math.round(item.brightness)} of 255 (mean luminance)` },
    ...(item.overlay.length > 0 ? [{ label: 'Annotations', value: `${item.overlay.length} drawn over the photo as captured (the file is unmarked)` }] : []),
    ...(item.checklist ? [checklistField(item.checklist)] : []),
    ...captureFields(item),
  ];
}

/** Item ids are unique across the templates, so the title is found without the case's template. */
const itemTitle = (itemId: string): string =>
  Object.values(CHECKLIST_TEMPLATES).flatMap((t) => t.items).find((i) => i.id === itemId)?.title ?? itemId;

function checklistField(capture: NonNullable<ReportEvidence['checklist']>): Field {
  if (capture.accepted) return { label: 'Checklist', value: `Accepted for "${itemTitle(capture.itemId)}"` };
  const why = capture.problems.map((p) => QUALITY_ADVICE[p].split('.')[0]).join('; ');
  return { label: 'Checklist', value: `Retake needed for "${itemTitle(capture.itemId)}": ${why}`, style: { font: 'bold', colour: COLOUR.bad } };
}

/** Draws a badge ending at `right`; returns its width. */
function drawBadge(pen: Pen, label: string, right: number, top: number, colour: string): number {
  const { doc } = pen;
  pen.use({ font: 'bold', size: SIZE.label });
  const textWidth = doc.widthOfString(label, { characterSpacing: 0.6 });
  const badge = { width: textWidth + 12, height: 13 };
  doc.save().roundedRect(right - badge.width, top, badge.width, badge.height, 3).fill(colour).restore();
  pen.text(label, right - badge.width + 6, top + 3.3, { lineBreak: false, characterSpacing: 0.6, style: { font: 'bold', size: SIZE.label, colour: '#ffffff' } });
  return badge.width;
}
