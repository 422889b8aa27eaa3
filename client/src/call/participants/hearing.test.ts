import { describe, expect, it } from 'vitest';
import { hearingOf } from './hearing.ts';

describe('hearingOf', () => {
  it('a whisper reaches the assessor only; a barge and a full join reach the customer too; a listener is heard by nobody', () => {
    expect(hearingOf('whisper')).toEqual({ assessor: true, customer: false, speaks: true });
    expect(hearingOf('barge')).toEqual({ assessor: true, customer: true, speaks: true });
    expect(hearingOf('full')).toEqual({ assessor: true, customer: true, speaks: true });
    expect(hearingOf('listen')).toEqual({ assessor: false, customer: false, speaks: false });
  });
});
