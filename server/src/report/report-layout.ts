// The report's page geometry, type scale and colours, and the text primitives every section draws
// with: a "pen" that sanitises text for the font, keeps blocks off the page bottom and stamps the
// header and footer on every page once the page count is known.
import PDFDocument from 'pdfkit';
import type { ReportFonts } from './fonts.ts';
import { fontsFor, sanitizeText } from './fonts.ts';
import type { ReportWords } from './format.ts';

export const MARGIN = { top: 80, bottom: 64, left: 50, right: 50 } as const;

export const COLOUR = {
  ink: '#1f2933',
  muted: '#5f6b7a',
  faint: '#8a96a3',
  rule: '#d5dbe1',
  panel: '#f2f4f6',
  zebra: '#f7f8fa',
  accent: '#1e4fa8',
  ok: '#17803d',
  bad: '#b42318',
  warn: '#a75a06',
} as const;

export const SIZE = { title: 20, h1: 14, h2: 10.5, body: 9.5, small: 8, label: 6.8 } as const;

const FIELD_GUTTER = 14;

export interface TextStyle {
  font?: 'regular' | 'bold' | 'mono';
  size?: number;
  colour?: string;
}

export interface Field {
  label: string;
  value: string;
  style?: TextStyle;
}

export interface Pen {
  readonly doc: PDFKit.PDFDocument;
  readonly left: number;
  readonly width: number;
  /** Characters printed as the replacement because the font has no glyph for them. */
  readonly replaced: () => number;
  /** The report's words, in the case's language. */
  readonly words: ReportWords;
  /** Sets font (the face that shows `text`), size and colour; then `doc.text`, `widthOfString` and `heightOfString` use them. */
  use(style: TextStyle, text?: string): void;
  /** Sanitised text at (x, y) in `width`; returns the y below it. */
  text(text: string, x: number, y: number, options: PDFKit.Mixins.TextOptions & { style?: TextStyle }): number;
  measure(text: string, width: number, style: TextStyle): number;
  /** The lowest y content may reach on this page. */
  bottom(): number;
  /** Starts a new page unless `height` more points fit below `doc.y`. */
  ensureSpace(height: number): void;
  heading(title: string, options?: { newPage?: boolean; keepWith?: number }): void;
  subheading(title: string, keepWith?: number): void;
  paragraph(text: string, style?: TextStyle): void;
  /** Label-over-value cells in `columns` columns; values in `valueSize` unless a field says otherwise. */
  fields(fields: Field[], columns: number, valueSize?: number): void;
  /** The height `fields` with the same arguments will take. */
  fieldsHeight(fields: Field[], columns: number, valueSize?: number): number;
  gap(points: number): void;
}

export function createReportDocument(info: { title: string; subject: string }): PDFKit.PDFDocument {
  return new PDFDocument({
    size: 'A4',
    margins: { ...MARGIN },
    bufferPages: true,
    info: { Title: info.title, Subject: info.subject, Creator: 'Sightline', Producer: 'Sightline (pdfkit)' },
  });
}

