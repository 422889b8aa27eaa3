// The digital agent in Simplified Chinese over the shipped knowledge base and its Chinese file beside it
// (server/kb/default.zh-CN.md): Chinese questions, written without spaces, find the Chinese entry with the
// same id as the English one; what it does not know it says in Chinese and hands off; the rules hear
// Chinese requests and answer from the case's facts in Chinese. English customers never see a Chinese entry.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AgentQuestion, type ServiceType } from '../../../protocol/agent.ts';
import { checklistState } from '../../../protocol/checklist.ts';
import { localChecklist } from '../../src/checklist/checklist-words.ts';
import { loadConfig } from '../../src/config.ts';
import { answer, DONT_KNOW } from '../../src/frontdoor/agent/agent.ts';
import { createKbSearch } from '../../src/frontdoor/agent/kb-search.ts';
import { loadKnowledgeBase, loadKnowledgeBases, parseKnowledgeBase } from '../../src/frontdoor/agent/knowledge-base.ts';
import { caseFacts } from '../../src/frontdoor/intake/case-facts.ts';
import { translators } from '../../src/i18n/translate.ts';

const file = loadConfig({}).knowledgeBase;
const entries = loadKnowledgeBases(file, translators().languages);
const kb = createKbSearch(entries);
const zh = translators().for('zh-CN');
const ask = (service: ServiceType, intent: string, more: Partial<AgentQuestion> = {}, language: string | null = 'zh-CN') =>
  answer(AgentQuestion.parse({ service, intent, ...more }), kb, language);

describe('the shipped Chinese knowledge base', () => {
  it('has the English entries’ ids, each once, with Chinese titles and answers', () => {
    const english = loadKnowledgeBase(file);
    const chinese = entries.filter((e) => e.language === 'zh-CN');
    expect(chinese.map((e) => e.id).sort()).toEqual(english.map((e) => e.id).sort());
    expect(entries).toHaveLength(english.length * 2);
    for (const entry of chinese) {
      expect(entry.title).toMatch(/\p{Script=Han}/u);
      expect(entry.text.length).toBeGreaterThan(40);
      expect(entry.services).toEqual(english.find((e) => e.id === entry.id)!.services);
    }
  });
});

describe('Chinese questions find the Chinese answer', () => {
  it.each<[ServiceType, string, string]>([
    ['claim', '怎么拍好损坏部位的照片？', 'how-to-take-a-good-photo-of-the-damage'],
    ['claim', '我拍的照片总是很模糊', 'how-to-take-a-good-photo-of-the-damage'],
    ['claim', '车险理赔需要哪些材料', 'documents-a-motor-claim-needs'],
    ['claim', '出了车祸要准备什么资料', 'documents-a-motor-claim-needs'],
    ['claim', '厨房漏水了，理赔要什么材料', 'documents-a-home-or-property-claim-needs'],
    ['claim', '理赔需要多长时间？', 'how-long-a-claim-takes'],
    ['query', '理赔要多久', 'how-long-a-claim-takes'],
    ['transaction', '我想改一下预订的日期', 'how-to-change-a-booking'],
    ['transaction', '我的航班能改签吗', 'how-to-change-a-booking'],
    ['transaction', '可以取消预订并退款吗', 'how-to-cancel-a-booking'],
    ['transaction', '可以带多少公斤行李', 'baggage-allowance'],
    ['claim', '航空公司把我的行李箱弄丢了', 'lost-or-delayed-baggage'],
    ['transaction', '能选靠窗的座位吗', 'seat-selection'],
    ['query', '周六上班吗', 'opening-hours-and-how-to-reach-us'],
    ['query', '需要下载App吗？', 'no-app-needed'],
    ['consult', '视频通话是怎么进行的', 'how-the-video-call-works'],
    ['query', '你们会保存我的个人信息多久', 'how-we-use-and-keep-your-data'],
    ['query', '什么是免赔额', 'what-an-excess-or-deductible-is'],
    ['preview', '酒店几点可以入住', 'check-in-and-arrival-times'],
    ['query', '我的网络很慢', 'what-if-my-connection-is-poor'],
    ['claim', '水管爆裂了，到处是水', 'emergency-help-after-an-accident-or-leak'],
    ['transaction', '可以用信用卡支付吗', 'payment-methods'],
  ])('%s: "%s"', (service, intent, id) => {
    const reply = ask(service, intent);
    expect(reply).toMatchObject({ source: `kb:${id}`, handOff: 'none' });
    expect(reply.confidence).toBeGreaterThanOrEqual(0.5);
    const chinese = entries.find((e) => e.id === id && e.language === 'zh-CN')!;
    expect(reply.text).toBe(`${chinese.title}\n\n${chinese.text}`);
  });

  it('what it does not know, it says in Chinese and hands to a person', () => {
    for (const intent of ['法国的首都是哪里', '推荐一家附近的餐厅', '你好', '我的狗把作业吃了', '谁是总理', '今天天气怎么样', '这是机器人吗', '？？？']) {
      expect(ask('query', intent)).toMatchObject({ text: '这个问题我暂时无法回答，现在为您转接人工客服。', source: 'none', handOff: 'needed', confidence: 0 });
    }
  });

  it('a question in English on a Chinese page is answered from the English entries when no Chinese one fits', () => {
    const reply = ask('query', 'do I need to download an app?');
    expect(reply.source).toBe('kb:no-app-needed');
  });

  it('an English customer is never answered from a Chinese entry', () => {
    expect(ask('query', '需要下载App吗？', {}, 'en')).toMatchObject({ source: 'none', text: DONT_KNOW });
    expect(ask('query', 'do I need to download an app?', {}, null).text).toMatch(/^No app needed\n\n/);
  });
});

