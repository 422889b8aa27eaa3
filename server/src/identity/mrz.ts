// The machine-readable zone (ICAO 9303) from OCR text: find the MRZ-shaped lines, undo the OCR's letter-for-
// digit confusions where the field can only hold digits, parse with the `mrz` package and record each check
// digit's verdict. Pure: the OCR itself is mrz-ocr.ts.
import { parse } from 'mrz';
import type { MrzReading } from '../../../protocol/identity.ts';

type Format = 'TD1' | 'TD3';

const WIDTH: Record<Format, number> = { TD1: 30, TD3: 44 };
const LINES: Record<Format, number> = { TD1: 3, TD3: 2 };

/** [line, start, end) spans that hold only digits: the dates and the check digits that are never `<`. */
const DIGIT_SPANS: Record<Format, Array<[number, number, number]>> = {
  TD1: [[0, 14, 15], [1, 0, 7], [1, 8, 15], [1, 29, 30]],
  TD3: [[1, 9, 10], [1, 13, 20], [1, 21, 28], [1, 43, 44]],
};

/** The document code an MRZ opens with: a passport's P; an ID card's I, A or C (ICAO 9303 parts 4 and 5). */
const DOCUMENT_CODE: Record<Format, RegExp> = { TD1: /^[IAC]/, TD3: /^P/ };

/** The confusions an OCR makes between a letter and a digit of the same shape. */
const AS_DIGIT: Record<string, string> = { O: '0', Q: '0', D: '0', I: '1', L: '1' };

/** One OCR'd line as MRZ characters: upper case, no spaces, the filler's usual misreadings as `<`. */
export function cleanLine(raw: string): string {
  return raw.toUpperCase().replace(/[«‹]/g, '<').replace(/\s+/g, '').replace(/[^A-Z0-9<]/g, '');
}

/**
 * A line brought to its format's width: an OCR miscounts long runs of the `<` filler, so the missing or extra
 * `<` go into (or come out of) the longest run, which puts the characters after it back in their columns.
 */
export function fitWidth(line: string, width: number): string {
  if (line.length === width) return line;
  const runs = [...line.matchAll(/<+/g)];
  const longest = runs.reduce<RegExpMatchArray | null>((best, r) => (best === null || r[0].length > best[0].length ? r : best), null);
  if (longest === null) return line.padEnd(width, '<').slice(0, width);
  const at = longest.index! + longest[0].length;
  const fitted = line.length < width
    ? line.slice(0, at) + '<'.repeat(width - line.length) + line.slice(at)
    : line.slice(0, Math.max(longest.index!, at - (line.length - width))) + line.slice(at);
  return fitted.padEnd(width, '<').slice(0, width);
}

/**
 * The MRZ lines in an OCR'd text, or null: the last run of TD3 (2 × 44) or TD1 (3 × 30) lines, each within
 * three characters of its width (fitted with fitWidth).
 */
export function findMrzLines(text: string): { format: Format; lines: string[] } | null {
  const lines = text.split('\n').map(cleanLine).filter((l) => l.length >= 20);
  for (const format of ['TD3', 'TD1'] as const) {
    const width = WIDTH[format];
    const count = LINES[format];
    const fits = (l: string) => Math.abs(l.length - width) <= 3;
    for (let end = lines.length; end >= count; end--) {
      const run = lines.slice(end - count, end);
      // Print or texture read as letters is not an MRZ: it opens with the document code and has filler.
      const shaped = DOCUMENT_CODE[format].test(run[0]!) && run.join('').includes('<<');
      if (shaped && run.every(fits)) return { format, lines: run.map((l) => fitWidth(l, width)) };
    }
  }
  return null;
}

/** The lines with O→0, I→1 (and kin) only where the format says the character must be a digit. */
export function fixDigitFields(format: Format, lines: string[]): string[] {
  const chars = lines.map((l) => l.split(''));
  for (const [line, start, end] of DIGIT_SPANS[format]) {
    for (let i = start; i < end; i++) {
      const c = chars[line]![i]!;
      chars[line]![i] = AS_DIGIT[c] ?? c;
    }
  }
  return chars.map((c) => c.join(''));
}

/** YYMMDD → YYYY-MM-DD; a birth date is never in the future, an expiry date is this century's. Null when no date. */
export function mrzDate(yymmdd: string | null | undefined, kind: 'birth' | 'expiry', now: Date): string | null {
  if (!yymmdd || !/^\d{6}$/.test(yymmdd)) return null;
  const yy = Number(yymmdd.slice(0, 2));
  const month = Number(yymmdd.slice(2, 4));
  const day = Number(yymmdd.slice(4, 6));
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const century = kind === 'birth' && 2000 + yy > now.getUTCFullYear() ? 1900 : 2000;
  return `${century + yy}-${yymmdd.slice(2, 4)}-${yymmdd.slice(4, 6)}`;
}

/** The reading of MRZ lines of a known format; check digits judged by the `mrz` package. */
export function readMrzLines(format: Format, rawLines: string[], now: Date): MrzReading {
  const lines = fixDigitFields(format, rawLines);
  const result = parse(lines);
  const detail = (field: string) => result.details.find((d) => d.field === field);
  const holds = (field: string) => detail(field)?.valid === true;
  const value = (field: string) => {
    const v = detail(field)?.value;
    return v === undefined || v === null || v === '' ? null : v;
  };
  const sex = value('sex');
  const checkDigits = {
    documentNumber: holds('documentNumberCheckDigit'),
    birthDate: holds('birthDateCheckDigit'),
    expiryDate: holds('expirationDateCheckDigit'),
    composite: detail('compositeCheckDigit') ? holds('compositeCheckDigit') : null,
  };
  return {
    format,
    lines,
    // The raw characters when the package refuses a field (e.g. a check digit that fails): the assessor compares them by eye.
    documentNumber: result.documentNumber ?? value('documentNumber') ?? rawDocumentNumber(format, lines),
    surname: value('lastName'),
    givenNames: value('firstName'),
    nationality: value('nationality'),
    issuingState: value('issuingState'),
    birthDate: mrzDate(value('birthDate'), 'birth', now),
    expiryDate: mrzDate(value('expirationDate'), 'expiry', now),
    sex: sex === 'female' ? 'F' : sex === 'male' ? 'M' : null,
    checkDigits,
    valid: checkDigits.documentNumber && checkDigits.birthDate && checkDigits.expiryDate && checkDigits.composite !== false,
  };
}

function rawDocumentNumber(format: Format, lines: string[]): string | null {
  const raw = (format === 'TD1' ? lines[0]!.slice(5, 14) : lines[1]!.slice(0, 9)).replace(/<+$/, '');
  return raw === '' ? null : raw;
}

/** The reading of an OCR'd text, or null when it holds no MRZ-shaped lines. */
export function readMrzText(text: string, now: Date): MrzReading | null {
  const found = findMrzLines(text);
  return found ? readMrzLines(found.format, found.lines, now) : null;
}

/**
 * Whether an OCR'd text has a line that could be part of an MRZ (long, with a run of `<` filler): the hint
 * that more crops of the photo are worth reading. Print and texture misread as letters rarely make one.
 */
export function looksLikeMrz(text: string): boolean {
  return text.split('\n').map(cleanLine).some((l) => l.length >= 25 && l.includes('<<<'));
}

/** How much of a reading holds: the better of two readings of the same document (OCR of several crops). */
export function readingScore(r: MrzReading): number {
  const c = r.checkDigits;
  return [c.documentNumber, c.birthDate, c.expiryDate, c.composite === true].filter(Boolean).length;
}
