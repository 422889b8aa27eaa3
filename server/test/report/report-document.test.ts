// Drawing a report without DejaVu (the PDF standard fonts): text outside WinAnsi is spelled plainly or
// marked, never printed as wrong glyphs; a missing preview, no decision and a failed verification
// each read as such.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { standardFonts } from '../../src/report/fonts.ts';
import type { CaseReport, ReportEvidence } from '../../src/report/report-data.ts';
import { flatJpeg } from '../evidence/fixtures.ts';
import { renderReportFile } from '../support/report-pdf.ts';
import { pdfFlatText, pdfImages } from './poppler.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sightline-report-doc-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const at = '2026-05-04T14:03:22.000Z';
const photo = (number: number, previewSha256: string): ReportEvidence => ({
  id: `ev_${number}`, caseId: 'case_doc', source: 'gallery', mime: 'image/webp', size: 2048, sha256: String(number).repeat(64),
  width: 640, height: 480, sharpness: 250, blurry: false, brightness: 120, deviceTime: null, receivedAt: at, clockSkewMs: null,
  location: null, requestId: null, capturedBy: 'customer', originalUrl: '', previewUrl: '', thumbnailUrl: '',
  number, previewSha256, capturedByLabel: 'Customer', thumbnailSha256: null, overlay: [],
});

const report: CaseReport = {
  generatedAt: at,
  language: 'en',
  case: { id: 'case_doc', kind: 'damage', title: 'Zalanie łazienki, Łódź', customerName: 'Paweł Nowak', reference: 'CLM-2026-0042', closedAt: null, createdAt: at, joinExpiresAt: at, evidenceCount: 2, address: null },
  assessor: { name: 'Alice Example', email: 'alice@example.test' },
  outcome: null,
  earlierOutcomes: [],
  tour: null,
  evidence: [photo(1, 'a'.repeat(64)), photo(2, 'b'.repeat(64))],
  recordings: [{ number: 1, startedAt: at, sealedAt: at, chunks: 57, bytes: 15_000_000, durationMs: 192_000 }],
  measurements: [],
  checklist: null,
  timeline: [{ seq: 1, at, actor: 'Alice Example (assessor)', description: 'Case created' }],
  chat: [{ id: 'l1', caseId: 'case_doc', from: 'customer', text: 'Woda cieknie 漏水 🙂', at, who: 'Paweł Nowak (customer)' }],
  ledger: { entries: 3, headHash: 'c'.repeat(64), algorithm: 'Ed25519', keyId: '0123456789abcdef' },
  verification: { ok: false, entries: 3, blobs: 1, headHash: 'c'.repeat(64), firstBroken: { seq: 3, blob: null, reason: 'signature does not verify with the ledger key' } },
};

describe('renderReport with the standard fonts', () => {
  it('draws a readable report from a report that lacks a decision, a preview and a clean verification', async () => {
    const jpeg = await flatJpeg(640, 480, '#a0522d');
    const file = await renderReportFile(report, {
      fonts: standardFonts(),
      readPreview: async (sha256) => (sha256 === 'a'.repeat(64) ? { ok: true, bytes: jpeg } : { ok: false, reason: 'the preview is missing from the blob store' }),
    }, path.join(dir, 'standard.pdf'));

    const flat = pdfFlatText(file);
    expect(flat).toContain('Zalanie lazienki, Lódz');
    expect(flat).toContain('Pawel Nowak');
    expect(flat).toContain('Woda cieknie ?? ?');
    expect(flat).toContain('3 characters the report\'s font cannot show are printed as a replacement mark');
    expect(flat).toContain('No decision has been recorded for this case yet.');
    expect(flat).toContain('Preview not available: the preview is missing from the blob store.');
    expect(flat).toContain('Verification FAILED when this report was generated at ledger entry 3: signature does not verify with the ledger key.');
    expect(flat).toContain('2 photos; call recording, 3 min 12 s (57 chunks, 14.3 MB)');
    expect(flat).toContain('None taken');
    expect(flat).not.toContain('No measurements were taken');
    expect(pdfImages(file)).toHaveLength(1);
  });
});
