import { afterEach, describe, expect, it } from 'vitest';
import type { OfferFacts } from '../../../../protocol/queue.ts';
import { applyLanguage } from '../../i18n/i18n.ts';
import { sourceWords } from '../../ui/service-words.ts';
import { factsWords, offerReasonWords } from './offer-reason.ts';

const FIRST: OfferFacts = { kind: 'matched', stepIndex: 0, afterSeconds: 0, requires: [{ skill: 'complaints', minLevel: 1 }] };
const RELAXED: OfferFacts = { kind: 'matched', stepIndex: 1, afterSeconds: 30, requires: [{ skill: 'auto', minLevel: 2 }, { skill: 'lang:zh-CN', minLevel: 3 }] };
const ANYONE: OfferFacts = { kind: 'matched', stepIndex: 2, afterSeconds: 120, requires: [] };
const LAPSED: OfferFacts = { ...FIRST, pinLapsed: { to: 'asr_p', why: 'passed over' }, clearedPassedOver: true };
const OFFLINE: OfferFacts = { ...ANYONE, pinLapsed: { to: 'asr_p', why: 'offline' } };
const PINNED: OfferFacts = { kind: 'pinned', to: 'asr_7' };
const TRANSFER: OfferFacts = { kind: 'transfer', from: 'asr_2', skill: { skill: 'claims', minLevel: 2 } };
const offer = (facts: OfferFacts | null, reason = 'as stored') => ({ facts, reason, transfer: null });

describe('offer reason words', () => {
  afterEach(async () => {
    await applyLanguage('en');
  });

  it('reads in English exactly as the server’s sentence (routing-steps.ts describeFacts)', () => {
    expect(factsWords(FIRST)).toBe('matched complaints≥1 (first step)');
    expect(factsWords(RELAXED)).toBe('matched auto≥2 and lang:zh-CN≥3 after relaxing at 30 s');
    expect(factsWords(ANYONE)).toBe('matched any assessor after relaxing at 120 s');
    expect(factsWords(LAPSED)).toBe('pin to asr_p lapsed (passed over); matched complaints≥1 (first step); every eligible assessor had passed it over, so the list was cleared');
    expect(factsWords(OFFLINE)).toBe('pin to asr_p lapsed (offline); matched any assessor after relaxing at 120 s');
    expect(factsWords(PINNED)).toBe('pinned to asr_7');
    expect(factsWords(TRANSFER)).toBe('warm transfer from asr_2 (claims≥2)');
    expect(factsWords({ kind: 'transfer', from: 'asr_2' })).toBe('warm transfer from asr_2');
  });

  it('says the facts in Chinese, skills by their display names where the console has one', async () => {
    await applyLanguage('zh-CN');
    expect(factsWords(FIRST)).toBe('匹配：投诉≥1（第一步）');
    expect(factsWords(RELAXED)).toBe('匹配：车险≥2、语言 zh-CN≥3（等待 30 秒后放宽）');
    expect(factsWords(ANYONE)).toBe('匹配：任意查勘员（等待 120 秒后放宽）');
    expect(factsWords(LAPSED)).toBe('原指定的 asr_p 已跳过；匹配：投诉≥1（第一步）；符合条件的查勘员都已跳过，已重新分配');
    expect(factsWords(OFFLINE)).toBe('原指定的 asr_p 已离线；匹配：任意查勘员（等待 120 秒后放宽）');
    expect(factsWords(PINNED)).toBe('指定由 asr_7 接待');
    expect(factsWords(TRANSFER, (id) => (id === 'asr_2' ? '王博' : id))).toBe('王博 转接（理赔≥2）');
    const skillAtLevel = (skill: string) => factsWords({ kind: 'matched', stepIndex: 0, afterSeconds: 0, requires: [{ skill, minLevel: 1 }] });
    expect(skillAtLevel('constructor')).toBe('匹配：constructor≥1（第一步）');
    expect(skillAtLevel('cargo.hull')).toBe('匹配：cargo.hull≥1（第一步）');
    expect(skillAtLevel('rule')).toBe('匹配：rule≥1（第一步）');
  });

  it('shows an offer stored before facts were kept as its sentence, in any language', async () => {
    expect(offerReasonWords(offer(null, 'matched auto≥3 (first step)'))).toBe('matched auto≥3 (first step)');
    expect(offerReasonWords(offer(FIRST))).toBe('matched complaints≥1 (first step)');
    await applyLanguage('zh-CN');
    expect(offerReasonWords(offer(null, 'matched auto≥3 (first step)'))).toBe('matched auto≥3 (first step)');
    expect(offerReasonWords({ facts: { kind: 'transfer', from: 'asr_2' }, reason: '', transfer: { fromId: 'asr_2', fromName: '王博', note: null } })).toBe('王博 转接');
  });

  it('names the assistant’s rule in words: as today in English, translated in Chinese, an unknown one as words', async () => {
    expect(sourceWords('rule:complaint')).toBe('rule: complaint');
    expect(sourceWords('rule:person-asked')).toBe('rule: person asked');
    expect(sourceWords('rule:some-new-rule')).toBe('rule: some new rule');
    await applyLanguage('zh-CN');
    expect(sourceWords('rule:complaint')).toBe('规则：投诉');
    expect(sourceWords('rule:missing-documents')).toBe('规则：待补材料');
    expect(sourceWords('rule:some-new-rule')).toBe('规则：some new rule');
  });
});
