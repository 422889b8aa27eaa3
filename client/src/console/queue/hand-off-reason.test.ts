import { afterEach, describe, expect, it } from 'vitest';
import { applyLanguage } from '../../i18n/i18n.ts';
import { handOffReasonWords } from './hand-off-reason.ts';

describe('handOffReasonWords', () => {
  afterEach(async () => {
    await applyLanguage('en');
  });

  it('keeps the server’s English words as they are in English', () => {
    for (const reason of ['a complaint: a person was offered at once', 'the customer asked for a person', 'the customer asked to continue with a person', 'the assistant could not answer "When is my visit?"', 'something new']) {
      expect(handOffReasonWords(reason)).toBe(reason);
    }
  });

  it('says each known reason in Chinese, the question quoted as asked; an unknown one as written', async () => {
    await applyLanguage('zh-CN');
    expect(handOffReasonWords('a complaint: a person was offered at once')).toBe('投诉，已立即转人工');
    expect(handOffReasonWords('the customer asked for a person')).toBe('客户要求人工服务');
    expect(handOffReasonWords('the assistant could not answer "师傅几点到？"')).toBe('智能助手无法回答“师傅几点到？”');
    expect(handOffReasonWords('something new')).toBe('something new');
  });
});
