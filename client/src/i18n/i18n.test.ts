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
  it('puts each language in its own chunks, the console’s namespaces apart, common.json in none', () => {
    expect(messageChunk('/app/client/src/i18n/locales/zh-CN/customer.json')).toBe('messages-zh-CN');
    expect(messageChunk('/app/client/src/i18n/locales/en/casework.json')).toBe('messages-console-en');
    expect(messageChunk('/app/client/src/i18n/locales/en/common.json')).toBeNull();
    expect(messageChunk('/app/node_modules/x/locales/en/a.json')).toBeNull();
  });

  // The join, start and receipt pages leave the console's namespaces out (leaveOutConsoleMessages): so
  // no code outside client/src/console may use them, nor import from there.
  it('the console’s namespaces are used only under client/src/console', () => {
    const src = path.join(import.meta.dirname, '..');
    const uses = new RegExp(`['"\`](${CONSOLE_NAMESPACES.join('|')})(:[\\w.$\\{]|['"\`]\\s*\\))`);
    const offenders: string[] = [];
    const walk = (dir: string): void => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) {
          if (full !== path.join(src, 'console') && entry.name !== 'locales') walk(full);
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
