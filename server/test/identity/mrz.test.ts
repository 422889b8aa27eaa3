// The MRZ from text: finding the lines, fitting the filler, digit-only fixes, check digits valid and one wrong.
import { describe, expect, it } from 'vitest';
import { findMrzLines, fitWidth, fixDigitFields, mrzDate, readMrzLines, readMrzText } from '../../src/identity/mrz.ts';
import { checkDigit, SAMPLE_PERSON, td1Lines, td3Lines } from '../../../tests/support/id-card.ts';

const NOW = new Date('2026-12-05T10:00:00Z');

describe('MRZ reading', () => {
  it('computes ICAO check digits as the ICAO example does', () => {
    expect(checkDigit('D23145890')).toBe('7');
    expect(checkDigit('740812')).toBe('2');
    expect(checkDigit('120415')).toBe('9');
  });

  it('reads a TD1 card: fields, dates as YYYY-MM-DD, every check digit holds', () => {
    const reading = readMrzLines('TD1', td1Lines(SAMPLE_PERSON), NOW);
    expect(reading).toMatchObject({
      format: 'TD1', documentNumber: 'SPECI2024', surname: 'DE VRIES', givenNames: 'ANNA MARIA', nationality: 'NLD',
      issuingState: 'NLD', birthDate: '1985-03-14', expiryDate: '2031-08-02', sex: 'F',
      checkDigits: { documentNumber: true, birthDate: true, expiryDate: true, composite: true }, valid: true,
    });
  });

  it('reads a TD3 passport', () => {
    const reading = readMrzLines('TD3', td3Lines(SAMPLE_PERSON), NOW);
    expect(reading).toMatchObject({ format: 'TD3', documentNumber: 'SPECI2024', surname: 'DE VRIES', expiryDate: '2031-08-02', valid: true });
  });

  it('one wrong digit: that check digit and the composite fail, the reading is not valid', () => {
    const [l1, l2, l3] = td1Lines(SAMPLE_PERSON);
    const altered = `${l2!.slice(0, 5)}5${l2!.slice(6)}`; // birth day 14 → 15, its check digit unchanged
    const reading = readMrzLines('TD1', [l1!, altered, l3!], NOW);
    expect(reading.checkDigits).toEqual({ documentNumber: true, birthDate: false, expiryDate: true, composite: false });
    expect(reading.valid).toBe(false);
  });

  it('turns O into 0 and I into 1 only where the field holds digits; a name keeps its letters', () => {
    const [l1, l2] = td3Lines({ ...SAMPLE_PERSON, surname: 'OLIO' });
    const ocr = [l1!, l2!.replace('850314', '85O3I4')];
    expect(fixDigitFields('TD3', ocr)).toEqual([l1, l2]);
    expect(readMrzLines('TD3', ocr, NOW)).toMatchObject({ surname: 'OLIO', birthDate: '1985-03-14', valid: true });
  });

  it('fits a line whose filler the OCR miscounted, keeping the last check digit in its column', () => {
    const line = td1Lines(SAMPLE_PERSON)[1]!;
    expect(fitWidth(line.replace('<<<<', '<<'), 30)).toBe(line);
    expect(fitWidth(line.replace('<<<<', '<<<<<<'), 30)).toBe(line);
  });

  it('finds the MRZ among other OCR text; nothing MRZ-shaped is null', () => {
    const lines = td1Lines(SAMPLE_PERSON);
    const text = `IDENTITY CARD\nDE VRIES\n${lines[0]!.slice(0, 28)}\n${lines[1]}\n${lines[2]}\n`;
    expect(findMrzLines(text)).toEqual({ format: 'TD1', lines });
    expect(readMrzText('SURNAME DE VRIES\nGIVEN NAMES ANNA MARIA\n', NOW)).toBeNull();
  });

  it('dates: a birth year is never in the future, an expiry is this century, no date is null', () => {
    expect(mrzDate('850314', 'birth', NOW)).toBe('1985-03-14');
    expect(mrzDate('100314', 'birth', NOW)).toBe('2010-03-14');
    expect(mrzDate('310802', 'expiry', NOW)).toBe('2031-08-02');
    expect(mrzDate('311302', 'expiry', NOW)).toBeNull();
    expect(mrzDate('<<<<<<', 'expiry', NOW)).toBeNull();
  });
});

describe('what is not an MRZ', () => {
  it('lines of the right length without a document code or filler are not read', () => {
    expect(findMrzLines('MNNEEIITEETIREEEIEIETRIEARA<<<\nF1RTERER1R1RER1NAAEERTREINEAT<\nEEIRETTEEIEERARAEETENIFTINRINN\n')).toBeNull();
    expect(findMrzLines(`${'A'.repeat(30)}\n${'B'.repeat(30)}\n${'C'.repeat(30)}\n`)).toBeNull();
  });
});

describe('the hint that a photo holds an MRZ', () => {
  it('a long line with a run of filler is a hint; print and short runs are not', async () => {
    const { looksLikeMrz } = await import('../../src/identity/mrz.ts');
    expect(looksLikeMrz('IDENTITY CARD\nI<NLDSPECI20245<<<<<<<<<<<<<\n')).toBe(true);
    expect(looksLikeMrz('SURNAME DE VRIES\nK<<R 12\nABCDEFGHIJKLMNOPQRSTUVWXYZ\n')).toBe(false);
  });
});
