// RFC 8785 (JSON Canonicalization Scheme) for the values the ledger holds: object keys sorted by
// UTF-16 code units, no whitespace, ECMAScript number and string serialisation.
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * How deeply arrays and objects may nest (`{}` is 1 deep). The server's payloads come from fixed-shape
 * schemas a few levels deep; the bound keeps the recursion below, and anyone checking a ledger from
 * outside, safe from a value built to overflow the stack.
 */
export const MAX_JSON_DEPTH = 64;

export function canonicalJson(value: unknown): string {
  return write(value, 0);
}

function write(value: unknown, depth: number): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`canonical JSON has no form for ${value}`);
    return JSON.stringify(value);
  }
  if (typeof value === 'object' && depth >= MAX_JSON_DEPTH) throw new TypeError(`canonical JSON has no form for values nested more than ${MAX_JSON_DEPTH} deep`);
  if (Array.isArray(value)) return `[${value.map((item) => write(item ?? null, depth + 1)).join(',')}]`;
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record)
      .filter((key) => record[key] !== undefined)
      .sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${write(record[key], depth + 1)}`).join(',')}}`;
  }
  throw new TypeError(`canonical JSON has no form for a ${typeof value}`);
}

/** Whether arrays and objects in `value` nest more than `limit` deep; iterative, so safe on any value. */
export function nestsDeeperThan(value: unknown, limit: number): boolean {
  const pending: unknown[] = [value];
  const depths: number[] = [0];
  while (pending.length > 0) {
    const item = pending.pop();
    const depth = depths.pop() ?? 0;
    if (typeof item !== 'object' || item === null) continue;
    if (depth >= limit) return true;
    for (const child of Array.isArray(item) ? item : Object.values(item)) {
      pending.push(child);
      depths.push(depth + 1);
    }
  }
  return false;
}
