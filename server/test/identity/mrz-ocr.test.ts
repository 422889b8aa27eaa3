// The real tesseract.js on generated documents, offline: the English data comes from node_modules (the unit
// suites run under `unshare -n` in CI; this file also refuses any fetch while it runs), nothing is cached.
import fs from 'node:fs';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import sharp from 'sharp';
import { createMrzReader } from '../../src/identity/mrz-ocr.ts';
import { makeIdCard, makePassportPage, SAMPLE_PERSON } from '../../../tests/support/id-card.ts';

const reader = createMrzReader({ log: pino({ level: 'silent' }), clock: () => new Date('2026-12-05T10:00:00Z') });
const expected = {
  documentNumber: SAMPLE_PERSON.documentNumber, surname: 'DE VRIES', givenNames: 'ANNA MARIA', nationality: 'NLD',
  birthDate: SAMPLE_PERSON.birthDate, expiryDate: SAMPLE_PERSON.expiryDate, sex: 'F', valid: true,
};

describe('MRZ OCR (tesseract.js, offline)', () => {
  beforeAll(() => {
    vi.spyOn(globalThis, 'fetch').mockRejectedValue(new Error('no network in this test'));
  });
  afterAll(async () => {
    vi.restoreAllMocks();
    await reader.stop();
  });

  it("reads a TD1 card's back", async () => {
    const card = await makeIdCard();
    expect(await reader.read([card.back])).toMatchObject({ format: 'TD1', ...expected, checkDigits: { documentNumber: true, birthDate: true, expiryDate: true, composite: true } });
  }, 60_000);

  it('reads a TD3 passport page', async () => {
    const passport = await makePassportPage();
    expect(await reader.read([passport.page])).toMatchObject({ format: 'TD3', ...expected });
  }, 60_000);

  it('tries each image: the front of a card has no MRZ, the back does', async () => {
    const card = await makeIdCard();
    expect(await reader.read([card.front])).toBeNull();
    expect(await reader.read([card.front, card.back])).toMatchObject({ format: 'TD1', valid: true });
  }, 60_000);

  it('reads a card photographed on a table, smaller in the frame', async () => {
    const card = await makeIdCard();
    const photo = await sharp({ create: { width: 1280, height: 960, channels: 3, background: '#5b4a3a' } })
      .composite([{ input: await sharp(card.back).resize({ width: 1100 }).toBuffer(), left: 90, top: 200 }]).jpeg({ quality: 85 }).toBuffer();
    expect(await reader.read([photo])).toMatchObject({ format: 'TD1', ...expected });
  }, 60_000);

  it('a stopped reader (server shutdown) ends its worker; a later read starts a new one', async () => {
    const passport = await makePassportPage();
    await reader.stop();
    await reader.stop();
    expect(await reader.read([passport.page])).toMatchObject({ format: 'TD3', valid: true });
  }, 60_000);

  it('writes nothing into the working directory (no traineddata cache)', () => {
    expect(fs.existsSync('eng.traineddata')).toBe(false);
  });
});
