// The hand-off summary a person reads before answering: what was asked, what the agent answered from
// where, the photos, and why it hands off — at most 600 characters however long the conversation.
import { describe, expect, it } from 'vitest';
import { AgentQuestion, type ServiceType } from '../../../protocol/agent.ts';
import { loadConfig } from '../../src/config.ts';
import { answer } from '../../src/frontdoor/agent/agent.ts';
import { summarise, SUMMARY_MAX_CHARS, type AgentTurn } from '../../src/frontdoor/agent/hand-off-summary.ts';
import { createKbSearch } from '../../src/frontdoor/agent/kb-search.ts';
import { loadKnowledgeBase } from '../../src/frontdoor/agent/knowledge-base.ts';

const kb = createKbSearch(loadKnowledgeBase(loadConfig({}).knowledgeBase));
const turn = (service: ServiceType, question: string): AgentTurn => ({ question, answer: answer(AgentQuestion.parse({ service, intent: question }), kb) });

describe('the hand-off summary', () => {
  it('names the intent, the service, each question with its source, the photos and why', () => {
    const summary = summarise({
      service: 'claim',
      intent: 'Hail damaged my car roof',
      turns: [turn('claim', 'what documents do you need for my car accident'), turn('claim', 'what is the capital of France')],
      photos: ['ev_1', 'ev_2'],
    });
    expect(summary.text).toBe([
      'claim: "Hail damaged my car roof"',
      'Q "what documents do you need for my car accident" → kb:documents-a-motor-claim-needs',
      'Q "what is the capital of France" → not answered',
      'Photos: 2 (ev_1, ev_2)',
      'Hand-off: the assistant could not answer "what is the capital of France"',
    ].join('\n'));
    expect(summary).toMatchObject({
      service: 'claim',
      intent: 'Hail damaged my car roof',
      turns: [
        { question: 'what documents do you need for my car accident', source: 'kb:documents-a-motor-claim-needs', handOff: 'none' },
        { question: 'what is the capital of France', source: 'none', handOff: 'needed' },
      ],
      photos: { count: 2, ids: ['ev_1', 'ev_2'] },
    });
  });

  it('says a complaint was offered a person at once', () => {
    const summary = summarise({ service: 'complaint', intent: 'Nobody called me back', turns: [turn('complaint', 'Nobody called me back')], photos: [] });
    expect(summary.reason).toBe('a complaint: a person was offered at once');
    expect(summary.text).toContain('Photos: none');
    expect(summary.text).toContain('→ rule:complaint');
  });

  it('says the customer asked for a person, or chose to continue with one', () => {
    expect(summarise({ service: 'query', intent: 'help', turns: [turn('query', 'let me talk to a real person')], photos: [] }).reason).toBe('the customer asked for a person');
    expect(summarise({ service: 'query', intent: 'apps', turns: [turn('query', 'do I need an app')], photos: [] }).reason).toBe('the customer asked to continue with a person');
  });

  it('stays within 600 characters for a long conversation, keeping the latest questions and the reason', () => {
    const long = 'My basement flooded after the storm last night and the water rose over the skirting boards '.repeat(5);
    const turns = Array.from({ length: 12 }, (_, i) => turn('claim', `${i}: ${long}`));
    turns.push(turn('claim', 'what is the capital of France'));
    const summary = summarise({ service: 'claim', intent: long, turns, photos: Array.from({ length: 9 }, (_, i) => `ev_${i}`) });
    expect(summary.text.length).toBeLessThanOrEqual(SUMMARY_MAX_CHARS);
    expect(summary.text).toMatch(/earlier questions not shown/);
    expect(summary.text).toContain('Q "what is the capital of France" → not answered');
    expect(summary.text).toContain('Photos: 9 (ev_0, ev_1, ev_2, ev_3, ev_4, …)');
    expect(summary.text).toMatch(/Hand-off: the assistant could not answer "what is the capital of France"$/);
    expect(summary.turns).toHaveLength(13);
    expect(summary.photos.ids).toHaveLength(9);
  });
});
