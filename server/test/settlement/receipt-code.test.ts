import { describe, expect, it } from 'vitest';
import { maskRecipient } from '../../src/links/contact-on-file.ts';
import { newReceiptCode, normaliseReceiptCode } from '../../src/settlement/receipt-code.ts';

describe('receipt codes', () => {
  it('are 12 Crockford base32 characters grouped 4-4-4, and do not repeat', () => {
    const codes = new Set(Array.from({ length: 2000 }, newReceiptCode));
    expect(codes.size).toBe(2000);
    for (const code of codes) expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
  });

  it('are read back forgivingly: case, spaces, dashes, O for 0, I and L for 1; anything else is no code', () => {
    expect(normaliseReceiptCode('ab12 cd34 ef56')).toBe('AB12-CD34-EF56');
    expect(normaliseReceiptCode('oIL0-0000-0000')).toBe('0110-0000-0000');
    expect(normaliseReceiptCode('AB12-CD34-EF5')).toBeNull();
    expect(normaliseReceiptCode('AB12-CD34-EF5U')).toBeNull();
    expect(normaliseReceiptCode('')).toBeNull();
  });
});

describe('masked recipients', () => {
  it('show the last three digits of a phone and the first letter and domain of an email', () => {
    expect(maskRecipient('sms', '+44 7700 900123')).toBe('••• 123');
    expect(maskRecipient('email', 'dana@example.test')).toBe('d•••@example.test');
    expect(maskRecipient('email', 'nonsense')).toBe('•••');
  });
});
