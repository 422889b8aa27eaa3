import { describe, expect, it } from 'vitest';
import { ordinal, placeWords, waitWords } from './queue-words.ts';

describe('waiting room words', () => {
  it('says the place in line as people do', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 101, 111].map(ordinal)).toEqual(['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '22nd', '101st', '111th']);
    expect(placeWords(1)).toBe('You are next');
    expect(placeWords(2)).toBe('You are 2nd in line');
    expect(placeWords(null)).toBe('You are in line');
  });

  it('rounds the estimate up to whole minutes and says when it is not known', () => {
    expect(waitWords(null)).toBe('Working out your wait…');
    expect(waitWords(0)).toBe('Estimated wait: under a minute');
    expect(waitWords(59)).toBe('Estimated wait: under a minute');
    expect(waitWords(60)).toBe('Estimated wait: about 1 minute');
    expect(waitWords(61)).toBe('Estimated wait: about 2 minutes');
  });
});
