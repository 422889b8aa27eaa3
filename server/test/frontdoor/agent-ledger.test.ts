// The agent's ledger entries: an answer and a hand-off fit their kinds' payloads, and the report's
// timeline says them in words.
import { describe, expect, it } from 'vitest';
import { AgentQuestion } from '../../../protocol/agent.ts';
import { readLedgerEntry } from '../../../protocol/ledger.ts';
import { loadConfig } from '../../src/config.ts';
import { answer } from '../../src/frontdoor/agent/agent.ts';
import { summarise } from '../../src/frontdoor/agent/hand-off-summary.ts';
import { createKbSearch } from '../../src/frontdoor/agent/kb-search.ts';
import { loadKnowledgeBase } from '../../src/frontdoor/agent/knowledge-base.ts';
import { describeEntry } from '../../src/report/describe-entry.ts';
import { entryOf } from '../ledger/payloads.ts';

const kb = createKbSearch(loadKnowledgeBase(loadConfig({}).knowledgeBase));
const context = { photoNumber: () => undefined };

describe('the agent in the ledger', () => {
  it('records an answer as agent.answered, and the report says where it came from', () => {
    const question = 'How long does a claim take?';
    const reply = answer(AgentQuestion.parse({ service: 'claim', intent: question }), kb);
    const entry = entryOf('agent.answered', { question, answer: reply.text, source: reply.source, handOff: reply.handOff });
    expect(readLedgerEntry(entry).ok).toBe(true);
    expect(describeEntry(entry, context)).toBe('Digital assistant asked "How long does a claim take?" (kb:how-long-a-claim-takes)');
  });

  it('says when a person was offered or needed', () => {
    const base = { question: 'Nobody called back', answer: 'I am offering you a person.', source: 'rule:complaint', handOff: 'offered' } as const;
    expect(describeEntry(entryOf('agent.answered', base), context)).toBe('Digital assistant asked "Nobody called back" (rule:complaint; a person offered)');
    expect(describeEntry(entryOf('agent.answered', { ...base, question: 'capital of France?', source: 'none', handOff: 'needed' }), context))
      .toBe('Digital assistant asked "capital of France?" (no answer; not answered, passed to a person)');
  });

  it('records the hand-off summary and its reason as agent.handed-off, the reason shown', () => {
    const turns = [{ question: 'Nobody called back', answer: answer(AgentQuestion.parse({ service: 'complaint', intent: 'Nobody called back' }), kb) }];
    const { text, reason } = summarise({ service: 'complaint', intent: 'Nobody called back', turns, photos: [] });
    const entry = entryOf('agent.handed-off', { summary: text, reason });
    expect(readLedgerEntry(entry).ok).toBe(true);
    expect(describeEntry(entry, context)).toBe('Digital assistant handed over to a person: a complaint: a person was offered at once');
  });

  it('refuses a source that is not a rule, an entry or none', () => {
    const reading = readLedgerEntry(entryOf('agent.answered', { question: 'q', answer: 'a', source: 'kb:ok', handOff: 'none' }));
    expect(reading.ok).toBe(true);
    const bad = readLedgerEntry({ ...entryOf('agent.answered', { question: 'q', answer: 'a', source: 'none', handOff: 'none' }), payload: { question: 'q', answer: 'a', source: 'guess', handOff: 'none' } });
    expect(bad).toEqual({ ok: false, problem: 'payload.source: rule:<name>, kb:<id> or none' });
  });
});
