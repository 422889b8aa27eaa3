// The server's languages are the pages' languages: both come from the folders under
// client/src/i18n/locales, and a tag is accepted only in a supported language.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../../client/src/i18n/i18n.ts';
import { createLanguages, readLanguages } from '../../src/i18n/languages.ts';
import { HttpError } from '../../src/errors.ts';

const LOCALES = path.join(import.meta.dirname, '../../../client/src/i18n/locales');

describe('server languages', () => {
  it('are the languages the pages bundle, in the same order (source language first)', () => {
    expect(readLanguages(LOCALES).supported).toEqual([...LANGUAGES]);
    expect(readLanguages(LOCALES).supported).toEqual(expect.arrayContaining(['en', 'zh-CN']));
  });

  it('a dropped-in folder adds a language; no "en" folder or no folder at all stops the start', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'locales-'));
    for (const tag of ['zh-CN', 'fr', 'en']) fs.mkdirSync(path.join(dir, tag));
    fs.writeFileSync(path.join(dir, 'README.md'), 'not a language');
    expect(readLanguages(dir).supported).toEqual(['en', 'fr', 'zh-CN']);
    fs.rmSync(path.join(dir, 'en'), { recursive: true });
    expect(() => readLanguages(dir)).toThrow(/no "en" folder/);
    expect(() => readLanguages(path.join(dir, 'missing'))).toThrow(/cannot read the message folders/);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('require: a supported tag as the pages spell it, whatever its case; else a 400 naming the field and the choices', () => {
    const languages = createLanguages(['zh-CN', 'en']);
    expect(languages.require('zh-cn', 'language')).toBe('zh-CN');
    expect(languages.require('EN', 'language')).toBe('en');
    for (const tag of ['zh', 'zh-TW', 'fr', 'en-GB']) {
      let error: unknown;
      try {
        languages.require(tag, 'language');
      } catch (caught) {
        error = caught;
      }
      expect(error, tag).toBeInstanceOf(HttpError);
      expect((error as HttpError).status).toBe(400);
      expect((error as HttpError).message).toBe(`invalid request body: language: "${tag}" is not a language this service speaks (en, zh-CN)`);
    }
  });
});
