// The case search's SQL: literal % and _, every word required, each filter a parameter.
import { describe, expect, it } from 'vitest';
import { caseWhere, isRealDay, likePattern } from '../../src/cases/case-query.ts';

describe('caseWhere', () => {
  it('escapes LIKE wildcards and the escape character', () => {
    expect(likePattern('50%_a\\b')).toBe('%50\\%\\_a\\\\b%');
  });

  it('leaves archived cases out and needs no parameters by default', () => {
    expect(caseWhere({ status: 'all', archived: false })).toEqual({ where: 'WHERE c.archived_at IS NULL', params: [] });
    expect(caseWhere({ status: 'all', archived: true })).toEqual({ where: '', params: [] });
  });

  it('requires every word and passes each filter as a parameter', () => {
    const { where, params } = caseWhere({ q: ' golf  1234 ', status: 'open', kind: 'damage', assessorId: 'usr_1', from: '2026-01-01', to: '2026-01-31', archived: false });
    expect(params).toEqual(['%golf%', '%golf%', '%golf%', '%1234%', '%1234%', '%1234%', 'damage', 'usr_1', '2026-01-01T00:00:00.000Z', '2026-01-31T23:59:59.999Z']);
    expect(where).toContain('c.closed_at IS NULL');
    expect(where).not.toContain('golf');
  });
});

describe('isRealDay', () => {
  it('accepts real days only', () => {
    expect(isRealDay('2026-02-28')).toBe(true);
    expect(isRealDay('2026-02-30')).toBe(false);
    expect(isRealDay('2026-13-01')).toBe(false);
  });
});
