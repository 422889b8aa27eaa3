import { describe, expect, it } from 'vitest';
import { i18next } from '../../i18n/i18n.ts';
import { reasonLanguage, suggestedReason } from './mode-reason.ts';

describe('the suggested reason of a mode switch request', () => {
  it('is in the customer’s page language, else the case’s, else the console’s', () => {
    expect(reasonLanguage(['zh-CN', null], 'en')).toBe('zh-CN');
    expect(reasonLanguage(['zh', 'en'], 'en')).toBe('zh-CN');
    expect(reasonLanguage(['en-GB', 'zh-CN'], 'zh-CN')).toBe('en');
    expect(reasonLanguage([null, 'zh-CN'], 'en')).toBe('zh-CN');
    expect(reasonLanguage([null, null], 'zh-CN')).toBe('zh-CN');
    expect(reasonLanguage([], 'zh-CN')).toBe('zh-CN');
    // A page language the console has no messages for gives way to the case's, not straight to the console's.
    expect(reasonLanguage(['fr', 'zh-CN'], 'en')).toBe('zh-CN');
    expect(reasonLanguage(['fr', null], 'zh-CN')).toBe('zh-CN');
  });

  it('is written in that language while the console stays in its own', () => {
    const chinese = suggestedReason('voice', 'zh-CN');
    expect(chinese).toBe(i18next.getFixedT('zh-CN', 'console')('call.mode.reason.voice'));
    expect(chinese).toMatch(/[\u4e00-\u9fff]/);
    expect(suggestedReason('voice', 'en')).toBe(i18next.t('console:call.mode.reason.voice'));
    expect(i18next.language).toBe('en');
  });
});
