import { describe, expect, it } from 'vitest';
import { foreignLanguage } from './chat-language.ts';

const SUPPORTED = ['en', 'zh-CN'];

describe('foreignLanguage', () => {
  it('names the writer’s language when the reader reads another', () => {
    expect(foreignLanguage('zh-CN', 'en', SUPPORTED)).toBe('zh-CN');
    expect(foreignLanguage('en', 'zh-CN', SUPPORTED)).toBe('en');
  });

  it('names nothing when both read the same language, however the tags are spelt', () => {
    expect(foreignLanguage('zh-CN', 'zh-CN', SUPPORTED)).toBeNull();
    expect(foreignLanguage('zh-Hans', 'zh-CN', SUPPORTED)).toBeNull();
    expect(foreignLanguage('en', 'en-GB', SUPPORTED)).toBeNull();
  });

  it('names nothing for a line without a language or with one not supported', () => {
    expect(foreignLanguage(undefined, 'en', SUPPORTED)).toBeNull();
    expect(foreignLanguage('fr', 'en', SUPPORTED)).toBeNull();
    expect(foreignLanguage('not a tag', 'en', SUPPORTED)).toBeNull();
  });
});
