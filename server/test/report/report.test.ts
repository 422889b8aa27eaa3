// The PDF report over real HTTP, checked as a user would with poppler's tools: it is a whole PDF, its
// text holds the case, the outcome, the damage items, the chat, every photo's hash and the ledger
// head, it carries the photos, and generating it leaves the ledger as it was.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, startHarness, type Client, type Harness } from '../http/harness.ts';
import { pdfImages, pdfPageCount, pdfText, renderPage } from './poppler.ts';
import { buildReportCase, REPORT_CASE, type BuiltCase } from './report-case.ts';

let h: Harness;
let admin: Client;
let built: BuiltCase;
let dir: string;
let pdfFile: string;
let headHash: string;

beforeAll(async () => {
  h = await startHarness();
  admin = h.client();
  await admin.login();
  built = await buildReportCase(h, admin);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sightline-report-'));
  pdfFile = path.join(dir, 'report.pdf');
});
afterAll(async () => {
  await h.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const ledgerHashes = async (): Promise<string[]> =>
  (await built.assessor.json(`/api/cases/${built.caseId}/ledger`)).body.entries.map((e: { hash: string }) => e.hash);

describe('GET /api/cases/:id/report', () => {
  it('streams a whole PDF as a download, and writes nothing to the ledger', async () => {
    const before = await ledgerHashes();
    headHash = before.at(-1)!;
    const res = await built.assessor.fetch(`/api/cases/${built.caseId}/report`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="sightline-${built.caseId}.pdf"`);
    expect(res.headers.get('transfer-encoding')).toBe('chunked');
    expect(res.headers.get('x-ledger-head')).toBe(headHash);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(bytes.subarray(-16).toString('latin1').trimEnd().endsWith('%%EOF')).toBe(true);
    fs.writeFileSync(pdfFile, bytes);
    expect(await ledgerHashes()).toEqual(before);
  });

  it('reads as the case: title, decision, money, damage items, chat, photo hashes and the ledger head', () => {
    const text = pdfText(pdfFile);
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain(REPORT_CASE.title);
    expect(flat).toContain(REPORT_CASE.customerName);
    expect(flat).toContain('Settled');
    expect(flat).toMatch(/1,200|1200/);
    expect(flat).toContain('EUR');
    for (const item of REPORT_CASE.items) expect(flat).toContain(item.area);
    expect(flat).toContain('Referred (superseded)');
    for (const line of REPORT_CASE.chat) expect(flat).toContain(line);
    for (const sha256 of built.photoShas) expect(text).toContain(sha256);
    expect(text).toContain(headHash);
    expect(flat).toContain('Verified when this report was generated');
    expect(flat).toContain(`node sightline-verify.cjs sightline-${built.caseId}.zip`);
    expect(flat).toMatch(/Blurry \(score/);
    expect(flat).toContain('Call ended: assessor hung up');
  });

  it('has every photo in it, a sane page count and "Page n of m" on every page', () => {
    const images = pdfImages(pdfFile);
    expect(images.length).toBeGreaterThanOrEqual(built.photoShas.length);
    expect(images.every((image) => image.encoding === 'jpeg')).toBe(true);
    const pages = pdfPageCount(pdfFile);
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(pages).toBeLessThanOrEqual(8);
    for (let page = 1; page <= pages; page++) {
      const text = pdfText(pdfFile, page);
      expect(text).toContain(`Page ${page} of ${pages}`);
      expect(text).toContain(built.caseId);
    }
  });

  it('renders page 1 and the evidence page without a poppler error', () => {
    const pages = pdfPageCount(pdfFile);
    const evidencePage = Array.from({ length: pages }, (_, i) => i + 1).find((page) => pdfText(pdfFile, page).includes('Photo 1'));
    expect(evidencePage).toBeDefined();
    for (const page of [1, evidencePage!]) {
      const png = renderPage(pdfFile, page, path.join(dir, 'page'));
      expect(fs.readFileSync(png).subarray(1, 4).toString('latin1')).toBe('PNG');
    }
  });

  it('lets an admin reach it too (HEAD: headers only)', async () => {
    const res = await admin.fetch(`/api/cases/${built.caseId}/report`, { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
  });

  it('refuses another assessor (403), a customer token (401), no login (401) and an unknown case (404)', async () => {
    await admin.json('/api/users', { method: 'POST', json: { email: 'bob@example.test', name: 'Bob Other', password: 'another long password', role: 'assessor' } });
    const bob = h.client();
    await bob.login('bob@example.test', 'another long password');
    const url = `/api/cases/${built.caseId}/report`;
    const checks: Array<[Promise<{ status: number; body: any }>, number, string]> = [
      [bob.json(url), 403, 'forbidden'],
      [h.client().json(url, { headers: bearer(built.token) }), 401, 'login_required'],
      [h.client().json(url), 401, 'login_required'],
      [built.assessor.json('/api/cases/case_doesnotexist000000000/report'), 404, 'not_found'],
    ];
    for (const [request, status, code] of checks) {
      const res = await request;
      expect(res.status).toBe(status);
      expect(res.body.error.code).toBe(code);
    }
  });
});
