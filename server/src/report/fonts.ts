// The report's typefaces: DejaVu (embedded, wide coverage) when the system has it, else the PDF
// standard fonts, which can only show WinAnsi; and Noto Sans CJK (Debian's fonts-noto-cjk) as the
// fallback for text they cannot show (Chinese, Japanese, Korean), chosen string by string. pdfkit
// embeds only the glyphs a report uses (a subset), so a Chinese report stays small. Text is
// sanitised for the chosen set, so a character the font lacks prints as a visible replacement
// instead of a wrong glyph. Each face is read and parsed once per set (per process: the service
// finds its set once) and shared by every report after; each document still embeds its own subset.
import fs from 'node:fs';
import path from 'node:path';
import * as fontkit from 'fontkit';

export interface ReportFonts {
  /** Names to pass to `doc.font()`; embedded fonts are registered under these names. */
  regular: string;
  bold: string;
  mono: string;
  /** Files to register before use (`family`: the face's PostScript name in a .ttc collection); empty for the standard fonts. */
  files: Array<{ name: string; file: string; family?: string }>;
  /** The faces of `files`, parsed on first use and kept (a Noto Sans CJK face takes ~0.3 s of CPU to read and parse). */
  faces: FontFaces;
  supports: (codePoint: number) => boolean;
  /** What an unsupported character prints as. */
  replacement: string;
  /** Faces for a string this set cannot show but the fallback can (CJK); absent when none was found. */
  fallback?: ReportFonts;
}

/**
 * A set's parsed faces. fontkit faces hold no per-document state (pdfkit keeps the subset, widths and
 * layout cache in its own per-document font), so one face serves every report, drawn one after another
 * or interleaved (pdfkit lays out and subsets synchronously).
 */
export class FontFaces {
  readonly #files: ReadonlyArray<{ name: string; file: string; family?: string }>;
  readonly #parsed = new Map<string, fontkit.Font>();

  constructor(files: ReadonlyArray<{ name: string; file: string; family?: string }>) {
    this.#files = files;
  }

  /** The face registered as `name`, or undefined for a name the set does not embed (a PDF standard font). */
  open(name: string): fontkit.Font | undefined {
    const known = this.#parsed.get(name);
    if (known) return known;
    const entry = this.#files.find((candidate) => candidate.name === name);
    if (!entry) return undefined;
    const face = fontkit.create(fs.readFileSync(entry.file), entry.family);
    if (!face) throw new Error(`report font ${entry.file} has no face named ${entry.family ?? name}`);
    this.#parsed.set(name, face);
    return face;
  }
}

/** Where Debian/Ubuntu (fonts-dejavu-core), Fedora (sans and mono in two folders) and Arch put DejaVu. */
const DEJAVU_DIRS = [
  '/usr/share/fonts/truetype/dejavu',
  '/usr/share/fonts/dejavu-sans-fonts',
  '/usr/share/fonts/dejavu-sans-mono-fonts',
  '/usr/share/fonts/TTF',
];

const DEJAVU_FILES = { regular: 'DejaVuSans.ttf', bold: 'DejaVuSans-Bold.ttf', mono: 'DejaVuSansMono.ttf' } as const;

