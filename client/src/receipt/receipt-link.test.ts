import { describe, expect, it } from 'vitest';
import { parseReceiptHash, receiptHash } from './receipt-link.ts';

describe('receipt link', () => {
  it('reads the code, and the language after it when there is one', () => {
    expect(parseReceiptHash('#ABCD-EFGH-JKMN')).toEqual({ code: 'ABCD-EFGH-JKMN', language: null });
    expect(parseReceiptHash('#ABCD-EFGH-JKMN&lang=zh-CN')).toEqual({ code: 'ABCD-EFGH-JKMN', language: 'zh-CN' });
    expect(parseReceiptHash('# abcd-efgh-jkmn &lang=')).toEqual({ code: 'abcd-efgh-jkmn', language: null });
    expect(parseReceiptHash('')).toEqual({ code: '', language: null });
    expect(parseReceiptHash('#%E0%A4%A')).toEqual({ code: '%E0%A4%A', language: null });
  });

  it('writes the code back with the language kept', () => {
    expect(receiptHash('ABCD-EFGH-JKMN', null)).toBe('#ABCD-EFGH-JKMN');
    expect(receiptHash('ABCD-EFGH-JKMN', 'zh-CN')).toBe('#ABCD-EFGH-JKMN&lang=zh-CN');
    expect(parseReceiptHash(receiptHash('ABCD-EFGH-JKMN', 'zh-CN')).language).toBe('zh-CN');
  });
});
