// Integrity: the ledger head this report was made from, the result of re-verifying the case at that
// moment, and how anyone can check the evidence bundle without trusting the server.
import type { VerifyResult } from '../../../../protocol/http.ts';
import type { CaseReport } from '../report-data.ts';
import { COLOUR, SIZE, type Pen } from '../report-layout.ts';

export function drawIntegrity(pen: Pen, report: CaseReport, replacedCharacters: number): void {
  const { doc, left, width } = pen;
  const { ledger, verification } = report;
  pen.heading('Integrity and verification', { keepWith: 200 });
  pen.fields([
    { label: 'Ledger entries', value: String(ledger.entries) },
    { label: 'Ledger key', value: `${ledger.algorithm}, key id ${ledger.keyId}` },
  ], 2);
  pen.fields([{ label: 'Head hash (sha-256 of the last entry)', value: ledger.headHash ?? 'No entries', style: { font: 'mono', size: SIZE.small + 0.5 } }], 1);

  const passed = verification.ok;
  const verdict = verdictOf(verification);
  const textWidth = width - 28;
  const height = pen.measure(verdict, textWidth, { font: 'bold', size: SIZE.body }) + 18;
  pen.ensureSpace(height + 8);
  const top = doc.y + 2;
  const colour = passed ? COLOUR.ok : COLOUR.bad;
  doc.save().rect(left, top, width, height).fill(COLOUR.panel).rect(left, top, 4, height).fill(colour).restore();
  pen.text(verdict, left + 16, top + 9, { width: textWidth, style: { font: 'bold', size: SIZE.body, colour } });
  doc.y = top + height + 8;
  if (verification.headHash !== ledger.headHash) {
    pen.paragraph(`The ledger changed between reading the case and verifying it; verification covered the chain up to ${verification.headHash ?? 'no entries'}.`, { size: SIZE.small, colour: COLOUR.warn });
  }

  pen.subheading('How to verify this case independently', 120);
  const bundle = `sightline-${report.case.id}.zip`;
  const steps: Array<[string, string?]> = [
    [`Ask the operator for the case's evidence bundle, ${bundle}: the whole ledger, every photo as uploaded (a copy under photos/ opens in any viewer), ` +
      'previews, thumbnails, recordings and the server\'s public key.'],
    [`Get the server's public key from the operator or from /.well-known/sightline-ledger-key.pem on the server, not from the bundle. This case's key id is ${ledger.keyId}.`],
    ['Check the bundle offline with the one-file verifier, /verify/sightline-verify.cjs on the server (Node.js 18 or later, nothing else), or by hand as README.txt in the bundle explains. ' +
      'It checks every signature, the hash chain, every file\'s hash and size, and that nothing is missing or added, and prints VERIFIED with the head hash above, or names the entry or file that is wrong:',
      `node sightline-verify.cjs ${bundle} --key-id ${ledger.keyId}`],
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

  const notes = ['This report is a reading of the signed ledger, not itself signed; generating it wrote nothing to the ledger.'];
  if (replacedCharacters > 0) {
    notes.push(`${replacedCharacters} character${replacedCharacters === 1 ? '' : 's'} the report's font cannot show ${replacedCharacters === 1 ? 'is' : 'are'} printed as a replacement mark; the ledger and the bundle hold the exact text.`);
  }
  pen.gap(2);
  for (const note of notes) pen.paragraph(note, { size: SIZE.small, colour: COLOUR.muted });
}

function verdictOf(verification: VerifyResult): string {
  if (verification.ok) {
    return `Verified when this report was generated: ${verification.entries} entries, each hash, link and Ed25519 signature, and all ${verification.blobs} blobs they name check out.`;
  }
  const broken = verification.firstBroken;
  const entry = broken?.seq !== null && broken?.seq !== undefined ? ` at ledger entry ${broken.seq}` : '';
  const blob = broken?.blob ? ` (blob ${broken.blob})` : '';
  return `Verification FAILED when this report was generated${entry}${blob}: ${broken?.reason ?? 'no reason given'}.`;
}
