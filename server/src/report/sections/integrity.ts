// Integrity: the ledger head this report was made from, the result of re-verifying the case at that
// moment, and how anyone can check the evidence bundle without trusting the server.
import type { VerifyResult } from '../../../../protocol/http.ts';
import type { ReportWords } from '../format.ts';
import type { CaseReport } from '../report-data.ts';
import { COLOUR, SIZE, type Pen } from '../report-layout.ts';

export function drawIntegrity(pen: Pen, report: CaseReport, replacedCharacters: number): void {
  const { doc, left, width, words } = pen;
  const { say } = words;
  const { ledger, verification } = report;
  pen.heading(say('integrity.heading'), { keepWith: 200 });
  pen.fields([
    { label: say('integrity.entries'), value: String(ledger.entries) },
    { label: say('integrity.key'), value: say('integrity.keyValue', { algorithm: ledger.algorithm, keyId: ledger.keyId }) },
  ], 2);
  pen.fields([{ label: say('integrity.head'), value: ledger.headHash ?? say('integrity.noEntries'), style: { font: 'mono', size: SIZE.small + 0.5 } }], 1);

  const passed = verification.ok;
  const verdict = verdictOf(words, verification);
  const textWidth = width - 28;
  const height = pen.measure(verdict, textWidth, { font: 'bold', size: SIZE.body }) + 18;
  pen.ensureSpace(height + 8);
  const top = doc.y + 2;
  const colour = passed ? COLOUR.ok : COLOUR.bad;
  doc.save().rect(left, top, width, height).fill(COLOUR.panel).rect(left, top, 4, height).fill(colour).restore();
  pen.text(verdict, left + 16, top + 9, { width: textWidth, style: { font: 'bold', size: SIZE.body, colour } });
  doc.y = top + height + 8;
  if (verification.headHash !== ledger.headHash) {
    pen.paragraph(say('integrity.changed', { head: verification.headHash ?? say('integrity.noEntriesLower') }), { size: SIZE.small, colour: COLOUR.warn });
  }

  pen.subheading(say('integrity.howTo'), 120);
  const bundle = `sightline-${report.case.id}.zip`;
  const steps: Array<[string, string?]> = [
    [say('integrity.step1', { bundle })],
    [say('integrity.step2', { keyId: ledger.keyId })],
    [say('integrity.step3'), `node sightline-verify.cjs ${bundle} --key-id ${ledger.keyId}`],
  ];
  steps.forEach(([text, command], index) => {
    const indent = 16;
    const height = pen.measure(text, width - indent, {}) + (command ? 20 : 0);
    pen.ensureSpace(height + 4);
    const y = doc.y;
    pen.text(`${index + 1}.`, left, y, { width: indent, style: { font: 'bold', colour: COLOUR.muted } });
    doc.y = pen.text(text, left + indent, y, { width: width - indent }) + 3;
    if (command) {
      const boxTop = doc.y;
      doc.save().rect(left + indent, boxTop, width - indent, 16).fill(COLOUR.panel).restore();
      pen.text(command, left + indent + 6, boxTop + 4.5, { width: width - indent - 12, lineBreak: false, style: { font: 'mono', size: SIZE.small } });
      doc.y = boxTop + 20;
    }
    doc.y += 3;
  });

  const notes = [say('integrity.notSigned')];
  if (replacedCharacters > 0) notes.push(say('integrity.replaced', { count: replacedCharacters }));
  pen.gap(2);
  for (const note of notes) pen.paragraph(note, { size: SIZE.small, colour: COLOUR.muted });
}

function verdictOf(words: ReportWords, verification: VerifyResult): string {
  const { say } = words;
  if (verification.ok) return say('integrity.verified', { entries: verification.entries, blobs: verification.blobs });
  const broken = verification.firstBroken;
  const seq = broken?.seq ?? null;
  const blob = broken?.blob ?? null;
  const reason = broken?.reason ?? say('integrity.noReason');
  if (seq !== null) return blob ? say('integrity.failedAtBlob', { seq, blob, reason }) : say('integrity.failedAt', { seq, reason });
  return blob ? say('integrity.failedBlob', { blob, reason }) : say('integrity.failed', { reason });
}
