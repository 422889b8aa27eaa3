import { describe, expect, it } from 'vitest';
import { parseJoinHash } from './join-token.ts';

describe('join link fragment', () => {
  it('is the token alone, as join links have always been', () => {
    expect(parseJoinHash('#abc_DEF-123')).toEqual({ token: 'abc_DEF-123', tour: {} });
    expect(parseJoinHash('abc')).toEqual({ token: 'abc', tour: {} });
    expect(parseJoinHash('#%20abc%20')).toEqual({ token: 'abc', tour: {} });
  });

  it('is empty without a token', () => {
    expect(parseJoinHash('')).toEqual({ token: null, tour: {} });
    expect(parseJoinHash('#&node=bed')).toEqual({ token: null, tour: { node: 'bed' } });
  });

  it('carries a tour viewpoint and yaw after the token', () => {
    expect(parseJoinHash('#tok&node=seat-23a&yaw=-90')).toEqual({ token: 'tok', tour: { node: 'seat-23a', yaw: -90 } });
    expect(parseJoinHash('#tok&yaw=12.5&node=bath')).toEqual({ token: 'tok', tour: { node: 'bath', yaw: 12.5 } });
  });

  it('marks a self-guided tour link', () => {
    expect(parseJoinHash('#tok&guide=self&node=bath')).toEqual({ token: 'tok', tour: { node: 'bath', selfGuided: true } });
    expect(parseJoinHash('#tok&guide=agent')).toEqual({ token: 'tok', tour: {} });
  });

  it('drops a yaw that is not a number and ignores parameters it does not know', () => {
    expect(parseJoinHash('#tok&node=bath&yaw=left&zoom=2')).toEqual({ token: 'tok', tour: { node: 'bath' } });
    expect(parseJoinHash('#tok&node=&yaw=')).toEqual({ token: 'tok', tour: {} });
  });

  it('carries the language the page opens in, beside the other parameters', () => {
    expect(parseJoinHash('#tok&lang=zh-CN')).toStrictEqual({ token: 'tok', tour: {}, lang: 'zh-CN' });
    expect(parseJoinHash('#tok&node=bath&lang=en&yaw=10')).toStrictEqual({ token: 'tok', tour: { node: 'bath', yaw: 10 }, lang: 'en' });
    expect(parseJoinHash('#tok&lang=')).toStrictEqual({ token: 'tok', tour: {} });
    expect(parseJoinHash('#tok')).toStrictEqual({ token: 'tok', tour: {} });
  });
});
