import { describe, expect, it } from 'vitest';
import type { ChatLine } from '../../../../protocol/http.ts';
import { PeerMessage } from '../../../../protocol/messages.ts';
import { forwardMessage, linesToForward } from './chat-forward.ts';

const at = '2026-01-01T10:00:00.000Z';
const line = (id: string, extra: Partial<ChatLine> = {}): ChatLine => ({ id, caseId: 'c', from: 'assessor', text: `text ${id}`, at, ...extra });
const ada = { role: 'assessor', name: 'Ada Ng', userId: 'u-ada' } as const;
const erin = { role: 'expert', name: 'Erin Roe', userId: 'u-erin' } as const;
const sam = { role: 'supervisor', name: 'Sam Poe', userId: 'u-sam' } as const;

describe('the lines the assessor’s console passes on to the customer', () => {
  it('a participant’s new line, not the customer’s, the console’s own, a whisper or one already given', () => {
    const lines = [
      line('line-customer', { from: 'customer' }),
      line('line-own', { author: ada }),
      line('line-typed-here'),
      line('line-expert', { author: erin }),
      line('line-whisper', { author: sam, whisper: true }),
      line('line-barge', { author: sam }),
      line('line-old', { author: erin }),
    ];
    expect(linesToForward(lines, new Set(['line-old']), 'u-ada').map((l) => l.id)).toEqual(['line-expert', 'line-barge']);
  });

  it('sends the author’s role and name, never their user id, as a valid data-channel message', () => {
    const message = forwardMessage(line('line-expert', { author: erin }));
    expect(message).toEqual({ v: 1, type: 'chat', id: 'line-expert', text: 'text line-expert', at, author: { role: 'expert', name: 'Erin Roe' } });
    expect(PeerMessage.parse(message)).toEqual(message);
  });

  it('passes on the writer’s language when the line names one', () => {
    const message = forwardMessage(line('line-expert-zh', { author: erin, language: 'zh-CN' }));
    expect(message).toMatchObject({ id: 'line-expert-zh', language: 'zh-CN' });
    expect(PeerMessage.parse(message)).toEqual(message);
    expect(forwardMessage(line('line-expert', { author: erin }))).not.toHaveProperty('language');
  });
});
