import { afterEach, describe, expect, it } from 'vitest';
import type { MrzReading } from '../../../../protocol/identity.ts';
import { applyLanguage } from '../../i18n/i18n.ts';
import { codeWords, mrzRows, mrzSummary, STATE_WORDS, VERDICT_WORDS } from './identity-words.ts';

const reading: MrzReading = {
  format: 'TD1', lines: ['I<NLDSPECI20245<<<<<<<<<<<<<<<', '8503149F3108022NLD<<<<<<<<<<<0', 'DE<VRIES<<ANNA<MARIA<<<<<<<<<<'],
  documentNumber: 'SPECI2024', surname: 'DE VRIES', givenNames: 'ANNA MARIA', nationality: 'NLD', issuingState: 'NLD',
  birthDate: '1985-03-14', expiryDate: '2031-08-02', sex: 'F',
  checkDigits: { documentNumber: true, birthDate: false, expiryDate: true, composite: false }, valid: false,
};

describe('identity words', () => {
  it('says whether the one-time code was confirmed, in words', () => {
    expect(codeWords({ withCode: false, codeSentTo: null, codeConfirmedAt: null })).toBeNull();
    expect(codeWords({ withCode: true, codeSentTo: null, codeConfirmedAt: null })).toEqual({ text: 'Code pending: not sent yet (the customer can ask for one on their page)', confirmed: false });
    expect(codeWords({ withCode: true, codeSentTo: '••• 123', codeConfirmedAt: null })).toEqual({ text: 'Code pending: sent to ••• 123, not entered yet', confirmed: false });
    expect(codeWords({ withCode: true, codeSentTo: '••• 123', codeConfirmedAt: '2026-12-05T10:00:00.000Z' })).toEqual({ text: 'Code confirmed ✓ (the customer entered the code sent to ••• 123)', confirmed: true });
  });

  it('spells each check digit out and names the fields', () => {
    const rows = mrzRows(reading, '2026-12-05');
    expect(rows.map((r) => [r.label, r.value, r.check])).toEqual([
      ['Name', 'ANNA MARIA DE VRIES', null],
      ['Document number', 'SPECI2024', 'valid'],
      ['Nationality', 'NLD', null],
      ['Date of birth', '1985-03-14', 'invalid'],
      ['Expiry', '2031-08-02', 'valid'],
      ['Whole zone', 'TD1 (3 lines)', 'invalid'],
    ]);
    expect(rows.find((r) => r.label === 'Expiry')?.note).toBeUndefined();
  });

  it('calls a past expiry expired, and says what an unreadable field is', () => {
    const rows = mrzRows({ ...reading, expiryDate: '2020-01-01', nationality: null }, '2026-12-05');
    expect(rows.find((r) => r.label === 'Expiry')?.note).toBe('expired');
    expect(rows.find((r) => r.label === 'Nationality')?.value).toBe('unreadable');
  });

  it('summarises the zone', () => {
    expect(mrzSummary(null)).toMatch(/by eye/);
    expect(mrzSummary({ ...reading, valid: true })).toBe('Every check digit is valid.');
    expect(mrzSummary(reading)).toMatch(/do not match/);
  });

  describe('in Simplified Chinese', () => {
    afterEach(() => applyLanguage('en'));

    it('says the state, the fields and the verdicts in Chinese; the fields keep their ids', async () => {
      await applyLanguage('zh-CN');
      expect(STATE_WORDS.passed).toBe('已通过');
      expect(VERDICT_WORDS.invalid).toBe('✗ 校验位不符');
      const rows = mrzRows({ ...reading, expiryDate: '2020-01-01' }, '2026-12-05');
      expect(rows.map((r) => [r.field, r.label])).toEqual([
        ['name', '姓名'], ['document-number', '证件号码'], ['nationality', '国籍'], ['date-of-birth', '出生日期'], ['expiry', '有效期至'], ['whole-zone', '整个识读区'],
      ]);
      expect(rows.find((r) => r.field === 'expiry')?.note).toBe('已过期');
      expect(rows.find((r) => r.field === 'whole-zone')?.value).toBe('TD1（3 行）');
      expect(codeWords({ withCode: true, codeSentTo: '••• 123', codeConfirmedAt: null })?.text).toBe('验证码待确认：已发送至 ••• 123，客户尚未输入');
      expect(mrzSummary({ ...reading, valid: true })).toBe('所有校验位均正确。');
    });
  });
});
