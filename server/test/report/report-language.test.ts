// The PDF report in the case's language, read as a user would with poppler's tools: a Chinese case's
// report has Chinese headings, dates and money, every character shown (no replacement marks), and
// Noto Sans CJK embedded as a subset; an English case's report embeds no CJK font at all.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client, Harness } from '../http/harness.ts';
import { useAdminHarness } from '../support/admin-harness.ts';
import { downloadReport } from '../support/report-pdf.ts';
import { pdfFlatText, pdfFonts, pdfPageCount, pdfText } from './poppler.ts';
import { buildReportCase, REPORT_CASE, type BuiltCase } from './report-case.ts';

let h: Harness;
let admin: Client;
let zh: BuiltCase;
let dir: string;
let zhFile: string;
/** A case with no photos in each language: their difference is what the Chinese fonts add. */
let enEmptyFile: string;
let zhEmptyFile: string;

useAdminHarness((server) => ({ h, admin } = server));
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sightline-report-lang-'));
  zh = await buildReportCase(h, admin, { language: 'zh-CN', title: '车库屋顶风暴损坏', customerName: '王芳', currency: 'CNY' });
  zhFile = path.join(dir, 'zh.pdf');
  await downloadReport(zh.assessor, zh.caseId, zhFile);
  await admin.json('/api/users', { method: 'POST', json: { email: 'erin@example.test', name: 'Erin English', password: 'a long enough password', role: 'assessor' } });
  const erin = h.client();
  await erin.login('erin@example.test', 'a long enough password');
  const create = async (json: Record<string, string>): Promise<string> => (await erin.json('/api/cases', { method: 'POST', json })).body.case.id;
  enEmptyFile = path.join(dir, 'en-empty.pdf');
  await downloadReport(erin, await create({ title: REPORT_CASE.title, customerName: REPORT_CASE.customerName }), enEmptyFile);
  zhEmptyFile = path.join(dir, 'zh-empty.pdf');
  await downloadReport(erin, await create({ title: '车库屋顶风暴损坏', customerName: '王芳', language: 'zh-CN' }), zhEmptyFile);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the report of a Simplified Chinese case', () => {
  it('is written in Chinese: headings, decision, labels and page numbers', () => {
    const flat = pdfFlatText(zhFile);
    for (const heading of ['案件概要', '处理结果', '当前处理结果', '损失明细', '证据', '会话时间线', '聊天记录', '完整性与验证', '如何独立验证本案件']) {
      expect(flat).toContain(heading);
    }
    expect(flat).toContain('车库屋顶风暴损坏');
    expect(flat).toContain('王芳');
    expect(flat).toContain('已赔付');
    expect(flat).toContain('已转交（已被取代）');
    expect(flat).toContain('通话结束：assessor hung up');
    expect(flat).toContain('生成本报告时验证通过');
    expect(flat).not.toContain('Case summary');
    const pages = pdfPageCount(zhFile);
    for (let page = 1; page <= pages; page++) expect(pdfText(zhFile, page)).toContain(`第 ${page} 页，共 ${pages} 页`);
  });

  it('formats dates and money the Chinese way, times still in UTC', () => {
    const flat = pdfFlatText(zhFile);
    expect(flat).toContain('¥1,200.00');
    expect(flat).toContain('¥850.00');
    expect(flat).toMatch(/\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}:\d{2}（协调世界时）/);
    expect(flat).not.toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC/);
  });

  it('shows every character: no replacement marks', () => {
    const text = pdfText(zhFile);
    expect(text).not.toContain('\uFFFD');
    expect(text).not.toContain('\u25A1');
    expect(text).not.toContain('replacement mark');
  });

  it('embeds Noto Sans CJK as a subset, not the whole font', () => {
    const cjk = pdfFonts(zhFile).filter((font) => /NotoSans(Mono)?CJK/.test(font.name));
    expect(cjk.length).toBeGreaterThan(0);
    for (const font of cjk) {
      expect(font.name).toMatch(/^[A-Z]{6}\+/);
      expect(font).toMatchObject({ embedded: true, subset: true });
    }
    // Each face is about 19 MB as installed; the subsets of the glyphs a report uses add a few hundred KB.
    expect(fs.statSync(zhEmptyFile).size - fs.statSync(enEmptyFile).size).toBeLessThan(400 * 1024);
    expect(fs.statSync(zhEmptyFile).size).toBeLessThan(512 * 1024);
  });
});

describe('the report of an English case', () => {
  it('stays in English and embeds no CJK font', () => {
    const flat = pdfFlatText(enEmptyFile);
    expect(flat).toContain('Case summary');
    expect(flat).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC/);
    expect(pdfFonts(enEmptyFile).some((font) => /CJK/.test(font.name))).toBe(false);
    expect(pdfText(zhEmptyFile)).toContain('案件概要');
  });
});
