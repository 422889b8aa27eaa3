// The report's fonts for Chinese text: Noto Sans CJK behind DejaVu (or the standard fonts), chosen
// string by string; and without it, a Chinese report still renders, with visible replacement marks,
// and the service says once that the font is missing.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dejavuFonts, findReportFonts, fontsFor, NOTO_CJK_FILES, notoCjkFonts, sanitizeText, standardFonts, type ReportFonts } from '../../src/report/fonts.ts';
import type { CaseReport } from '../../src/report/report-data.ts';
import { createReportService, type ReportServiceDeps } from '../../src/report/report-service.ts';
import { renderReportFile } from '../support/report-pdf.ts';
import { pdfText } from './poppler.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sightline-report-fonts-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const noto = notoCjkFonts({ regular: 'r.ttc', bold: 'b.ttc' });
const dejavu = { ...dejavuFonts({ regular: 'r.ttf', bold: 'b.ttf', mono: 'm.ttf' }), fallback: noto };

describe('the CJK fallback', () => {
  it('is found where Debian installs fonts-noto-cjk, and names the Simplified Chinese faces of its collections', () => {
    const found = findReportFonts();
    expect(found.regular).toBe('report-regular');
    expect(found.fallback).toBeDefined();
    expect([...found.files, ...(found.fallback?.files ?? [])]).toEqual(expect.arrayContaining([
      { name: 'report-cjk-regular', file: NOTO_CJK_FILES[0]!.regular, family: 'NotoSansCJKsc-Regular' },
      { name: 'report-cjk-bold', file: NOTO_CJK_FILES[0]!.bold, family: 'NotoSansCJKsc-Bold' },
    ]));
  });

  it('is absent when the font is not installed, whatever the primary set', () => {
    expect(findReportFonts(undefined, [{ regular: '/nonexistent/r.ttc', bold: '/nonexistent/b.ttc' }]).fallback).toBeUndefined();
    expect(findReportFonts(['/nonexistent'], []).regular).toBe('Helvetica');
  });

  it('draws a string in DejaVu while DejaVu shows all of it, and in Noto when Noto shows more', () => {
    expect(fontsFor('Storm damage, Łódź', dejavu)).toBe(dejavu);
    expect(fontsFor('车库屋顶风暴损坏', dejavu)).toBe(noto);
    expect(fontsFor('2026年12月4日 14:03:22', dejavu)).toBe(noto);
    // Noto has no Ł or ź: they are spelled plainly there, so a string with Chinese still goes to Noto.
    expect(fontsFor('Łódź 漏水', dejavu)).toBe(noto);
    expect(sanitizeText('Łódź 漏水', noto)).toEqual({ text: 'Lódz 漏水', replaced: 0 });
    // An emoji neither set has stays in DejaVu, marked as today.
    expect(fontsFor('Thanks 🙂', dejavu)).toBe(dejavu);
    expect(fontsFor('谢谢 🙂', dejavu)).toBe(noto);
    expect(sanitizeText('谢谢 🙂', noto)).toEqual({ text: '谢谢 \u25A1', replaced: 1 });
    expect(fontsFor('漏水', standardFonts())).toEqual(standardFonts());
  });
});

const at = '2026-12-04T14:03:22.000Z';
const chinese: CaseReport = {
  generatedAt: at,
  language: 'zh-CN',
  case: { id: 'case_zh', kind: 'damage', title: '车库漏水', customerName: '王芳', reference: null, closedAt: null, createdAt: at, joinExpiresAt: at, evidenceCount: 0, address: null },
  assessor: { name: '李娜', email: 'li@example.test' },
  outcome: null,
  earlierOutcomes: [],
  tour: null,
  evidence: [],
  recordings: [],
  measurements: [],
  checklist: null,
  timeline: [],
  chat: [],
  ledger: { entries: 0, headHash: null, algorithm: 'Ed25519', keyId: '0123456789abcdef' },
  verification: { ok: true, entries: 0, blobs: 0, headHash: null, firstBroken: null },
};

const render = (report: CaseReport, fonts: ReportFonts, name: string): Promise<string> =>
  renderReportFile(report, { fonts, readPreview: async () => ({ ok: false, reason: 'none' }) }, path.join(dir, name));

describe('a Chinese report without the CJK font', () => {
  it('still renders, in Chinese words shown as replacement marks, and says how many', async () => {
    const file = await render(chinese, findReportFonts(undefined, []), 'no-cjk.pdf');
    const text = pdfText(file);
    expect(text).toContain('\uFFFD');
    expect(text).not.toContain('案件概要');
    expect(text.replace(/\s+/g, ' ')).toMatch(/\d+ \uFFFD+/);
  });

  it('is reported once, when the service starts', () => {
    const warnings: string[] = [];
    const log = { warn: (_fields: object, message: string) => void warnings.push(message) };
    const deps = { fonts: findReportFonts(undefined, []), log } as unknown as ReportServiceDeps;
    createReportService(deps);
    expect(warnings).toEqual([expect.stringContaining('fonts-noto-cjk')]);
    warnings.length = 0;
    createReportService({ ...deps, fonts: findReportFonts() });
    expect(warnings).toEqual([]);
  });
});

describe('a Chinese report with the CJK font', () => {
  it('shows every character and stays small', async () => {
    const file = await render(chinese, findReportFonts(), 'cjk.pdf');
    const text = pdfText(file);
    expect(text).toContain('案件概要');
    expect(text).toContain('2026年12月4日');
    expect(text).not.toMatch(/[\uFFFD\u25A1]/);
    expect(fs.statSync(file).size).toBeLessThan(512 * 1024);
  });

  it('parses each face once for the set, and each document still embeds a subset of its own text', async () => {
    const fonts = findReportFonts();
    const first = await render(chinese, fonts, 'cjk-first.pdf');
    const face = fonts.fallback?.faces.open('report-cjk-regular');
    expect(face).toBeDefined();
    const balcony: CaseReport = { ...chinese, case: { ...chinese.case, title: '阳台玻璃破裂', customerName: '赵敏' } };
    const second = await render(balcony, fonts, 'cjk-second.pdf');
    expect(fonts.fallback?.faces.open('report-cjk-regular')).toBe(face);
    expect(pdfText(second)).toContain('阳台玻璃破裂');
    expect(pdfText(second)).not.toMatch(/[\uFFFD\u25A1]/);
    expect(pdfText(first)).toContain('车库漏水');
    expect(pdfText(first)).not.toContain('阳台玻璃破裂');
    expect(fs.statSync(second).size).toBeLessThan(512 * 1024);
  });
});