export function createPen(doc: PDFKit.PDFDocument, fonts: ReportFonts, words: ReportWords): Pen {
  let replaced = 0;
  // A face is registered with the document when a string is first drawn in it, so an English report
  // never opens the CJK faces; pdfkit embeds a subset of each face the document registered and used.
  const registered = new Set<string>();
  const select = (set: ReportFonts, name: string): string => {
    if (!registered.has(name)) {
      const face = set.faces.open(name);
      if (face) doc.registerFont(name, face);
      registered.add(name);
    }
    return name;
  };
  const left = MARGIN.left;
  const width = doc.page.width - MARGIN.left - MARGIN.right;
  const cellWidth = (columns: number): number => (width - FIELD_GUTTER * (columns - 1)) / columns;
  const rowsOf = (fields: Field[], columns: number): Field[][] =>
    Array.from({ length: Math.ceil(fields.length / columns) }, (_, i) => fields.slice(i * columns, (i + 1) * columns));
  const fieldRowHeight = (row: Field[], cell: number, valueSize: number): number =>
    10 + Math.max(...row.map((f) => pen.measure(f.value, cell, { size: valueSize, ...f.style }))) + 6;

  const pen: Pen = {
    doc,
    left,
    width,
    words,
    replaced: () => replaced,
    use({ font = 'regular', size = SIZE.body, colour = COLOUR.ink }, text = '') {
      const set = fontsFor(text, fonts);
      doc.font(select(set, set[font])).fontSize(size).fillColor(colour);
    },
    text(text, x, y, { style = {}, ...options }) {
      pen.use(style, text);
      const shown = sanitizeText(text, fontsFor(text, fonts));
      replaced += shown.replaced;
      doc.text(shown.text, x, y, options);
      return doc.y;
    },
    measure(text, measureWidth, style) {
      pen.use(style, text);
      return doc.heightOfString(sanitizeText(text, fontsFor(text, fonts)).text, { width: measureWidth });
    },
    bottom: () => doc.page.height - MARGIN.bottom,
    ensureSpace(height) {
      if (doc.y + height > pen.bottom()) {
        doc.addPage();
        doc.y = MARGIN.top;
      }
    },
    heading(title, { newPage = false, keepWith = 60 } = {}) {
      if (newPage && doc.y > MARGIN.top) {
        doc.addPage();
        doc.y = MARGIN.top;
      } else {
        if (doc.y > MARGIN.top) doc.y += 14;
        pen.ensureSpace(30 + keepWith);
      }
      const y = pen.text(title, left, doc.y, { width, style: { font: 'bold', size: SIZE.h1, colour: COLOUR.accent } });
      doc.save().moveTo(left, y + 2).lineTo(left + width, y + 2).lineWidth(0.8).strokeColor(COLOUR.accent).stroke().restore();
      doc.y = y + 10;
    },
    subheading(title, keepWith = 40) {
      doc.y += 6;
      pen.ensureSpace(18 + keepWith);
      doc.y = pen.text(title, left, doc.y, { width, style: { font: 'bold', size: SIZE.h2 } }) + 4;
    },
    paragraph(text, style = {}) {
      const height = pen.measure(text, width, style);
      pen.ensureSpace(Math.min(height, 60));
      doc.y = pen.text(text, left, doc.y, { width, style }) + 4;
    },
    fields(fields, columns, valueSize = SIZE.body) {
      const cell = cellWidth(columns);
      for (const row of rowsOf(fields, columns)) {
        const rowHeight = fieldRowHeight(row, cell, valueSize);
        pen.ensureSpace(rowHeight);
        const top = doc.y;
        row.forEach((field, i) => {
          const x = left + i * (cell + FIELD_GUTTER);
          pen.text(field.label.toUpperCase(), x, top, { width: cell, characterSpacing: 0.4, style: { font: 'bold', size: SIZE.label, colour: COLOUR.muted } });
          pen.text(field.value, x, top + 10, { width: cell, style: { size: valueSize, ...field.style } });
        });
        doc.y = top + rowHeight;
      }
    },
    fieldsHeight(fields, columns, valueSize = SIZE.body) {
      const cell = cellWidth(columns);
      return rowsOf(fields, columns).reduce((sum, row) => sum + fieldRowHeight(row, cell, valueSize), 0);
    },
    gap(points) {
      doc.y += points;
    },
  };
  return pen;
}

/** Header (product, case id) and footer (generation time, "Page n of m") on every buffered page. */
export function stampPages(pen: Pen, caseId: string, footerNote: string): void {
  const { doc, left, width, words } = pen;
  const range = doc.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index++) {
    doc.switchToPage(index);
    // Writing below the bottom margin would make pdfkit start a new page; the furniture lives there.
    const bottomMargin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const headerY = 34;
    pen.text('Sightline', left, headerY, { width, lineBreak: false, style: { font: 'bold', size: 11, colour: COLOUR.accent } });
    const productWidth = doc.widthOfString('Sightline');
    pen.text(words.say('document.product'), left + productWidth + 8, headerY + 2, { lineBreak: false, style: { size: 8.5, colour: COLOUR.muted } });
    pen.text(words.say('document.case', { id: caseId }), left, headerY + 2, { width, align: 'right', lineBreak: false, style: { font: 'mono', size: 8, colour: COLOUR.muted } });
    doc.save().moveTo(left, 54).lineTo(left + width, 54).lineWidth(0.5).strokeColor(COLOUR.rule).stroke().restore();

    const footerY = doc.page.height - 42;
    doc.save().moveTo(left, footerY - 8).lineTo(left + width, footerY - 8).lineWidth(0.5).strokeColor(COLOUR.rule).stroke().restore();
    pen.text(footerNote, left, footerY, { width: width - 90, lineBreak: false, style: { size: 7, colour: COLOUR.faint } });
    pen.text(words.say('document.page', { page: index - range.start + 1, pages: range.count }), left, footerY, { width, align: 'right', lineBreak: false, style: { size: 7.5, colour: COLOUR.muted } });
    doc.page.margins.bottom = bottomMargin;
  }
}
