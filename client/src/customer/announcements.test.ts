import { describe, expect, it } from 'vitest';
import { announce, emptyLog, KEPT, type Announcement } from './announcements.ts';

const state = (value: string, text = value, urgency: Announcement['urgency'] = 'polite'): Announcement => ({ topic: 'call-state', value, text, urgency });

describe('announcements', () => {
  it('says a state once, even when the effect runs twice (StrictMode)', () => {
    let log = announce(emptyLog(), state('connecting', 'Connecting…'));
    log = announce(log, state('connecting', 'Connecting…'));
    expect(log.polite.map((l) => l.text)).toEqual(['Connecting…']);
  });

  it('says a state again after another one (connected, reconnecting, connected)', () => {
    let log = emptyLog();
    for (const value of ['in-call', 'reconnecting', 'in-call']) log = announce(log, state(value, value, value === 'reconnecting' ? 'assertive' : 'polite'));
    expect(log.polite.map((l) => l.text)).toEqual(['in-call', 'in-call']);
    expect(log.assertive.map((l) => l.text)).toEqual(['reconnecting']);
  });

  it('does not say the same state again when only the language changed', () => {
    let log = announce(emptyLog(), state('in-call', 'Connected'));
    log = announce(log, state('in-call', '已接通'));
    expect(log.polite.map((l) => l.text)).toEqual(['Connected']);
  });

  it('says each chat message once, by its id', () => {
    const chat = (id: string, text: string): Announcement => ({ topic: `chat:${id}`, value: 'arrived', text, urgency: 'polite' });
    let log = announce(emptyLog(), chat('a', 'Assessor: hello'));
    log = announce(log, chat('a', 'Assessor: hello'));
    log = announce(log, chat('b', 'Assessor: hello'));
    expect(log.polite.map((l) => l.text)).toEqual(['Assessor: hello', 'Assessor: hello']);
    expect(new Set(log.polite.map((l) => l.id)).size).toBe(2);
  });

  it('keeps only the last few lines and ignores empty text', () => {
    let log = emptyLog();
    for (let i = 0; i < KEPT + 3; i++) log = announce(log, { topic: `t${i}`, value: 'x', text: `line ${i}`, urgency: 'polite' });
    expect(log.polite).toHaveLength(KEPT);
    expect(log.polite.at(-1)?.text).toBe(`line ${KEPT + 2}`);
    expect(announce(log, { topic: 'blank', value: 'x', text: '  ', urgency: 'polite' })).toBe(log);
  });
});
