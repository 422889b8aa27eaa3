// The customer panels' words in Simplified Chinese: the same pure functions the English tests beside
// them pin, with the page switched to zh-CN (durations, ordinals and plurals by the language's rules).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyLanguage } from '../i18n/i18n.ts';
import { adviceFor } from './checklist/checklist-state.ts';
import { aimStatus } from './checklist/aim-status.ts';
import { placeWords, waitWords } from './front-door/queue-words.ts';
import { transferWords } from './front-door/transfer-notice.ts';
import { identitySteps, stepsLine } from './identity/identity-steps.ts';
import { expiresIn, offerStateWords } from './settlement/offer-words.ts';

describe('customer panel words in zh-CN', () => {
  beforeAll(() => applyLanguage('zh-CN'));
  afterAll(() => applyLanguage('en'));

  it('says when an offer lapses with Intl in Chinese', () => {
    const now = Date.parse('2026-12-05T10:00:00Z');
    expect(expiresIn('2026-12-12T10:00:00Z', now)).toBe('7天后');
    expect(expiresIn('2026-12-05T10:45:00Z', now)).toBe('45分钟后');
    expect(expiresIn('2026-12-05T15:00:00Z', now)).toBe('5小时后');
    expect(expiresIn('2026-12-05T09:00:00Z', now)).toBe('即将');
  });

  it('names the identity steps and the offer states in Chinese', () => {
    expect(stepsLine(identitySteps('id-card'))).toBe('1 身份证正面 · 2 身份证背面 · 3 自拍');
    expect(identitySteps('passport').map((s) => s.short)).toEqual(['人像页', '自拍']);
    expect(offerStateWords({ state: 'declined' } as Parameters<typeof offerStateWords>[0])).toBe('您已拒绝此方案。');
  });

  it('places in line, waits and transfers', () => {
    expect(placeWords(1)).toBe('下一位就是您');
    expect(placeWords(3)).toBe('您排在第 3 位');
    expect(waitWords(61)).toBe('预计等待：约 2 分钟');
    expect(transferWords({ state: 'done', toName: '王芳' })).toBe('王芳已为您接手');
  });

  it('checklist advice and aim words', () => {
    expect(adviceFor(['blurry'])).toEqual(['照片模糊。请拿稳手机，点按屏幕对焦后重拍。']);
    expect(adviceFor([])).toEqual(['这张照片无法使用，请重拍。']);
    expect(aimStatus('close-up', { pitchDeg: 0, distanceM: 2 }).instruction).toBe('请靠近一些');
  });
});
