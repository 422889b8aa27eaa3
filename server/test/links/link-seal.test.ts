// The sealed copy of a join token: opens to the token for its own row under its own key, and refuses
// anything altered, moved to another row, truncated or sealed under another key.
import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createLinkSeal } from '../../src/links/link-seal.ts';

const secret = crypto.randomBytes(32);
const token = crypto.randomBytes(32).toString('base64url');

describe('link seal', () => {
  const seal = createLinkSeal(secret);

  it('opens what it sealed, and seals the same token differently each time', () => {
    const a = seal.seal(token, 'jt_1');
    const b = seal.seal(token, 'jt_1');
    expect(a).not.toEqual(b);
    expect(a).not.toContain(token);
    expect(seal.open(a, 'jt_1')).toBe(token);
    expect(seal.open(b, 'jt_1')).toBe(token);
  });

  it('opens under the same secret after a restart', () => {
    expect(createLinkSeal(Buffer.from(secret)).open(seal.seal(token, 'jt_1'), 'jt_1')).toBe(token);
  });

  it('refuses a sealed token with any byte of its iv, body or tag changed', () => {
    const sealed = seal.seal(token, 'jt_1');
    const [version, ...parts] = sealed.split('.');
    parts.forEach((part, i) => {
      const bytes = Buffer.from(part, 'base64url');
      for (let at = 0; at < bytes.length; at += 5) {
        const changed = Buffer.from(bytes);
        changed[at] = changed[at]! ^ 0x01;
        const copy = [...parts];
        copy[i] = changed.toString('base64url');
        expect(seal.open([version, ...copy].join('.'), 'jt_1'), `part ${i}, byte ${at}`).toBeNull();
      }
    });
  });

  it('refuses a sealed token moved to another row, a truncated tag, another key or another format', () => {
    const sealed = seal.seal(token, 'jt_1');
    expect(seal.open(sealed, 'jt_2')).toBeNull();
    const [version, iv, body, tag] = sealed.split('.') as [string, string, string, string];
    expect(seal.open([version, iv, body, Buffer.from(tag, 'base64url').subarray(0, 4).toString('base64url')].join('.'), 'jt_1')).toBeNull();
    expect(createLinkSeal(crypto.randomBytes(32)).open(sealed, 'jt_1')).toBeNull();
    expect(seal.open(`v2.${iv}.${body}.${tag}`, 'jt_1')).toBeNull();
    expect(seal.open(`${sealed}.extra`, 'jt_1')).toBeNull();
    expect(seal.open('', 'jt_1')).toBeNull();
    expect(seal.open('not sealed at all', 'jt_1')).toBeNull();
  });
});
