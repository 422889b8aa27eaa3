// The session as the ledger recorded it (every entry, in order) and the chat transcript.
import type { CaseReport } from '../report-data.ts';
import { COLOUR, SIZE, type Pen } from '../report-layout.ts';
import { drawTable } from '../table.ts';

export function drawTimeline(pen: Pen, report: CaseReport): void {
  const { words } = pen;
  const { say } = words;
  pen.heading(say('timeline.heading'), { newPage: true });
  pen.paragraph(say('timeline.intro', { count: report.ledger.entries }), { size: SIZE.small, colour: COLOUR.muted });
  drawTable(pen, {
    size: 7.6,
    columns: [
      { header: '#', share: 0.06, align: 'right', style: { colour: COLOUR.muted } },
      { header: say('timeline.time'), share: 0.19 },
      { header: say('timeline.actor'), share: 0.23 },
      { header: say('timeline.event'), share: 0.52 },
    ],
    rows: report.timeline.map((row) => [
      row.lastSeq !== undefined ? `${row.seq}–${row.lastSeq}` : String(row.seq),
      row.lastAt !== undefined ? `${words.timeShort(row.at)} –\n${words.timeShort(row.lastAt)}` : words.timeShort(row.at),
      row.actor,
      row.description,
    ]),
  });
}

export function drawChat(pen: Pen, report: CaseReport): void {
  const { words } = pen;
  const { say } = words;
  pen.heading(say('timeline.chatHeading'));
  if (report.chat.length === 0) {
    pen.paragraph(say('timeline.noChat'), { colour: COLOUR.muted });
    return;
  }
  drawTable(pen, {
    size: SIZE.small,
    columns: [
      { header: say('timeline.time'), share: 0.19 },
      { header: say('timeline.from'), share: 0.22, style: { font: 'bold' } },
      { header: say('timeline.message'), share: 0.59 },
    ],
    rows: report.chat.map((line) => [words.timeShort(line.at), line.who, line.text]),
  });
}
