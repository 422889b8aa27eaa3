// fast-check arbitraries for bad requests that are not uploads: malformed JSON, bodies the shared schema
// refuses (wrong types, missing fields, prototype keys, deep nesting, ill-formed text), bodies past the
// size limit, wrong content types and encodings, garbage credentials, and a Content-Length that does not
// match the body.
import fc from 'fast-check';
import type { z } from 'zod';
import { dotted, stringLeaves, withLeaf } from './string-fields.ts';

/** One bad request, before the route's path and credentials are applied. */
export interface BadRequest {
  family: string;
  headers: Record<string, string>;
  body: Uint8Array | null;
  /** Sent on a raw socket declaring this length (see raw-http.ts) instead of with fetch. */
  raw?: { declaredLength: number; halfClose: boolean };
  /** Replaces the route's own credentials. */
  credentials?: Record<string, string>;
  /** Replaces the route's path. */
  path?: string;
  /** The one status this request must get, when it is known. */
  status?: number;
  /** Words the error message must hold, when they are known (the field a refusal names). */
  mentions?: string;
}

/** A valid request of a route, which some families spoil in one way only. */
export interface ValidRequest {
  headers: Record<string, string>;
  body: Uint8Array | null;
  /** The longest prefix of the body that is still incomplete (a cut there must be refused). */
  maxCut?: number;
}

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const JSON_TYPE = { 'content-type': 'application/json' };

const parsesToContainer = (text: string): boolean => {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null;
  } catch {
    return false;
  }
};

const nested = (depth: number, leaf: unknown = 1): unknown => {
  let value = leaf;
  for (let i = 0; i < depth; i++) value = i % 2 ? { a: value } : [value];
  return value;
};

/** Text the JSON parser refuses (or, strict, a top-level scalar), for any route that parses JSON. */
export function malformedJson(valid: string): fc.Arbitrary<BadRequest> {
  const text = fc.oneof(
    fc.integer({ min: 1, max: Math.max(1, valid.length - 1) }).map((k) => valid.slice(0, k)),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 300 }).filter((s) => !parsesToContainer(s)),
    fc.oneof(fc.integer(), fc.boolean(), fc.constant(null), fc.string({ maxLength: 40 })).map((v) => JSON.stringify(v)),
    fc.integer({ min: 1, max: 60_000 }).map((n) => '['.repeat(n)),
    fc.constantFrom('__proto__', 'constructor', 'prototype').map((key) => `{"${key}": {"polluted": true}, `),
  );
  const badUtf8 = fc.uint8Array({ minLength: 1, maxLength: 6, min: 0x80, max: 0xff }).map((bytes) =>
    // Raw bytes that are not UTF-8 where JSON needs structure: right after the opening brace.
    Buffer.concat([Buffer.from('{'), Buffer.from(bytes), Buffer.from(valid.slice(1))]),
  );
  return fc.oneof(text.map(utf8), badUtf8).map((body) => ({ family: 'malformed JSON', headers: JSON_TYPE, body }));
}

const weirdValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null), fc.boolean(), fc.integer(), fc.double(), fc.string({ maxLength: 30 }),
  fc.nat({ max: 250_000 }).map((n) => 'x'.repeat(n)),
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 5 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }),
  fc.nat({ max: 3000 }).map((depth) => nested(depth)),
);

/** JSON a route's shared schema refuses: one field of a valid body spoiled, dropped, or a random value. */
export function schemaInvalid(valid: Record<string, unknown>, schema: z.ZodType): fc.Arbitrary<BadRequest> {
  const keys = Object.keys(valid);
  const spoiled = fc.tuple(fc.constantFrom(...keys), weirdValue).map(([key, value]) => JSON.stringify({ ...valid, [key]: value }));
  const dropped = fc.constantFrom(...keys).map((key) => JSON.stringify(Object.fromEntries(Object.entries(valid).filter(([k]) => k !== key))));
  const random = fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v));
  // `__proto__` as an own key (what JSON.parse makes of it) beside a spoiled field, top level or nested.
  const polluting = fc.tuple(fc.constantFrom('__proto__', 'constructor', 'prototype'), fc.jsonValue({ maxDepth: 2 }), spoiled, fc.boolean())
    .map(([key, value, body, nestedKey]) => {
      const injected = `"${key}": ${JSON.stringify(nestedKey ? { [key]: { polluted: value } } : { polluted: value })}, `;
      return `{${injected}${body.slice(1)}`;
    });
  return fc.oneof(spoiled, dropped, random, polluting)
    .filter((text) => !schema.safeParse(JSON.parse(text)).success)
    .map((text) => ({ family: 'schema-invalid JSON', headers: JSON_TYPE, body: utf8(text) }));
}

/** A valid body padded past the route's JSON limit. */
export function oversizeJson(valid: Record<string, unknown>, limitBytes: number): fc.Arbitrary<BadRequest> {
  return fc.integer({ min: 1, max: 8192 }).map((extra) => ({
    family: 'JSON past the size limit',
    headers: JSON_TYPE,
    body: utf8(JSON.stringify({ ...valid, pad: 'x'.repeat(limitBytes + extra) })),
    status: 413,
  }));
}

