// The nesting bound of canonical JSON: real payloads are far inside it; a value built to overflow the
// stack gets a clear refusal from canonicalJson, and nestsDeeperThan answers for any depth.
import { describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH, canonicalJson, nestsDeeperThan } from '../../src/ledger/canonical-json.ts';

function nested(depth: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i += 1) value = i % 2 === 0 ? [value] : { k: value };
  return value;
}

describe('canonical JSON nesting', () => {
  it(`writes values nested exactly ${MAX_JSON_DEPTH} deep, and refuses one level more with a TypeError`, () => {
    expect(canonicalJson(nested(MAX_JSON_DEPTH))).toMatch(/^\{"k":\[\{"k":/);
    expect(() => canonicalJson(nested(MAX_JSON_DEPTH + 1))).toThrow(TypeError);
    expect(() => canonicalJson(nested(200_000))).toThrow(`nested more than ${MAX_JSON_DEPTH} deep`);
  });

  it('measures depth without recursing: `{}` and `[]` are 1 deep, scalars 0', () => {
    expect(nestsDeeperThan(1, 0)).toBe(false);
    expect(nestsDeeperThan({}, 0)).toBe(true);
    expect(nestsDeeperThan({ a: [1, { b: 2 }] }, 3)).toBe(false);
    expect(nestsDeeperThan({ a: [1, { b: 2 }] }, 2)).toBe(true);
    expect(nestsDeeperThan(nested(MAX_JSON_DEPTH), MAX_JSON_DEPTH)).toBe(false);
    expect(nestsDeeperThan(JSON.parse(`${'['.repeat(200_000)}${']'.repeat(200_000)}`), MAX_JSON_DEPTH)).toBe(true);
  });
});
