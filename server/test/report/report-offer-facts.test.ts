// A queue offer in the report: its routing facts in the report's language (the English exactly the
// sentence the ledger keeps), and an entry written before facts were kept with its English reason.
import { describe, expect, it } from 'vitest';
import type { LedgerEntry } from '../../../protocol/http.ts';
import type { OfferFacts } from '../../../protocol/queue.ts';
import { describeFacts } from '../../src/frontdoor/routing-steps.ts';
import { describeEntry } from '../../src/report/describe-entry.ts';
import { reportWords } from '../../src/report/format.ts';
import { entryOf } from '../ledger/payloads.ts';

const context = (language: string | null) => ({ photoNumber: () => undefined, userName: (id: string) => ({ usr_a: '李娜' })[id], words: reportWords(language) });
const offered = (facts: OfferFacts | undefined, reason: string) =>
  entryOf('queue.offered', { entryId: 'qe_1', assessorId: 'usr_a', stepIndex: 0, reason, ...(facts ? { facts } : {}) }) as LedgerEntry;

const ALL: OfferFacts[] = [
  { kind: 'matched', stepIndex: 0, afterSeconds: 0, requires: [{ skill: 'complaints', minLevel: 1 }] },
  { kind: 'matched', stepIndex: 1, afterSeconds: 30, requires: [{ skill: 'claims', minLevel: 1 }, { skill: 'lang:zh-CN', minLevel: 3 }], pinLapsed: { to: 'usr_b', why: 'offline' }, clearedPassedOver: true },
  { kind: 'matched', stepIndex: 2, afterSeconds: 90, requires: [], pinLapsed: { to: 'usr_b', why: 'passed over' } },
  { kind: 'pinned', to: 'usr_a' },
  { kind: 'transfer', from: 'usr_b' },
  { kind: 'transfer', from: 'usr_b', skill: { skill: 'odd.skill', minLevel: 2 } },
];

describe('a queue offer in the report', () => {
  it('words the facts in English exactly as the ledger’s sentence', () => {
    for (const facts of ALL) {
      expect(describeEntry(offered(facts, describeFacts(facts)), context(null))).toBe(`Offered to 李娜: ${describeFacts(facts)}`);
    }
  });

  it('words the facts in Chinese, skills by their display names', () => {
    expect(describeEntry(offered(ALL[0], describeFacts(ALL[0]!)), context('zh-CN'))).toBe('分配给 李娜：匹配：投诉≥1（第一步）');
    expect(describeEntry(offered(ALL[1], describeFacts(ALL[1]!)), context('zh-CN')))
      .toBe('分配给 李娜：原指定的 usr_b 已离线；匹配：理赔≥1、语言 zh-CN≥3（等待 30 秒后放宽）；符合条件的查勘员都已跳过，已重新分配');
    expect(describeEntry(offered(ALL[5], describeFacts(ALL[5]!)), context('zh-CN'))).toBe('分配给 李娜：usr_b 转接（odd.skill≥2）');
  });

  it('gives an entry written before facts were kept its stored reason', () => {
    expect(describeEntry(offered(undefined, 'matched auto≥2 after relaxing at 30 s'), context('zh-CN'))).toBe('分配给 李娜：matched auto≥2 after relaxing at 30 s');
  });
});