/** The valid body under a type, charset or encoding the JSON parser does not take. */
export function badContentHeaders(valid: ValidRequest, opts: { typeMatters: boolean }): fc.Arbitrary<BadRequest> {
  const body = valid.body ?? utf8('{}');
  const charset = fc.constantFrom('latin1', 'us-ascii', 'iso-8859-1', 'ebcdic', 'klingon', 'utf-16le', 'utf-16be', 'utf-32')
    .map((c) => ({ 'content-type': `application/json; charset=${c}` }));
  const encoding = fc.constantFrom('gzip', 'deflate', 'br', 'compress', 'zstd', 'x-custom', 'gzip, br')
    .map((e) => ({ 'content-type': 'application/json', 'content-encoding': e }));
  const wrongType = fc.oneof(
    fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'text/json', 'application/xml', 'multipart/form-data; boundary=x', 'application/json-patch+json'),
    fc.stringMatching(/^[a-z]{1,10}\/[a-z0-9.+-]{1,20}$/).filter((t) => t !== 'application/json'),
  ).map((t) => ({ 'content-type': t }));
  const headers = opts.typeMatters ? fc.oneof(charset, encoding, wrongType) : fc.oneof(charset, encoding);
  return headers.map((h) => ({ family: 'wrong content type, charset or encoding', headers: { ...valid.headers, ...h }, body }));
}

const printable = (opts: { minLength?: number; maxLength?: number } = {}) =>
  fc.string({ unit: fc.integer({ min: 0x21, max: 0x7e }).map((c) => String.fromCharCode(c)), ...opts });

/**
 * The valid request with garbage credentials instead of the route's: an Authorization header that is
 * no token, a token nobody issued, a session cookie that is garbage or badly encoded, or two session
 * cookies with the garbage one first.
 */
export function badCredentials(valid: ValidRequest, sessionCookie: string | null, status: number): fc.Arbitrary<BadRequest> {
  const cookieValue = sessionCookie?.split('=').slice(1).join('=') ?? 'x';
  const credentials = fc.oneof(
    printable({ minLength: 1, maxLength: 300 }).map((authorization) => ({ authorization })),
    fc.stringMatching(/^[A-Za-z0-9_-]{16,256}$/).map((t) => ({ authorization: `Bearer ${t}` })),
    printable({ maxLength: 40 }).map((t) => ({ authorization: `Basic ${Buffer.from(t).toString('base64')}` })),
    printable({ maxLength: 100 }).filter((v) => !v.includes(';')).map((v) => ({ cookie: `sl_session=${v}` })),
    fc.stringMatching(/^%[0-9A-Fa-f]?[G-Zg-z%]?[0-9A-Fa-f%]{0,6}$/).map((v) => ({ cookie: `sl_session=${v}` })),
    printable({ minLength: 1, maxLength: 60 }).filter((v) => !v.includes(';')).map((v) => ({ cookie: `sl_session=${v}; sl_session=${cookieValue}` })),
  );
  return credentials.map((c) => ({ family: 'garbage credentials', headers: valid.headers, body: valid.body, credentials: c, status }));
}

/** The valid request with a Content-Length that lies: longer, the client then gone; or shorter. */
export function lengthMismatch(valid: ValidRequest): fc.Arbitrary<BadRequest> {
  const body = valid.body ?? utf8('{"a": 1}');
  const headers = valid.body ? valid.headers : { ...valid.headers, ...JSON_TYPE };
  const maxCut = valid.maxCut ?? body.length - 1;
  const longer = fc.integer({ min: 1, max: 100_000 }).map((extra) => ({ declaredLength: body.length + extra, halfClose: true }));
  const shorter = fc.integer({ min: 1, max: Math.max(1, maxCut) }).map((declaredLength) => ({ declaredLength, halfClose: false }));
  return fc.oneof(longer, shorter).map((raw) => ({ family: 'Content-Length mismatch', headers, body, raw }));
}

/** Unpaired UTF-16 surrogates: either half alone, a pair in the wrong order, half of an emoji. */
export const loneSurrogate: fc.Arbitrary<string> = fc.oneof(
  fc.integer({ min: 0xd800, max: 0xdfff }).map((unit) => String.fromCharCode(unit)),
  fc.constantFrom('\udc00\ud800', '\ud83d', '\ude00'),
);

/**
 * A valid body with a lone surrogate (a JSON `\u` escape, which JSON.parse turns into one) put into
 * one of its strings: refused with a 400 naming that field, as SQLite would store U+FFFD in its place
 * while the ledger signs the surrogate.
 */
export function illFormedText(valid: Record<string, unknown>): fc.Arbitrary<BadRequest> {
  return fc.tuple(fc.constantFrom(...stringLeaves(valid)), loneSurrogate, fc.nat()).map(([path, lone, at]) => {
    const body = withLeaf(valid, path, (old) => old.slice(0, at % (old.length + 1)) + lone + old.slice(at % (old.length + 1)));
    return { family: 'ill-formed text', headers: JSON_TYPE, body: utf8(JSON.stringify(body)), status: 400, mentions: `${dotted(path)}: ` };
  });
}
