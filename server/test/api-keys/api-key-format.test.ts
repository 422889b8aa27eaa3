import { describe, expect, it } from 'vitest';
import { apiKeyHash, apiKeyMatches, apiKeyPrefix, looksLikeApiKey, newApiKey, randomBase62 } from '../../src/api-keys/api-key-format.ts';

describe('API key format', () => {
  it('makes slk_<8>_<43> keys whose prefix parses back and whose hash is SHA-256 hex of the whole key', () => {
    const made = newApiKey();
    expect(made.key).toMatch(/^slk_[A-Za-z0-9]{8}_[A-Za-z0-9]{43}$/);
    expect(apiKeyPrefix(made.key)).toBe(made.prefix);
    expect(made.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(made.hash).toBe(apiKeyHash(made.key));
    expect(made.hash).not.toContain(made.key.slice(13));
  });

  it('never makes the same key twice in a thousand', () => {
    const keys = new Set(Array.from({ length: 1000 }, () => newApiKey().key));
    expect(keys.size).toBe(1000);
  });

  it('uses every base62 character, none outside it', () => {
    const sample = randomBase62(20_000);
    expect(new Set(sample).size).toBe(62);
    expect(sample).toMatch(/^[A-Za-z0-9]+$/);
  });

  it('matches only the key it was made from', () => {
    const { key, hash } = newApiKey();
    expect(apiKeyMatches(key, hash)).toBe(true);
    expect(apiKeyMatches(`${key.slice(0, -1)}${key.endsWith('A') ? 'B' : 'A'}`, hash)).toBe(false);
    expect(apiKeyMatches(key, 'not hex')).toBe(false);
    expect(apiKeyMatches(key, '')).toBe(false);
  });

  it('reads no prefix from anything that is not a whole key', () => {
    const { key } = newApiKey();
    for (const bad of ['', 'slk_', key.slice(0, -1), `${key}x`, key.replace('slk_', 'slx_'), `slk_abc_${'a'.repeat(43)}`, key.replace(/_([^_]+)$/, '-$1')]) {
      expect(apiKeyPrefix(bad), bad).toBeNull();
    }
    expect(looksLikeApiKey(key)).toBe(true);
    expect(looksLikeApiKey('abcdefghijklmnopqrstu')).toBe(false);
  });
});
