import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import * as checklist from './checklist.ts';
import * as corrections from './corrections.ts';
import * as http from './http.ts';
import * as messages from './messages.ts';
import * as recording from './recording.ts';
import * as spatial from './spatial.ts';
import { ILL_FORMED_TEXT, isWellFormedText, text } from './text.ts';

const LONE = ['\ud800', '\udbff', '\udc00', '\udfff', '\udc00\ud800', 'a\ud83d', '\ude00b'];
const WELL_FORMED = ['', 'Kitchen floor', '\u0000', '\ufffd', '\ud83d\ude00', 'Straße 😀 𝄞', '\uffff'];

describe('isWellFormedText', () => {
  it.each(LONE)('refuses %j, a surrogate without its other half', (value) => {
    expect(isWellFormedText(value)).toBe(false);
    expect(isWellFormedText(`T${value}T`)).toBe(false);
  });

  it.each(WELL_FORMED)('accepts %j', (value) => {
    expect(isWellFormedText(value)).toBe(true);
  });

  it('agrees with String.prototype.isWellFormed where the runtime has it', () => {
    const isWellFormed = (String.prototype as { isWellFormed?: (this: string) => boolean }).isWellFormed;
    if (!isWellFormed) return;
    for (const value of [...LONE, ...WELL_FORMED]) expect(isWellFormedText(value)).toBe(isWellFormed.call(value));
  });
});

describe('text()', () => {
  it('refuses a lone surrogate naming the field, and chains like z.string()', () => {
    const result = http.CreateCaseBody.safeParse({ title: 'T\ud800' });
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([expect.objectContaining({ path: ['title'], message: ILL_FORMED_TEXT })]);
    expect(http.CreateCaseBody.parse({ title: '  Roof 😀 ' }).title).toBe('Roof 😀');
    expect(text().max(2).safeParse('abc').success).toBe(false);
  });

  it('refuses one nested in arrays, in a record key, and in JSON carried in a multipart field', () => {
    const outcome = http.OutcomeBody.safeParse({ decision: 'denied', reason: 'r', damageItems: [{ area: '\udc00', severity: 'minor', estimatedCost: 1 }] });
    expect(outcome.error?.issues.map((i) => i.path)).toEqual([['damageItems', 0, 'area']]);
    const layer = JSON.stringify({ items: [{ kind: 'label', points: [{ u: 0.5, v: 0.5 }], label: 'Dent\ud800' }] });
    const meta = http.EvidenceUploadMeta.safeParse({ layer });
    expect(meta.error?.issues.map((i) => i.path)).toEqual([['layer', 'items', 0, 'label']]);
    const entry = http.LedgerEntry.shape.payload.safeParse({ '\ud800': 1 });
    expect(entry.success).toBe(false);
  });

  it('drops a data-channel message carrying one', () => {
    const chat = { v: 1, type: 'chat', id: 'line-00000001', text: 'Hi \ud800', at: '2026-01-01T00:00:00Z' };
    expect(messages.parsePeerMessage(JSON.stringify(chat))).toBeNull();
    expect(messages.parsePeerMessage(JSON.stringify({ ...chat, text: 'Hi 😀' }))).not.toBeNull();
  });
});

type Def = Record<string, unknown> & { type: string; checks?: Array<{ _zod: { def: { check?: string; fn?: unknown } } }> };
const isSchema = (value: unknown): value is z.ZodType => typeof value === 'object' && value !== null && '_zod' in value;
const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** Every string schema reachable from `schema` (object shapes, arrays, unions, pipes, wrappers…), with its path. */
function stringSchemas(schema: z.ZodType, path: string, seen = new Set<unknown>()): Array<{ path: string; def: Def }> {
  if (seen.has(schema)) return [];
  seen.add(schema);
  const def = defOf(schema);
  const found = def.type === 'string' ? [{ path, def }] : [];
  for (const [key, value] of Object.entries(def)) {
    if (key === 'checks') continue;
    const children = Array.isArray(value) ? value.map((v, i) => [`${i}`, v] as const)
      : isSchema(value) ? [['', value] as const]
      : typeof value === 'object' && value !== null ? Object.entries(value) : [];
    for (const [name, child] of children) {
      if (isSchema(child)) found.push(...stringSchemas(child, [path, key, name].filter(Boolean).join('.'), seen));
    }
  }
  return found;
}

describe('every string of the protocol', () => {
  const modules = { checklist, corrections, http, messages, recording, spatial };
  const exported = Object.entries(modules).flatMap(([module, exports]) =>
    Object.entries(exports).filter(([, value]) => isSchema(value)).map(([name, schema]) => [`${module}.${name}`, schema as z.ZodType] as const));

  it('finds the schemas', () => {
    expect(exported.length).toBeGreaterThan(50);
  });

  it('is text(): refuses ill-formed text', () => {
    const plain = exported.flatMap(([name, schema]) => stringSchemas(schema, name))
      .filter(({ def }) => !def.checks?.some((c) => c._zod.def.check === 'custom' && c._zod.def.fn === isWellFormedText))
      .map(({ path }) => path);
    expect(plain).toEqual([]);
  });
});