/** Debian's fonts-noto-cjk (also Ubuntu's); Fedora's google-noto-sans-cjk-ttc-fonts; Arch's noto-fonts-cjk. */
export const NOTO_CJK_FILES: ReadonlyArray<{ regular: string; bold: string }> = [
  { regular: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', bold: '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc' },
  { regular: '/usr/share/fonts/google-noto-sans-cjk-ttc-fonts/NotoSansCJK-Regular.ttc', bold: '/usr/share/fonts/google-noto-sans-cjk-ttc-fonts/NotoSansCJK-Bold.ttc' },
  { regular: '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc', bold: '/usr/share/fonts/noto-cjk/NotoSansCJK-Bold.ttc' },
];

/**
 * DejaVu when all three faces are found, else the standard fonts (never a mix of the two); with Noto
 * Sans CJK as their fallback when it is installed.
 */
export function findReportFonts(dirs: readonly string[] = DEJAVU_DIRS, cjk: ReadonlyArray<{ regular: string; bold: string }> = NOTO_CJK_FILES): ReportFonts {
  const locate = (name: string): string | undefined => dirs.map((dir) => path.join(dir, name)).find((file) => fs.existsSync(file));
  const regular = locate(DEJAVU_FILES.regular);
  const bold = locate(DEJAVU_FILES.bold);
  const mono = locate(DEJAVU_FILES.mono);
  const primary = regular && bold && mono ? dejavuFonts({ regular, bold, mono }) : standardFonts();
  const noto = cjk.find((files) => fs.existsSync(files.regular) && fs.existsSync(files.bold));
  return noto ? { ...primary, fallback: notoCjkFonts(noto) } : primary;
}

/**
 * Noto Sans CJK, Simplified Chinese faces (the collections hold one per region), regular and bold.
 * Hashes and ids are ASCII and stay in the primary set's mono face; the few mono strings with CJK in
 * them (the page header's "案件 <id>") use the regular face rather than embed a third subset.
 */
export function notoCjkFonts(files: { regular: string; bold: string }): ReportFonts {
  const faces = [
    { name: 'report-cjk-regular', file: files.regular, family: 'NotoSansCJKsc-Regular' },
    { name: 'report-cjk-bold', file: files.bold, family: 'NotoSansCJKsc-Bold' },
  ];
  return {
    regular: 'report-cjk-regular',
    bold: 'report-cjk-bold',
    mono: 'report-cjk-regular',
    files: faces,
    faces: new FontFaces(faces),
    supports: notoCjkCovers,
    // Noto Sans CJK has no U+FFFD.
    replacement: '\u25A1',
  };
}

/** The set to draw `text` in: this one, unless its fallback shows more of the text. */
export function fontsFor(text: string, fonts: ReportFonts): ReportFonts {
  if (!fonts.fallback) return fonts;
  const missed = sanitizeText(text, fonts).replaced;
  return missed > 0 && sanitizeText(text, fonts.fallback).replaced < missed ? fonts.fallback : fonts;
}

export function dejavuFonts(files: Record<keyof typeof DEJAVU_FILES, string>): ReportFonts {
  const faces = [
    { name: 'report-regular', file: files.regular },
    { name: 'report-bold', file: files.bold },
    { name: 'report-mono', file: files.mono },
  ];
  return {
    regular: 'report-regular',
    bold: 'report-bold',
    mono: 'report-mono',
    files: faces,
    faces: new FontFaces(faces),
    supports: dejavuCovers,
    replacement: '\uFFFD',
  };
}

export function standardFonts(): ReportFonts {
  return { regular: 'Helvetica', bold: 'Helvetica-Bold', mono: 'Courier', files: [], faces: new FontFaces([]), supports: isWinAnsi, replacement: '?' };
}

/** The characters CP1252 (WinAnsi) adds in 0x80–0x9F, the only ones above Latin-1 the standard fonts have. */
const WINANSI_EXTRA = new Set([...'€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ'].map((c) => c.codePointAt(0)));

function isWinAnsi(codePoint: number): boolean {
  return (codePoint >= 0x20 && codePoint <= 0x7e) || (codePoint >= 0xa0 && codePoint <= 0xff) || WINANSI_EXTRA.has(codePoint);
}

/**
 * DejaVu Sans covers Latin, Greek, Cyrillic, Hebrew, Georgian, punctuation, arrows, maths and common
 * symbols (all below U+2C00) plus a few later Latin blocks; it has no CJK and no emoji.
 */
function dejavuCovers(codePoint: number): boolean {
  if (codePoint < 0x20 || (codePoint >= 0x7f && codePoint < 0xa0)) return false;
  return codePoint < 0x2c00
    || (codePoint >= 0x2c60 && codePoint <= 0x2c7f)
    || (codePoint >= 0xa720 && codePoint <= 0xa7ff)
    || (codePoint >= 0xfb00 && codePoint <= 0xfb4f)
    || codePoint === 0xfffd;
}

/**
 * What Noto Sans CJK SC has in all its faces (read from the fonts): Latin-1 and Latin Extended-A's
 * first letters, basic Greek and Cyrillic, common punctuation, symbols and arrows, and CJK, kana,
 * Bopomofo, Hangul and the full-width forms. Other Latin letters are spelled plainly (ł → l).
 */
const NOTO_CJK_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x20, 0x7e], [0xa0, 0x103], [0x391, 0x3a1], [0x3b1, 0x3c9], [0x401, 0x401], [0x410, 0x44f], [0x451, 0x451],
  [0x2010, 0x2016], [0x2018, 0x201a], [0x201c, 0x201e], [0x2020, 0x2022], [0x2025, 0x2027], [0x2030, 0x2030], [0x2032, 0x2033],
  [0x203b, 0x203b], [0x20ac, 0x20ac], [0x2103, 0x2103], [0x2116, 0x2116], [0x2121, 0x2122], [0x2160, 0x216b], [0x2170, 0x217b],
  [0x2190, 0x2199], [0x2200, 0x2200], [0x2202, 0x2203], [0x2205, 0x220b], [0x220f, 0x220f], [0x2211, 0x2213], [0x2215, 0x2215],
  [0x221a, 0x221a], [0x221d, 0x2220], [0x2223, 0x2223], [0x2225, 0x222e], [0x2234, 0x2237], [0x2248, 0x2248], [0x2260, 0x2262],
  [0x2264, 0x2267], [0x2460, 0x25ab], [0x25b2, 0x25b3], [0x25c6, 0x25c7], [0x25cb, 0x25cb], [0x25ce, 0x25d3], [0x2605, 0x2606],
  [0x2713, 0x2713], [0x2e80, 0x2e99], [0x2e9b, 0x2ef3], [0x2f00, 0x2fd5], [0x3000, 0x303f], [0x3041, 0x3096], [0x3099, 0x30ff],
  [0x3105, 0x312f], [0x3131, 0x318e], [0x3190, 0x31bb], [0x31c0, 0x31e3], [0x31f0, 0x321e], [0x3220, 0x332b], [0x332d, 0x4db5],
  [0x4e00, 0x9fef], [0xac00, 0xd7a3], [0xf900, 0xfa6d], [0xfe30, 0xfe52], [0xfe54, 0xfe66], [0xff01, 0xffbe],
];

