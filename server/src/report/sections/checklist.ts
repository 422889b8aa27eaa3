// The guided-capture checklist: each item with its status, how many photos were taken for it and a
// thumbnail of the accepted photo (the one its ledger entry signs for).
import { QUALITY_ADVICE, type ChecklistItemStatus } from '../../../../protocol/checklist.ts';
import { inset } from '../geometry.ts';
import type { ReportChecklist, ReportChecklistItem } from '../report-data.ts';
import { COLOUR, SIZE, type Pen } from '../report-layout.ts';
import type { EvidenceDeps, PreviewImage } from './evidence.ts';

const THUMB = { width: 76, height: 57 };
const ROW_HEIGHT = THUMB.height + 10;

const STATUS: Record<ChecklistItemStatus, { text: string; colour: string }> = {
  done: { text: 'Done', colour: COLOUR.ok },
  retake: { text: 'Retake needed', colour: COLOUR.bad },
  pending: { text: 'Not captured', colour: COLOUR.muted },
};

export async function drawChecklist(pen: Pen, checklist: ReportChecklist | null, deps: EvidenceDeps): Promise<void> {
  if (!checklist) return;
  pen.heading('Guided capture checklist');
  const done = checklist.items.filter((i) => i.status === 'done').length;
  pen.paragraph(
    `${checklist.title} checklist: ${checklist.complete ? 'complete' : `${done} of ${checklist.items.length} items done`}. ` +
      'A photo is accepted unless it is blurred, too dark or overexposed; a rejected photo is kept as evidence and the item retaken.',
    { size: SIZE.small, colour: COLOUR.muted },
  );
  for (const item of checklist.items) {
    if (!(await deps.ready())) return;
    const first = item.accepted[0];
    const thumbnail: PreviewImage | null = !first ? null
      : first.purged ? { ok: false, reason: 'purged' }
        : first.thumbnailSha256 ? await deps.readPreview(first.thumbnailSha256) : { ok: false, reason: 'not signed' };
    drawItem(pen, item, thumbnail);
  }
}

function drawItem(pen: Pen, item: ReportChecklistItem, thumbnail: PreviewImage | null): void {
  const { doc, left, width } = pen;
  pen.ensureSpace(ROW_HEIGHT);
  const top = doc.y;
  const frame = { x: left, y: top + 4, ...THUMB };
  doc.save().rect(frame.x, frame.y, frame.width, frame.height).fill(COLOUR.panel).restore();
  if (thumbnail?.ok) {
    const box = inset(frame, 2);
    doc.image(thumbnail.bytes, box.x, box.y, { fit: [box.width, box.height], align: 'center', valign: 'center' });
  } else {
    const note = thumbnail === null ? 'No photo' : 'Not available';
    pen.text(note, frame.x, frame.y + frame.height / 2 - 4, { width: frame.width, align: 'center', style: { size: SIZE.label, colour: COLOUR.faint } });
  }

  const x = left + THUMB.width + 12;
  const textWidth = width - THUMB.width - 12;
  const status = STATUS[item.status];
  let y = pen.text(item.title, x, top + 4, { width: textWidth, style: { font: 'bold', size: SIZE.body } });
  y = pen.text(status.text, x, y + 1, { width: textWidth, style: { font: 'bold', size: SIZE.small, colour: status.colour } });
  const photos = item.accepted.map((p) => (p.number !== null ? `Photo ${p.number}` : 'a photo')).join(', ');
  const facts = `${item.attempts} photo${item.attempts === 1 ? '' : 's'} taken${photos ? `; accepted: ${photos}` : ''}`;
  y = pen.text(facts, x, y + 1, { width: textWidth, style: { size: SIZE.small, colour: COLOUR.muted } });
  if (item.problems.length > 0) {
    pen.text(item.problems.map((p) => QUALITY_ADVICE[p]).join(' '), x, y + 1, { width: textWidth, style: { size: SIZE.small, colour: COLOUR.bad } });
  }
  doc.save().moveTo(left, top + ROW_HEIGHT).lineTo(left + width, top + ROW_HEIGHT).lineWidth(0.4).strokeColor(COLOUR.rule).stroke().restore();
  doc.y = top + ROW_HEIGHT + 2;
}
