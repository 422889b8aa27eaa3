import { describe, expect, it } from 'vitest';
import { formattingLocale, matchLanguage, pickLanguage, supportedLanguages } from './languages.ts';

const supported = ['en', 'zh-CN'];

describe('choosing a language', () => {
  it('matches a tag to a supported language of the same language', () => {
    expect(matchLanguage('zh-CN', supported)).toBe('zh-CN');
    expect(matchLanguage('zh', supported)).toBe('zh-CN');
    expect(matchLanguage('zh-Hans-CN', supported)).toBe('zh-CN');
    expect(matchLanguage('ZH-cn', supported)).toBe('zh-CN');
    expect(matchLanguage('en-GB', supported)).toBe('en');
    expect(matchLanguage('fr-FR', supported)).toBeNull();
    expect(matchLanguage('zh-TW', supported)).toBeNull();
    expect(matchLanguage('zh-Hant', supported)).toBeNull();
    expect(matchLanguage('<script>', supported)).toBeNull();
    expect(matchLanguage('', supported)).toBeNull();
  });

  it('takes the link first, then the case, then the browser, else English', () => {
    expect(pickLanguage(['zh-CN', 'en', 'en-US'], supported)).toBe('zh-CN');
    expect(pickLanguage([null, 'zh-CN', 'en-US'], supported)).toBe('zh-CN');
    expect(pickLanguage([undefined, null, 'fr-FR', 'zh'], supported)).toBe('zh-CN');
    expect(pickLanguage(['fr', null, 'de-DE'], supported)).toBe('en');
  });

  it('lists the source language first; a dropped-in language joins the list', () => {
    expect(supportedLanguages(['zh-CN', 'en', 'fr'])).toEqual(['en', 'fr', 'zh-CN']);
  });

  it('formats in the browser\'s regional locale when it speaks the chosen language, else in the language', () => {
    expect(formattingLocale('en', ['en-GB', 'en'])).toBe('en-GB');
    expect(formattingLocale('zh-CN', ['en-GB'])).toBe('zh-CN');
    expect(formattingLocale('zh-CN', ['zh-Hans-CN', 'en'])).toBe('zh-Hans-CN');
    expect(formattingLocale('en', ['zh-CN'])).toBe('en');
  });
});
