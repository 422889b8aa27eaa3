// Test ID documents: a TD1 identity card (front and back) and a TD3 passport page, drawn with sharp from
// SVG in DejaVu Sans Mono (fonts-dejavu-core), with a machine-readable zone whose check digits are computed
// here (ICAO 9303 part 3: weights 7, 3, 1; digits as themselves, A–Z as 10–35, < as 0). The browser journey
// feeds a page to Chromium as its fake camera (writeY4m).
import fsp from 'node:fs/promises';
import sharp from 'sharp';

export interface IdPerson {
  surname: string;
  givenNames: string;
  /** Up to 9 characters, A–Z and 0–9. */
  documentNumber: string;
  /** Three-letter code (ICAO), e.g. NLD. */
  nationality: string;
  issuingState: string;
  /** YYYY-MM-DD. */
  birthDate: string;
  expiryDate: string;
  sex: 'M' | 'F' | '<';
}

export const SAMPLE_PERSON: IdPerson = {
  surname: 'DE VRIES',
  givenNames: 'ANNA MARIA',
  documentNumber: 'SPECI2024',
  nationality: 'NLD',
  issuingState: 'NLD',
  birthDate: '1985-03-14',
  expiryDate: '2031-08-02',
  sex: 'F',
};

export interface GeneratedDocument {
  /** The MRZ lines as printed. */
  mrz: string[];
  person: IdPerson;
}

const charValue = (c: string): number => (c === '<' ? 0 : /[0-9]/.test(c) ? Number(c) : c.charCodeAt(0) - 55);

/** ICAO 9303 check digit of a field. */
export function checkDigit(field: string): string {
  const weights = [7, 3, 1];
  let sum = 0;
  for (let i = 0; i < field.length; i++) sum += charValue(field[i]!) * weights[i % 3]!;
  return String(sum % 10);
}

const pad = (s: string, n: number): string => s.padEnd(n, '<').slice(0, n);
const yymmdd = (iso: string): string => iso.slice(2, 4) + iso.slice(5, 7) + iso.slice(8, 10);
const mrzName = (p: IdPerson, n: number): string => pad(`${p.surname.replace(/ /g, '<')}<<${p.givenNames.replace(/ /g, '<')}`, n);

/** The three 30-character lines of a TD1 card. */
export function td1Lines(p: IdPerson): string[] {
  const number = pad(p.documentNumber, 9);
  const line1 = pad(`I<${p.issuingState}${number}${checkDigit(number)}`, 30);
  const birth = yymmdd(p.birthDate);
  const expiry = yymmdd(p.expiryDate);
  const head = `${birth}${checkDigit(birth)}${p.sex}${expiry}${checkDigit(expiry)}${p.nationality}`;
  const optional2 = pad('', 11);
  const composite = checkDigit(line1.slice(5, 30) + head.slice(0, 7) + head.slice(8, 15) + optional2);
  return [line1, `${head}${optional2}${composite}`, mrzName(p, 30)];
}

/** The two 44-character lines of a TD3 passport. */
export function td3Lines(p: IdPerson): string[] {
  const number = pad(p.documentNumber, 9);
  const birth = yymmdd(p.birthDate);
  const expiry = yymmdd(p.expiryDate);
  const personal = pad('', 14);
  const body = `${number}${checkDigit(number)}${p.nationality}${birth}${checkDigit(birth)}${p.sex}${expiry}${checkDigit(expiry)}${personal}${checkDigit(personal)}`;
  const composite = checkDigit(body.slice(0, 10) + body.slice(13, 20) + body.slice(21, 43));
  return [pad(`P<${p.issuingState}${mrzName(p, 39)}`, 44), `${body}${composite}`];
}

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const FONT = "font-family=\"DejaVu Sans Mono\"";
const SANS = "font-family=\"DejaVu Sans\"";

function mrzText(lines: string[], x: number, y0: number, size: number, step: number): string {
  return lines.map((l, i) => `<text x="${x}" y="${y0 + i * step}" ${FONT} font-size="${size}" fill="#111">${esc(l)}</text>`).join('');
}

function field(label: string, value: string, x: number, y: number): string {
  return `<text x="${x}" y="${y}" ${SANS} font-size="18" fill="#4a5a6a">${esc(label)}</text>`
    + `<text x="${x}" y="${y + 30}" ${SANS} font-size="26" font-weight="bold" fill="#111">${esc(value)}</text>`;
}

/** A face-like placeholder in the photo box: a head and shoulders in flat grey. */
const portrait = (x: number, y: number, w: number, h: number): string =>
  `<clipPath id="photo"><rect x="${x}" y="${y}" width="${w}" height="${h}"/></clipPath>`
  + `<rect x="${x}" y="${y}" width="${w}" height="${h}" fill="#cfd8e0" stroke="#5a6b7c" stroke-width="2"/>`
  + `<g clip-path="url(#photo)"><ellipse cx="${x + w / 2}" cy="${y + h * 0.38}" rx="${w * 0.22}" ry="${h * 0.2}" fill="#8a99a8"/>`
  + `<ellipse cx="${x + w / 2}" cy="${y + h}" rx="${w * 0.42}" ry="${h * 0.3}" fill="#8a99a8"/></g>`;

const W1 = 1012;
const H1 = 638;

async function render(svg: string, format: 'png' | 'jpeg'): Promise<Buffer> {
  const image = sharp(Buffer.from(svg));
  return format === 'png' ? image.png().toBuffer() : image.jpeg({ quality: 92 }).toBuffer();
}

