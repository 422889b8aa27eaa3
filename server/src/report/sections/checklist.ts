// The guided-capture checklist: each item with its status, how many photos were taken for it and a
// thumbnail of the accepted photo (the one its ledger entry signs for).
import type { ChecklistItemStatus, ChecklistTemplateId } from '../../../../protocol/checklist.ts';
import { inset } from '../geometry.ts';
import type { ReportChecklist, ReportChecklistItem } from '../report-data.ts';
import { COLOUR, SIZE, type Pen } from '../report-layout.ts';
import type { EvidenceDeps, PreviewImage } from './evidence.ts';

const THUMB = { width: 76, height: 57 };
const ROW_HEIGHT = THUMB.height + 10;

const STATUS_COLOUR: Record<ChecklistItemStatus, string> = { done: COLOUR.ok, retake: COLOUR.bad, pending: COLOUR.muted };

export async function drawChecklist(pen: Pen, checklist: ReportChecklist | null, deps: EvidenceDeps): Promise<void> {
  if (!checklist) return;
  const { say } = pen.words;
  pen.heading(say('checklist.heading'));
  const done = checklist.items.filter((i) => i.status === 'done').length;
  const title = pen.words.checklistTitle(checklist.template, null, checklist.title);
  pen.paragraph(
    checklist.complete ? say('checklist.complete', { title }) : say('checklist.partial', { title, done, total: checklist.items.length }),
    { size: SIZE.small, colour: COLOUR.muted },
  );
  for (const item of checklist.items) {
    if (!(await deps.ready())) return;
    const first = item.accepted[0];
    const thumbnail: PreviewImage | null = !first ? null
      : first.purged ? { ok: false, reason: 'purged' }
        : first.thumbnailSha256 ? await deps.readPreview(first.thumbnailSha256) : { ok: false, reason: 'not signed' };
    drawItem(pen, checklist.template, item, thumbnail);
  }
}

function drawItem(pen: Pen, template: ChecklistTemplateId, item: ReportChecklistItem, thumbnail: PreviewImage | null): void {
  const { doc, left, width, words } = pen;
  const { say } = words;
  pen.ensureSpace(ROW_HEIGHT);
  const top = doc.y;
  const frame = { x: left, y: top + 4, ...THUMB };
  doc.save().rect(frame.x, frame.y, frame.width, frame.height).fill(COLOUR.panel).restore();
  if (thumbnail?.ok) {
    const box = inset(frame, 2);
    doc.image(thumbnail.bytes, box.x, box.y, { fit: [box.width, box.height], align: 'center', valign: 'center' });
  } else {
    const note = say(thumbnail === null ? 'checklist.noPhoto' : 'checklist.notAvailable');
    pen.text(note, frame.x, frame.y + frame.height / 2 - 4, { width: frame.width, align: 'center', style: { size: SIZE.label, colour: COLOUR.faint } });
  }

  const x = left + THUMB.width + 12;
  const textWidth = width - THUMB.width - 12;
  let y = pen.text(words.checklistTitle(template, item.id, item.title), x, top + 4, { width: textWidth, style: { font: 'bold', size: SIZE.body } });
  y = pen.text(say(`checklist.${item.status}`), x, y + 1, { width: textWidth, style: { font: 'bold', size: SIZE.small, colour: STATUS_COLOUR[item.status] } });
  const photos = words.list(item.accepted.map((p) => (p.number !== null ? say('evidence.photo', { number: p.number }) : say('evidence.aPhoto'))));
  const facts = photos ? say('checklist.takenAccepted', { count: item.attempts, photos }) : say('checklist.taken', { count: item.attempts });
  y = pen.text(facts, x, y + 1, { width: textWidth, style: { size: SIZE.small, colour: COLOUR.muted } });
  if (item.problems.length > 0) {
    pen.text(item.problems.map((p) => say(`checklist.advice.${p}`)).join(' '), x, y + 1, { width: textWidth, style: { size: SIZE.small, colour: COLOUR.bad } });
  }
  doc.save().moveTo(left, top + ROW_HEIGHT).lineTo(left + width, top + ROW_HEIGHT).lineWidth(0.4).strokeColor(COLOUR.rule).stroke().restore();
  doc.y = top + ROW_HEIGHT + 2;
}
