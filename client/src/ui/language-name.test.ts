import { describe, expect, it } from 'vitest';
import { languageName } from './language-name.ts';

describe('languageName', () => {
  it('names a language in its own words, whatever the page’s language (the tests run in English)', () => {
    expect(languageName('zh-CN')).toBe('简体中文');
    expect(languageName('en')).toBe('English');
  });

  it('shows a tag the pages do not speak as it is (never as English by fallback)', () => {
    expect(languageName('fr')).toBe('fr');
  });
});
