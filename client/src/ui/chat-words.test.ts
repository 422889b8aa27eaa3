import { describe, expect, it } from 'vitest';
import { authorLabel, isMine, type ChatEntry } from './chat-words.ts';

const line = (from: ChatEntry['from'], author?: ChatEntry['author']): ChatEntry => ({ id: 'line-0001', from, text: 'Hi', at: '2026-01-01T10:00:00.000Z', author });
const ada = { role: 'assessor', name: 'Ada Ng', userId: 'u-ada' } as const;
const erin = { role: 'expert', name: 'Erin Roe', userId: 'u-erin' } as const;
const sam = { role: 'supervisor', name: 'Sam Poe', userId: 'u-sam' } as const;

describe('chat line labels', () => {
  it('on the customer’s page: their own lines are “You”, the assessor’s “Assessor”, a participant’s by name and role', () => {
    const customer = { side: 'customer' } as const;
    expect(authorLabel(line('customer'), customer)).toBe('You');
    expect(authorLabel(line('assessor'), customer)).toBe('Assessor');
    expect(authorLabel(line('assessor', { role: 'assessor', name: 'Ada Ng' }), customer)).toBe('Assessor');
    expect(authorLabel(line('assessor', { role: 'expert', name: 'Erin Roe' }), customer)).toBe('Erin Roe · Expert');
    expect(authorLabel(line('assessor', { role: 'supervisor', name: 'Sam Poe' }), customer)).toBe('Sam Poe · Supervisor');
  });

  it('on a console: the viewer’s own lines (and lines typed here, not yet stored) are “You”, everyone else’s by name and role', () => {
    const assessor = { side: 'staff', userId: 'u-ada' } as const;
    expect(authorLabel(line('assessor', ada), assessor)).toBe('You');
    expect(authorLabel(line('assessor'), assessor)).toBe('You');
    expect(authorLabel(line('customer'), assessor)).toBe('Customer');
    expect(authorLabel(line('assessor', erin), assessor)).toBe('Erin Roe · Expert');
    expect(authorLabel(line('assessor', { ...sam, role: 'admin' }), assessor)).toBe('Sam Poe · Administrator');
    const expert = { side: 'staff', userId: 'u-erin' } as const;
    expect(authorLabel(line('assessor', ada), expert)).toBe('Ada Ng · Assessor');
    expect(authorLabel(line('assessor', erin), expert)).toBe('You');
    expect(isMine(line('assessor', sam), expert)).toBe(false);
  });
});
