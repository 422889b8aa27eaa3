import { describe, expect, it } from 'vitest';
import { CallbackBody, IntakeBody } from '../../../protocol/intake.ts';
import { applyLanguage } from '../i18n/i18n.ts';
import zh from '../i18n/locales/zh-CN/fields.json';
import { fieldErrorsOfIssues, fieldErrorsOfMessage } from './field-errors.ts';

describe('field errors', () => {
  it('puts each zod issue under its field, the first reason per field', () => {
    const parsed = IntakeBody.safeParse({ service: 'claim', intent: 'x'.repeat(501), existing: { reference: 'SL-1', code: '12' } });
    expect(parsed.success).toBe(false);
    const errors = fieldErrorsOfIssues(parsed.error!.issues);
    expect(errors.intent).toBe('at most 500 characters');
    expect(errors['existing.code']).toBe('the code is the six digits we sent you');
  });

  it('words a reason in the page\'s language where fields.json has it, else as the schema says it', async () => {
    await applyLanguage('zh-CN');
    try {
      const intake = fieldErrorsOfIssues(IntakeBody.safeParse({ service: 'claim', intent: 'x'.repeat(501), existing: { reference: 'SL-1', code: '12' } }).error!.issues);
      expect(intake.intent).toBe('最多 500 个字');
      expect(intake['existing.code']).toBe(zh.existing.code.invalidFormat);
      const callback = fieldErrorsOfIssues(CallbackBody.safeParse({ phone: '12', note: 'x'.repeat(201) }).error!.issues);
      expect(callback.phone).toBe(zh.phone.invalidFormat);
      // Not in fields.json: zod's own words.
      expect(callback.note).toMatch(/200/);
    } finally {
      await applyLanguage('en');
    }
  });

  it('splits the server\'s message by field and keeps the rest for the form', () => {
    const message = 'invalid request body: intent: at most 500 characters; existing.code: the code is the six digits we sent you; tour: unknown';
    expect(fieldErrorsOfMessage(message, ['intent', 'existing.code'])).toEqual({
      intent: 'at most 500 characters',
      'existing.code': 'the code is the six digits we sent you',
      form: 'tour: unknown',
    });
  });

  it('a refusal that is not about fields is the form\'s', () => {
    expect(fieldErrorsOfMessage('Too many requests from this address: try again in 10 minutes.', ['intent'])).toEqual({ form: 'Too many requests from this address: try again in 10 minutes.' });
  });
});
