import { describe, expect, it } from 'vitest';
import { IntakeBody } from '../../../protocol/intake.ts';
import { fieldErrorsOfIssues, fieldErrorsOfMessage } from './field-errors.ts';

describe('field errors', () => {
  it('puts each zod issue under its field, the first reason per field', () => {
    const parsed = IntakeBody.safeParse({ service: 'claim', intent: 'x'.repeat(501), existing: { reference: 'SL-1', code: '12' } });
    expect(parsed.success).toBe(false);
    const errors = fieldErrorsOfIssues(parsed.error!.issues);
    expect(errors.intent).toBe('at most 500 characters');
    expect(errors['existing.code']).toBe('the code is the six digits we sent you');
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
