// The instance the pages share: languages switch in the order asked whatever arrives first, and a key a
// language lacks falls back to English.
import { afterEach, describe, expect, it } from 'vitest';
import { applyLanguage, hasLanguage, i18next, LANGUAGES } from './i18n.ts';

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
