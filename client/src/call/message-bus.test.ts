import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PeerMessage } from '../../../protocol/messages.ts';
import { MessageBus } from './message-bus.ts';

const chat: PeerMessage = { v: 1, type: 'chat', id: 'line-0001', text: 'Hello', at: '2026-12-04T10:00:00.000Z' };
const mode: PeerMessage = { v: 1, type: 'mode', mode: 'camera', available: ['camera', 'voice', 'text'] };

describe('message bus', () => {
  afterEach(() => vi.restoreAllMocks());

  it('hands each message to the handlers of its type only, typed', () => {
    const bus = new MessageBus(() => true);
    const texts: string[] = [];
    const modes: string[] = [];
    bus.on('chat', (message) => texts.push(message.text));
    bus.on('mode', (message) => modes.push(`${message.mode}/${message.available.length}`));
    bus.dispatch(chat);
    bus.dispatch(mode);
    bus.dispatch(chat);
    expect(texts).toEqual(['Hello', 'Hello']);
    expect(modes).toEqual(['camera/3']);
  });

  it('stops calling a handler once it is unsubscribed, and keeps the others', () => {
    const bus = new MessageBus(() => true);
    const first = vi.fn();
    const second = vi.fn();
    const off = bus.on('chat', first);
    bus.on('chat', second);
    off();
    off();
    bus.dispatch(chat);
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledTimes(1);
  });

  it('keeps the same handler subscribed twice as one, so one off removes it', () => {
    const bus = new MessageBus(() => true);
    const handler = vi.fn();
    const off = bus.on('chat', handler);
    bus.on('chat', handler);
    bus.dispatch(chat);
    expect(handler).toHaveBeenCalledTimes(1);
    off();
    bus.dispatch(chat);
    expect(handler).toHaveBeenCalledTimes(1);
  });

  it('logs a handler that throws and still calls the ones after it', () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const bus = new MessageBus(() => true);
    const after = vi.fn();
    bus.on('chat', () => {
      throw new Error('broken panel');
    });
    bus.on('chat', after);
    expect(() => bus.dispatch(chat)).not.toThrow();
    expect(after).toHaveBeenCalledWith(chat);
    expect(logged).toHaveBeenCalledTimes(1);
  });

  it('ignores a message no one subscribed to, and a type it does not know', () => {
    const bus = new MessageBus(() => true);
    const handler = vi.fn();
    bus.on('chat', handler);
    expect(() => bus.dispatch(mode)).not.toThrow();
    expect(() => bus.dispatch({ v: 1, type: 'not-a-message' } as unknown as PeerMessage)).not.toThrow();
    expect(handler).not.toHaveBeenCalled();
  });

  it('lets a handler unsubscribe another during a dispatch without skipping this message', () => {
    const bus = new MessageBus(() => true);
    const second = vi.fn();
    let offSecond = (): void => undefined;
    bus.on('chat', () => offSecond());
    offSecond = bus.on('chat', second);
    bus.dispatch(chat);
    bus.dispatch(chat);
    expect(second).toHaveBeenCalledTimes(1);
  });

  it('sends through its transport and says whether it went', () => {
    const sent: PeerMessage[] = [];
    let open = false;
    const bus = new MessageBus((message) => {
      sent.push(message);
      return open;
    });
    expect(bus.send(chat)).toBe(false);
    open = true;
    const { send } = bus;
    expect(send(mode)).toBe(true);
    expect(sent).toEqual([chat, mode]);
  });
});
