import { describe, expect, it } from 'vitest';
import { identitySteps, stepsLine } from './identity-steps.ts';

describe('identity steps', () => {
  it('an ID card: front, back, selfie; the document on the back camera, the selfie on the front one', () => {
    const steps = identitySteps('id-card');
    expect(steps.map((s) => [s.purpose, s.facing])).toEqual([['id-front', 'environment'], ['id-back', 'environment'], ['selfie', 'user']]);
    expect(stepsLine(steps)).toBe('1 Front of your ID card · 2 Back of your ID card · 3 A selfie');
  });

  it('a passport has no back', () => {
    expect(identitySteps('passport').map((s) => s.purpose)).toEqual(['id-front', 'selfie']);
  });
});
