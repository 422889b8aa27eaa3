// The report's words in Simplified Chinese: Intl's dates, times and money for zh-CN, durations and
// sizes in Chinese units, and every kind of ledger entry described in Chinese (none falls back to
// English or to its type).
import { describe, expect, it } from 'vitest';
import type { LedgerEntry } from '../../../protocol/http.ts';
import { LEDGER_KINDS } from '../../../protocol/ledger.ts';
import { describeEntry } from '../../src/report/describe-entry.ts';
import { reportWords } from '../../src/report/format.ts';
import { describeRecording } from '../../src/report/recording-summary.ts';
import { entryOf, PAYLOADS } from '../ledger/payloads.ts';

const zh = reportWords('zh-CN');
const en = reportWords(null);
const HAN = /\p{Script=Han}/u;

describe('report words in Simplified Chinese', () => {
  it('is chosen by the case language, English for none or one the server lacks', () => {
    expect(reportWords('zh').language).toBe('zh-CN');
    expect(en.language).toBe('en');
    expect(reportWords('fr').language).toBe('en');
  });

  it('formats dates, times and money with Intl in zh-CN, and times still say UTC', () => {
    expect(zh.time('2026-12-04T14:03:22.123Z')).toBe('2026年12月4日 14:03:22（协调世界时）');
    expect(zh.timeShort('2026-12-04T14:03:22Z')).toBe('2026年12月4日 14:03:22');
    expect(zh.date('2026-12-04')).toBe('2026年12月4日');
    expect(zh.money(1250, 'CNY')).toBe('¥1,250.00');
    expect(zh.money(1250, 'EUR')).toBe('€1,250.00');
    expect(zh.money(99.5, null)).toBe('99.50');
    expect(en.time('2026-12-04T14:03:22.123Z')).toBe('2026-12-04 14:03:22 UTC');
    expect(en.date('2026-12-04')).toBe('2026-12-04');
    expect(en.money(1250, 'CNY')).toBe('CNY 1,250.00');
  });

  it('says durations, clock skew, sizes and counts in Chinese', () => {
    expect(zh.clockSkew(95_000)).toBe('比设备时间晚 1 分 35 秒');
    expect(zh.clockSkew(-2_400)).toBe('比设备时间早 2.4 秒');
    expect(zh.span(3_723_000)).toBe('1 小时 02 分');
    expect(describeRecording({ number: 1, startedAt: 'x', sealedAt: 'y', chunks: 57, bytes: 15_000_000, durationMs: 192_000 }, zh))
      .toBe('通话录像，时长 3 分 12 秒（57 个分段，14.3 MB）');
    expect(zh.say('summary.photos', { count: 1 })).toBe('1 张照片');
  });

  it('names checklist items as the customer page does (checklist.json), English when a language lacks one', () => {
    expect(zh.checklistTitle('vehicle', 'vin-plate', 'VIN plate')).toMatch(HAN);
    expect(zh.checklistTitle('vehicle', 'no-such-item', 'Fallback')).toBe('Fallback');
    expect(en.checklistTitle('vehicle', 'vin-plate', 'VIN plate')).toBe('VIN plate');
  });

  it('describes every kind of ledger entry in Chinese', () => {
    const context = { photoNumber: (id: string) => (id === 'ev_1' ? 2 : undefined), userName: (id: string) => ({ usr_a: '李娜' })[id], words: zh };
    const untold = new Set(['recording.started', 'recording.chunk', 'recording.sealed', 'tour.activity']);
    for (const kind of LEDGER_KINDS) {
      const text = describeEntry(entryOf(kind, PAYLOADS[kind] as never) as LedgerEntry, context);
      if (untold.has(kind)) continue;
      expect(text, kind).toMatch(HAN);
      expect(text, kind).not.toMatch(/report:|entry\.|\{\{/);
    }
    expect(describeEntry(entryOf('outcome.recorded', PAYLOADS['outcome.recorded']), context)).toBe('记录处理结果：赔付，€1,200.00');
    expect(describeEntry(entryOf('evidence.added', PAYLOADS['evidence.added']), context)).toBe('新增照片 2：设备拍照（相机），1920 × 1080');
    expect(describeEntry(entryOf('case.assigned', { from: 'usr_a', to: 'usr_b' }), context)).toBe('案件由 李娜 改派给 定损员 usr_b');
  });
});

describe('a failed verification', () => {
  it('is one sentence in each language, for each place the chain broke (English as it was)', () => {
    const reason = 'signature does not verify with the ledger key';
    expect(en.say('integrity.failed', { reason })).toBe(`Verification FAILED when this report was generated: ${reason}.`);
    expect(en.say('integrity.failedAt', { seq: 3, reason })).toBe(`Verification FAILED when this report was generated at ledger entry 3: ${reason}.`);
    expect(en.say('integrity.failedBlob', { blob: 'ab12', reason })).toBe(`Verification FAILED when this report was generated (blob ab12): ${reason}.`);
    expect(en.say('integrity.failedAtBlob', { seq: 3, blob: 'ab12', reason })).toBe(`Verification FAILED when this report was generated at ledger entry 3 (blob ab12): ${reason}.`);
    expect(zh.say('integrity.failedAtBlob', { seq: 3, blob: 'ab12', reason: '签名不符' })).toBe('生成本报告时验证失败（第 3 条台账记录，文件 ab12）：签名不符。');
  });
});
