// The session as the ledger recorded it (every entry, in order) and the chat transcript.
import type { CaseReport } from '../report-data.ts';
import { formatTimeShort } from '../format.ts';
import { COLOUR, SIZE, type Pen } from '../report-layout.ts';
import { drawTable } from '../table.ts';

export function drawTimeline(pen: Pen, report: CaseReport): void {
  pen.heading('Session timeline', { newPage: true });
  pen.paragraph(
    `Every ledger entry of the case in sequence order (${report.ledger.entries}), with the server's time in UTC; ` +
      'a run of recording chunks is one row.',
    { size: SIZE.small, colour: COLOUR.muted },
  );
  drawTable(pen, {
    size: 7.6,
    columns: [
      { header: '#', share: 0.06, align: 'right', style: { colour: COLOUR.muted } },
      { header: 'Time (UTC)', share: 0.19 },
      { header: 'Actor', share: 0.23 },
      { header: 'Event', share: 0.52 },
    ],
    rows: report.timeline.map((row) => [
      row.lastSeq !== undefined ? `${row.seq}–${row.lastSeq}` : String(row.seq),
      row.lastAt !== undefined ? `${formatTimeShort(row.at)} –\n${formatTimeShort(row.lastAt)}` : formatTimeShort(row.at),
      row.actor,
      row.description,
    ]),
  });
}

export function drawChat(pen: Pen, report: CaseReport): void {
  pen.heading('Chat transcript');
  if (report.chat.length === 0) {
    pen.paragraph('No chat messages were exchanged in this case.', { colour: COLOUR.muted });
    return;
  }
  drawTable(pen, {
    size: SIZE.small,
    columns: [
      { header: 'Time (UTC)', share: 0.19 },
      { header: 'From', share: 0.22, style: { font: 'bold' } },
      { header: 'Message', share: 0.59 },
    ],
    rows: report.chat.map((line) => [formatTimeShort(line.at), line.who, line.text]),
  });
}
