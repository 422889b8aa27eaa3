// A compact table that wraps cell text, breaks across pages between rows and repeats its header on
// every page it continues on.
import { COLOUR, MARGIN, SIZE, type Pen, type TextStyle } from './report-layout.ts';

export interface Column {
  header: string;
  /** Share of the content width; the shares of a table add up to 1. */
  share: number;
  align?: 'left' | 'right';
  style?: TextStyle;
}

export type Cell = string | { text: string; style: TextStyle };

export interface TableOptions {
  columns: Column[];
  rows: Cell[][];
  /** A closing row in bold above a heavier rule, e.g. a total. */
  footer?: Cell[];
  /** Font size of the cells. @default SIZE.small */
  size?: number;
}

const PAD_X = 4;
const PAD_Y = 3.2;

export function drawTable(pen: Pen, options: TableOptions): void {
  const { doc, left, width } = pen;
  const size = options.size ?? SIZE.small;
  const widths = options.columns.map((c) => c.share * width);
  const xs = widths.map((_, i) => left + widths.slice(0, i).reduce((a, b) => a + b, 0));
  const cellText = (cell: Cell | undefined): string => (typeof cell === 'string' ? cell : (cell?.text ?? ''));
  const cellStyle = (cell: Cell | undefined, column: Column, base: TextStyle): TextStyle => ({
    size, ...base, ...column.style, ...(typeof cell === 'object' ? cell.style : {}),
  });
  const fullPage = doc.page.height - MARGIN.top - MARGIN.bottom;

  const rowHeight = (cells: Cell[], base: TextStyle): number =>
    Math.max(...options.columns.map((column, i) => pen.measure(cellText(cells[i]), widths[i]! - 2 * PAD_X, cellStyle(cells[i], column, base)))) + 2 * PAD_Y;

  const drawCells = (cells: Cell[], base: TextStyle, top: number, height: number): void => {
    options.columns.forEach((column, i) => {
      pen.text(cellText(cells[i]), xs[i]! + PAD_X, top + PAD_Y, {
        width: widths[i]! - 2 * PAD_X,
        // Room for the measured text (plus rounding); only a row taller than a page is cut short.
        height: height - 2 * PAD_Y + 1,
        ellipsis: true,
        align: column.align ?? 'left',
        style: cellStyle(cells[i], column, base),
      });
    });
  };

  const rule = (y: number, colour: string, lineWidth: number): void => {
    doc.save().moveTo(left, y).lineTo(left + width, y).lineWidth(lineWidth).strokeColor(colour).stroke().restore();
  };

  const headerStyle: TextStyle = { font: 'bold', size: SIZE.label + 0.4, colour: COLOUR.muted };
  const headerCells = options.columns.map((c) => c.header.toUpperCase());
  const drawHeader = (): void => {
    const height = rowHeight(headerCells, headerStyle) + 2;
    const top = doc.y;
    doc.save().rect(left, top, width, height).fill(COLOUR.panel).restore();
    options.columns.forEach((column, i) => {
      pen.text(headerCells[i]!, xs[i]! + PAD_X, top + PAD_Y + 1, {
        width: widths[i]! - 2 * PAD_X, align: column.align ?? 'left', characterSpacing: 0.3, lineBreak: true, style: headerStyle,
      });
    });
    doc.y = top + height;
  };

  // Keep the header with at least its first row.
  const firstRow = options.rows[0] ?? options.footer ?? [];
  pen.ensureSpace(rowHeight(headerCells, headerStyle) + 2 + Math.min(rowHeight(firstRow, {}), fullPage / 2));
  drawHeader();

  options.rows.forEach((cells, index) => {
    const height = Math.min(rowHeight(cells, {}), fullPage - 40);
    if (doc.y + height > pen.bottom()) {
      doc.addPage();
      doc.y = MARGIN.top;
      drawHeader();
    }
    const top = doc.y;
    if (index % 2 === 1) doc.save().rect(left, top, width, height).fill(COLOUR.zebra).restore();
    drawCells(cells, {}, top, height);
    rule(top + height, COLOUR.rule, 0.4);
    doc.y = top + height;
  });

  if (options.footer) {
    const base: TextStyle = { font: 'bold' };
    const height = rowHeight(options.footer, base);
    pen.ensureSpace(height);
    const top = doc.y;
    rule(top, COLOUR.ink, 0.8);
    drawCells(options.footer, base, top, height);
    doc.y = top + height;
  }
  doc.x = left;
  doc.y += 6;
}
