// The report's typefaces: DejaVu (embedded, wide coverage) when the system has it, else the PDF
// standard fonts, which can only show WinAnsi. Text is sanitised for the chosen set, so a character
// the font lacks prints as a visible replacement instead of a wrong glyph.
import fs from 'node:fs';
import path from 'node:path';

export interface ReportFonts {
  /** Names to pass to `doc.font()`; embedded fonts are registered under these names. */
  regular: string;
  bold: string;
  mono: string;
  /** Files to register before use; empty for the standard fonts. */
  files: Array<{ name: string; file: string }>;
  supports: (codePoint: number) => boolean;
  /** What an unsupported character prints as. */
  replacement: string;
}

/** Where Debian/Ubuntu (fonts-dejavu-core), Fedora (sans and mono in two folders) and Arch put DejaVu. */
const DEJAVU_DIRS = [
  '/usr/share/fonts/truetype/dejavu',
  '/usr/share/fonts/dejavu-sans-fonts',
  '/usr/share/fonts/dejavu-sans-mono-fonts',
  '/usr/share/fonts/TTF',
];

const DEJAVU_FILES = { regular: 'DejaVuSans.ttf', bold: 'DejaVuSans-Bold.ttf', mono: 'DejaVuSansMono.ttf' } as const;

/** DejaVu when all three faces are found, else the standard fonts (never a mix of the two). */
export function findReportFonts(dirs: readonly string[] = DEJAVU_DIRS): ReportFonts {
  const locate = (name: string): string | undefined => dirs.map((dir) => path.join(dir, name)).find((file) => fs.existsSync(file));
  const regular = locate(DEJAVU_FILES.regular);
  const bold = locate(DEJAVU_FILES.bold);
  const mono = locate(DEJAVU_FILES.mono);
  return regular && bold && mono ? dejavuFonts({ regular, bold, mono }) : standardFonts();
}

export function dejavuFonts(files: Record<keyof typeof DEJAVU_FILES, string>): ReportFonts {
  return {
    regular: 'report-regular',
    bold: 'report-bold',
    mono: 'report-mono',
    files: [
      { name: 'report-regular', file: files.regular },
      { name: 'report-bold', file: files.bold },
      { name: 'report-mono', file: files.mono },
    ],
    supports: dejavuCovers,
    replacement: '\uFFFD',
  };
}

export function standardFonts(): ReportFonts {
  return { regular: 'Helvetica', bold: 'Helvetica-Bold', mono: 'Courier', files: [], supports: isWinAnsi, replacement: '?' };
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
