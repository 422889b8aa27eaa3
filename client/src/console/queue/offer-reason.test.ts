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

  it('says the facts in English as a person reads them: skills by display name, languages by their own name', () => {
    expect(factsWords(FIRST)).toBe('Matched: Complaints, level 1 or more (first step)');
    expect(factsWords(RELAXED)).toBe('Matched: Motor claims, level 2 or more; 简体中文, level 3 or more (widened after 30 s)');
    expect(factsWords(ANYONE)).toBe('Matched: any assessor (widened after 120 s)');
    expect(factsWords(LAPSED)).toBe('Reserved for asr_p, who passed it over · Matched: Complaints, level 1 or more (first step) · Everyone who could take it had passed it over, so it is offered again');
    expect(factsWords(OFFLINE)).toBe('Reserved for asr_p, who is offline · Matched: any assessor (widened after 120 s)');
    expect(factsWords(PINNED)).toBe('Reserved for asr_7');
    expect(factsWords(TRANSFER)).toBe('Warm transfer from asr_2 (Claims, level 2 or more)');
    expect(factsWords({ kind: 'transfer', from: 'asr_2' })).toBe('Warm transfer from asr_2');
  });

  it('names a skill the console has no display name for by its id, and a language the pages do not speak by its own name or tag', () => {
    const skillAtLevel = (skill: string) => factsWords({ kind: 'matched', stepIndex: 0, afterSeconds: 0, requires: [{ skill, minLevel: 2 }] });
    expect(skillAtLevel('underwriting')).toBe('Matched: underwriting, level 2 or more (first step)');
    expect(skillAtLevel('constructor')).toBe('Matched: constructor, level 2 or more (first step)');
    expect(skillAtLevel('cargo.hull')).toBe('Matched: cargo.hull, level 2 or more (first step)');
    expect(skillAtLevel('lang:en')).toBe('Matched: English, level 2 or more (first step)');
    expect(skillAtLevel('lang:fr')).toBe('Matched: français, level 2 or more (first step)');
    expect(skillAtLevel('lang:qaa')).toBe('Matched: qaa, level 2 or more (first step)');
    expect(skillAtLevel('lang:x1')).toBe('Matched: x1, level 2 or more (first step)');
    expect(factsWords({ kind: 'transfer', from: 'asr_2', skill: { skill: 'marine', minLevel: 4 } })).toBe('Warm transfer from asr_2 (marine, level 4 or more)');
  });

  it('says the facts in Chinese, skills by their display names where the console has one', async () => {
    await applyLanguage('zh-CN');
    expect(factsWords(FIRST)).toBe('匹配：投诉 1 级及以上（第一步）');
    expect(factsWords(RELAXED)).toBe('匹配：车险 2 级及以上、简体中文 3 级及以上（等待 30 秒后放宽）');
    expect(factsWords(ANYONE)).toBe('匹配：任意查勘员（等待 120 秒后放宽）');
    expect(factsWords(LAPSED)).toBe('原指定的 asr_p 已跳过；匹配：投诉 1 级及以上（第一步）；符合条件的查勘员都已跳过，已重新分配');
    expect(factsWords(OFFLINE)).toBe('原指定的 asr_p 已离线；匹配：任意查勘员（等待 120 秒后放宽）');
    expect(factsWords(PINNED)).toBe('指定由 asr_7 接待');
    expect(factsWords(TRANSFER, (id) => (id === 'asr_2' ? '王博' : id))).toBe('王博 转接（理赔 2 级及以上）');
    const skillAtLevel = (skill: string) => factsWords({ kind: 'matched', stepIndex: 0, afterSeconds: 0, requires: [{ skill, minLevel: 1 }] });
    expect(skillAtLevel('constructor')).toBe('匹配：constructor 1 级及以上（第一步）');
    expect(skillAtLevel('cargo.hull')).toBe('匹配：cargo.hull 1 级及以上（第一步）');
    expect(skillAtLevel('rule')).toBe('匹配：rule 1 级及以上（第一步）');
    expect(skillAtLevel('lang:en')).toBe('匹配：English 1 级及以上（第一步）');
  });

  it('shows an offer stored before facts were kept as its sentence, in any language', async () => {
    expect(offerReasonWords(offer(null, 'matched auto≥3 (first step)'))).toBe('matched auto≥3 (first step)');
    expect(offerReasonWords(offer(FIRST))).toBe('Matched: Complaints, level 1 or more (first step)');
    await applyLanguage('zh-CN');
    expect(offerReasonWords(offer(null, 'matched auto≥3 (first step)'))).toBe('matched auto≥3 (first step)');
    expect(offerReasonWords({ facts: { kind: 'transfer', from: 'asr_2' }, reason: '', transfer: { fromId: 'asr_2', fromName: '王博', note: null } })).toBe('王博 转接');
  });

  it('names the assistant’s rule in words, translated in Chinese, an unknown one as words', async () => {
    expect(sourceWords('rule:complaint')).toBe('Rule: complaint');
    expect(sourceWords('rule:person-asked')).toBe('Rule: person asked');
    expect(sourceWords('rule:some-new-rule')).toBe('Rule: some new rule');
    expect(sourceWords('kb:claims-faq')).toBe('Knowledge base: claims-faq');
    expect(sourceWords('none')).toBe('Not answered');
    await applyLanguage('zh-CN');
    expect(sourceWords('rule:complaint')).toBe('规则：投诉');
    expect(sourceWords('rule:missing-documents')).toBe('规则：待补材料');
    expect(sourceWords('rule:some-new-rule')).toBe('规则：some new rule');
  });
});
