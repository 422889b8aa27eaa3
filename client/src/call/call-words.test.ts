import { afterEach, describe, expect, it } from 'vitest';
import { applyLanguage } from '../i18n/i18n.ts';
import { CallError, callFact, callText, failureWords } from './call-words.ts';

describe('what the call layer says', () => {
  afterEach(async () => {
    await applyLanguage('en');
  });

  it('says a failure in the page’s language and reports it in English', async () => {
    const error = new CallError({ key: 'failure.customerAway' });
    expect(error.message).toBe('The customer is not connected right now.');
    expect(callText(failureWords(error))).toBe('The customer is not connected right now.');
    await applyLanguage('zh-CN');
    expect(callText(failureWords(error))).toBe('客户当前不在线。');
    expect(callFact(failureWords(error))).toBe('The customer is not connected right now.');
    expect(new CallError({ key: 'failure.consoleClosed' }).message).toBe('The console closed.');
  });

  it('keeps the English wording of network and library failures', () => {
    const timeout = new Error('late');
    timeout.name = 'TimeoutError';
    expect(callText(failureWords(timeout))).toBe('The server could not be reached.');
    expect(callText(failureWords(new TypeError('Failed to fetch')))).toBe('The server could not be reached.');
    expect(callText(failureWords('?'))).toBe('The call could not be placed.');
    expect(callText(failureWords(new Error('Could not connect to peer abc')))).toBe('Could not connect to peer abc');
    expect(callText(failureWords(new Error('socket hung up')))).toBe('The call could not be placed: socket hung up.');
  });
});