describe('the rules, in Chinese', () => {
  it('a complaint is offered a person at once; asking for a person, in Chinese or English, is heard', () => {
    expect(ask('complaint', '你们把我的行李弄丢了，一直没人回电')).toMatchObject({ source: 'rule:complaint', handOff: 'offered', text: '很抱歉给您带来不便。投诉都由人工客服处理：现在就为您转接，您可以把情况完整地告诉他们。' });
    for (const intent of ['我要转人工', '能找真人客服吗', 'can I talk to a real person please']) {
      expect(ask('query', intent)).toMatchObject({ source: 'rule:person-asked', handOff: 'offered', text: '好的，现在为您转接人工客服。等待期间，您的排队位置会一直保留。' });
    }
  });

  it('the status, the next step and the missing photos from the case’s facts, checklist titles in Chinese', () => {
    const checklist = localChecklist(checklistState('property', []), zh);
    const facts = caseFacts({ reference: 'SL-7K3QXM', assessorId: 'usr_1', closedAt: null, decision: null, checklist }, zh);
    expect(facts).toEqual({ reference: 'SL-7K3QXM', status: '评估中', nextStep: '请在本页面补拍并上传缺少的照片。', missingDocuments: ['房间全景', '受损处近景（附参照物）'] });
    expect(ask('claim', '我的理赔进度怎么样了？', { caseFacts: facts })).toMatchObject({
      source: 'rule:case-status',
      text: '您的案件SL-7K3QXM当前状态：评估中。下一步：请在本页面补拍并上传缺少的照片。还缺少2项材料：房间全景、受损处近景（附参照物）。',
    });
    expect(ask('claim', '还缺什么材料？', { caseFacts: facts }).text).toBe('您的案件SL-7K3QXM还需要：房间全景、受损处近景（附参照物）。');
    const done = caseFacts({ reference: null, assessorId: null, closedAt: '2026-12-01T10:00:00.000Z', decision: 'settled', checklist: null }, zh);
    expect(ask('query', '有结果了吗', { caseFacts: done }).text).toBe('您的案件当前状态：已结案，处理结果：已赔付。下一步：您无需再提供任何资料。');
    expect(ask('query', '还缺少什么吗', { caseFacts: done }).text).toBe('您的案件材料已齐全，我们需要的资料都已收到。');
  });

  it('a preview’s booking options with prices in the page’s locale', () => {
    const bookables = [
      { id: 'room-only', title: '标准间', text: '', price: { amount: 689, currency: 'CNY', per: '晚' } },
      { id: 'half-board', title: 'Half board', text: '', price: { amount: 1234, currency: 'EUR' } },
    ];
    expect(ask('preview', '有哪些房型，价格多少？', { bookables })).toMatchObject({ source: 'rule:booking-options', text: '可预订的选项：标准间：¥689.00/晚、Half board：€1,234.00。' });
    expect(ask('preview', '我想取消预订', { bookables }).source).toBe('kb:how-to-cancel-a-booking');
  });
});

describe('a knowledge base in more than one language', () => {
  const dir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'sightline-kb-lang-'));

  it('reads <name>.<language>.md beside <name>.md for a language the server speaks; other files are left alone', () => {
    const at = dir();
    fs.writeFileSync(path.join(at, 'faq.md'), '## Lost baggage\nReport it at the desk.\n');
    fs.writeFileSync(path.join(at, 'faq.zh-cn.md'), '## 行李丢失\nId: lost-baggage\n请到服务台登记。\n');
    fs.writeFileSync(path.join(at, 'faq.fr.md'), '## Bagages perdus\nSignalez-le au comptoir.\n');
    fs.writeFileSync(path.join(at, 'faq.old.md'), 'not a knowledge base at all');
    fs.writeFileSync(path.join(at, 'other.zh-CN.md'), 'not this file’s translation');
    expect(loadKnowledgeBases(path.join(at, 'faq.md'), ['en', 'zh-CN'])).toEqual([
      { id: 'lost-baggage', title: 'Lost baggage', tags: [], services: [], text: 'Report it at the desk.', line: 1 },
      { id: 'lost-baggage', title: '行李丢失', tags: [], services: [], text: '请到服务台登记。', line: 1, language: 'zh-CN' },
    ]);
    fs.rmSync(at, { recursive: true });
  });

  it('a broken translation stops the start like a broken file, naming it', () => {
    const at = dir();
    fs.writeFileSync(path.join(at, 'faq.md'), '## Lost baggage\nReport it at the desk.\n');
    fs.writeFileSync(path.join(at, 'faq.zh-CN.md'), '## 行李丢失\n请到服务台登记。\n');
    expect(() => loadKnowledgeBases(path.join(at, 'faq.md'), ['en', 'zh-CN']))
      .toThrow(`SIGHTLINE_KNOWLEDGE_BASE ${path.join(at, 'faq.zh-CN.md')} line 1: the title "行李丢失" has no letters or digits to make an id from; give it an "Id: some-words" line`);
    fs.rmSync(at, { recursive: true });
  });

  it('an Id line that is not lower-case words and dashes is refused; two entries with one Id are refused', () => {
    expect(() => parseKnowledgeBase('## 行李\nId: Lost Baggage\nText.', 'kb.md', 'zh-CN')).toThrow('kb.md line 2: "Lost Baggage" is not an id (lower-case letters and digits joined by dashes, at most 64 characters)');
    expect(() => parseKnowledgeBase('## 行李\nId: bags\nA.\n## 箱子\nId: bags\nB.', 'kb.md', 'zh-CN')).toThrow('kb.md line 4: "箱子" repeats the entry of line 1 (both are "bags")');
  });
});