function notoCjkCovers(codePoint: number): boolean {
  return NOTO_CJK_RANGES.some(([from, to]) => codePoint >= from && codePoint <= to);
}

/** Letters with no Unicode decomposition that still have an obvious plain-Latin spelling. */
const TRANSLITERATION: Record<string, string> = { 'ł': 'l', 'Ł': 'L', 'đ': 'd', 'Đ': 'D', 'ı': 'i', 'ħ': 'h', 'Ħ': 'H', 'ŧ': 't', 'Ŧ': 'T' };

/**
 * Text the font can show: line breaks kept, tabs as spaces, other controls dropped; an unsupported
 * character becomes its base letter when it has one (ś → s, ﬁ → fi), else the replacement.
 */
export function sanitizeText(text: string, fonts: Pick<ReportFonts, 'supports' | 'replacement'>): { text: string; replaced: number } {
  let out = '';
  let replaced = 0;
  for (const char of text.normalize('NFC').replace(/\r\n?/g, '\n')) {
    const codePoint = char.codePointAt(0) ?? 0;
    if (char === '\n') out += char;
    else if (char === '\t') out += ' ';
    else if (codePoint < 0x20 || (codePoint >= 0x7f && codePoint < 0xa0)) continue;
    else if (fonts.supports(codePoint)) out += char;
    else {
      const plain = TRANSLITERATION[char] ?? char.normalize('NFKD').replace(/\p{M}/gu, '');
      if (plain !== '' && [...plain].every((c) => fonts.supports(c.codePointAt(0) ?? 0))) {
        out += plain;
      } else {
        out += fonts.replacement;
        replaced += 1;
      }
    }
  }
  return { text: out, replaced };
}
