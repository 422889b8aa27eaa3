// The instance the pages share: languages switch in the order asked whatever arrives first, and a key a
// language lacks falls back to English.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { applyLanguage, hasLanguage, i18next, LANGUAGES } from './i18n.ts';
import { CONSOLE_NAMESPACES, messageChunk } from './namespaces.ts';

describe('applyLanguage', () => {
  afterEach(() => applyLanguage('en'));

  it('ends in the language asked for last, even when calls overlap', async () => {
    const first = applyLanguage('zh-CN');
    const last = applyLanguage('en');
    await Promise.all([first, last]);
    expect(i18next.language).toBe('en');
  });

  it('falls back to English for a key the language lacks', async () => {
    await applyLanguage('zh-CN');
    i18next.addResourceBundle('en', 'fallback-probe', { only: 'Only in English' });
    expect(i18next.t('fallback-probe:only')).toBe('Only in English');
    expect(i18next.t('common:language.name')).toBe('简体中文');
  });

  it('has every language’s name and messages once loaded', () => {
    for (const language of LANGUAGES) {
      expect(hasLanguage(language)).toBe(true);
      expect(i18next.getFixedT(language, 'common')('language.name')).not.toBe('language.name');
    }
  });
});

describe('message chunks', () => {
  it('names each language’s chunks, the console’s apart', () => {
    expect(messageChunk('/app/client/src/i18n/locales/zh-CN/pages.ts')).toBe('messages-zh-CN');
    expect(messageChunk('/app/client/src/i18n/locales/en/console.ts')).toBe('messages-console-en');
    expect(messageChunk('/app/client/src/i18n/locales/en/common.json')).toBeNull();
    expect(messageChunk('/app/client/src/console/main.tsx')).toBeNull();
    expect(messageChunk(null)).toBeNull();
  });

  // Each language folder holds the same two chunk modules as en/ (a new language copies them), and
  // between them they hold every namespace but common.json, the console's exactly in console.ts.
  it('every language’s pages.ts and console.ts are en’s, and split the namespaces as namespaces.ts says', () => {
    const locales = path.join(import.meta.dirname, 'locales');
    for (const language of LANGUAGES) {
      for (const part of ['pages.ts', 'console.ts']) {
        expect(fs.readFileSync(path.join(locales, language, part), 'utf8'), `${language}/${part}`).toBe(fs.readFileSync(path.join(locales, 'en', part), 'utf8'));
      }
    }
  });

  it('loads every namespace of a language, the console’s from console.ts', async () => {
    const parts = import.meta.glob<Record<string, unknown>>('./locales/en/{pages,console}.ts', { import: 'default', eager: true });
    const names = (part: string) => Object.keys(parts[`./locales/en/${part}.ts`]!).map((file) => file.replace(/^\.\/|\.json$/g, '')).sort();
    const all = fs.readdirSync(path.join(import.meta.dirname, 'locales', 'en')).filter((f) => f.endsWith('.json') && f !== 'common.json').map((f) => f.replace(/\.json$/, ''));
    expect(names('console')).toEqual([...CONSOLE_NAMESPACES].sort());
    expect([...names('pages'), ...names('console')].sort()).toEqual(all.sort());
  });

  // The join, start and receipt pages leave the console's namespaces out (leaveOutConsoleMessages): so
  // no code outside client/src/console (and this folder, which loads them) may use them, nor import from there.
  it('the console’s namespaces are used only under client/src/console', () => {
    const src = path.join(import.meta.dirname, '..');
    const uses = new RegExp(`['"\`](${CONSOLE_NAMESPACES.join('|')})(:[\\w.$\\{]|['"\`]\\s*\\))`);
    const offenders: string[] = [];
    const walk = (dir: string): void => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) {
          if (full !== path.join(src, 'console') && full !== path.join(src, 'i18n')) walk(full);
        } else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) {
          const text = fs.readFileSync(full, 'utf8');
          if (uses.test(text) || /from '(\.\.\/)+console\//.test(text)) offenders.push(path.relative(src, full));
        }
      }
    };
    walk(src);
    expect(offenders).toEqual([]);
  });
});
