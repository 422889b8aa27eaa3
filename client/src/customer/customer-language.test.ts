import { afterEach, describe, expect, it } from 'vitest';
import { caseLanguage, chosenLanguage, keepLanguage, linkLanguage } from './customer-language.ts';

/** A page's storage for this test (Node has none); removed afterwards. */
function withStorage(): void {
  const items = new Map<string, string>();
  Object.assign(globalThis, { localStorage: { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v) } });
}

describe('the customer page language', () => {
  afterEach(() => {
    Reflect.deleteProperty(globalThis, 'localStorage');
  });

  it("follows the link, then the case, then the browser's (English in this test run)", () => {
    expect(linkLanguage('zh-CN')).toBe('zh-CN');
    expect(linkLanguage('zh-Hans')).toBe('zh-CN');
    expect(linkLanguage(null)).toBe('en');
    expect(caseLanguage('case-1', 'en', 'zh-CN')).toBe('en');
    expect(caseLanguage('case-1', null, 'zh-CN')).toBe('zh-CN');
    expect(caseLanguage('case-1', 'tlh', 'zh')).toBe('zh-CN');
    expect(caseLanguage('case-1', null, null)).toBe('en');
  });

  it("the customer's own choice for the case wins over the link and the case, and only for that case", () => {
    withStorage();
    keepLanguage('case-1', 'zh-CN');
    expect(chosenLanguage('case-1')).toBe('zh-CN');
    expect(caseLanguage('case-1', 'en', 'en')).toBe('zh-CN');
    expect(caseLanguage('case-2', 'en', 'zh-CN')).toBe('en');
  });

  it('without storage (blocked) the choice is simply not kept', () => {
    expect(chosenLanguage('case-1')).toBeNull();
    expect(() => keepLanguage('case-1', 'zh-CN')).not.toThrow();
  });
});
