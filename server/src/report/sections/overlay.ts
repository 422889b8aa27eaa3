// A photo's annotation layer drawn over its placed preview, in the photo's normalised coordinates:
// markers, circles, arrows, labels and measurement lines with their text. Marks are outlined in a dark
// colour so they read on light and dark photos alike, and clipped to the photo.
import { onPage, type Rect } from '../geometry.ts';
import type { ReportOverlayItem } from '../report-data.ts';
import { SIZE, type Pen } from '../report-layout.ts';

const MARK = '#ff7a00';
const MEASURE = '#ffd60a';
const OUTLINE = '#1f2933';
const LABEL_CHARS = 48;

export function drawOverlay(pen: Pen, items: readonly ReportOverlayItem[], photo: Rect): void {
  if (items.length === 0) return;
  const { doc } = pen;
  const unit = Math.max(2.5, Math.min(photo.width, photo.height) * 0.03);
  doc.save();
  doc.rect(photo.x, photo.y, photo.width, photo.height).clip();
  for (const item of items) {
    const [first, second] = item.points.map((p) => onPage(photo, p));
    if (!first) continue;
    const colour = item.kind === 'measurement' ? MEASURE : MARK;
    if ((item.kind === 'arrow' || item.kind === 'measurement') && second) {
      outlined(doc, colour, unit * 0.35, () => doc.moveTo(...first).lineTo(...second));
      if (item.kind === 'arrow') arrowHead(doc, first, second, unit, colour);
      else for (const end of [first, second]) endTick(doc, end, first, second, unit, colour);
      const middle: [number, number] = [(first[0] + second[0]) / 2, (first[1] + second[1]) / 2];
      if (item.text) label(pen, item.text, item.kind === 'arrow' ? first : middle, photo, colour, item.kind === 'measurement');
      continue;
    }
    if (item.kind === 'circle') outlined(doc, colour, unit * 0.35, () => doc.circle(first[0], first[1], unit * 2.2));
    else if (item.kind === 'label') doc.circle(first[0], first[1], unit * 0.35).fillColor(colour).fill();
    else {
      doc.circle(first[0], first[1], unit * 0.8).lineWidth(unit * 0.3).fillColor(colour).strokeColor(OUTLINE).fillAndStroke();
    }
    if (item.text) label(pen, item.text, first, photo, colour);
  }
  doc.restore();
}

/** Strokes a path twice: a wider dark outline, then the colour on top. */
function outlined(doc: PDFKit.PDFDocument, colour: string, width: number, path: () => void): void {
  path();
  doc.lineWidth(width * 2.2).strokeColor(OUTLINE).lineCap('round').stroke();
  path();
  doc.lineWidth(width).strokeColor(colour).lineCap('round').stroke();
}

function arrowHead(doc: PDFKit.PDFDocument, tail: [number, number], head: [number, number], unit: number, colour: string): void {
  const angle = Math.atan2(head[1] - tail[1], head[0] - tail[0]);
  const size = unit * 1.6;
  const wing = (side: number): [number, number] => [head[0] - size * Math.cos(angle + side * 0.45), head[1] - size * Math.sin(angle + side * 0.45)];
  doc.polygon(head, wing(1), wing(-1)).lineWidth(unit * 0.25).fillColor(colour).strokeColor(OUTLINE).fillAndStroke();
}

/** A short bar across the measured line at one end. */
function endTick(doc: PDFKit.PDFDocument, at: [number, number], a: [number, number], b: [number, number], unit: number, colour: string): void {
  const length = Math.hypot(b[0] - a[0], b[1] - a[1]) || 1;
  const [nx, ny] = [-(b[1] - a[1]) / length, (b[0] - a[0]) / length];
  const half = unit * 0.9;
  outlined(doc, colour, unit * 0.3, () => doc.moveTo(at[0] - nx * half, at[1] - ny * half).lineTo(at[0] + nx * half, at[1] + ny * half));
}

/** Text on a dark tag beside a point (or centred above it), kept inside the photo. */
function label(pen: Pen, text: string, at: [number, number], photo: Rect, colour: string, centred = false): void {
  const { doc } = pen;
  const shown = text.length > LABEL_CHARS ? `${text.slice(0, LABEL_CHARS - 1)}…` : text;
  const style = { font: 'bold' as const, size: SIZE.label, colour };
  pen.use(style, shown);
  const width = doc.widthOfString(shown) + 6;
  const height = SIZE.label + 5;
  const x = Math.min(Math.max(photo.x, centred ? at[0] - width / 2 : at[0] + 4), photo.x + photo.width - width);
  const y = Math.min(Math.max(photo.y, at[1] - height - 3), photo.y + photo.height - height);
  doc.save().roundedRect(x, y, width, height, 2).fillOpacity(0.75).fillColor(OUTLINE).fill().restore();
  pen.text(shown, x + 3, y + 2.6, { lineBreak: false, style });
}