export interface IdCardImages extends GeneratedDocument {
  front: Buffer;
  back: Buffer;
}

/** A TD1 identity card at ~300 dpi: the front (photo, name, number, dates) and the back (the 3-line MRZ). */
export async function makeIdCard(person: IdPerson = SAMPLE_PERSON, format: 'png' | 'jpeg' = 'jpeg'): Promise<IdCardImages> {
  const mrz = td1Lines(person);
  const frame = `<rect x="0" y="0" width="${W1}" height="${H1}" rx="36" fill="#eef3f6"/>`;
  const front = `<svg xmlns="http://www.w3.org/2000/svg" width="${W1}" height="${H1}">${frame}`
    + `<rect x="0" y="0" width="${W1}" height="90" rx="36" fill="#21527a"/>`
    + `<text x="40" y="60" ${SANS} font-size="34" font-weight="bold" fill="#fff">IDENTITY CARD · ${esc(person.issuingState)}</text>`
    + portrait(40, 130, 260, 340)
    + field('Surname', person.surname, 340, 150) + field('Given names', person.givenNames, 340, 230)
    + field('Document no.', person.documentNumber, 340, 310) + field('Nationality', person.nationality, 700, 310)
    + field('Date of birth', person.birthDate, 340, 390) + field('Sex', person.sex, 700, 390)
    + field('Date of expiry', person.expiryDate, 340, 470)
    + `</svg>`;
  const back = `<svg xmlns="http://www.w3.org/2000/svg" width="${W1}" height="${H1}">${frame}`
    + `<text x="40" y="70" ${SANS} font-size="22" fill="#4a5a6a">Issued by the municipality · Place of birth AMSTERDAM</text>`
    + `<rect x="40" y="100" width="300" height="170" fill="#dfe7ee"/>`
    + `<rect x="0" y="${H1 - 250}" width="${W1}" height="250" fill="#fbfcfd"/>`
    + mrzText(mrz, 50, H1 - 175, 50, 70)
    + `</svg>`;
  return { mrz, person, front: await render(front, format), back: await render(back, format) };
}

export interface PassportImage extends GeneratedDocument {
  page: Buffer;
}

/** A TD3 passport's data page (125 × 88 mm at ~240 dpi) with its 2-line MRZ at the bottom. */
export async function makePassportPage(person: IdPerson = SAMPLE_PERSON, format: 'png' | 'jpeg' = 'jpeg'): Promise<PassportImage> {
  const mrz = td3Lines(person);
  const w = 1240;
  const h = 870;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}">`
    + `<rect width="${w}" height="${h}" fill="#f4efe6"/>`
    + `<text x="40" y="60" ${SANS} font-size="30" font-weight="bold" fill="#5b2a2a">PASSPORT · ${esc(person.issuingState)}</text>`
    + portrait(40, 100, 300, 390)
    + field('Surname', person.surname, 380, 120) + field('Given names', person.givenNames, 380, 200)
    + field('Passport no.', person.documentNumber, 380, 280) + field('Nationality', person.nationality, 760, 280)
    + field('Date of birth', person.birthDate, 380, 360) + field('Sex', person.sex, 760, 360)
    + field('Date of expiry', person.expiryDate, 380, 440)
    + `<rect x="0" y="${h - 230}" width="${w}" height="230" fill="#fbf9f4"/>`
    + mrzText(mrz, 40, h - 140, 46, 74)
    + `</svg>`;
  return { mrz, person, page: await render(svg, format) };
}

/**
 * Writes an image as a Y4M video (4:2:0) of `frames` identical frames, letterboxed into width × height:
 * Chromium's --use-file-for-fake-video-capture plays it as the camera.
 */
export async function writeY4m(image: Buffer, file: string, opts: { width?: number; height?: number; frames?: number } = {}): Promise<void> {
  const width = opts.width ?? 1280;
  const height = opts.height ?? 720;
  const frames = opts.frames ?? 30;
  const rgb = await sharp(image).resize(width, height, { fit: 'contain', background: '#202020' }).removeAlpha().raw().toBuffer();
  const y = Buffer.alloc(width * height);
  const cw = width / 2;
  const ch = height / 2;
  const u = Buffer.alloc(cw * ch);
  const v = Buffer.alloc(cw * ch);
  for (let i = 0; i < width * height; i++) {
    const [r, g, b] = [rgb[i * 3]!, rgb[i * 3 + 1]!, rgb[i * 3 + 2]!];
    y[i] = Math.round(0.299 * r + 0.587 * g + 0.114 * b);
  }
  for (let row = 0; row < ch; row++) {
    for (let col = 0; col < cw; col++) {
      const p = (row * 2 * width + col * 2) * 3;
      const [r, g, b] = [rgb[p]!, rgb[p + 1]!, rgb[p + 2]!];
      u[row * cw + col] = Math.max(0, Math.min(255, Math.round(128 - 0.168736 * r - 0.331264 * g + 0.5 * b)));
      v[row * cw + col] = Math.max(0, Math.min(255, Math.round(128 + 0.5 * r - 0.418688 * g - 0.081312 * b)));
    }
  }
  const frame = Buffer.concat([Buffer.from('FRAME\n'), y, u, v]);
  const header = Buffer.from(`YUV4MPEG2 W${width} H${height} F30:1 Ip A1:1 C420jpeg\n`);
  await fsp.writeFile(file, Buffer.concat([header, ...Array.from({ length: frames }, () => frame)]));
}
