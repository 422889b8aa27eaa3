import { describe, expect, it } from 'vitest';
import { createTranslators, translators } from '../../src/i18n/translate.ts';

describe('server translators', () => {
  it('speak the languages of the message folders, English first', () => {
    expect(translators().languages).toEqual(['en', 'zh-CN']);
  });

  it('give a t() fixed to the language asked for, matching the tag loosely, English otherwise', () => {
    const all = translators();
    expect(all.for('zh-CN').t('common:language.en')).toBe('英语');
    expect(all.for('ZH').language).toBe('zh-CN');
    expect(all.for('zh-Hans-CN').t('common:language.zh-CN')).toBe('简体中文');
    expect(all.for('fr').language).toBe('en');
    expect(all.for(null).t('common:language.en')).toBe('English');
    expect(all.for('en').locale).toBe('en-GB');
  });

  it('plural forms follow each language', () => {
    const own = createTranslators({
      en: { x: { photo_one: '{{count}} photo', photo_other: '{{count}} photos' } },
      'zh-CN': { x: { photo_other: '{{count}} 张照片' } },
    });
    expect(own.for('en').t('x:photo', { count: 1 })).toBe('1 photo');
    expect(own.for('en').t('x:photo', { count: 3 })).toBe('3 photos');
    expect(own.for('zh-CN').t('x:photo', { count: 1 })).toBe('1 张照片');
  });
});
